import { describeProblem, DomainError, type Problem } from '../problems.js';
import { minorDigits, sumMinor, toMajor, type Major, type Minor } from './money.js';
import type { Horizon, Offer, OffersFile } from './offer.js';
import { optionReports, type OptionReport } from './options.js';
import { timeline, type YearRow } from './timeline.js';

/** Stock scenarios every comparison is also run under: a fall, a flat price and a rise of 20% a year. */
export const STOCK_SCENARIOS = [
  { name: 'bear', stockGrowth: -0.2 },
  { name: 'flat', stockGrowth: 0 },
  { name: 'bull', stockGrowth: 0.2 },
] as const;

export interface OfferComparison {
  name: string;
  years: YearRow<Major>[];
  total: Major;
  /** Illiquid equity over the horizon, reported beside the total and never inside it. */
  illiquid: Major;
  options: OptionReport[];
}

/** When one offer's cumulative pay overtakes another's for good: each offer beside the best one. */
export interface BreakEven {
  offers: [string, string];
  /** The offer ahead at the end of the horizon, or null when they finish level. */
  leader: string | null;
  /** First month from which the leader is never behind again; 1 when it is never behind. */
  month: number | null;
}

export interface ScenarioResult {
  name: string;
  stockGrowth: number;
  totals: { name: string; total: Major }[];
  best: string;
}

export interface Comparison {
  currency: string;
  years: number;
  stockGrowth: number;
  offers: OfferComparison[];
  best: string;
  breakEven: BreakEven[];
  scenarios: ScenarioResult[];
}

/**
 * Compares every offer of a file over the horizon; all amounts in the result are major units. An
 * amount too large to hold exactly is an `invalid-input` DomainError naming the offer and field,
 * with one problem for each offer and field at fault.
 */
export function compareOffers(file: OffersFile, overrides: Partial<Horizon> = {}): Comparison {
  const horizon: Horizon = {
    years: overrides.years ?? file.years,
    stockGrowth: overrides.stockGrowth ?? file.stockGrowth,
  };
  const digits = minorDigits(file.currency);
  const major = (amount: Minor) => toMajor(amount, digits);
  const problems = new Problems();
  const computed = file.offers.map((offer) => ({
    offer,
    timeline: problems.collect(() => timeline(offer, horizon)),
    options: problems.collect(() => optionReports(offer, file.tax)),
    scenarios: STOCK_SCENARIOS.map(({ stockGrowth }) =>
      problems.collect(() => liquidTotal(offer, { ...horizon, stockGrowth })),
    ),
  }));
  problems.throwIfAny();
  const timelines = computed.map((c) => ({ offer: c.offer, timeline: c.timeline! }));
  const offers = computed.map(({ offer, timeline: t, options }): OfferComparison => ({
    name: offer.name,
    years: t!.years.map((row) => rowToMajor(row, digits)),
    total: major(sumMinor(t!.years.map((row) => row.total))),
    illiquid: major(sumMinor(t!.years.map((row) => row.illiquid))),
    options: options!,
  }));
  const best = bestOf(
    timelines.map(({ offer, timeline: t }) => ({
      name: offer.name,
      total: sumMinor(t.years.map((row) => row.total)),
    })),
  );
  // Each offer against the best one, not every pair: the work and the answer grow with offers × months.
  const leader = timelines.findIndex(({ offer }) => offer.name === best);
  const breakEven: BreakEven[] = [];
  timelines.forEach((other, index) => {
    if (index === leader) return;
    // The pair in file order, as the two-offer comparison has always listed it.
    const [a, b] = index < leader ? [other, timelines[leader]!] : [timelines[leader]!, other];
    breakEven.push(breakEvenMonth(a.offer.name, a.timeline.monthly, b.offer.name, b.timeline.monthly));
  });
  const scenarios = STOCK_SCENARIOS.map(({ name, stockGrowth }, index): ScenarioResult => {
    const totals = computed.map((c) => ({ name: c.offer.name, total: c.scenarios[index]! }));
    return {
      name,
      stockGrowth,
      totals: totals.map((t) => ({ name: t.name, total: major(t.total) })),
      best: bestOf(totals),
    };
  });
  return {
    currency: file.currency,
    years: horizon.years,
    stockGrowth: horizon.stockGrowth,
    offers,
    best,
    breakEven,
    scenarios,
  };
}

/**
 * Gathers the `invalid-input` problems of several independent calculations, so that one run
 * reports every offer and field at fault; a field at fault in several scenarios is reported once.
 */
export class Problems {
  private readonly found = new Map<string, Problem>();

  collect<T>(work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid-input') throw error;
      for (const problem of error.problems) {
        const key = problem.path.join('\u0000');
        if (!this.found.has(key)) this.found.set(key, problem);
      }
      return undefined;
    }
  }

  throwIfAny(): void {
    const problems = [...this.found.values()];
    if (problems.length > 0)
      throw new DomainError(
        'invalid-input',
        problems.length === 1 ? describeProblem(problems[0]!) : `${problems.length} amounts are too large`,
        problems,
      );
  }
}

/** Liquid pay of an offer over the horizon, in minor units. */
export function liquidTotal(offer: Offer, horizon: Horizon): Minor {
  return sumMinor(timeline(offer, horizon).years.map((row) => row.total));
}

/** The name with the largest total; a tie goes to the name that sorts first, so file order never matters. */
export function bestOf(totals: readonly { name: string; total: number }[]): string {
  let best = totals[0];
  for (const candidate of totals) {
    if (
      best === undefined ||
      candidate.total > best.total ||
      (candidate.total === best.total && candidate.name < best.name)
    ) {
      best = candidate;
    }
  }
  if (best === undefined) throw new RangeError('no offers to compare');
  return best.name;
}

export function breakEvenMonth(
  nameA: string,
  monthlyA: readonly number[],
  nameB: string,
  monthlyB: readonly number[],
): BreakEven {
  const months = Math.min(monthlyA.length, monthlyB.length) - 1;
  // Cumulative difference A − B month by month; the leader is whoever is ahead at the end.
  const difference: number[] = [0];
  for (let month = 1; month <= months; month++) {
    difference.push(difference[month - 1]! + (monthlyA[month] ?? 0) - (monthlyB[month] ?? 0));
  }
  const final = difference[months] ?? 0;
  if (final === 0) return { offers: [nameA, nameB], leader: null, month: null };
  const sign = Math.sign(final);
  let month = months;
  while (month > 1 && Math.sign(difference[month - 1]!) * sign >= 0) month--;
  return { offers: [nameA, nameB], leader: sign > 0 ? nameA : nameB, month };
}

function rowToMajor(row: YearRow, digits: number): YearRow<Major> {
  return {
    year: row.year,
    base: toMajor(row.base, digits),
    bonus: toMajor(row.bonus, digits),
    signing: toMajor(row.signing, digits),
    equity: toMajor(row.equity, digits),
    illiquid: toMajor(row.illiquid, digits),
    total: toMajor(row.total, digits),
  };
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
