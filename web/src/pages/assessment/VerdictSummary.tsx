/**
 * The verdict in one line, kept in view at the top of the ratings while they scroll by on a narrow
 * screen (where the verdict itself comes after every rating); the button goes to the full verdict.
 * Hidden where the verdict stands beside the ratings.
 */
export function VerdictSummary({ verdict, target }: { verdict: string | null; target: string }) {
  return (
    <div className="verdict-summary">
      <span>
        <strong>Verdict:</strong> {verdict ?? 'rate yourself to see it'}
      </span>
      <button
        type="button"
        className="link"
        onClick={() => {
          const section = document.getElementById(target);
          section?.scrollIntoView({ block: 'start' });
          section?.focus({ preventScroll: true });
        }}
      >
        Read the verdict
      </button>
    </div>
  );
}
