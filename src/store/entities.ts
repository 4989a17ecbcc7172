import { z } from 'zod';
import { LIMITS } from '../core/input/limits.js';
import { assessmentSchema } from '../core/assessment/schema.js';
import { earningsFileSchema } from '../core/comp/earnings-schema.js';
import { offersFileSchema } from '../core/comp/offer-schema.js';
import { evidenceEntrySchema } from '../core/evidence/schema.js';
import { profileFields } from '../core/profile/profile.js';

/**
 * The shapes of what the workspace stores, built from the core's schemas (the same ones the CLI
 * reads files with) plus what storing adds: ids, timestamps, links between entities. Pure zod, so
 * the web app can import these too.
 */

export const entityId = z.number().int().positive().describe('The id the workspace gave the entity.');
const timestamp = z.string().describe('ISO 8601, UTC.');
const stored = { id: entityId, createdAt: timestamp, updatedAt: timestamp };

/** The person: the core's profile, as stored and sent. */
export { profileSchema, type ProfileInput } from '../core/profile/profile.js';
export const storedProfileSchema = profileFields.extend({ updatedAt: timestamp });
export type Profile = z.output<typeof storedProfileSchema>;

/** An assessment as sent: the core's assessment file, plus evidence linked per competency. */
export const assessmentInputSchema = assessmentSchema.extend({
  evidence: z
    .record(z.string(), z.array(entityId).max(LIMITS.listItems))
    .optional()
    .describe('Competency id → ids of evidence entries that back the rating.'),
});
export type AssessmentInput = z.output<typeof assessmentInputSchema>;
export const frameworkRefSchema = z.strictObject({ id: z.string(), version: z.string() });
export const storedAssessmentSchema = z.strictObject({
  ...stored,
  date: z.string(),
  assessor: z.string(),
  current: z.string().nullable(),
  ratings: z.record(z.string(), z.number().int()),
  evidence: z.record(z.string(), z.array(entityId).max(LIMITS.storedItems)),
  framework: frameworkRefSchema.describe('The framework, and its version, the ratings were made against.'),
});
export type StoredAssessment = z.output<typeof storedAssessmentSchema>;

/**
 * Whether the owner shares an entry: in an organisation, promotion cases show the person's shared
 * entries only. Stored entries carry it only when shared (absent is private, the default).
 */
const sharedField = {
  shared: z
    .boolean()
    .optional()
    .describe('Shared with whoever may read the promotion case of its owner; absent or false: private.'),
};
export const evidenceInputSchema = evidenceEntrySchema.extend(sharedField);
export const storedEvidenceSchema = evidenceEntrySchema.extend(sharedField).extend(stored);
export type StoredEvidence = z.output<typeof storedEvidenceSchema>;

/** A named input file stored whole: an offer file or an earnings scenario. */
function documentSchemas<S extends z.ZodType>(file: S) {
  const input = z.strictObject({
    name: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .optional()
      .describe('A label; derived from the file when left out.'),
    file,
  });
  return { input, stored: z.strictObject({ ...stored, name: z.string(), file }) };
}

export const offerDocument = documentSchemas(offersFileSchema);
export type StoredOffers = Omit<z.output<typeof offerDocument.stored>, 'file'> & { file: unknown };
export const scenarioDocument = documentSchemas(earningsFileSchema);
export type StoredScenario = Omit<z.output<typeof scenarioDocument.stored>, 'file'> & { file: unknown };
/** Learning plans: stored as documents now; their schema comes with the learning plan in the core. */
export const learningPlanDocument = documentSchemas(z.record(z.string(), z.unknown()));
export type StoredLearningPlan = z.output<typeof learningPlanDocument.stored>;

export const storedFrameworkSchema = z.strictObject({
  id: entityId,
  frameworkId: z.string(),
  version: z.string(),
  name: z.string(),
  origin: z.enum(['reference', 'imported', 'custom']),
  source: z.string().describe('The framework file, YAML or JSON, as given.'),
  createdAt: timestamp,
});
export type StoredFramework = z.output<typeof storedFrameworkSchema>;

/** Everything in a workspace as one JSON document: `trellis export`, `GET /api/export`. */
export const workspaceExportSchema = z.strictObject({
  format: z.literal('trellis-workspace'),
  schema: z.string().describe('The newest migration of the database it came from.'),
  settings: z.record(z.string(), z.string()),
  frameworks: z.array(storedFrameworkSchema).max(LIMITS.storedItems),
  profile: storedProfileSchema.nullable(),
  // Entries stored before repeated competencies were refused still restore as they are.
  evidence: z
    .array(
      storedEvidenceSchema.extend({
        competencies: z.array(z.string().min(1, 'must not be empty')).max(LIMITS.listItems).optional(),
      }),
    )
    .max(LIMITS.storedItems),
  assessments: z.array(storedAssessmentSchema).max(LIMITS.storedItems),
  offers: z.array(z.strictObject({ ...stored, name: z.string(), file: z.unknown() })).max(LIMITS.storedItems),
  scenarios: z
    .array(z.strictObject({ ...stored, name: z.string(), file: z.unknown() }))
    .max(LIMITS.storedItems),
  learningPlans: z.array(learningPlanDocument.stored).max(LIMITS.storedItems),
});
export type WorkspaceExport = z.output<typeof workspaceExportSchema>;
