import { DomainError, type Path, type Problem } from '../problems.js';
import {
  addMinor,
  formatMoney,
  MAX_MINOR,
  minor,
  minorDigits,
  scale,
  toMajor,
  type Major,
  type Minor,
} from './money.js';
import type { PayLadder } from './ladder.js';
import { percentiles } from './percentile.js';
import { hashSeed, mulberry32 } from './random.js';
import { walkCareer } from './walk.js';

/** A yearly rate (0.035 is 3.5%), or a [min, max] range drawn uniformly each year of each run. */
export type Rate = number | readonly [number, number];

export interface Strategy {
  name: string;
  /** Raise in every year that is not a switch year. */
  merit: Rate;
  /** A promotion every `every` years, at most `max` times (a ladder has only so many rungs). */
  promotions?: { every: number; raise: Rate; max?: number };
  /** A job change: its raise replaces merit in switch years. */
  switch?: { every: number; raise: Rate };
}

export interface EarningsInput {
  currency: string;
  /** Starting salary in minor units of the currency. */
  salary: Minor;
  years: number;
  strategies: Strategy[];
  runs: number;
  seed: number;
  /** The market named in the file (`none`: no ladder) and the level the career starts at. */
  market?: string;
  startLevel?: string;
  /** When given, careers walk this ladder of levels and market pay instead of compounding a salary. */
  ladder?: PayLadder;
  /** Yearly inflation of the market's pay figures (0.02 is 2%); 0 when left out. */
  inflation?: number;
}

export interface PercentileRow {
  p10: Major;
  p50: Major;
  p90: Major;
}

export interface EarningsReport {
  currency: string;
  runs: number;
  seed: number;
  strategies: {
    name: string;
    total: PercentileRow;
    /** Each year's salary, and the earnings summed up to the end of that year (for fan charts). */
    years: ({ year: number } & PercentileRow & {
        cumulative: PercentileRow;
        /** On a ladder: level id → the share of runs holding it that year (levels held by none left out). */
        levels?: Record<string, number>;
      })[];
    /** On a ladder: the unvested equity forfeited at job changes over the career. */
    forfeited?: PercentileRow;
  }[];
  /** On a ladder: the market and the levels walked, lowest first. */
  ladder?: { market: string; levels: { id: string; title: string }[]; inflation: number };
  warnings: string[];
}

/** Called now and then during a long simulation with the career-years done and the total. */
export type Progress = (done: number, total: number) => void;

const PERCENTILES = [10, 50, 90] as const;

/** Whether `value` is a whole multiple of `step`; steps under a year make every year a multiple. */
function isMultiple(value: number, step: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

/** Warnings the seed's advice gives about a strategy, e.g. tenures under a year. */
export function strategyWarnings(strategy: Strategy): string[] {
  const every = strategy.switch?.every;
  if (every === undefined || every >= 1) return [];
  return [
    `strategy "${strategy.name}" changes jobs every ${every} years: tenures under one year raise flags with hiring managers, ` +
      'and the simulation changes jobs at most once a year',
  ];
}

/** The highest value a rate can take. */
function highest(rate: Rate | undefined): number {
  if (rate === undefined) return 0;
  return typeof rate === 'number' ? rate : rate[1];
}

/**
 * Whether a strategy can take the salary, or the career total, past what is held exactly. The
 * check is on the best case, every rate at the top of its range every year, so that the answer
 * does not depend on the seed or the number of runs. The problem points at the raise that does
 * most of the growing (or at the starting salary when nothing grows), with `path` the strategy's
 * place in the file.
 */
export function strategyLimitProblem(
  input: Pick<EarningsInput, 'currency' | 'salary' | 'years'>,
  strategy: Strategy,
  path: Path,
): Problem | undefined {
  const { switches, promotes } = careerEvents(strategy, input.years);
  const merit = 1 + highest(strategy.merit);
  const change = 1 + highest(strategy.switch?.raise);
  const promotion = 1 + highest(strategy.promotions?.raise);
  // Rounding adds at most half a minor unit a year; the margin covers the draws' last binary digit.
  // A bound in fractional minor units, not an amount: plain numbers.
  let salary: number = input.salary;
  let total = salary;
  const growth = { merit: 0, switch: 0, promotion: 0 };
  for (let year = 2; year <= input.years; year++) {
    let factor = switches[year] === 1 ? change : merit;
    if (switches[year] === 1) growth.switch += Math.log(change);
    else growth.merit += Math.log(merit);
    if (promotes[year] === 1) {
      factor *= promotion;
      growth.promotion += Math.log(promotion);
    }
    salary = salary * factor * (1 + 1e-12) + 0.5;
    total += salary;
  }
  if (total <= MAX_MINOR) return undefined;
  const fields: [number, Path, string][] = [
    [growth.merit, [...path, 'merit'], 'merit raise'],
    [growth.switch, [...path, 'switch', 'raise'], 'job-change raise'],
    [growth.promotion, [...path, 'promotions', 'raise'], 'promotion raise'],
  ];
  const [largest, field, raise] = fields.reduce((a, b) => (b[0] > a[0] ? b : a));
  const max = formatMoney(MAX_MINOR, minorDigits(input.currency));
  const what = salary > MAX_MINOR ? 'the salary' : 'the career total';
  // A salary too large to be paid for that many years, raises or not, is the salary's fault.
  const blameSalary = largest <= 0 || input.salary * input.years > MAX_MINOR;
  const message = blameSalary
    ? `over ${input.years} years, strategy "${strategy.name}" takes ${what} past ${max}; lower the salary or the years`
    : `over ${input.years} years at the top of its raises, strategy "${strategy.name}" takes ${what} past ${max}; lower the ${raise} or the years`;
  return {
    severity: 'error',
    code: 'amount-too-large',
    message,
    path: blameSalary ? ['start', 'salary'] : field,
  };
}

/** Which years switch jobs and which promote: the same for every run. */
function careerEvents(strategy: Strategy, years: number) {
  const switches = new Uint8Array(years + 1);
  const promotes = new Uint8Array(years + 1);
  let promotions = 0;
  for (let year = 2; year <= years; year++) {
    if (strategy.switch !== undefined && isMultiple(year - 1, strategy.switch.every)) switches[year] = 1;
    if (strategy.promotions !== undefined && isMultiple(year - 1, strategy.promotions.every)) {
      promotions++;
      if (promotions <= (strategy.promotions.max ?? Infinity)) promotes[year] = 1;
    }
  }
  return { switches, promotes };
}

/**
 * Simulates `runs` careers for every strategy. Year 1 pays the starting salary; each later year
 * applies the switch raise in switch years and merit otherwise, times the promotion raise in
 * promotion years, rounding to the cent each year. Each strategy draws from its own stream
 * seeded by the seed and its name, so adding or reordering strategies changes no other result.
 */
export function simulateEarnings(input: EarningsInput, onProgress?: Progress): EarningsReport {
  const problems = input.strategies.flatMap((strategy, index) => {
    const problem = strategyLimitProblem(input, strategy, ['strategies', index]);
    return problem === undefined ? [] : [problem];
  });
  if (problems.length > 0) throw new DomainError('invalid-input', problems[0]!.message, problems);
  const totalWork = input.runs * input.years * input.strategies.length;
  let done = 0;
  const strategies = input.strategies.map((strategy) => {
    const result = simulateStrategy(input, strategy, (careerYears) => {
      done += careerYears;
      onProgress?.(done, totalWork);
    });
    return { name: strategy.name, ...result };
  });
  return {
    currency: input.currency,
    runs: input.runs,
    seed: input.seed,
    strategies,
    ...(input.ladder === undefined
      ? {}
      : {
          ladder: {
            market: input.ladder.market,
            levels: input.ladder.rungs.map((r) => ({ id: r.level, title: r.title })),
            inflation: input.inflation ?? 0,
          },
        }),
    warnings: input.strategies.flatMap(strategyWarnings),
  };
}

function bounds(rate: Rate | undefined): [number, number] {
  if (rate === undefined) return [0, 0];
  return typeof rate === 'number' ? [rate, 0] : [rate[0], rate[1] - rate[0]];
}

function simulateStrategy(input: EarningsInput, strategy: Strategy, progress: (careerYears: number) => void) {
  const { runs, years } = input;
  const random = mulberry32(hashSeed(`${input.seed >>> 0}:${strategy.name}`));
  const [meritLow, meritWidth] = bounds(strategy.merit);
  const [switchLow, switchWidth] = bounds(strategy.switch?.raise);
  const [promoLow, promoWidth] = bounds(strategy.promotions?.raise);
  // Which years switch and which promote is the same for every run: work it out once.
  const { switches, promotes } = careerEvents(strategy, years);
  const byYear = Array.from({ length: years }, () => new Float64Array(runs));
  const upToYear = Array.from({ length: years }, () => new Float64Array(runs));
  const chunk = Math.max(1, Math.floor(1_000_000 / years));
  const ladder = input.ladder;
  const held =
    ladder === undefined ? [] : Array.from({ length: years }, () => new Uint32Array(ladder.rungs.length));
  const forfeited = new Float64Array(ladder === undefined ? 0 : runs);
  for (let run = 0; ladder !== undefined && run < runs; run++) {
    const draw = (low: number, width: number) => () => (width === 0 ? low : low + width * random());
    const walk = walkCareer(
      ladder,
      strategy,
      input.salary,
      years,
      switches,
      {
        merit: draw(meritLow, meritWidth),
        change: draw(switchLow, switchWidth),
        promotion: draw(promoLow, promoWidth),
      },
      random,
      input.inflation ?? 0,
    );
    let total = 0;
    let lost = 0;
    walk.forEach((year, index) => {
      total += year.pay;
      lost += year.forfeited;
      byYear[index]![run] = year.pay;
      upToYear[index]![run] = total;
      held[index]![year.rung]! += 1;
    });
    forfeited[run] = lost;
    if ((run + 1) % chunk === 0 || run + 1 === runs) progress(((run % chunk) + 1) * years);
  }
  for (let run = 0; ladder === undefined && run < runs; run++) {
    let salary: Minor = input.salary;
    let total: Minor = salary;
    byYear[0]![run] = salary;
    upToYear[0]![run] = salary;
    for (let year = 2; year <= years; year++) {
      // Draws happen in a fixed order, and only for ranges, so that runs are reproducible.
      const merit = meritWidth === 0 ? meritLow : meritLow + meritWidth * random();
      const change = switchWidth === 0 ? switchLow : switchLow + switchWidth * random();
      const promotion = promoWidth === 0 ? promoLow : promoLow + promoWidth * random();
      let factor = switches[year] === 1 ? 1 + change : 1 + merit;
      if (promotes[year] === 1) factor *= 1 + promotion;
      salary = scale(salary, factor);
      total = addMinor(total, salary);
      byYear[year - 1]![run] = salary;
      upToYear[year - 1]![run] = total;
    }
    if ((run + 1) % chunk === 0 || run + 1 === runs) progress(((run % chunk) + 1) * years);
  }
  const digits = minorDigits(input.currency);
  const row = (values: Float64Array) => {
    // Nearest-rank percentiles are values of the runs: whole minor units.
    const [p10, p50, p90] = percentiles(values, PERCENTILES).map((value) => toMajor(minor(value), digits));
    return { p10: p10!, p50: p50!, p90: p90! };
  };
  const levels = (index: number) =>
    Object.fromEntries(
      ladder!.rungs.flatMap((r, rung) => {
        const count = held[index]![rung]!;
        return count === 0 ? [] : [[r.level, count / runs]];
      }),
    );
  // The career total is the last year's running sum.
  return {
    total: row(upToYear[years - 1]!),
    years: byYear.map((values, index) => ({
      year: index + 1,
      ...row(values),
      cumulative: row(upToYear[index]!),
      ...(ladder === undefined ? {} : { levels: levels(index) }),
    })),
    ...(ladder === undefined ? {} : { forfeited: row(forfeited) }),
  };
}
