import type { Cycle } from './cycle.js';
import { inScope } from './cycle.js';
import type { ReviewAssessment } from './assessment.js';
import type { Person } from '../person.js';

/** A peer asked to rate or comment on some competencies of a person in a cycle. */
export interface PeerRequest {
  id: number;
  cycleId: number;
  /** The person to be rated. */
  personId: number;
  /** The peer asked. */
  peerId: number;
  /** Who asked: the person or their manager. */
  requestedById: number;
  competencies: string[];
  /** Whether the peer has submitted their answer. */
  answered: boolean;
}

export interface TodoItem {
  kind: 'self' | 'manager' | 'peer';
  cycleId: number;
  cycle: string;
  personId: number;
  person: string;
  due: string;
  overdue: boolean;
  /** A draft has been saved. */
  started: boolean;
  /** For a peer request: its id and the competencies asked about. */
  request?: { id: number; competencies: string[] };
}

export interface TodoPerson extends Pick<Person, 'email' | 'name' | 'status' | 'team' | 'level'> {
  id: number;
  managerEmail?: string | undefined;
}

/**
 * What waits for one person in the open cycles: their own self-assessment, the manager assessment
 * of each direct report in scope, and the peer requests they have not answered. Submitted work is
 * done and not listed; `today` (YYYY-MM-DD) marks what is overdue.
 */
export function todoFor(
  me: TodoPerson,
  people: readonly TodoPerson[],
  cycles: readonly Cycle[],
  assessments: readonly ReviewAssessment[],
  requests: readonly PeerRequest[],
  today: string,
): TodoItem[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const items: TodoItem[] = [];
  for (const cycle of cycles.filter((c) => c.status === 'open')) {
    const find = (personId: number, kind: ReviewAssessment['kind'], authorId: number) =>
      assessments.find(
        (a) =>
          a.cycleId === cycle.id &&
          a.personId === personId &&
          a.kind === kind &&
          a.authorPersonId === authorId,
      );
    const add = (
      kind: TodoItem['kind'],
      person: TodoPerson,
      due: string,
      found: ReviewAssessment | undefined,
    ) => {
      if (found?.status === 'submitted') return;
      items.push({
        kind,
        cycleId: cycle.id,
        cycle: cycle.name,
        personId: person.id,
        person: person.name,
        due,
        overdue: today > due,
        started: found !== undefined,
      });
    };
    if (inScope(cycle, me)) add('self', me, cycle.selfDue, find(me.id, 'self', me.id));
    for (const report of people.filter((p) => p.managerEmail === me.email && inScope(cycle, p)))
      add('manager', report, cycle.managerDue, find(report.id, 'manager', me.id));
    for (const request of requests.filter(
      (r) => r.cycleId === cycle.id && r.peerId === me.id && !r.answered,
    )) {
      const person = byId.get(request.personId);
      if (!person) continue;
      const before = items.length;
      add('peer', person, cycle.managerDue, find(person.id, 'peer', me.id));
      if (items.length > before)
        items[items.length - 1]!.request = { id: request.id, competencies: request.competencies };
    }
  }
  return items.sort((x, y) => x.due.localeCompare(y.due) || x.person.localeCompare(y.person));
}
