import { useState, type FormEvent } from 'react';
import { roles, type Role } from '../../../../../src/core/org/policy.js';
import {
  useAccounts,
  useAddAccount,
  useChangeAccount,
  useResetLink,
  type Account,
} from '../../../api/org.js';
import { ErrorNotice, Field, Loading } from '../../../components/ui.js';

function RoleBoxes({
  legend,
  chosen,
  onChange,
  disabled = false,
}: {
  legend: string;
  chosen: readonly Role[];
  onChange: (next: Role[]) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="roles">
      <legend>{legend}</legend>
      {roles.map((role) => (
        <label key={role}>
          <input
            type="checkbox"
            checked={chosen.includes(role)}
            disabled={disabled}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, role] : chosen.filter((r) => r !== role))
            }
          />{' '}
          {role}
        </label>
      ))}
    </fieldset>
  );
}

function AccountRow({ account }: { account: Account }) {
  const change = useChangeAccount();
  const reset = useResetLink();
  return (
    <li className="account">
      <p>
        <strong>{account.email}</strong> {account.disabled ? <span className="tag bad">disabled</span> : null}{' '}
        {account.hasPassword ? null : <span className="tag warn">no password yet</span>}
      </p>
      <RoleBoxes
        legend={`Roles of ${account.email}`}
        chosen={account.roles}
        disabled={change.isPending}
        onChange={(next) => change.mutate({ id: account.id, roles: next })}
      />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => reset.mutate(account.id)}>
          Make a reset link
        </button>
        <button
          type="button"
          className={account.disabled ? 'secondary' : 'danger'}
          onClick={() => change.mutate({ id: account.id, disabled: !account.disabled })}
        >
          {account.disabled ? 'Enable' : 'Disable'}
        </button>
      </div>
      <ErrorNotice error={change.error ?? reset.error} title="Not changed" />
      {reset.data ? (
        <p role="status">
          Give this link to {reset.data.email} (it works once, until {reset.data.expiresAt}):{' '}
          <code>{reset.data.url}</code>
        </p>
      ) : null}
    </li>
  );
}

/** The accounts with their roles: add one, change roles, disable, make a reset link. */
export function Accounts() {
  const accounts = useAccounts();
  const add = useAddAccount();
  const [email, setEmail] = useState('');
  const [chosen, setChosen] = useState<Role[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { email, roles: chosen },
      {
        onSuccess: () => {
          setEmail('');
          setChosen([]);
        },
      },
    );
  };
  return (
    <section className="card" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Users and roles</h2>
      <ErrorNotice error={accounts.error} />
      {accounts.isPending ? <Loading what="the accounts" /> : null}
      <ul className="accounts">
        {(accounts.data ?? []).map((a) => (
          <AccountRow key={a.id} account={a} />
        ))}
      </ul>
      <h3>Add an account</h3>
      <form onSubmit={submit}>
        <Field label="Email" error={add.error instanceof Error ? add.error.message : undefined}>
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <RoleBoxes legend="Roles of the new account" chosen={chosen} onChange={setChosen} />
        <div className="actions">
          <button type="submit" disabled={add.isPending}>
            Add the account
          </button>
        </div>
      </form>
    </section>
  );
}
