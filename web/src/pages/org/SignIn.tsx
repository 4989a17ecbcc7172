import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { useSignIn } from '../../api/org.js';
import { Field, PageHeader } from '../../components/ui.js';

/** The sign-in error in words: a wrong password, too many tries (429), or the API's own message. */
function problemOf(error: unknown): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError && error.status === 429)
    return 'Too many failed sign-ins for this account or this address: wait a minute, then try again. Even the right password is refused until then.';
  if (error instanceof ApiError && error.status === 401) return 'The email or password is wrong.';
  return error instanceof Error ? error.message : String(error);
}

/**
 * What a signed-out visitor of an organisation workspace sees, whichever page they asked for:
 * email and password, the error beside the form, and single sign-on when the server has it.
 */
export function SignIn({ sso }: { sso: boolean }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };
  const problem = problemOf(signIn.error);
  return (
    <div className="sign-in">
      <PageHeader title="Sign in">
        This workspace belongs to an organisation: sign in with your account.
      </PageHeader>
      <form className="card" onSubmit={submit} aria-describedby={problem ? 'sign-in-problem' : undefined}>
        {problem ? (
          <div className="notice error-notice" role="alert" id="sign-in-problem">
            <p>{problem}</p>
          </div>
        ) : null}
        <Field label="Email">
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field label="Password">
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <div className="actions">
          <button type="submit" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
        {/* GET /api/session says `sso: true` once single sign-on is configured (GET /api/session/sso). */}
        {sso ? (
          <p>
            <a href="/api/session/sso">Sign in with single sign-on</a>
          </p>
        ) : null}
        <p className="hint">Forgotten your password? Ask an admin for a reset link.</p>
      </form>
    </div>
  );
}
