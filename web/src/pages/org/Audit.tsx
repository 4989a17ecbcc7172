import { useSearchParams } from 'react-router';
import { useAudit, type AuditFilter } from '../../api/org.js';
import { plural } from '../../../../src/core/plural.js';
import { EmptyState, ErrorNotice, Field, Loading, PageHeader, ScrollTable } from '../../components/ui.js';

const filters: { key: keyof AuditFilter; label: string; hint: string; type: string }[] = [
  { key: 'person', label: 'Person', hint: 'Their email', type: 'email' },
  { key: 'actor', label: 'Actor', hint: 'Who did it: an email or cli:USER', type: 'text' },
  { key: 'kind', label: 'Kind', hint: 'person.update, framework.adopt …', type: 'text' },
  { key: 'since', label: 'Since', hint: 'From this day', type: 'date' },
  { key: 'until', label: 'Until', hint: 'Before this day', type: 'date' },
];

/** A day from a date field as the API's instant: its midnight in UTC. */
const instant = (day: string | null) => (day ? `${day}T00:00:00.000Z` : undefined);

const summary = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/** The audit log, newest last, with its filters in the address so that a link opens the same view. */
export default function Audit() {
  const [params, setParams] = useSearchParams();
  const filter: AuditFilter = {
    person: params.get('person') ?? undefined,
    actor: params.get('actor') ?? undefined,
    kind: params.get('kind') ?? undefined,
    since: instant(params.get('since')),
    until: instant(params.get('until')),
  };
  const entries = useAudit(filter);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title="Audit log">
        Every change to the organisation: who, what, when, before and after.
      </PageHeader>
      <form className="card filters" role="search" onSubmit={(e) => e.preventDefault()}>
        {filters.map((f) => (
          <Field key={f.key} label={f.label} hint={f.hint}>
            <input
              type={f.type}
              value={params.get(f.key) ?? ''}
              onChange={(e) => set(f.key, e.target.value)}
            />
          </Field>
        ))}
      </form>
      <ErrorNotice error={entries.error} title="The audit log could not be loaded" />
      {entries.isPending ? <Loading what="the audit log" /> : null}
      {entries.data && entries.data.length === 0 ? (
        <EmptyState title="No entries">Nothing matches these filters.</EmptyState>
      ) : null}
      {entries.data && entries.data.length > 0 ? (
        <ScrollTable label="The audit entries">
          <table>
            <caption>{plural(entries.data.length, 'entry', 'entries')}, newest last</caption>
            <thead>
              <tr>
                <th scope="col">At</th>
                <th scope="col">Actor</th>
                <th scope="col">Kind</th>
                <th scope="col">Subject</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.map((e) => (
                <tr key={e.id}>
                  <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
                  <td>{e.actor}</td>
                  <td>
                    <code>{e.kind}</code>
                  </td>
                  <td>{e.subject}</td>
                  <td>
                    <div className="audit-change">{summary(e.after)}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
    </>
  );
}
