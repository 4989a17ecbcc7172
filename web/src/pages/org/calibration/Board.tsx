import { Link, useParams } from 'react-router';
import { outcomeWords } from '../../../../../src/core/org/reviews/calibration.js';
import { useCalibration, useCycle } from '../../../api/reviews.js';
import { ErrorNotice, Loading, PageHeader } from '../../../components/ui.js';
import { Adjust } from './Adjust.js';
import { Distribution } from './Distribution.js';
import { Drift, Fairness } from './Drift.js';

/** The calibration board of a cycle: outcomes by manager, team, level and track; drift; fairness; adjusting. */
export default function Board() {
  const id = Number(useParams().id);
  const cycle = useCycle(id);
  const board = useCalibration(id);
  if (cycle.isPending || board.isPending) return <Loading what="the calibration board" />;
  const error = cycle.error ?? board.error;
  if (error) return <ErrorNotice error={error} title="The calibration board could not be loaded" />;
  const b = board.data!;
  return (
    <>
      <PageHeader title={`Calibration: ${cycle.data!.name}`}>
        {b.people} people judged on their manager&rsquo;s submitted ratings: {b.outcomes.below} below the held
        level, {b.outcomes.meets} meeting it, {b.outcomes.ready} ready for the next; {b.adjusted} adjusted.{' '}
        <Link to={`/org/cycles/${id}`}>The cycle</Link>
      </PageHeader>
      <h2>Distribution of outcomes</h2>
      <div className="grid-2 wide">
        <Distribution title="by manager" groups={b.byManager} />
        <Distribution title="by team" groups={b.byTeam} />
        <Distribution title="by level" groups={b.byLevel} />
        <Distribution title="by track" groups={b.byTrack} />
      </div>
      <Drift drift={b.drift} />
      <Fairness fairness={b.fairness} />
      <section className="card" aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        <ul className="entries separated">
          {b.items.map((item) => (
            <li key={item.personId}>
              <p>
                <strong>{item.name}</strong> ({item.level}, {item.team ?? 'no team'}, rated by {item.manager}
                ): {outcomeWords[item.outcome]}
                {item.adjusted ? ` (computed: ${outcomeWords[item.computed]})` : ''}
              </p>
              <p className="muted small">{item.explanation}</p>
              {cycle.data!.status === 'open' ? <Adjust cycleId={id} item={item} /> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
