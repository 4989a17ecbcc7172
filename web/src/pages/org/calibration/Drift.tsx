import type {
  Drift as DriftRow,
  Fairness as FairnessView,
} from '../../../../../src/core/org/reviews/calibration.js';
import { ScrollTable } from '../../../components/ui.js';

const signed = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(2)}`;

/** Managers whose ratings run high or low: the mean difference against the others, and the group sizes. */
export function Drift({ drift }: { drift: readonly DriftRow[] }) {
  return (
    <section className="card" aria-labelledby="drift-heading">
      <h2 id="drift-heading">Rating drift</h2>
      <ScrollTable label="Rating drift by manager">
        <table>
          <caption>
            Each manager&rsquo;s mean rating minus the other managers&rsquo; at the same levels
          </caption>
          <thead>
            <tr>
              <th scope="col">Manager</th>
              <th scope="col">Difference</th>
              <th scope="col">Their people</th>
              <th scope="col">Others&rsquo; people</th>
            </tr>
          </thead>
          <tbody>
            {drift.map((d) => (
              <tr key={d.manager}>
                <th scope="row">{d.manager}</th>
                <td>{d.difference === null ? 'no level shared' : signed(d.difference)}</td>
                <td>{d.people}</td>
                <td>{d.others}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

/** Outcomes by recorded gender: only when every group has enough people, else "too few to show". */
export function Fairness({ fairness }: { fairness: FairnessView | undefined }) {
  if (!fairness) return null;
  return (
    <section className="card" aria-labelledby="fairness-heading">
      <h2 id="fairness-heading">Fairness by {fairness.attribute}</h2>
      {fairness.shown ? (
        <ScrollTable label="Outcomes by gender">
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
              {fairness.groups.map((g) => (
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
      ) : (
        <p>{fairness.note}: every group compared needs at least 5 people.</p>
      )}
    </section>
  );
}
