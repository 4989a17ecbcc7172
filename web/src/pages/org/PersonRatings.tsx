import { lazy } from 'react';
import { useRatings } from '../../api/reviews.js';
import { ChartFrame } from '../../components/ChartFrame.js';
import { ErrorNotice, Loading, ScrollTable } from '../../components/ui.js';

const RatingLines = lazy(() => import('../../charts/RatingLines.js'));

/** A person's submitted self and manager ratings over the cycles: a line chart per competency, and a table. */
export function PersonRatings({ personId }: { personId: number }) {
  const ratings = useRatings(personId);
  if (ratings.isPending) return <Loading what="the ratings over time" />;
  if (ratings.error) return <ErrorNotice error={ratings.error} title="The ratings could not be loaded" />;
  // The reader's role does not show this person's assessments.
  if (ratings.data === null) return null;
  const { items, competencies } = ratings.data;
  const cell = (v: number | undefined) => (v === undefined ? '–' : String(v));
  return (
    <section className="card" aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">Ratings over time</h2>
      {items.length === 0 ? (
        <p>No submitted assessment yet.</p>
      ) : (
        <>
          <div className="grid-2">
            {competencies.map((c) => (
              <ChartFrame key={c.id} caption={`${c.name}: self and manager ratings by cycle`}>
                <RatingLines
                  data={items.map((i) => ({
                    cycle: i.cycle,
                    self: i.self?.[c.id] ?? null,
                    manager: i.manager?.[c.id] ?? null,
                  }))}
                />
              </ChartFrame>
            ))}
          </div>
          <ScrollTable label="Ratings over time, as a table">
            <table>
              <caption>Self / manager rating per cycle, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Competency</th>
                  {items.map((i) => (
                    <th scope="col" key={i.cycleId}>
                      {i.cycle} ({i.status})
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {competencies.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    {items.map((i) => (
                      <td key={i.cycleId}>
                        {cell(i.self?.[c.id])} / {cell(i.manager?.[c.id])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      )}
    </section>
  );
}
