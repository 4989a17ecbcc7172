import { z } from 'zod';
import { pastDateSchema } from '../evidence/schema.js';

/** An assessment file: the level someone holds now and their ratings per competency. */
export const assessmentSchema = z.strictObject({
  current: z.string().min(1).optional().describe('The level id held now; the base for "next".'),
  date: pastDateSchema.optional().describe('When the ratings were given (YYYY-MM-DD).'),
  assessor: z.string().min(1).optional().describe('Who rated: "self", a manager …'),
  ratings: z
    .record(z.string(), z.number().int('must be a whole number'))
    .describe("Competency id → rating on the competency's scale."),
});

export type Assessment = z.infer<typeof assessmentSchema>;
