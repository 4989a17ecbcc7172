import {
  amountTooLarge,
  isExact,
  minor,
  minorDigits,
  priceTimes,
  scale,
  sumMinor,
  toMajor,
  type Major,
  type Minor,
} from './money.js';
import type { Horizon, Offer } from './offer.js';
import { valuedVests } from './timeline.js';
import { vestEvents, vestedSharesAt } from './vesting.js';

export interface LeaveReport {
  offer: string;
  month: number;
  /** RSU shares (all grants made by then, refreshers included) vested by the end of month M. */
  vestedShares: number;
  vestedValue: Major;
  forfeitedShares: number;
  /** What the forfeited shares would have been worth at their scheduled vest dates. */
  forfeitedValue: Major;
  /** Signing bonus to pay back. */
  clawback: Major;
  options: {
    shares: number;
    vestedShares: number;
    forfeitedShares: number;
    exerciseCost: Major;
    exerciseWindowDays: number;
  }[];
}

/**
 * Signing bonus owed when leaving after `month` months. A payment made at the start of year k has
 * been held t = month − 12(k − 1) months; under the clawback period it is owed in full or, when
 * prorated, in proportion to the months left: amount × (months − t) / months.
 */
export function clawbackOwed(offer: Offer, month: number): Minor {
  const clawback = offer.clawback;
  if (clawback === null) return minor(0);
  const owed = offer.signing.map((amount, index) => {
    const held = month - 12 * index;
    // A payment due at the start of a year one leaves before was never received.
    if (held <= 0 || held >= clawback.months) return minor(0);
    return clawback.prorated ? scale(amount, (clawback.months - held) / clawback.months) : amount;
  });
  return sumMinor(owed);
}

/** What leaving after `month` months costs: equity left behind and signing bonus paid back. */
export function leaveCost(offer: Offer, month: number, stockGrowth: number): LeaveReport {
  // The grants made before leaving are those of the years one has started: a refresher for year k
  // is granted at month 12(k − 1), so it exists when month > 12(k − 1), i.e. k ≤ ceil(month / 12).
  const horizon: Horizon = { years: Math.max(1, Math.ceil(month / 12)), stockGrowth };
  // Their vests run to the end of each schedule, past the leaving year, to count what is forfeited.
  const grants = valuedVests(offer, horizon, Infinity);
  let vestedShares = 0;
  let vestedValue = 0;
  let forfeitedShares = 0;
  let forfeitedValue = 0;
  for (const vest of grants) {
    if (vest.month <= month) {
      vestedShares += vest.shares;
      vestedValue += vest.value;
    } else {
      forfeitedShares += vest.shares;
      forfeitedValue += vest.value;
    }
  }
  const digits = minorDigits(offer.currency);
  // Each vest is exact (valuedVests checks); their sum, of parts at least 0, is checked once.
  if (!isExact(vestedValue + forfeitedValue)) {
    throw amountTooLarge(
      offer.path,
      digits,
      (max) =>
        `the RSUs granted by month ${month} are worth more than ${max} in all; lower the shares or the price`,
    );
  }
  const major = (amount: Minor) => toMajor(amount, digits);
  return {
    offer: offer.name,
    month,
    vestedShares,
    vestedValue: major(minor(vestedValue)),
    forfeitedShares,
    forfeitedValue: major(minor(forfeitedValue)),
    clawback: major(clawbackOwed(offer, month)),
    options: offer.options.map((grant) => {
      const vested = vestedSharesAt(vestEvents(grant.shares, grant.schedule), month);
      const exerciseCost = priceTimes(vested, grant.strike, digits);
      if (!isExact(exerciseCost)) {
        throw amountTooLarge(
          grant.path,
          digits,
          (max) =>
            `exercising the vested options (shares × strike) costs more than ${max}; lower the shares or the strike`,
        );
      }
      return {
        shares: grant.shares,
        vestedShares: vested,
        forfeitedShares: grant.shares - vested,
        exerciseCost: major(exerciseCost),
        exerciseWindowDays: grant.exerciseWindowDays,
      };
    }),
  };
}
