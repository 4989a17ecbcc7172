import { z } from 'zod';
import { amount, currency } from '../comp/fields.js';
import { major, minorDigits, toMinor, type Minor } from '../comp/money.js';
import { counted } from '../input/counted.js';
import { checkSchema, didYouMean, parseSource, type SourceDocument } from '../input/document.js';
import { LIMITS } from '../input/limits.js';
import { plainSource } from '../input/value.js';
import type { Framework } from '../framework/schema.js';
import { capProblems, DomainError, sortProblems, type Problem } from '../problems.js';

/**
 * The pay-bands file (`pay.yaml`): the pay range of each band of the ladder, optionally of one
 * level, in one pay zone or in every zone. Amounts are yearly, gross, full time, in major units of
 * the range's currency (the file's unless the range names its own); inside the core they are
 * integer minor units. Checked like a framework, every problem at FILE:LINE:COL.
 */

const date = z.iso.date('must be a date as YYYY-MM-DD');
const name = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lowercase letters, digits, ".", "_" or "-"');

const rangeSchema = z.strictObject({
  band: z.number().int('must be a whole number').min(1, 'must be at least 1'),
  level: name.optional().describe('The level this range is for; every level of the band when left out.'),
  zone: name.optional().describe('The pay zone this range is for; every zone when left out.'),
  currency: currency.unwrap().optional(),
  min: amount,
  midpoint: amount,
  max: amount,
  effective: date.optional(),
});

export const payFileSchema = counted(
  'pay file',
  z.strictObject({
    currency,
    effective: date,
    // Each range is checked on its own below, so that its problems come even when another fails.
    ranges: z
      .array(z.unknown())
      .min(1, 'must list at least one range')
      .max(LIMITS.listItems, `must list at most ${LIMITS.listItems} ranges`),
  }),
);

type RangeInput = z.output<typeof rangeSchema>;

/** One range, in minor units of its currency. */
export interface PayRange {
  band: number;
  level?: string | undefined;
  zone?: string | undefined;
  currency: string;
  min: Minor;
  midpoint: Minor;
  max: Minor;
  effective: string;
}

export interface PayBands {
  currency: string;
  effective: string;
  ranges: PayRange[];
}

/** The key that makes a range unique: its band, level and zone. */
export const rangeKey = (r: Pick<PayRange, 'band' | 'level' | 'zone'>): string =>
  `band ${r.band}${r.level === undefined ? '' : ` level ${r.level}`}${r.zone === undefined ? '' : ` zone ${r.zone}`}`;

/** Parses and checks a pay file's text; with a framework, its levels and bands are checked too. */
export function readPayText(text: string, file: string, framework?: Framework): PayBands {
  const source = parseSource(text, file);
  if (source.syntaxProblems.length > 0)
    throw new DomainError('invalid-input', `${file} is not valid`, source.syntaxProblems);
  return readPayValue(source.value, source, framework);
}

/** Checks a pay file already parsed (a request body, a stored file): the one check of a pay file. */
export function readPayValue(
  given: unknown,
  source: SourceDocument = plainSource(given, 'pay file'),
  framework?: Framework,
): PayBands {
  const checked = checkSchema(source, payFileSchema);
  const value = checked.value;
  const problems: Problem[] = [...checked.problems];
  const listed = (given as { ranges?: unknown } | null | undefined)?.ranges;
  const raw = Array.isArray(listed) && listed.length <= LIMITS.listItems ? listed : [];
  const ranges = raw.map((_, index) => {
    const range = checkSchema(source, rangeSchema, ['ranges', index]);
    problems.push(...range.problems);
    return range.value;
  });
  const fileCurrency = value?.currency ?? 'USD';
  problems.push(...rangeProblems(ranges, fileCurrency, source, framework));
  if (problems.length > 0 || value === undefined)
    throw new DomainError(
      'invalid-input',
      `${source.file} is not valid`,
      capProblems(sortProblems(problems)),
    );
  return {
    currency: value.currency,
    effective: value.effective,
    ranges: (ranges as RangeInput[]).map((r) => {
      const code = r.currency ?? value.currency;
      const digits = minorDigits(code);
      return {
        band: r.band,
        level: r.level,
        zone: r.zone,
        currency: code,
        min: toMinor(major(r.min), digits),
        midpoint: toMinor(major(r.midpoint), digits),
        max: toMinor(major(r.max), digits),
        effective: r.effective ?? value.effective,
      };
    }),
  };
}

function rangeProblems(
  ranges: readonly (RangeInput | undefined)[],
  fileCurrency: string,
  source: SourceDocument,
  framework?: Framework,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const levels = new Map(framework?.levels.map((l) => [l.id, l]));
  const bands = new Set(framework?.levels.map((l) => l.band));
  ranges.forEach((range, index) => {
    if (range === undefined) return;
    const at = ['ranges', index];
    if (range.min > range.midpoint)
      problems.push(source.problem([...at, 'midpoint'], 'is below min', 'invalid-range'));
    if (range.midpoint > range.max)
      problems.push(source.problem([...at, 'max'], 'is below midpoint', 'invalid-range'));
    const digits = minorDigits(range.currency ?? fileCurrency);
    for (const field of ['min', 'midpoint', 'max'] as const) {
      const amount = range[field];
      if (Math.abs(toMinor(major(amount), digits) - amount * 10 ** digits) > 1e-6)
        problems.push(
          source.problem([...at, field], `has more than ${digits} decimal digits`, 'invalid-value'),
        );
    }
    const key = rangeKey(range);
    const first = seen.get(key);
    if (first !== undefined)
      problems.push(source.problem(at, `${key} is already given by ranges[${first}]`, 'duplicate-range'));
    else seen.set(key, index);
    if (framework === undefined) return;
    if (range.level !== undefined) {
      const level = levels.get(range.level);
      if (level === undefined)
        problems.push(
          source.problem(
            [...at, 'level'],
            `unknown level "${range.level}"${didYouMean(range.level, levels.keys())}`,
            'unknown-reference',
          ),
        );
      else if (level.band !== range.band)
        problems.push(
          source.problem(
            [...at, 'band'],
            `level "${level.id}" is at band ${level.band}, not ${range.band}`,
            'invalid-value',
          ),
        );
    } else if (!bands.has(range.band))
      problems.push(
        source.problem(
          [...at, 'band'],
          `the framework has no band ${range.band}; its bands are ${[...bands].sort((a, b) => a - b).join(', ')}`,
          'unknown-reference',
        ),
      );
  });
  return problems;
}

/**
 * The range that applies to a person at `level` (of `band`) in `zone`: the most specific one. A
 * range for the level beats one for the band, and within each a range for the zone beats one for
 * every zone.
 */
export function rangeFor(
  bands: PayBands,
  band: number,
  level: string,
  zone: string | undefined,
): PayRange | undefined {
  let best: PayRange | undefined;
  let bestScore = -1;
  for (const r of bands.ranges) {
    if (r.band !== band) continue;
    if (r.level !== undefined && r.level !== level) continue;
    if (r.zone !== undefined && r.zone !== zone) continue;
    const score = (r.level === undefined ? 0 : 2) + (r.zone === undefined ? 0 : 1);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}
