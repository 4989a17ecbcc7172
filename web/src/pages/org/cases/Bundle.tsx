import type { CaseBundle } from '../../../api/reviews.js';
import { ScrollTable } from '../../../components/ui.js';

/** The case's packet: the latest submitted assessments, readiness under the target's rule, time in level. */
export function Bundle({ bundle }: { bundle: CaseBundle }) {
  const { readiness, latest, names } = bundle;
  const level = (id: string) => names.levels[id] ?? id;
  const rated = [
    ...new Set([...Object.keys(latest.self?.ratings ?? {}), ...Object.keys(latest.manager?.ratings ?? {})]),
  ];
  return (
    <section className="card" aria-labelledby="bundle-heading">
      <h2 id="bundle-heading">The case</h2>
      <dl className="facts">
        <div>
          <dt>Level when nominated</dt>
          <dd>
            {level(bundle.nominatedFrom.level)} since {bundle.nominatedFrom.levelStartDate}
          </dd>
        </div>
        {bundle.person.level !== bundle.nominatedFrom.level ? (
          <div>
            <dt>Level now</dt>
            <dd>
              {level(bundle.person.level)} since {bundle.person.levelStartDate}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Target level</dt>
          <dd>{level(bundle.targetLevel)}</dd>
        </div>
        {readiness ? (
          <div>
            <dt>Time in level</dt>
            <dd>
              {readiness.yearsInLevel} years
              {readiness.typicalYears
                ? ` (typical: ${readiness.typicalYears.min} to ${readiness.typicalYears.max} years)`
                : ''}
            </dd>
          </div>
        ) : null}
        {bundle.summary ? (
          <div>
            <dt>Nomination</dt>
            <dd>{bundle.summary}</dd>
          </div>
        ) : null}
      </dl>
      <h3>Readiness for {level(bundle.targetLevel)}</h3>
      {readiness ? (
        <>
          <p>
            <span className={`tag ${readiness.holds ? 'ok' : 'warn'}`}>
              {readiness.holds ? 'meets the rule' : 'does not meet the rule'}
            </span>{' '}
            From the {readiness.from} assessment: {readiness.met} of {readiness.total} ({readiness.rule}).
          </p>
          <p className="muted">{readiness.explanation}</p>
        </>
      ) : (
        <p>No submitted assessment yet.</p>
      )}
      <h3>Latest assessments</h3>
      {rated.length === 0 ? (
        <p>None submitted.</p>
      ) : (
        <ScrollTable label="Latest assessments">
          <table>
            <thead>
              <tr>
                <th scope="col">Competency</th>
                <th scope="col">Self</th>
                <th scope="col">Manager</th>
              </tr>
            </thead>
            <tbody>
              {rated.map((id) => (
                <tr key={id}>
                  <th scope="row">{names.competencies[id] ?? id}</th>
                  <td>{latest.self?.ratings[id]?.rating ?? '–'}</td>
                  <td>{latest.manager?.ratings[id]?.rating ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
