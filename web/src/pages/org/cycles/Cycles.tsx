import { Link } from 'react-router';
import { describeScope } from '../../../../../src/core/org/reviews/cycle.js';
import { useCycles } from '../../../api/reviews.js';
import { EmptyState, ErrorNotice, Loading, PageHeader, ScrollTable } from '../../../components/ui.js';
import { OpenCycle } from './OpenCycle.js';

/** hr's review cycles: every cycle, oldest first, and opening a new one. */
export default function Cycles() {
  const cycles = useCycles();
  return (
    <>
      <PageHeader title="Review cycles">Open a cycle, follow it, calibrate it, close it.</PageHeader>
      <section className="card" aria-labelledby="open-heading">
        <h2 id="open-heading">Open a cycle</h2>
        <OpenCycle />
      </section>
      <section className="card" aria-labelledby="cycles-heading">
        <h2 id="cycles-heading">Cycles</h2>
        {cycles.isPending ? (
          <Loading what="the cycles" />
        ) : cycles.error ? (
          <ErrorNotice error={cycles.error} title="The cycles could not be loaded" />
        ) : cycles.data.length === 0 ? (
          <EmptyState title="No cycle yet">Open the first one above.</EmptyState>
        ) : (
          <ScrollTable label="Review cycles">
            <table>
              <caption>Every cycle, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Cycle</th>
                  <th scope="col">Version</th>
                  <th scope="col">Scope</th>
                  <th scope="col">Self due</th>
                  <th scope="col">Manager due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {cycles.data.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/org/cycles/${c.id}`}>{c.name}</Link>
                    </td>
                    <td>{c.frameworkVersion}</td>
                    <td>{describeScope(c.scope)}</td>
                    <td>{c.selfDue}</td>
                    <td>{c.managerDue}</td>
                    <td>{c.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
    </>
  );
}
