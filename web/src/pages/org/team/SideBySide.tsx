import type { SideVerdict } from '../../../../../src/core/org/reviews/compare.js';
import type { Comparison } from '../../../api/reviews.js';
import { ScrollTable } from '../../../components/ui.js';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function Verdict({ title, verdict }: { title: string; verdict: SideVerdict | null }) {
  return (
    <section className="card" aria-label={title}>
      <h3>{title}</h3>
      {verdict ? (
        <>
          <p>
            {verdict.status === 'draft' ? <span className="tag warn">draft</span> : null} Level met:{' '}
            <strong>{verdict.level ?? 'none'}</strong>;{' '}
            {verdict.holdsHeld === null
              ? ''
              : verdict.holdsHeld
                ? 'holds the held level'
                : 'below the held level'}
            {verdict.readyFor.length > 0 ? `; ready for ${verdict.readyFor.join(', ')}` : ''}
          </p>
          <p className="muted">{verdict.explanation}</p>
        </>
      ) : (
        <p>Not submitted yet.</p>
      )}
    </section>
  );
}

/** Self and manager side by side: each rating, the differences marked, each side's verdict. */
export function SideBySide({ comparison }: { comparison: Comparison }) {
  const { summary } = comparison;
  return (
    <>
      <ScrollTable label={`Self against manager for ${comparison.person.name}`}>
        <table>
          <caption>
            Self against manager at {comparison.level}: {summary.higher} rated higher by the manager,{' '}
            {summary.lower} lower, {summary.same} the same, {summary.unrated} rated by one side only
          </caption>
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col">Self</th>
              <th scope="col">Manager</th>
              <th scope="col">Difference</th>
            </tr>
          </thead>
          <tbody>
            {comparison.competencies.map((c) => (
              <tr key={c.competency}>
                <th scope="row">{c.name}</th>
                <td>{c.self ?? '–'}</td>
                <td>{c.manager ?? '–'}</td>
                <td>
                  {c.differs ? (
                    <span className="tag warn">
                      {c.delta === null ? 'one side only' : `differs: ${signed(c.delta)}`}
                    </span>
                  ) : (
                    'same'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <div className="grid-2">
        <Verdict title="The self-assessment's verdict" verdict={comparison.self} />
        <Verdict title="The manager's verdict" verdict={comparison.manager} />
      </div>
    </>
  );
}
