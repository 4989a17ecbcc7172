import { useState } from 'react';
import type { ImportFormat } from '../../../src/core/framework/import/index.js';
import { fidelitySummary } from '../../../src/core/framework/import/fidelity.js';
import { ApiError } from '../api/client.js';
import { EmptyState, ErrorNotice, Field, Loading, PageHeader, ScrollTable } from '../components/ui.js';
import { useTitle } from '../lib/title.js';
import {
  useImportFramework,
  useStoredFrameworks,
  useUseFramework,
  type ImportAnswer,
} from './frameworks/importApi.js';

/** The published formats, in words, with the files each takes. */
const formats: { value: ImportFormat; label: string; files: string; accept: string }[] = [
  {
    value: 'monzo',
    label: 'Monzo',
    files: 'a framework .md, with generic.md to inherit from',
    accept: '.md',
  },
  {
    value: 'ft',
    label: 'Financial Times',
    files: 'a job-family .yml, or the four files of the older layout',
    accept: '.yml,.yaml',
  },
  { value: 'markdown', label: 'Markdown', files: 'a heading-structured .md', accept: '.md,.markdown' },
  { value: 'snowflake', label: 'Snowflake', files: 'its constants.js', accept: '.js' },
  { value: 'csv', label: 'Spreadsheet (CSV)', files: 'a competency × level matrix as .csv', accept: '.csv' },
  {
    value: 'xlsx',
    label: 'Spreadsheet (Excel)',
    files: 'a competency × level matrix as .xlsx',
    accept: '.xlsx',
  },
];

export default function FrameworksPage() {
  useTitle('Frameworks');
  return (
    <>
      <PageHeader title="Frameworks">
        The career framework every page reads. Switch to another stored one, or import another company's
        published ladder and read what the import kept and left behind before you store it.
      </PageHeader>
      <Stored />
      <Import />
    </>
  );
}

function Stored() {
  const stored = useStoredFrameworks();
  const choose = useUseFramework();
  if (stored.isPending) return <Loading what="the stored frameworks" />;
  if (stored.error) return <ErrorNotice title="The frameworks could not be loaded" error={stored.error} />;
  const { frameworks, active } = stored.data;
  const inUse = frameworks.find((f) => f.id === active);
  return (
    <section className="card" aria-labelledby="stored-title">
      <h2 id="stored-title">Stored frameworks</h2>
      <p role="status">
        In use: <strong>{inUse ? `${inUse.name} ${inUse.version}` : 'the reference framework'}</strong>
      </p>
      <ErrorNotice error={choose.error} title="The framework was not switched" />
      <ScrollTable label="Stored frameworks">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Version</th>
              <th scope="col">From</th>
              <th scope="col">Stored</th>
              <th scope="col">
                <span className="visually-hidden">Use</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {frameworks.map((f) => (
              <tr key={f.id}>
                <th scope="row">{f.name}</th>
                <td>{f.version}</td>
                <td>{f.origin === 'reference' ? 'shipped' : f.origin}</td>
                <td>{f.createdAt.slice(0, 10)}</td>
                <td>
                  {f.id === active ? (
                    <span className="tag ok">In use</span>
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      disabled={choose.isPending}
                      onClick={() => choose.mutate(f.id)}
                    >
                      Use
                      <span className="visually-hidden">
                        {' '}
                        {f.name} {f.version}
                      </span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

function Import() {
  const [format, setFormat] = useState<ImportFormat>('monzo');
  const [files, setFiles] = useState<File[]>([]);
  const run = useImportFramework();
  const chosen = formats.find((f) => f.value === format)!;
  const names = files.map((f) => f.name);
  const start = (store: boolean) => run.mutate({ format, files, store });
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import a published ladder</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          start(false);
        }}
      >
        <div className="row">
          <Field label="Format">
            <select
              value={format}
              onChange={(e) => {
                setFormat(e.target.value as ImportFormat);
                run.reset();
              }}
            >
              {formats.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Files" hint={chosen.files}>
            <input
              type="file"
              multiple
              accept={chosen.accept}
              onChange={(e) => {
                setFiles([...(e.target.files ?? [])]);
                run.reset();
              }}
            />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" disabled={files.length === 0 || run.isPending}>
            {run.isPending ? 'Importing…' : 'Check the import'}
          </button>
          {run.data && !run.data.stored ? (
            <button type="button" disabled={run.isPending} onClick={() => start(true)}>
              Store and use it
            </button>
          ) : null}
        </div>
      </form>
      <ImportProblems error={run.error} names={names} />
      {run.data ? <ImportReport answer={run.data} /> : null}
    </section>
  );
}

/** A refused import, each problem at its file, line and column. */
function ImportProblems({ error, names }: { error: unknown; names: string[] }) {
  if (!(error instanceof ApiError) || error.fields.length === 0)
    return <ErrorNotice error={error} title="The ladder could not be imported" />;
  return (
    <div className="notice error-notice" role="alert">
      <strong>The ladder could not be imported</strong>
      <p>{error.message}</p>
      <ul aria-label="Problems">
        {error.fields.map((f) => {
          const at = /^body\.files\[(\d+)\]/.exec(f.path);
          const { line, col } = f as { line?: number; col?: number };
          const where = [at ? names[Number(at[1])] : 'the request', line, col].filter((x) => x !== undefined);
          return (
            <li key={`${f.path}:${line}:${f.message}`}>
              <strong>{where.join(':')}</strong>: {f.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** What the import gives: the framework in brief, the importer's notes and the fidelity report. */
function ImportReport({ answer }: { answer: ImportAnswer }) {
  const { framework, notes, fidelity, stored } = answer;
  return (
    <div className="import-report" aria-live="polite">
      <p className={`notice ${stored ? 'ok-notice' : ''}`} role="status">
        {stored
          ? `Stored ${framework.name} ${framework.version}: it is the framework in use.`
          : `Not stored yet: ${framework.name} ${framework.version} would have ${framework.levels} levels on ${framework.tracks.join(' and ')}, and ${framework.competencies} competencies.`}
      </p>
      <h3>Notes from the import</h3>
      {notes.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul aria-label="Notes from the import" className="small">
          {notes.map((n, i) => (
            <li key={i}>
              <span className={`tag ${n.severity === 'warning' ? 'warn' : ''}`}>
                {n.severity === 'warning' ? 'warning' : 'note'}
              </span>{' '}
              {n.file ? (
                <strong>{[n.file, n.line, n.col].filter((x) => x !== undefined).join(':')}: </strong>
              ) : null}
              {n.message}
            </li>
          ))}
        </ul>
      )}
      <h3>Fidelity</h3>
      {fidelity ? (
        <>
          <p>{fidelitySummary(fidelity).replace(/^fidelity: /, '')}.</p>
          {fidelity.dropped.length > 0 ? (
            <ul aria-label="Statements left behind" className="small">
              {fidelity.dropped.map((d) => (
                <li key={`${d.path}:${d.line}`}>
                  <strong>
                    {d.path}:{d.line}
                  </strong>
                  : {d.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <EmptyState title="No fidelity report">
          <p>This format's importer does not count the statements of its source.</p>
        </EmptyState>
      )}
    </div>
  );
}
