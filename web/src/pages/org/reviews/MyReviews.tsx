import type { RatingEntry } from '../../../../../src/core/org/reviews/assessment.js';
import {
  useComparison,
  useCycle,
  useMe,
  useTodo,
  type Comparison,
  type TodoItem,
} from '../../../api/reviews.js';
import { EmptyState, ErrorNotice, Loading, PageHeader } from '../../../components/ui.js';
import { AskPeers } from './AskPeers.js';
import { AssessmentForm } from './AssessmentForm.js';
import { TodoList } from './TodoList.js';

/** One side's ratings as the comparison gives them back, to carry on a saved draft. */
export function sideOf(
  comparison: Comparison | undefined,
  side: 'self' | 'manager',
): Record<string, RatingEntry> {
  const out: Record<string, RatingEntry> = {};
  for (const c of comparison?.competencies ?? []) {
    const rating = c[side];
    if (rating === null) continue;
    const comment = side === 'self' ? c.selfComment : c.managerComment;
    out[c.competency] = {
      rating,
      ...(comment !== null && { comment }),
      ...(comparison?.[side === 'self' ? 'manager' : 'self'] === null &&
        c.evidence.length > 0 && { evidence: c.evidence }),
    };
  }
  return out;
}

/** My self-assessment of a cycle, with my saved draft, and asking peers about me. */
function SelfStep({ item, meId }: { item: TodoItem; meId: number }) {
  const cycle = useCycle(item.cycleId);
  const comparison = useComparison(item.cycleId, meId);
  const { people } = useMe();
  if (cycle.isPending || comparison.isPending) return <Loading what="the self-assessment" />;
  if (cycle.error) return <ErrorNotice error={cycle.error} title="The cycle could not be loaded" />;
  return (
    <section className="card" aria-labelledby={`self-${item.cycleId}`}>
      <h2 id={`self-${item.cycleId}`}>Self-assessment: {item.cycle}</h2>
      <p className="muted">
        Framework version {cycle.data.frameworkVersion}; due <span className="date">{item.due}</span>
        {item.overdue ? ' (overdue)' : ''}. A submitted assessment is final.
      </p>
      <AssessmentForm
        where={{ kind: 'self', cycleId: item.cycleId }}
        competencies={cycle.data.competencies}
        initial={sideOf(comparison.data, 'self')}
        label={`Self-assessment for ${item.cycle}`}
      />
      <h3 className="after-form">Ask peers</h3>
      <AskPeers
        cycleId={item.cycleId}
        person={{ id: meId, name: item.person }}
        people={people}
        competencies={cycle.data.competencies}
      />
    </section>
  );
}

/** A peer request addressed to me: rate only the competencies asked about. */
function PeerStep({ item }: { item: TodoItem }) {
  const cycle = useCycle(item.cycleId);
  if (cycle.isPending) return <Loading what="the peer request" />;
  if (cycle.error) return <ErrorNotice error={cycle.error} title="The cycle could not be loaded" />;
  const asked = item.request?.competencies ?? [];
  return (
    <section className="card" aria-labelledby={`peer-${item.cycleId}-${item.personId}`}>
      <h2 id={`peer-${item.cycleId}-${item.personId}`}>
        Peer request: {item.person} in {item.cycle}
      </h2>
      <AssessmentForm
        where={{ kind: 'peer', cycleId: item.cycleId, personId: item.personId }}
        competencies={cycle.data.competencies.filter((c) => asked.includes(c.id))}
        label={`Peer answer about ${item.person}`}
      />
    </section>
  );
}

/** My reviews: what waits for me, my self-assessment per open cycle, the peer requests I was asked. */
export default function MyReviews() {
  const { me, isPending, error } = useMe();
  const todo = useTodo();
  if (isPending || todo.isPending) return <Loading what="your reviews" />;
  if (error ?? todo.error)
    return <ErrorNotice error={error ?? todo.error} title="Your reviews could not be loaded" />;
  const items = todo.data!;
  return (
    <>
      <PageHeader title="My reviews">What waits for you in the open review cycles.</PageHeader>
      {items.length === 0 ? (
        <EmptyState title="Nothing waits for you">Every assessment asked of you is submitted.</EmptyState>
      ) : (
        <TodoList items={items} />
      )}
      {me
        ? items
            .filter((i) => i.kind === 'self')
            .map((i) => <SelfStep key={`self-${i.cycleId}`} item={i} meId={me.id} />)
        : null}
      {items
        .filter((i) => i.kind === 'peer')
        .map((i) => (
          <PeerStep key={`peer-${i.cycleId}-${i.personId}`} item={i} />
        ))}
    </>
  );
}
