import { useEffect, useRef } from 'react';
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
  return <LeaveDialog onStay={() => blocker.reset()} onLeave={() => blocker.proceed()} />;
}

/**
 * "Leave without saving?" as a modal dialog (the browser's own `<dialog>`, opened with `showModal`):
 * the page behind it is inert, so focus stays in it; Escape stays, as "Stay" does; and focus goes
 * back where it was when it closes.
 */
function LeaveDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current!;
    // A DOM without modal dialogs (jsdom) shows it open, still answering Escape below.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    return () => {
      if (typeof dialog.close === 'function') dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="unsaved-title"
      aria-describedby="unsaved-text"
      className="dialog"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onStay();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      <h2 id="unsaved-title">Leave without saving?</h2>
      <p id="unsaved-text">This form has changes that are not saved yet. They will be lost if you leave.</p>
      <div className="actions">
        <button type="button" autoFocus onClick={onStay}>
          Stay and keep editing
        </button>
        <button type="button" className="secondary danger" onClick={onLeave}>
          Leave and discard
        </button>
      </div>
    </dialog>
  );
}
