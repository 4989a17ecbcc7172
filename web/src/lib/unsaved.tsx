import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * Warns before unsaved input is lost: a confirmation inside the app when a link is followed, and
 * the browser's own prompt when the tab is closed or reloaded.
 */
export function UnsavedGuard({ when }: { when: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);

  if (blocker.state !== 'blocked') return null;
  return (
    <div className="dialog-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="unsaved-title"
        aria-describedby="unsaved-text"
        className="dialog"
      >
        <h2 id="unsaved-title">Leave without saving?</h2>
        <p id="unsaved-text">This form has changes that are not saved yet. They will be lost if you leave.</p>
        <div className="actions">
          <button type="button" autoFocus onClick={() => blocker.reset()}>
            Stay and keep editing
          </button>
          <button type="button" className="secondary danger" onClick={() => blocker.proceed()}>
            Leave and discard
          </button>
        </div>
      </div>
    </div>
  );
}
