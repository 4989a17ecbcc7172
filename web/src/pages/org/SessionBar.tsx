import { useNavigate } from 'react-router';
import { useSignOut, type SignedIn } from '../../api/org.js';

/** Who is signed in, with sign-out here and sign-out on every device. */
export function SessionBar({ account }: { account: SignedIn }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const out = (everywhere: boolean) =>
    signOut.mutate(everywhere, { onSuccess: () => void navigate('/org/people') });
  return (
    <div className="session-bar">
      <span>
        Signed in as <strong>{account.email}</strong> ({account.roles.join(', ')})
      </span>
      {account.via === 'session' ? (
        <>
          <button type="button" className="secondary" disabled={signOut.isPending} onClick={() => out(false)}>
            Sign out
          </button>
          <button type="button" className="secondary" disabled={signOut.isPending} onClick={() => out(true)}>
            Sign out everywhere
          </button>
        </>
      ) : null}
      {signOut.error ? (
        <span className="error" role="alert">
          {signOut.error.message}
        </span>
      ) : null}
    </div>
  );
}
