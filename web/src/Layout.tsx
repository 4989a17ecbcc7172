import { useEffect, useRef } from 'react';
import {
  isRouteErrorResponse,
  Link,
  NavLink,
  Outlet,
  useLocation,
  useNavigation,
  useRouteError,
} from 'react-router';
import { grantsAny } from '../../src/core/org/policy.js';
import { useSession, type SessionState } from './api/org.js';
import { orgPages, pages } from './nav.js';
import { SessionBar } from './pages/org/SessionBar.js';
import { SignIn } from './pages/org/SignIn.js';
import { UseLink } from './pages/org/UseLink.js';

/** The pages one-time links open (`linkUrl`): a signed-out visitor may use them. */
const linkPages = ['/welcome', '/reset'];

/**
 * The navigation: the personal pages, and in an organisation workspace (once signed in) the
 * organisation's pages the account's roles may use.
 */
function navFor(session: SessionState | undefined) {
  const account = session?.account;
  if (session?.organisations && !account) return [];
  const org = account ? orgPages.filter((p) => grantsAny(account.roles, p.action)) : [];
  return [...org, ...(account ? pages.filter((p) => !p.personalOnly) : pages)];
}

function Shell({ children, session }: { children: React.ReactNode; session?: SessionState | undefined }) {
  const navigation = useNavigation();
  const listed = navFor(session);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Trellis
        </Link>
        <nav aria-label="Pages">
          <ul>
            {listed.map((p) => (
              <li key={p.path}>
                {/* A page with another listed beneath it (Pay, My pay) is current only at its own path. */}
                <NavLink
                  to={p.path}
                  end={p.path === '/' || listed.some((o) => o.path.startsWith(`${p.path}/`))}
                >
                  {p.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {session?.account ? <SessionBar account={session.account} /> : null}
      </header>
      {navigation.state === 'loading' ? (
        <div className="progress" role="progressbar" aria-label="Loading page" />
      ) : null}
      {children}
    </>
  );
}

export function Layout() {
  const location = useLocation();
  // A server without organisations (or an older one) answers no account: the personal workspace.
  const session = useSession();
  const signedOut = session.data?.organisations === true && session.data.account === null;
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After a client-side navigation, move focus to the new page so keyboard and screen reader users start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  return (
    <Shell session={session.data}>
      <main id="main" ref={main} tabIndex={-1}>
        {session.isPending ? (
          <p className="loading" role="status">
            Loading…
          </p>
        ) : signedOut && linkPages.includes(location.pathname) ? (
          <UseLink reset={location.pathname === '/reset'} />
        ) : signedOut ? (
          <SignIn sso={session.data?.sso === true} />
        ) : (
          <Outlet />
        )}
      </main>
    </Shell>
  );
}

export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <Shell>
      <main id="main" tabIndex={-1}>
        <div className="notice error-notice" role="alert">
          <h1>This page failed to load</h1>
          <p>{message}</p>
          <p>
            Reload the page; if it keeps failing, check that the Trellis server is running.{' '}
            <Link to="/">Back to the ladder</Link>
          </p>
        </div>
      </main>
    </Shell>
  );
}
