import { useState } from 'react';
import { Link } from 'react-router';
import { useDirectory, type DirectoryEntry } from '../../api/org.js';
import { ErrorNotice, Loading, PageHeader } from '../../components/ui.js';
import { plural } from '../../../../src/core/plural.js';

interface Node {
  person: DirectoryEntry;
  reports: Node[];
}

/** The reporting tree of the active people: roots are those with no manager among them. */
function treeOf(everyone: readonly DirectoryEntry[]): Node[] {
  const active = everyone.filter((p) => p.status === 'active');
  const nodes = new Map(active.map((p) => [p.email, { person: p, reports: [] as Node[] }]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const manager = node.person.managerEmail ? nodes.get(node.person.managerEmail) : undefined;
    (manager ? manager.reports : roots).push(node);
  }
  const byName = (a: Node, b: Node) => a.person.name.localeCompare(b.person.name);
  for (const node of nodes.values()) node.reports.sort(byName);
  return roots.sort(byName);
}

function Branch({
  node,
  open,
  toggle,
}: {
  node: Node;
  open: ReadonlySet<string>;
  toggle: (email: string) => void;
}) {
  const { person, reports } = node;
  const expanded = open.has(person.email);
  const listId = `reports-${person.id}`;
  return (
    <li>
      <div className="chart-node">
        {reports.length > 0 ? (
          <button
            type="button"
            className="link"
            aria-expanded={expanded}
            aria-controls={listId}
            onClick={() => toggle(person.email)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
            <span className="visually-hidden">
              {expanded ? 'Collapse' : 'Expand'} the reports of {person.name}
            </span>
          </button>
        ) : (
          <span className="chart-leaf" aria-hidden="true">
            •
          </span>
        )}
        <Link to={`/org/people/${person.id}`}>{person.name}</Link>
        <span className="hint">
          {person.team ? `${person.team} · ` : ''}
          {reports.length > 0 ? plural(reports.length, 'report') : 'no reports'}
        </span>
      </div>
      {reports.length > 0 && expanded ? (
        <ul id={listId}>
          {reports.map((r) => (
            <Branch key={r.person.id} node={r} open={open} toggle={toggle} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The org chart: the reporting tree as a nested list, each manager's reports shown or hidden. */
export default function OrgChart() {
  const everyone = useDirectory();
  const roots = treeOf(everyone.data ?? []);
  const managers = (everyone.data ?? []).filter((p) =>
    (everyone.data ?? []).some((q) => q.managerEmail === p.email),
  );
  // The top of the tree starts open: the first level of reports is visible at once.
  const [open, setOpen] = useState<Set<string> | undefined>(undefined);
  const shown = open ?? new Set(roots.map((r) => r.person.email));
  const toggle = (email: string) => {
    const next = new Set(shown);
    if (next.has(email)) next.delete(email);
    else next.add(email);
    setOpen(next);
  };
  return (
    <>
      <PageHeader title="Org chart">Who reports to whom. Choose a name to open their page.</PageHeader>
      <ErrorNotice error={everyone.error} title="The directory could not be loaded" />
      {everyone.isPending ? <Loading what="the org chart" /> : null}
      {everyone.data ? (
        <section className="card" aria-labelledby="chart-heading">
          <h2 id="chart-heading">Reporting lines</h2>
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => setOpen(new Set(managers.map((m) => m.email)))}
            >
              Expand all
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(new Set())}>
              Collapse all
            </button>
          </div>
          <ul className="org-chart" aria-label="Reporting tree">
            {roots.map((r) => (
              <Branch key={r.person.id} node={r} open={shown} toggle={toggle} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
