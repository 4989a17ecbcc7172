import { lazy } from 'react';
import type { GroupCounts } from '../../../../../src/core/org/reviews/calibration.js';
import { ChartFrame } from '../../../components/ChartFrame.js';
import { ScrollTable } from '../../../components/ui.js';

const StackedBars = lazy(() => import('../../../charts/StackedBars.js'));

/** Dark enough that the legend's text (drawn in each colour) reads at 4.5:1 and more on white. */
export const outcomeParts = [
  { key: 'below', name: 'Below the held level', colour: '#b10026' },
  { key: 'meets', name: 'Meets it', colour: '#08519c' },
  { key: 'ready', name: 'Ready for the next', colour: '#006d2c' },
];

/** The outcomes of one grouping (by manager, team, level or track) as stacked bars and as a table. */
export function Distribution({ title, groups }: { title: string; groups: readonly GroupCounts[] }) {
  const data = groups.map((g) => ({ label: g.key, below: g.below, meets: g.meets, ready: g.ready }));
  return (
    <section className="card" aria-label={`Outcomes ${title}`}>
      <h3>Outcomes {title}</h3>
      {groups.length === 0 ? (
        <p>Nobody judged yet.</p>
      ) : (
        <>
          <ChartFrame caption={`Outcomes ${title}: people below, meeting and ready for the next level`}>
            <StackedBars data={data} parts={outcomeParts} counts />
          </ChartFrame>
          <ScrollTable label={`Outcomes ${title}, as a table`}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Below</th>
                  <th scope="col">Meets</th>
                  <th scope="col">Ready</th>
                  <th scope="col">People</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={g.key}>
                    <th scope="row">{g.key}</th>
                    <td>{g.below}</td>
                    <td>{g.meets}</td>
                    <td>{g.ready}</td>
                    <td>{g.total}</td>
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
