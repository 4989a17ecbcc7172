import { useState, type FormEvent } from 'react';
import { useAdoptFramework, useFrameworkVersions, usePlanFramework } from '../../../api/org.js';
import { ErrorNotice, Field, Loading, ScrollTable } from '../../../components/ui.js';
import { plural } from '../../../../../src/core/plural.js';

/** The versions adopted, and a new one: its plan (who it affects) shown first, adopted after. */
export function Frameworks() {
  const versions = useFrameworkVersions();
  const plan = usePlanFramework();
  const adopt = useAdoptFramework();
  const [source, setSource] = useState('');
  const [file, setFile] = useState('framework.yaml');
  const planned = plan.data && plan.variables === source ? plan.data : undefined;
  const showPlan = (event: FormEvent) => {
    event.preventDefault();
    adopt.reset();
    plan.mutate(source);
  };
  const readFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen.name);
    setSource(await chosen.text());
  };
  return (
    <section className="card" aria-labelledby="frameworks-heading">
      <h2 id="frameworks-heading">Framework versions</h2>
      <ErrorNotice error={versions.error} />
      {versions.isPending ? <Loading what="the versions" /> : null}
      {versions.data ? (
        <ScrollTable label="The framework versions">
          <table>
            <caption>Every version adopted; the last is the current one</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Framework</th>
                <th scope="col">Adopted</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.map((v) => (
                <tr key={v.id}>
                  <td>{v.number}</td>
                  <td>
                    {v.frameworkId} {v.frameworkVersion}
                  </td>
                  <td>{v.adoptedAt.slice(0, 10)}</td>
                  <td>{v.adoptedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      <h3>Adopt a new version</h3>
      <form onSubmit={showPlan}>
        <Field label="Framework file" hint="YAML or JSON, as trellis framework validate reads it">
          <input type="file" accept=".yaml,.yml,.json" onChange={(e) => void readFile(e.target.files?.[0])} />
        </Field>
        <Field label="Or paste its text">
          <textarea rows={6} value={source} onChange={(e) => setSource(e.target.value)} />
        </Field>
        <div className="actions">
          <button type="submit" disabled={source.trim() === '' || plan.isPending}>
            Show who it affects
          </button>
        </div>
      </form>
      <ErrorNotice error={plan.error} title="This file cannot be adopted" />
      {planned ? (
        <div className="plan" aria-live="polite">
          <p>
            Adopting {planned.to.id} {planned.to.version} would affect{' '}
            {plural(planned.affected.length, 'active person', 'active people')};{' '}
            {plural(planned.unaffected, 'person', 'people')} would move onto it unchanged.
          </p>
          {planned.affected.length > 0 ? (
            <ScrollTable label="Who the new version affects">
              <table>
                <caption>Who the new version affects</caption>
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">Level</th>
                    <th scope="col">Change</th>
                    <th scope="col">What</th>
                  </tr>
                </thead>
                <tbody>
                  {planned.affected.map((e) => (
                    <tr key={e.email}>
                      <td>{e.name}</td>
                      <td>
                        {e.level} (version {e.version})
                      </td>
                      <td>
                        {e.change === 'level-removed'
                          ? 'level removed: re-level them'
                          : 'expectations changed'}
                      </td>
                      <td>{[...e.competencies, ...e.fields.map((f) => `level.${f}`)].join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          ) : null}
          <p>
            {plural(planned.verdicts.length, 'person', 'people')} whose latest verdict would change;{' '}
            {plural(planned.cases.length, 'open promotion case', 'open promotion cases')} affected.
          </p>
          {planned.verdicts.length > 0 ? (
            <ScrollTable label="Whose latest verdict would change">
              <table>
                <caption>Whose latest verdict would change</caption>
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">Level</th>
                    <th scope="col">Change</th>
                    <th scope="col">Verdict now</th>
                    <th scope="col">Under the new version</th>
                  </tr>
                </thead>
                <tbody>
                  {planned.verdicts.map((v) => (
                    <tr key={v.email}>
                      <td>{v.name}</td>
                      <td>{v.level}</td>
                      <td>{v.change === 'gains' ? 'gains a level met' : 'loses a level met'}</td>
                      <td>{verdictWords(v.now)}</td>
                      <td>{verdictWords(v.next)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          ) : null}
          {planned.cases.length > 0 ? (
            <ScrollTable label="Open promotion cases affected">
              <table>
                <caption>Open promotion cases affected</caption>
                <thead>
                  <tr>
                    <th scope="col">Case</th>
                    <th scope="col">Person</th>
                    <th scope="col">Target</th>
                    <th scope="col">Why</th>
                    <th scope="col">Ready now</th>
                    <th scope="col">Under the new version</th>
                  </tr>
                </thead>
                <tbody>
                  {planned.cases.map((c) => (
                    <tr key={c.id}>
                      <td>{c.id}</td>
                      <td>{c.name}</td>
                      <td>{c.targetLevel}</td>
                      <td>{[...c.reasons.map((r) => r.replace('-', ' ')), ...c.competencies].join(', ')}</td>
                      <td>{readyWords(c.readyNow)}</td>
                      <td>{readyWords(c.readyNext)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          ) : null}
          <div className="actions">
            <button
              type="button"
              disabled={adopt.isPending}
              onClick={() => adopt.mutate({ source, file }, { onSuccess: () => plan.reset() })}
            >
              Adopt {planned.to.id} {planned.to.version}
            </button>
          </div>
        </div>
      ) : null}
      <ErrorNotice error={adopt.error} title="Not adopted" />
      {adopt.data ? (
        <p className="tag ok" role="status">
          Adopted as version {adopt.data.version.number}:{' '}
          {plural(adopt.data.moved.length, 'person', 'people')} moved onto it.
        </p>
      ) : null}
    </section>
  );
}

const verdictWords = (v: { level: string | null; holdsHeld: boolean | null }) =>
  `${v.level ?? 'no level met'}${v.holdsHeld === false ? ' (held level not met)' : ''}`;
const readyWords = (ready: boolean | null) => (ready === null ? 'no ratings' : ready ? 'ready' : 'not ready');
