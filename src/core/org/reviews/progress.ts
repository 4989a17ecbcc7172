import type { ReviewAssessment } from './assessment.js';
import { inScope, type Cycle } from './cycle.js';
import type { TodoPerson, PeerRequest } from './todo.js';

export interface StepProgress {
  submitted: number;
  draft: number;
  missing: number;
}

export interface CycleProgress {
  people: number;
  self: StepProgress;
  manager: StepProgress;
  peers: { asked: number; answered: number };
}

/** How far a cycle has come: its people in scope, and the self and manager steps of each. */
export function progressOf(
  cycle: Cycle,
  people: readonly TodoPerson[],
  assessments: readonly ReviewAssessment[],
  requests: readonly PeerRequest[],
): CycleProgress {
  const inCycle = people.filter((p) => inScope(cycle, p));
  const best = new Map<string, ReviewAssessment['status']>();
  for (const a of assessments) {
    if (a.cycleId !== cycle.id) continue;
    const key = `${a.kind}:${a.personId}`;
    if (best.get(key) !== 'submitted') best.set(key, a.status);
  }
  const step = (kind: 'self' | 'manager'): StepProgress => {
    const progress = { submitted: 0, draft: 0, missing: 0 };
    for (const person of inCycle) {
      const status = best.get(`${kind}:${person.id}`);
      if (status === 'submitted') progress.submitted++;
      else if (status === 'draft') progress.draft++;
      else progress.missing++;
    }
    return progress;
  };
  const asked = requests.filter((r) => r.cycleId === cycle.id);
  return {
    people: inCycle.length,
    self: step('self'),
    manager: step('manager'),
    peers: { asked: asked.length, answered: asked.filter((r) => r.answered).length },
  };
}
