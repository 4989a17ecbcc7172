import { z } from 'zod';
import { didYouMean } from '../input/suggest.js';
import { problem } from '../input/value.js';
import type { Framework } from '../framework/schema.js';
import type { Problem } from '../problems.js';

/**
 * A person of an organisation, as HR knows them. Emails are the person's key inside one
 * organisation (what an HRIS export and a manager column refer to), kept in lower case.
 */

/**
 * Self-reported and optional. Only `hr` and `admin` see it (see policy.ts), and only pay-equity
 * reports use it; `undisclosed` is an answer of its own, distinct from no answer.
 */
export const genders = ['woman', 'man', 'non-binary', 'undisclosed'] as const;
export type Gender = (typeof genders)[number];

export const statuses = ['active', 'left'] as const;
export type Status = (typeof statuses)[number];

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('must be an email address'));
const date = z.iso.date('must be a date as YYYY-MM-DD');
const text = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const personSchema = z
  .strictObject({
    name: text,
    email: emailSchema,
    level: text,
    specialisation: text.optional(),
    managerEmail: emailSchema.optional(),
    team: text.optional(),
    zone: text.optional(),
    startDate: date,
    levelStartDate: date,
    gender: z.enum(genders).optional(),
    status: z.enum(statuses).default('active'),
    leaveDate: date.optional(),
  })
  .superRefine((person, context) => {
    if (person.status === 'left' && person.leaveDate === undefined)
      context.addIssue({ code: 'custom', path: ['leaveDate'], message: 'is required when status is left' });
    if (person.status === 'active' && person.leaveDate !== undefined)
      context.addIssue({ code: 'custom', path: ['leaveDate'], message: 'is only given when status is left' });
    // Compared only once both are dates: a refinement runs even when a field failed its own check.
    const isDate = (value: unknown) =>
      typeof value === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(value) &&
      !Number.isNaN(Date.parse(value)) &&
      new Date(value).toISOString().startsWith(value);
    if (!isDate(person.startDate)) return;
    if (isDate(person.levelStartDate) && person.levelStartDate < person.startDate)
      context.addIssue({ code: 'custom', path: ['levelStartDate'], message: 'is before the start date' });
    if (isDate(person.leaveDate) && person.leaveDate! < person.startDate)
      context.addIssue({ code: 'custom', path: ['leaveDate'], message: 'is before the start date' });
  });

export type Person = z.output<typeof personSchema>;
export type PersonInput = z.input<typeof personSchema>;

/** The fields of a person in their canonical order (the export's columns follow it). */
export const personFields = [
  'name',
  'email',
  'level',
  'specialisation',
  'managerEmail',
  'team',
  'zone',
  'startDate',
  'levelStartDate',
  'gender',
  'status',
  'leaveDate',
] as const satisfies readonly (keyof Person)[];
export type PersonField = (typeof personFields)[number];

/** The person without what only hr and admin may see. */
export function withoutGender<T extends { gender?: unknown }>(person: T): Omit<T, 'gender'> {
  const { gender: _gender, ...rest } = person;
  return rest;
}

/**
 * What the organisation's framework version says about a person's level and specialisation: the
 * level must be one of its levels; the specialisation one of its specialisations, when it has any.
 */
export function checkAgainstFramework(person: Person, framework: Framework): Problem[] {
  const problems: Problem[] = [];
  const levels = framework.levels.map((l) => l.id);
  if (!levels.includes(person.level))
    problems.push(
      problem(
        ['level'],
        `"${person.level}" is not a level of ${framework.id} ${framework.version}${didYouMean(person.level, levels)}`,
        'unknown-level',
      ),
    );
  if (person.specialisation !== undefined) {
    const known = framework.specialisations.map((s) => s.id);
    if (known.length === 0)
      problems.push(
        problem(
          ['specialisation'],
          `${framework.id} ${framework.version} has no specialisations`,
          'unknown-specialisation',
        ),
      );
    else if (!known.includes(person.specialisation))
      problems.push(
        problem(
          ['specialisation'],
          `"${person.specialisation}" is not a specialisation of ${framework.id} ${framework.version}${didYouMean(person.specialisation, known)}`,
          'unknown-specialisation',
        ),
      );
  }
  return problems;
}
