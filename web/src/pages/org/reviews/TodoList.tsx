import type { TodoItem } from '../../../api/reviews.js';

const what: Record<TodoItem['kind'], string> = {
  self: 'Your self-assessment',
  manager: 'Manager assessment',
  peer: 'Peer request',
};

/**
 * The to-do of the open cycles, soonest due first. A list, not a table: each item reads as one
 * line of work at any width, where a five-column table had to scroll sideways on a phone.
 */
export function TodoList({ items }: { items: readonly TodoItem[] }) {
  return (
    <section className="card" aria-labelledby="todo-heading">
      <h2 id="todo-heading">To do, soonest due first</h2>
      <ol className="todo">
        {items.map((i) => (
          <li key={`${i.kind}-${i.cycleId}-${i.personId}`}>
            <strong>{what[i.kind]}</strong>
            {i.kind === 'self' ? null : <> for {i.person}</>}
            <span className="muted"> · {i.cycle}</span>
            <div className="small">
              Due <span className="date">{i.due}</span>
              {i.overdue ? <span className="tag bad"> overdue</span> : null}
              {' · '}
              {i.started ? 'draft saved' : 'not started'}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
