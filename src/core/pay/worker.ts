import { roundHalfAwayFromZero, type Minor } from '../comp/money.js';
import { DEFAULT_MIN_GROUP, type PayWorker } from './gap.js';
import { fullTime, mean } from './stats.js';

/**
 * A worker's information request (Directive 2023/970, Article 7): their own pay, and the average
 * pay of women and of men in their category of work of equal value. An average over fewer people
 * than the minimum group size is withheld (null), so that no one's pay can be read from it.
 */

export interface WorkerInformation {
  period: string;
  currency: string;
  category: string;
  own: { base: Minor; variable: Minor; fte: number; pay: Minor };
  /** Mean FTE-adjusted pay (base + variable) in the category, rounded to a minor unit. */
  average: { women: Minor | null; men: Minor | null };
  people: { women: number; men: number };
  minGroup: number;
}

export function workerInformation(
  worker: PayWorker,
  colleagues: readonly PayWorker[],
  options: { period: string; currency: string; minGroup?: number },
): WorkerInformation {
  const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
  const inCategory = colleagues.filter((c) => c.category === worker.category);
  const paysOf = (gender: 'woman' | 'man') =>
    inCategory.filter((c) => c.gender === gender).map((c) => fullTime(c.base + c.variable, c.fte));
  const women = paysOf('woman');
  const men = paysOf('man');
  const average = (pays: number[]): Minor | null => {
    const value = pays.length < minGroup ? null : mean(pays);
    return value === null ? null : (roundHalfAwayFromZero(value) as Minor);
  };
  return {
    period: options.period,
    currency: options.currency,
    category: worker.category,
    own: {
      base: worker.base,
      variable: worker.variable,
      fte: worker.fte,
      pay: fullTime(worker.base + worker.variable, worker.fte),
    },
    average: { women: average(women), men: average(men) },
    people: { women: women.length, men: men.length },
    minGroup,
  };
}
