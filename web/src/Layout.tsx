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
import { pages } from './nav.js';

function Shell({ children }: { children: React.ReactNode }) {
  const navigation = useNavigation();
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
            {pages.map((p) => (
              <li key={p.path}>
                <NavLink to={p.path} end={p.path === '/'}>
                  {p.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
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
    <Shell>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
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
