import { z } from 'zod';
import { checkAssessment } from '../../assessment/evaluate.js';
import type { Framework } from '../../framework/schema.js';
import { problem, refuse } from '../../input/value.js';
import { DomainError } from '../../problems.js';

/**
 * An assessment written in a review cycle: by the person (self), their manager, or a peer they or
 * their manager asked. Ratings per competency, each with optional evidence links (evidence entry
 * ids or URLs) and a comment. A draft can be rewritten; once submitted it counts, and it keeps the
 * framework version of its cycle.
 */

export const authorKinds = ['self', 'manager', 'peer'] as const;
export type AuthorKind = (typeof authorKinds)[number];

export const assessmentStatuses = ['draft', 'submitted'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export const ratingEntrySchema = z.strictObject({
  rating: z.number().int('must be a whole number'),
  evidence: z
    .array(z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'))
    .max(20, 'must list at most 20 links')
    .optional(),
  comment: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
});
export type RatingEntry = z.output<typeof ratingEntrySchema>;

/** What writing an assessment sends: the ratings, and whether to submit them now. */
export const writeAssessmentSchema = z.strictObject({
  ratings: z
    .record(z.string().max(100), ratingEntrySchema)
    .refine((r) => Object.keys(r).length <= 200, 'must rate at most 200 competencies'),
  submit: z.boolean().default(false).describe('Submit now; a submitted assessment is final.'),
});
export type WriteAssessment = z.output<typeof writeAssessmentSchema>;

export interface ReviewAssessment {
  id: number;
  cycleId: number;
  /** The person assessed. */
  personId: number;
  kind: AuthorKind;
  /** Who wrote it: the person, their manager, or the peer. */
  authorPersonId: number;
  ratings: Record<string, RatingEntry>;
  status: AssessmentStatus;
  updatedAt: string;
  submittedAt: string | null;
}

/** The ratings alone, as the navigator's assessment reads them. */
export function ratingsOf(ratings: Readonly<Record<string, RatingEntry>>): Record<string, number> {
  return Object.fromEntries(Object.entries(ratings).map(([id, entry]) => [id, entry.rating]));
}

/**
 * Checks written ratings against the cycle's framework version (known competencies, ratings on
 * their scales) and, for a peer, against the competencies the request asked about.
 */
export function checkRatings(
  framework: Framework,
  ratings: Readonly<Record<string, RatingEntry>>,
  onlyThese?: readonly string[],
): void {
  const problems = checkAssessment(framework, { ratings: ratingsOf(ratings) }, (path, message, code) =>
    problem(path, message, code),
  );
  if (onlyThese !== undefined)
    for (const id of Object.keys(ratings))
      if (!onlyThese.includes(id) && framework.competencies.some((c) => c.id === id))
        problems.push(
          problem(['ratings', id], `the request asked about ${onlyThese.join(', ')} only`, 'not-requested'),
        );
  if (problems.length > 0) refuse('the ratings are not valid', problems);
}

/** Refuses rewriting a submitted assessment: it is final once it counts. */
export function assertDraft(assessment: Pick<ReviewAssessment, 'status' | 'kind'> | undefined): void {
  if (assessment?.status === 'submitted')
    throw new DomainError(
      'conflict',
      `the ${assessment.kind} assessment was submitted and is final: it cannot be rewritten`,
    );
}
