import { z } from 'zod';
import { DomainError } from '../../problems.js';
import type { Person } from '../person.js';

/**
 * A review cycle: `hr` opens it against one of the organisation's framework versions, for everyone
 * or for some teams or levels, with a deadline for the self step and one for the manager step.
 * Closing it freezes it: nothing of it is written again.
 */

export const cycleStatuses = ['open', 'closed'] as const;
export type CycleStatus = (typeof cycleStatuses)[number];

const date = z.iso.date('must be a date as YYYY-MM-DD');
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const list = z.array(name).min(1, 'must name at least one').max(200, 'must name at most 200');

/** What opening a cycle asks for; the framework version defaults to the current one. */
export const openCycleSchema = z
  .strictObject({
    name,
    frameworkVersion: z.number().int().positive().optional().describe('The version number (1, 2 …).'),
    teams: list.optional().describe('Only people of these teams.'),
    levels: list.optional().describe('Only people at these levels.'),
    selfDue: date,
    managerDue: date,
  })
  .superRefine((cycle, context) => {
    if (cycle.teams !== undefined && cycle.levels !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['levels'],
        message: 'a cycle is scoped by teams or by levels, not both',
      });
    if (typeof cycle.selfDue === 'string' && typeof cycle.managerDue === 'string')
      if (cycle.managerDue < cycle.selfDue)
        context.addIssue({ code: 'custom', path: ['managerDue'], message: 'is before the self deadline' });
  });
export type OpenCycle = z.output<typeof openCycleSchema>;

export type CycleScope =
  { kind: 'everyone' } | { kind: 'teams'; teams: string[] } | { kind: 'levels'; levels: string[] };

export interface Cycle {
  id: number;
  name: string;
  /** The row id of the organisation's framework version, and its number. */
  frameworkVersionId: number;
  frameworkVersion: number;
  scope: CycleScope;
  selfDue: string;
  managerDue: string;
  status: CycleStatus;
  openedAt: string;
  closedAt: string | null;
}

export function scopeOf(open: Pick<OpenCycle, 'teams' | 'levels'>): CycleScope {
  if (open.teams !== undefined) return { kind: 'teams', teams: open.teams };
  if (open.levels !== undefined) return { kind: 'levels', levels: open.levels };
  return { kind: 'everyone' };
}

/** Whether a person takes part in the cycle: active, and inside its scope. */
export function inScope(
  cycle: Pick<Cycle, 'scope'>,
  person: Pick<Person, 'status' | 'team' | 'level'>,
): boolean {
  if (person.status !== 'active') return false;
  const { scope } = cycle;
  switch (scope.kind) {
    case 'everyone':
      return true;
    case 'teams':
      return person.team !== undefined && scope.teams.includes(person.team);
    case 'levels':
      return scope.levels.includes(person.level);
  }
}

/** The scope in words: "everyone", "teams Core, Web", "levels senior". */
export function describeScope(scope: CycleScope): string {
  if (scope.kind === 'everyone') return 'everyone';
  const names = scope.kind === 'teams' ? scope.teams : scope.levels;
  return `${scope.kind} ${names.join(', ')}`;
}

/** Refuses any write to a closed cycle: closing freezes it. */
export function assertOpen(cycle: Pick<Cycle, 'name' | 'status' | 'closedAt'>): void {
  if (cycle.status === 'closed')
    throw new DomainError(
      'conflict',
      `cycle "${cycle.name}" was closed on ${cycle.closedAt?.slice(0, 10) ?? 'an earlier day'} and is frozen: nothing of it can change`,
    );
}
