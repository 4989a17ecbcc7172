import { roundHalfAwayFromZero, type Minor } from '../comp/money.js';

/**
 * The few statistics the pay reports share. Amounts in are integer minor units; a mean or a median
 * may fall between two minor units and stays a number, since it only ever feeds a ratio (or is
 * rounded, half away from zero, where it is shown as an amount).
 */

/** The FTE-adjusted annual figure: `amount ÷ fte`, rounded to a whole minor unit. */
export const fullTime = (amount: number, fte: number): Minor => roundHalfAwayFromZero(amount / fte) as Minor;

export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

/** The median of values sorted ascending: the middle one, or the mean of the two middle ones. */
export function medianSorted(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const middle = n >> 1;
  return n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The median of values given with how often each occurs, sorted ascending by value: the same as
 * `median` over the values written out, without writing them out.
 */
export function medianCounted(sorted: readonly { value: number; count: number }[]): number | null {
  let n = 0;
  for (const s of sorted) n += s.count;
  if (n === 0) return null;
  // The value at position `index` of the written-out list.
  const at = (index: number) => {
    let seen = 0;
    for (const s of sorted) if ((seen += s.count) > index) return s.value;
    return sorted.at(-1)!.value;
  };
  const middle = n >> 1;
  return n % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

export function median(values: readonly number[]): number | null {
  return medianSorted(Float64Array.from(values).sort());
}

/** A gap as a fraction: `(men − women) ÷ men`; null when either figure is missing or men's is 0. */
export function gap(men: number | null, women: number | null): number | null {
  if (men === null || women === null || men === 0) return null;
  return (men - women) / men;
}

/**
 * Whether the gap between two means (`sumMen / nMen` and `sumWomen / nWomen`, integer sums) reaches
 * `threshold` (a fraction) in either direction, decided exactly in integers: |men − women| ≥
 * threshold × men, with both sides multiplied by nMen × nWomen so that no division rounds.
 */
export function meanGapReaches(
  sumMen: number,
  nMen: number,
  sumWomen: number,
  nWomen: number,
  threshold: { over: number; per: number } = { over: 1, per: 20 },
): boolean {
  if (nMen === 0 || nWomen === 0 || sumMen === 0) return false;
  const men = BigInt(sumMen) * BigInt(nWomen);
  const women = BigInt(sumWomen) * BigInt(nMen);
  const difference = men > women ? men - women : women - men;
  return difference * BigInt(threshold.per) >= men * BigInt(threshold.over);
}
