import type { TodoItem } from '../../../api/reviews.js';
import { ScrollTable } from '../../../components/ui.js';

const what: Record<TodoItem['kind'], string> = {
  self: 'Your self-assessment',
  manager: 'Manager assessment',
  peer: 'Peer request',
};

/** The to-do of the open cycles, soonest due first. */
export function TodoList({ items }: { items: readonly TodoItem[] }) {
  return (
    <ScrollTable label="To do">
      <table>
        <caption>To do, soonest due first</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Person</th>
            <th scope="col">Cycle</th>
            <th scope="col">Due</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={`${i.kind}-${i.cycleId}-${i.personId}`}>
              <td>{what[i.kind]}</td>
              <td>{i.person}</td>
              <td>{i.cycle}</td>
              <td>
                {i.due}
                {i.overdue ? <span className="tag bad"> overdue</span> : null}
              </td>
              <td>{i.started ? 'draft saved' : 'not started'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
