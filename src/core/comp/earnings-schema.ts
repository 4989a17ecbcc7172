import { z } from 'zod';
import { counted } from '../input/counted.js';
import { checkSchema, didYouMean, parseSource, type SourceDocument } from '../input/document.js';
import { plainSource } from '../input/value.js';
import { DomainError, sortProblems, type Path, type Problem } from '../problems.js';
import { strategyLimitProblem, type EarningsInput, type Rate, type Strategy } from './earnings.js';
import { amount, currency } from './fields.js';
import { major, minorDigits, toMinor } from './money.js';
import { findPreset, PRESETS } from './presets.js';

/**
 * The earnings file format (YAML or JSON) and its validation, every problem located in the file.
 * Each strategy is checked on its own, so that the checks across strategies (unique names) and
 * within one (ranges, how far it can take the salary) run on every strategy that allows them.
 */

/** Every run keeps one salary per year in memory for the percentiles: a million 80-year runs is 640 MB. */
export const MAX_RUNS = 1_000_000;

/** The most strategies one file may simulate side by side. */
export const MAX_STRATEGIES = 20;

const rateValue = z.number().gt(-1, 'must be greater than -1 (a fraction: 0.03 is 3%)');
const rate = z.union([rateValue, z.tuple([rateValue, rateValue])], {
  error: 'must be a rate (0.03 is 3%) or a [min, max] range',
});
const every = z.number().positive('must be greater than 0 (years)');

const strategySchema = z.strictObject({
  name: z.string().min(1, 'must not be empty').optional(),
  preset: z.string().optional(),
  merit: rate.optional(),
  promotions: z
    .strictObject({
      every,
      raise: rate,
      max: z.number().int('must be a whole number').min(0, 'must not be negative').optional(),
    })
    .optional(),
  switch: z.strictObject({ every, raise: rate }).optional(),
});

export const earningsFileSchema = counted(
  'earnings file',
  z.strictObject({
    currency,
    start: z.strictObject({
      salary: amount,
      level: z.string().min(1, 'must not be empty').optional(),
    }),
    market: z
      .string()
      .min(1, 'must not be empty')
      .optional()
      .describe('The market whose pay per level the careers walk; `none` for a salary alone.'),
    inflation: z
      .number()
      .min(-0.5, 'must be at least -0.5 (a fraction: 0.02 is 2%)')
      .max(1, 'must be at most 1 (a fraction: 0.02 is 2%)')
      .optional(),
    years: z
      .number()
      .int('must be a whole number of years')
      .min(1, 'must be at least 1')
      .max(80, 'must be at most 80'),
    // Each strategy is checked on its own below, so that its problems are reported even when others fail.
    strategies: z
      .array(z.unknown())
      .min(1, 'must list at least one strategy')
      .max(MAX_STRATEGIES, `must list at most ${MAX_STRATEGIES} strategies`)
      .optional(),
    runs: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(MAX_RUNS, `must be at most ${MAX_RUNS}`)
      .default(1000),
    seed: z.number().int('must be a whole number').default(1),
  }),
);

export type EarningsFileInput = z.output<typeof earningsFileSchema>;

/** Parses and validates an earnings file's text; with no strategies, every preset is simulated. */
export function parseEarningsFile(text: string, fileName: string): EarningsInput {
  return readEarningsText(text, fileName).earnings;
}

/** Parses and validates an earnings file's text: the simulation's input and the file as checked. */
export function readEarningsText(
  text: string,
  fileName: string,
): { earnings: EarningsInput; input: EarningsFileInput } {
  const source = parseSource(text, fileName);
  if (source.syntaxProblems.length > 0)
    throw new DomainError('invalid-input', 'invalid earnings file', source.syntaxProblems);
  return readEarningsValue(source.value, source);
}

/**
 * Validates an earnings file already parsed (a request body's `file`, a stored scenario): the one
 * check of an earnings file, wherever it comes from. Returns the simulation's input and the file as
 * checked (what the workspace stores).
 */
export function readEarningsValue(
  given: unknown,
  source: SourceDocument = plainSource(given, 'scenario'),
): { earnings: EarningsInput; input: EarningsFileInput } {
  const checked = checkSchema(source, earningsFileSchema);
  const problems: Problem[] = [...checked.problems];
  const value = checked.value;
  const strategies: Strategy[] = [];
  const names = new Map<string, number>();
  const listed = (given as { strategies?: unknown } | null | undefined)?.strategies;
  // Past the bound the schema has said so: the strategies are not read one by one.
  const raw = Array.isArray(listed) && listed.length > MAX_STRATEGIES ? [] : listed;
  const inputs: (z.output<typeof strategySchema> | undefined)[] = Array.isArray(raw)
    ? raw.map((_, index) => {
        const strategy = checkSchema(source, strategySchema, ['strategies', index]);
        problems.push(...strategy.problems);
        return strategy.value;
      })
    : PRESETS.map((preset) => ({ preset: preset.name }));
  const located: { strategy: Strategy; path: Path }[] = [];
  inputs.forEach((input, index) => {
    const path: Path = ['strategies', index];
    // A name is checked for uniqueness whenever it can be told, even if the rest is broken.
    const item = (Array.isArray(raw) ? raw[index] : input) as
      { name?: unknown; preset?: unknown } | null | undefined;
    const knownName =
      typeof item?.name === 'string' && item.name !== ''
        ? item.name
        : typeof item?.preset === 'string'
          ? findPreset(item.preset)?.name
          : undefined;
    if (knownName !== undefined) {
      const first = names.get(knownName);
      if (first !== undefined) {
        problems.push(
          source.problem(
            path,
            `strategy name "${knownName}" is already used by strategies[${first}]`,
            'duplicate-name',
          ),
        );
      } else names.set(knownName, index);
    }
    if (input === undefined) return;
    const preset = input.preset === undefined ? undefined : findPreset(input.preset);
    if (input.preset !== undefined && preset === undefined) {
      const known = PRESETS.map((p) => p.name);
      problems.push(
        source.problem(
          [...path, 'preset'],
          `unknown preset "${input.preset}"${didYouMean(input.preset, known)}; presets: ${known.join(', ')}`,
          'unknown-preset',
        ),
      );
      return;
    }
    const name = input.name ?? preset?.name;
    const merit = input.merit ?? preset?.merit;
    if (name === undefined)
      problems.push(source.problem(path, `missing required field "name" (or a preset)`, 'missing-field'));
    if (merit === undefined)
      problems.push(source.problem(path, `missing required field "merit" (or a preset)`, 'missing-field'));
    const ranges = rangesOf(input).filter(([, range]) => typeof range !== 'number' && range[0] > range[1]);
    for (const [field] of ranges) {
      problems.push(source.problem([...path, ...field], `the range's min is above its max`, 'invalid-value'));
    }
    if (name === undefined || merit === undefined || ranges.length > 0) return;
    const promotions = input.promotions ?? preset?.promotions;
    const change = input.switch ?? preset?.switch;
    const strategy: Strategy = {
      name,
      merit,
      ...(promotions === undefined ? {} : { promotions }),
      ...(change === undefined ? {} : { switch: change }),
    };
    strategies.push(strategy);
    located.push({ strategy, path });
  });
  // How far each strategy can take the salary, once the salary and the years are known.
  if (value !== undefined) {
    const career = {
      currency: value.currency,
      salary: toMinor(major(value.start.salary), minorDigits(value.currency)),
      years: value.years,
    };
    for (const { strategy, path } of located) {
      const problem = strategyLimitProblem(career, strategy, path);
      if (problem !== undefined) problems.push(source.problem(problem.path, problem.message, problem.code));
    }
  }
  if (problems.length > 0 || value === undefined)
    throw new DomainError('invalid-input', 'invalid earnings file', sortProblems(problems));
  return {
    input: value,
    earnings: {
      currency: value.currency,
      salary: toMinor(major(value.start.salary), minorDigits(value.currency)),
      years: value.years,
      strategies,
      runs: value.runs,
      seed: value.seed,
      ...(value.market === undefined ? {} : { market: value.market }),
      ...(value.start.level === undefined ? {} : { startLevel: value.start.level }),
      ...(value.inflation === undefined ? {} : { inflation: value.inflation }),
    },
  };
}

function rangesOf(input: z.output<typeof strategySchema>): [Path, Rate][] {
  const ranges: [Path, Rate][] = [];
  if (input.merit !== undefined) ranges.push([['merit'], input.merit]);
  if (input.promotions !== undefined) ranges.push([['promotions', 'raise'], input.promotions.raise]);
  if (input.switch !== undefined) ranges.push([['switch', 'raise'], input.switch.raise]);
  return ranges;
}
