import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDirectory, useDirectoryPage, type DirectoryEntry } from '../../api/org.js';
import {
  Choice,
  EmptyState,
  ErrorNotice,
  Field,
  Loading,
  PageHeader,
  ScrollTable,
} from '../../components/ui.js';
import { plural } from '../../../../src/core/plural.js';

const PAGE = 20;

/** The teams and the managers anyone reports to: the filters' choices. */
function choicesOf(everyone: readonly DirectoryEntry[]) {
  const teams = [...new Set(everyone.flatMap((p) => (p.team ? [p.team] : [])))].sort();
  const managing = new Set(everyone.flatMap((p) => (p.managerEmail ? [p.managerEmail] : [])));
  const managers = everyone
    .filter((p) => managing.has(p.email))
    .map((p) => ({ value: p.email, label: p.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return { teams, managers };
}

/** The people directory: search by name or email, filter by team or manager, a page at a time. */
export default function People() {
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get('q') ?? undefined,
    team: params.get('team') ?? undefined,
    manager: params.get('manager') ?? undefined,
  };
  // The cursors of the pages before this one, to go back.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const page = useDirectoryPage({ ...filter, cursor }, PAGE);
  const everyone = useDirectory();
  const { teams, managers } = choicesOf(everyone.data ?? []);
  const nameOf = new Map((everyone.data ?? []).map((p) => [p.email, p.name]));
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(key);
    else next.set(key, value);
    setCursors([]);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title="People">Everyone in the organisation: name, email, team and manager.</PageHeader>
      <form className="card filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label="Search" hint="Part of a name or email">
          <input type="search" value={filter.q ?? ''} onChange={(e) => set('q', e.target.value)} />
        </Field>
        <Field label="Team">
          <Choice
            value={filter.team ?? ''}
            options={teams}
            blank="Every team"
            onChange={(v) => set('team', v)}
          />
        </Field>
        <Field label="Manager" hint="Everyone below them">
          <Choice
            value={filter.manager ?? ''}
            options={managers}
            blank="Anyone"
            onChange={(v) => set('manager', v)}
          />
        </Field>
      </form>
      <ErrorNotice error={page.error} title="The directory could not be loaded" />
      {page.isPending ? <Loading what="the directory" /> : null}
      {page.data && page.data.items.length === 0 ? (
        <EmptyState title="Nobody matches">Clear the search or the filters to see everyone.</EmptyState>
      ) : null}
      {page.data && page.data.items.length > 0 ? (
        <ScrollTable label="The directory">
          <table>
            <caption>{plural(page.data.items.length, 'person', 'people')} on this page</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Team</th>
                <th scope="col">Manager</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/org/people/${p.id}`}>{p.name}</Link>
                  </td>
                  <td>{p.email}</td>
                  <td>{p.team ?? ''}</td>
                  <td>{p.managerEmail ? (nameOf.get(p.managerEmail) ?? p.managerEmail) : ''}</td>
                  <td>{p.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      <nav className="actions" aria-label="Directory pages">
        <button
          type="button"
          className="secondary"
          disabled={cursors.length === 0}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Previous page
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!page.data?.nextCursor}
          onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
        >
          Next page
        </button>
      </nav>
    </>
  );
}
