import { z } from 'zod';
import { evaluateLevel, type LevelVerdict } from '../../assessment/evaluate.js';
import type { Framework } from '../../framework/schema.js';
import { problem, refuse } from '../../input/value.js';
import { DomainError } from '../../problems.js';
import type { TreeNode } from '../tree.js';

/**
 * A promotion case: a person nominated for a target level by their manager, or by themself with
 * their manager as sponsor. `hr` assigns a committee from outside the person's reporting chain;
 * each member votes with a rationale; the decision (approve, decline, defer) carries a rationale
 * the person reads. One appeal, decided by a committee none of whose members sat on the first.
 * Approval moves the person to the target level from the effective date.
 */

export const decisions = ['approve', 'decline', 'defer'] as const;
export type Decision = (typeof decisions)[number];
export const caseStatuses = ['open', 'decided', 'appealed', 'final'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

const rationale = z
  .string()
  .trim()
  .min(1, 'must give the rationale')
  .max(4000, 'must be at most 4000 characters');
const date = z.iso.date('must be a date as YYYY-MM-DD');

export const nominateSchema = z.strictObject({
  personId: z.number().int().positive(),
  targetLevel: z.string().trim().min(1).max(100),
  summary: z.string().trim().max(4000).optional(),
});
export const voteSchema = z.strictObject({ vote: z.enum(decisions), rationale });
export const decideSchema = z
  .strictObject({ decision: z.enum(decisions), rationale, effectiveDate: date.optional() })
  .superRefine((d, context) => {
    if (d.decision === 'approve' && d.effectiveDate === undefined)
      context.addIssue({ code: 'custom', path: ['effectiveDate'], message: 'is required to approve' });
  });
export const appealSchema = z.strictObject({ reason: rationale });
export const committeeSchema = z.strictObject({
  members: z.array(z.number().int().positive()).min(1, 'must name at least one member').max(15),
});

export interface CaseDecision {
  decision: Decision;
  rationale: string;
  effectiveDate: string | null;
  decidedBy: string;
  at: string;
}

export interface PromotionCase {
  id: number;
  personId: number;
  targetLevel: string;
  frameworkVersionId: number;
  nominatedById: number;
  sponsorId: number | null;
  summary: string | null;
  status: CaseStatus;
  /** 1, or 2 once appealed. */
  round: number;
  decision: CaseDecision | null;
  appeal: { reason: string; at: string; decision: CaseDecision | null } | null;
  createdAt: string;
}

export interface CommitteeSeat {
  round: number;
  personId: number;
}

export interface Vote {
  round: number;
  personId: number;
  vote: Decision;
  rationale: string;
}

/** The target must be a level of the framework above the person's on the same track, or across at a higher band. */
export function checkTarget(framework: Framework, held: string, target: string): void {
  const from = framework.levels.find((l) => l.id === held);
  const to = framework.levels.find((l) => l.id === target);
  if (!to)
    refuse('the nomination is not valid', [
      problem(
        ['targetLevel'],
        `"${target}" is not a level of ${framework.id} ${framework.version}`,
        'unknown-level',
      ),
    ]);
  if (from && !(to.track === from.track ? to.rank > from.rank : to.band > from.band))
    refuse('the nomination is not valid', [
      problem(['targetLevel'], `${to.title} is not above ${from.title}, the level held`, 'not-a-promotion'),
    ]);
}

/** The person's managers, up the reporting tree. */
export function chainAbove(people: readonly TreeNode[], email: string): string[] {
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const chain: string[] = [];
  let current = byEmail.get(email)?.managerEmail;
  while (current !== undefined && !chain.includes(current)) {
    chain.push(current);
    current = byEmail.get(current)?.managerEmail;
  }
  return chain;
}

/**
 * Refuses committee members from the person's reporting chain (themself and every manager above),
 * and, for the appeal, anyone who sat on the first committee.
 */
export function checkCommittee(
  people: readonly (TreeNode & { id: number })[],
  subject: TreeNode & { id: number },
  members: readonly number[],
  earlier: readonly number[],
): void {
  const chain = new Set(chainAbove(people, subject.email));
  const problems = members.flatMap((id, i) => {
    const member = people.find((p) => p.id === id);
    const at = ['members', i];
    if (!member) return [problem(at, `no person with id ${id}`, 'unknown-reference')];
    if (member.id === subject.id)
      return [problem(at, `${member.email} is the person the case is about`, 'in-chain')];
    if (chain.has(member.email))
      return [
        problem(
          at,
          `${member.email} is in ${subject.email}'s reporting chain and cannot sit on the committee`,
          'in-chain',
        ),
      ];
    if (member.status !== 'active') return [problem(at, `${member.email} has left`, 'left')];
    if (earlier.includes(member.id))
      return [
        problem(
          at,
          `${member.email} sat on the first committee: the appeal is decided by a different one`,
          'same-committee',
        ),
      ];
    return [];
  });
  if (problems.length > 0) refuse('the committee is not valid', problems);
}

/** Refuses what the case's status does not allow. */
export function assertStatus(
  c: Pick<PromotionCase, 'id' | 'status'>,
  allowed: readonly CaseStatus[],
  what: string,
): void {
  if (!allowed.includes(c.status))
    throw new DomainError('conflict', `case ${c.id} is ${c.status}: it cannot ${what}`);
}

export interface Readiness extends LevelVerdict {
  yearsInLevel: number;
  typicalYears: { min: number; max: number } | null;
}

/** Readiness for the target level under its rule, and time in level against the typical years. */
export function readinessOf(
  framework: Framework,
  held: string,
  target: string,
  ratings: Readonly<Record<string, number>>,
  levelStartDate: string,
  today: string,
): Readiness {
  const to = framework.levels.find((l) => l.id === target)!;
  const from = framework.levels.find((l) => l.id === held);
  const days = (Date.parse(today) - Date.parse(levelStartDate)) / 86_400_000;
  return {
    ...evaluateLevel(framework, to, ratings),
    yearsInLevel: Math.round((days / 365.25) * 10) / 10,
    typicalYears: from ? from.years : null,
  };
}

/** The votes of a round, counted by decision. */
export function tally(votes: readonly Vote[], round: number): Record<Decision, number> {
  const counts: Record<Decision, number> = { approve: 0, decline: 0, defer: 0 };
  for (const v of votes) if (v.round === round) counts[v.vote]++;
  return counts;
}
