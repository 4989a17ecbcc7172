import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '../../../../src/core/org/account.js';
import { useUseLink } from '../../api/org.js';
import { ErrorNotice, Field, PageHeader } from '../../components/ui.js';

/**
 * A one-time link from an admin (`/welcome#token=…` to sign in, `/reset#token=…` for a new
 * password): the token is read from after `#`, which never reaches the server's log; the password
 * chosen here is set as the link signs in.
 */
export function UseLink({ reset }: { reset: boolean }) {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [password, setPassword] = useState('');
  const use = useUseLink();
  const navigate = useNavigate();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    use.mutate({ token, password }, { onSuccess: () => void navigate('/org/people', { replace: true }) });
  };
  return (
    <div className="sign-in">
      <PageHeader title={reset ? 'Choose a new password' : 'Welcome'}>
        {reset
          ? 'This link works once: set your new password.'
          : 'Choose a password to sign in with from now on.'}
      </PageHeader>
      {token === '' ? (
        <p className="notice error-notice" role="alert">
          This link has no token: open the whole link you were given.
        </p>
      ) : (
        <form className="card" onSubmit={submit}>
          <ErrorNotice error={use.error} title="The link did not work" />
          <Field label="New password" hint={`At least ${MIN_PASSWORD_LENGTH} characters`}>
            <input
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          <div className="actions">
            <button type="submit" disabled={use.isPending}>
              Set the password and sign in
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
