import { useState } from 'react';
import { assess } from '../../../../src/core/assessment/evaluate.js';
import { compareAssessments } from '../../../../src/core/assessment/compare.js';
import type { Framework } from '../../../../src/core/framework/schema.js';
import type { StoredAssessment } from '../../../../src/store/entities.js';
import { useDeleteAssessment } from '../../api/hooks.js';
import { EmptyState, ErrorNotice, Field, ScrollTable } from '../../components/ui.js';

/** The verdict of a stored assessment against the framework in use, in words. */
export function verdictOf(framework: Framework, a: StoredAssessment): string {
  try {
    const r = assess(framework, { ...(a.current ? { current: a.current } : {}), ratings: a.ratings });
    const level = framework.levels.find((l) => l.id === r.level);
    return level ? `meets ${level.title}` : 'no level met yet';
  } catch {
    return `cannot be judged against ${framework.name} ${framework.version}`;
  }
}

const titleOf = (framework: Framework, id: string | null) =>
  framework.levels.find((l) => l.id === id)?.title ?? '—';

/**
 * The stored assessments, oldest first: each with its date, the framework version it was made
 * against and its verdict; one can be loaded into the form, deleted, or compared with another.
 */
export function History({
  framework,
  assessments,
  onLoad,
}: {
  framework: Framework;
  assessments: StoredAssessment[];
  onLoad: (a: StoredAssessment) => void;
}) {
  const remove = useDeleteAssessment();
  if (assessments.length === 0)
    return (
      <EmptyState title="No saved assessments yet">
        <p>
          Rate yourself above and save: each saved assessment is kept with its date, so you can see how you
          grow.
        </p>
      </EmptyState>
    );
  return (
    <>
      <ErrorNotice error={remove.error} title="The assessment could not be deleted" />
      <ScrollTable label="Saved assessments">
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Framework</th>
              <th scope="col">Held</th>
              <th scope="col">Verdict</th>
              <th scope="col">Since the one before</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {assessments.map((a, index) => {
              const before = assessments[index - 1];
              const change = before
                ? compareAssessments(framework, { ratings: before.ratings }, { ratings: a.ratings }).summary
                : null;
              return (
                <tr key={a.id}>
                  <td>{a.date}</td>
                  <td>
                    {a.framework.id === framework.id ? framework.name : 'another framework'}{' '}
                    {a.framework.version}
                  </td>
                  <td>{titleOf(framework, a.current)}</td>
                  <td>{verdictOf(framework, a)}</td>
                  <td>
                    {change ? `${change.higher} up, ${change.lower} down, ${change.same} same` : 'first'}
                  </td>
                  <td className="actions">
                    <button type="button" className="secondary" onClick={() => onLoad(a)}>
                      Load<span className="visually-hidden"> the assessment of {a.date}</span>
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => {
                        if (window.confirm(`Delete the assessment of ${a.date}?`)) remove.mutate(a.id);
                      }}
                    >
                      Delete<span className="visually-hidden"> the assessment of {a.date}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
      {assessments.length >= 2 ? <Compare framework={framework} assessments={assessments} /> : null}
    </>
  );
}

const label = (a: StoredAssessment) => `${a.date} (${a.assessor})`;

/** Two stored assessments side by side: each rating, the ones that differ marked, and each verdict. */
function Compare({ framework, assessments }: { framework: Framework; assessments: StoredAssessment[] }) {
  const [aId, setA] = useState(assessments.at(-2)!.id);
  const [bId, setB] = useState(assessments.at(-1)!.id);
  const a = assessments.find((x) => x.id === aId) ?? assessments.at(-2)!;
  const b = assessments.find((x) => x.id === bId) ?? assessments.at(-1)!;
  const comparison = compareAssessments(framework, { ratings: a.ratings }, { ratings: b.ratings });
  const { higher, lower, same } = comparison.summary;
  const pick = (value: number, set: (id: number) => void, name: string) => (
    <Field label={name}>
      <select value={value} onChange={(e) => set(Number(e.target.value))}>
        {assessments.map((x) => (
          <option key={x.id} value={x.id}>
            {label(x)}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <section className="card" aria-labelledby="compare-title">
      <h3 id="compare-title">Compare two assessments</h3>
      <div className="row">
        {pick(a.id, setA, 'Compare')}
        {pick(b.id, setB, 'with')}
      </div>
      <p className="small" role="status">
        {higher} higher, {lower} lower, {same} the same.
      </p>
      <ScrollTable label="The two assessments side by side">
        <table aria-label="Assessments side by side">
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col" className="num">
                {a.date}
              </th>
              <th scope="col" className="num">
                {b.date}
              </th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {comparison.competencies.map((c) => {
              const differs = c.a !== c.b;
              return (
                <tr key={c.competency} className={differs ? 'differs' : undefined}>
                  <th scope="row">{c.name}</th>
                  <td className="num">{c.a ?? 'not rated'}</td>
                  <td className="num">{c.b ?? 'not rated'}</td>
                  <td>
                    {!differs
                      ? 'same'
                      : c.delta === null
                        ? 'differs'
                        : `${c.delta > 0 ? 'up' : 'down'} ${Math.abs(c.delta)}`}
                  </td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">Verdict</th>
              <td>{verdictOf(framework, a)}</td>
              <td>{verdictOf(framework, b)}</td>
              <td>{verdictOf(framework, a) === verdictOf(framework, b) ? 'same' : 'differs'}</td>
            </tr>
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
