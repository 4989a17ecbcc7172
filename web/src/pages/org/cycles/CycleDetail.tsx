import { Link, useParams } from 'react-router';
import { describeScope } from '../../../../../src/core/org/reviews/cycle.js';
import { useCloseCycle, useCycle } from '../../../api/reviews.js';
import { ErrorNotice, Loading, PageHeader } from '../../../components/ui.js';

/** One cycle: its name, version, scope and deadlines, how far each step has come, closing it. */
export default function CycleDetail() {
  const id = Number(useParams().id);
  const cycle = useCycle(id);
  const close = useCloseCycle();
  if (cycle.isPending) return <Loading what="the cycle" />;
  if (cycle.error) return <ErrorNotice error={cycle.error} title="The cycle could not be loaded" />;
  const c = cycle.data;
  const step = (s: typeof c.progress.self) =>
    `${s.submitted} submitted, ${s.draft} draft, ${s.missing} missing`;
  const rows: [string, string][] = [
    ['Status', c.status === 'closed' ? `closed on ${c.closedAt?.slice(0, 10) ?? ''}, frozen` : 'open'],
    ['Framework version', String(c.frameworkVersion)],
    ['Scope', `${describeScope(c.scope)}: ${c.progress.people} people`],
    [`Self-assessments (due ${c.selfDue})`, step(c.progress.self)],
    [`Manager assessments (due ${c.managerDue})`, step(c.progress.manager)],
    ['Peer requests', `${c.progress.peers.answered} of ${c.progress.peers.asked} answered`],
  ];
  return (
    <>
      <PageHeader title={`Cycle: ${c.name}`}>Opened {c.openedAt.slice(0, 10)}.</PageHeader>
      <section className="card" aria-labelledby="status-heading">
        <h2 id="status-heading">Status</h2>
        <dl className="facts">
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <div className="actions">
          <Link to={`/org/cycles/${c.id}/calibration`}>Calibration board</Link>
          {c.status === 'open' ? (
            <button
              type="button"
              className="danger"
              disabled={close.isPending}
              onClick={() => close.mutate(c.id)}
            >
              Close the cycle
            </button>
          ) : null}
        </div>
        <ErrorNotice error={close.error} title="Not closed" />
      </section>
    </>
  );
}
