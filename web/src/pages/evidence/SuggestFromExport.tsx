import { useMemo, useState } from 'react';
import { parsePullRequestExport } from '../../../../src/core/evidence/suggest/exports.js';
import { entryOf, suggestEvidence, type Suggestion } from '../../../../src/core/evidence/suggest/suggest.js';
import type { Framework } from '../../../../src/core/framework/schema.js';
import { describeProblem, DomainError } from '../../../../src/core/problems.js';
import type { StoredEvidence } from '../../../../src/store/entities.js';
import { useSaveEvidence } from '../../api/hooks.js';
import { ErrorNotice, Field } from '../../components/ui.js';

/**
 * Draft entries from a pull-request export (`gh pr list --json …`, `glab mr list --output json`),
 * read and matched in the browser: the file never leaves this machine, and nothing is stored until
 * an entry is added.
 */
export function SuggestFromExport({
  framework,
  entries,
}: {
  framework: Framework;
  entries: readonly StoredEvidence[];
}) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [authors, setAuthors] = useState('');
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const [titles, setTitles] = useState<Record<string, string>>({});
  const save = useSaveEvidence();
  const known = useMemo(() => new Set(entries.flatMap((e) => (e.source ? [e.source] : []))), [entries]);
  const names = authors.split(/[\s,]+/).filter(Boolean);

  const result = useMemo((): { suggestions: Suggestion[]; problems: string[] } => {
    if (!file || names.length === 0) return { suggestions: [], problems: [] };
    try {
      const pulls = parsePullRequestExport(file.text, file.name);
      return {
        suggestions: suggestEvidence({ framework, commits: [], pulls, authors: names }),
        problems: [],
      };
    } catch (error) {
      if (error instanceof DomainError)
        return { suggestions: [], problems: error.problems.map((p) => describeProblem(p)) };
      throw error;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `names` is derived from `authors`
  }, [file, authors, framework]);
  const open = result.suggestions.filter((s) => !known.has(s.source) && !dropped.has(s.source));
  const competencyName = (id: string) => framework.competencies.find((c) => c.id === id)?.name ?? id;

  return (
    <section className="card" aria-labelledby="suggest-title">
      <h2 id="suggest-title">Suggestions from your pull requests</h2>
      <p className="small muted">
        Export your pull requests with your code host’s command-line client, then choose the file here. It is
        read in this browser only; nothing is stored until you add an entry.
      </p>
      <div className="row">
        <Field label="Export file" hint="The JSON list of pull requests or merge requests">
          <input
            type="file"
            accept=".json,application/json"
            onChange={async (e) => {
              const chosen = e.target.files?.[0];
              setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
            }}
          />
        </Field>
        <Field label="You" hint="Your code-host login (and commit email), separated by commas">
          <input
            type="text"
            value={authors}
            onChange={(e) => setAuthors(e.target.value)}
            autoComplete="username"
          />
        </Field>
      </div>
      {result.problems.length > 0 ? (
        <div className="notice error-notice" role="alert">
          <p>That file is not a pull request export:</p>
          <ul>
            {result.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorNotice error={save.error} title="The entry was not added" />
      {file && names.length > 0 && result.problems.length === 0 ? (
        open.length === 0 ? (
          <p className="muted">
            No new suggestions{known.size > 0 ? ' (the ones already in your log are left out)' : ''}.
          </p>
        ) : (
          <ul className="entries" aria-label="Suggested entries">
            {open.map((s) => (
              <li key={s.source} className="card">
                <Field label={`Title (${s.date})`}>
                  <input
                    type="text"
                    value={titles[s.source] ?? s.title}
                    onChange={(e) => setTitles({ ...titles, [s.source]: e.target.value })}
                  />
                </Field>
                <p className="small muted">
                  Scope {s.scope}; rests on {s.basis.pullRequests} pull request
                  {s.basis.pullRequests === 1 ? '' : 's'}, {s.basis.files} files
                  {s.basis.reviews > 0
                    ? `, ${s.basis.reviews} review${s.basis.reviews === 1 ? '' : 's'}`
                    : ''}
                  .
                </p>
                {s.competencies.length > 0 ? (
                  <ul className="small">
                    {s.competencies.map((c) => (
                      <li key={c.id}>
                        Shows {competencyName(c.id)}: {c.because.join('; ')}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="small muted">No competency’s hints match: add one after adding the entry.</p>
                )}
                <div className="actions">
                  <button
                    type="button"
                    disabled={save.isPending}
                    onClick={() =>
                      save.mutate({ body: entryOf(s, (titles[s.source] ?? s.title).trim() || s.title) })
                    }
                  >
                    Add to my log<span className="visually-hidden"> {s.title}</span>
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setDropped(new Set([...dropped, s.source]))}
                  >
                    Drop<span className="visually-hidden"> {s.title}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
