import { useState, type FormEvent } from 'react';
import { roles, type Role } from '../../../../../src/core/org/policy.js';
import { useCreateToken, useRevokeToken, useTokens } from '../../../api/org.js';
import { Choice, ErrorNotice, Field, Loading, ScrollTable } from '../../../components/ui.js';

/** API tokens: made for an account with one of its roles, the secret shown once; revoked here. */
export function Tokens() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('employee');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, email, role }, { onSuccess: () => setName('') });
  };
  return (
    <section className="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <ErrorNotice error={tokens.error ?? revoke.error} />
      {tokens.isPending ? <Loading what="the tokens" /> : null}
      {tokens.data && tokens.data.length > 0 ? (
        <ScrollTable label="The API tokens">
          <table>
            <caption>Tokens, revoked ones included; their secrets are never shown again</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Account</th>
                <th scope="col">Role</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((t) => (
                <tr key={t.name}>
                  <td>{t.name}</td>
                  <td>{t.email}</td>
                  <td>{t.role}</td>
                  <td>{t.revokedAt ? `revoked ${t.revokedAt.slice(0, 10)}` : 'active'}</td>
                  <td>
                    {t.revokedAt ? null : (
                      <button
                        type="button"
                        className="danger"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(t.name)}
                      >
                        Revoke {t.name}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      <h3>Create a token</h3>
      <form onSubmit={submit}>
        <Field label="Name" hint="To know it and revoke it by">
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Account email" hint="The token acts for this account">
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label="Role" hint="One role the account holds">
          <Choice value={role} options={roles} onChange={(v) => setRole(v as Role)} />
        </Field>
        <div className="actions">
          <button type="submit" disabled={create.isPending}>
            Create the token
          </button>
        </div>
      </form>
      <ErrorNotice error={create.error} title="No token made" />
      {create.data ? (
        <div className="notice" role="status">
          <p>
            The token &ldquo;{create.data.name}&rdquo;, shown only now: copy it, then send it as{' '}
            <code>Authorization: Bearer TOKEN</code>.
          </p>
          <p>
            <code className="secret">{create.data.token}</code>
          </p>
        </div>
      ) : null}
    </section>
  );
}
