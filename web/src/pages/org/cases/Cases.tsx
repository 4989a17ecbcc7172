import { Link } from 'react-router';
import { useFramework } from '../../../api/hooks.js';
import { useCases, useMe } from '../../../api/reviews.js';
import { EmptyState, ErrorNotice, Loading, PageHeader, ScrollTable } from '../../../components/ui.js';

/** The promotion cases the reader may read. */
export default function Cases() {
  const cases = useCases();
  const { people, isPending, error } = useMe();
  // The organisation's current version names the levels; a level it no longer has shows its id.
  const levels = useFramework().data?.framework.levels;
  if (cases.isPending || isPending) return <Loading what="the promotion cases" />;
  if (cases.error ?? error)
    return <ErrorNotice error={cases.error ?? error} title="The cases could not be loaded" />;
  const name = (id: number) => people.find((p) => p.id === id)?.name ?? `person ${id}`;
  const title = (level: string) => levels?.find((l) => l.id === level)?.title ?? level;
  return (
    <>
      <PageHeader title="Promotion cases">
        Each case bundles the evidence, the rule and the committee&rsquo;s decision.
      </PageHeader>
      {cases.data.length === 0 ? (
        <EmptyState title="No case">A manager nominates from My team.</EmptyState>
      ) : (
        <ScrollTable label="Promotion cases">
          <table>
            <caption>The cases you may read</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Person</th>
                <th scope="col">Target level</th>
                <th scope="col">Status</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/org/cases/${c.id}`}>Case {c.id}</Link>
                  </td>
                  <td>{name(c.personId)}</td>
                  <td>{title(c.targetLevel)}</td>
                  <td>{c.status}</td>
                  <td>{(c.appeal?.decision ?? c.decision)?.decision ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
