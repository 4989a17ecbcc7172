import { inScope } from '../../../../../src/core/org/reviews/cycle.js';
import type { DirectoryEntry } from '../../../api/org.js';
import { useComparison, type CycleDetail } from '../../../api/reviews.js';
import { ErrorNotice, Loading } from '../../../components/ui.js';
import { AskPeers } from '../reviews/AskPeers.js';
import { AssessmentForm } from '../reviews/AssessmentForm.js';
import { sideOf } from '../reviews/MyReviews.js';
import { Nominate } from './Nominate.js';
import { SideBySide } from './SideBySide.js';

const stateOf = (side: { status: string } | null) => (side ? side.status : 'not started');

/** One report in one open cycle: both steps' status, my assessment, self against manager, peers, nomination. */
export function ReportCard({
  report,
  cycle,
  people,
}: {
  report: DirectoryEntry;
  cycle: CycleDetail;
  people: readonly DirectoryEntry[];
}) {
  const comparison = useComparison(cycle.id, report.id);
  if (comparison.isPending) return <Loading what={report.name} />;
  if (comparison.error)
    return <ErrorNotice error={comparison.error} title={`${report.name} could not be loaded`} />;
  const c = comparison.data;
  const person = { status: report.status, team: report.team ?? undefined, level: c.person.level };
  const headingId = `report-${cycle.id}-${report.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{report.name}</h2>
      {!inScope(cycle, person) ? (
        <p>Not in this cycle&rsquo;s scope.</p>
      ) : (
        <>
          <p>
            Level {c.person.level}. Self-assessment: <strong>{stateOf(c.self)}</strong>; your assessment:{' '}
            <strong>{stateOf(c.manager)}</strong>.
          </p>
          {c.manager?.status === 'submitted' ? null : (
            <details open>
              <summary>Your assessment of {report.name}</summary>
              <AssessmentForm
                where={{ kind: 'manager', cycleId: cycle.id, personId: report.id }}
                competencies={cycle.competencies}
                initial={sideOf(c, 'manager')}
                label={`Manager assessment of ${report.name}`}
              />
            </details>
          )}
          <h3>Self against manager</h3>
          <SideBySide comparison={c} />
          <details>
            <summary>Ask peers about {report.name}</summary>
            <AskPeers cycleId={cycle.id} person={report} people={people} competencies={cycle.competencies} />
          </details>
        </>
      )}
      <h3 className="after-form">Promotion</h3>
      <Nominate person={report} />
    </section>
  );
}
