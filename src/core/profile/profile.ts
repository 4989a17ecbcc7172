import { z } from 'zod';
import type { Framework } from '../framework/schema.js';
import { tShapeInputSchema } from '../growth/tshape.js';
import { counted } from '../input/counted.js';
import { LIMITS } from '../input/limits.js';
import { checkSchema, didYouMean } from '../input/document.js';
import { plainSource, problem } from '../input/value.js';
import type { Problem } from '../problems.js';

/** The person: where they are, their specialisation, experience and skills (for the T-shape). */
export const profileFields = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').optional(),
  current: z.string().min(1).optional().describe('The level id held now.'),
  specialisation: z.string().min(1).optional().describe('A specialisation id of the framework.'),
  yearsOfExperience: tShapeInputSchema.shape.yearsOfExperience.optional(),
  skills: tShapeInputSchema.shape.skills.optional().describe('Specialisation id → skill 0–5 (the T-shape).'),
  goals: z
    .array(z.string().trim().min(1, 'must not be empty'))
    .max(LIMITS.listItems)
    .optional()
    .describe('Target levels or roles, or free text.'),
});

/** The profile as given, counted: a request checks it once. */
export const profileSchema = counted('profile', profileFields);
export type ProfileInput = z.output<typeof profileSchema>;

/**
 * The references a profile makes into the framework: its level, specialisation and skills. Takes the
 * profile as given, well formed or not, and judges the parts that are, so that unknown ids come in
 * the same answer as the schema's problems.
 */
export function checkProfile(framework: Framework, raw: unknown): Problem[] {
  const problems: Problem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return problems;
  const profile = raw as { current?: unknown; specialisation?: unknown; skills?: unknown };
  const levels = [...framework.levels.map((l) => l.id), ...framework.roles.map((r) => r.id)];
  const specialisations = framework.specialisations.map((s) => s.id);
  if (typeof profile.current === 'string' && profile.current !== '' && !levels.includes(profile.current))
    problems.push(
      problem(
        ['current'],
        `unknown level "${profile.current}"${didYouMean(profile.current, levels)}`,
        'unknown-reference',
      ),
    );
  if (
    typeof profile.specialisation === 'string' &&
    profile.specialisation !== '' &&
    !specialisations.includes(profile.specialisation)
  )
    problems.push(
      problem(
        ['specialisation'],
        `unknown specialisation "${profile.specialisation}"${didYouMean(profile.specialisation, specialisations)}`,
        'unknown-reference',
      ),
    );
  const skills = profile.skills;
  if (typeof skills !== 'object' || skills === null || Array.isArray(skills)) return problems;
  for (const id of Object.keys(skills))
    if (!specialisations.includes(id))
      problems.push(
        problem(
          ['skills', id],
          `unknown specialisation "${id}"${didYouMean(id, specialisations)}`,
          'unknown-reference',
        ),
      );
  return problems;
}

/** A profile as given, checked once: by the schema and against the framework, every problem together. */
export function readProfile(
  framework: Framework,
  input: unknown,
): { value?: ProfileInput; problems: Problem[] } {
  const checked = checkSchema(plainSource(input, 'profile'), profileSchema);
  const problems = [...checked.problems, ...checkProfile(framework, input)];
  return problems.length > 0 ? { problems } : { value: checked.value, problems };
}
