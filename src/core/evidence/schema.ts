import { z } from 'zod';
import { LIMITS } from '../input/limits.js';

/**
 * One entry of the evidence log (the "brag document"): something done, when, how far its impact
 * reached and which competencies it shows. Only the date and the title are required, so that
 * writing an entry down takes seconds.
 */

/** How far the impact reached, narrowest first. */
export const evidenceScopes = ['self', 'team', 'multi-team', 'organisation', 'industry'] as const;
export type EvidenceScope = (typeof evidenceScopes)[number];

/** Whether a YYYY-MM-DD text names a day that exists (no 30 February, 29 February only in leap years). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** The days of `month` (1–12) of `year` in the Gregorian calendar. */
function daysIn(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}

// One message per mistake: a text that is not written YYYY-MM-DD is not also "not a real calendar date".
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, {
    error: (issue) => `"${String(issue.input)}" is not a real calendar date`,
    abort: true,
  });

/**
 * The latest date it is anywhere on Earth (UTC+14) at `now`: a day after it has not begun
 * anywhere, so whoever typed it cannot have done or rated anything on it yet.
 */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + AHEAD_MS).toISOString().slice(0, 10);
}

const AHEAD_MS = 14 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** `latestToday()` and the instant it changes: an import checks fifty thousand dates in one day. */
let today: { day: string; until: number } | undefined;

function latestTodayNow(): string {
  const at = Date.now();
  if (today === undefined || at >= today.until) {
    const ahead = at + AHEAD_MS;
    today = {
      day: new Date(ahead).toISOString().slice(0, 10),
      until: ahead - (ahead % DAY_MS) + DAY_MS - AHEAD_MS,
    };
  }
  return today.day;
}

/** A day that has begun: what was done (evidence) or rated (an assessment) is never in the future. */
export const pastDateSchema = dateSchema.refine((text) => text <= latestTodayNow(), {
  error: (issue) => `"${String(issue.input)}" is in the future: give the day it happened`,
});

const oneLine = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.lineLength)
  .regex(/^[^\r\n]*$/, 'must fit on one line');

export const evidenceEntrySchema = z.strictObject({
  date: pastDateSchema,
  title: oneLine,
  description: z.string().trim().min(1, 'must not be empty').optional(),
  scope: z.enum(evidenceScopes).optional(),
  competencies: z
    .array(z.string().min(1, 'must not be empty'))
    .max(LIMITS.listItems)
    .superRefine((ids, ctx) => {
      const firstAt = new Map<string, number>();
      ids.forEach((id, index) => {
        const first = firstAt.get(id) ?? firstAt.set(id, index).get(id)!;
        if (first < index)
          ctx.addIssue({
            code: 'custom',
            path: [index],
            input: id,
            message: `competency "${id}" is named twice (first at [${first}])`,
          });
      });
    })
    .optional(),
  links: z
    .array(z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }))
    .max(LIMITS.listItems)
    .optional(),
  /** Where a suggested entry came from (`pr:URL`, `git:REPOSITORY:SHA`), so it is not suggested again. */
  source: oneLine.optional(),
});

export type EvidenceEntry = z.output<typeof evidenceEntrySchema>;

/**
 * A link as it is kept: the URL given, with the characters a URL never holds literally (whitespace,
 * control characters, `<` and `>`) percent-encoded, as a browser would send them. `new URL()` reads
 * both forms as the same address; the encoded one is the same in every log format, fits in a
 * Markdown `<…>` link and on one line.
 */
export function canonicalLink(link: string): string {
  // eslint-disable-next-line no-control-regex
  return link.replace(/[\s\x00-\x1f\x7f<>]/gu, (ch) => encodeURIComponent(ch));
}

/** The YAML (or JSON) log: a mapping with one list, `entries`. */
export const evidenceLogSchema = z.strictObject({
  entries: z.array(evidenceEntrySchema).max(LIMITS.listItems),
});

/** Field order used when an entry is written out, so that files read the same way every time. */
export const entryFields = [
  'date',
  'title',
  'scope',
  'competencies',
  'links',
  'source',
  'description',
] as const;

/** The entry with its fields in the written order and empty optional fields left out. */
export function normaliseEntry(entry: EvidenceEntry): EvidenceEntry {
  const out: Record<string, unknown> = {};
  for (const field of entryFields) {
    const value = entry[field];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[field] = value;
  }
  return out as EvidenceEntry;
}
