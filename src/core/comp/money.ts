import { DomainError, formatPath, type Path } from '../problems.js';

/**
 * Money inside the core is an integer number of minor units of the currency: cents for USD and
 * EUR, yen for JPY (which has no minor unit), fils for BHD (a thousandth of a dinar). Amounts enter
 * in major units (as written in files) and leave in major units at the currency's precision; every
 * step in between that can produce a fraction of a minor unit rounds explicitly, half away from zero.
 *
 * Every amount stays an exact integer: at most Number.MAX_SAFE_INTEGER minor units. Inputs are
 * bounded by MAX_INPUT_AMOUNT, and amounts derived from them (raises compounding over the horizon,
 * share price growth, sums) are checked where they are produced, so that an amount too large to
 * hold exactly is reported as bad input instead of printing as Infinity or NaN.
 */

declare const unit: unique symbol;

/** An amount in integer minor units of its currency (cents): what the core computes with. */
export type Minor = number & { readonly [unit]: 'minor' };

/** An amount in major units (dollars, possibly with cents): what files give and reports show. */
export type Major = number & { readonly [unit]: 'major' };

/** An amount as written in a file or a flag, which is in major units. */
export function major(amount: number): Major {
  return amount as Major;
}

/** A whole number of minor units: zero, or a sum or difference of minor amounts, checked to be whole. */
export function minor(amount: number): Minor {
  if (!Number.isInteger(amount) && Number.isFinite(amount))
    throw new RangeError(`${amount} is not a whole number of minor units`);
  return amount as Minor;
}

/** The sum of amounts in minor units. */
export function sumMinor(amounts: readonly Minor[]): Minor {
  return amounts.reduce<number>((total, amount) => total + amount, 0) as Minor;
}

/** Two amounts in minor units added: the only way to add them that keeps the type. */
export function addMinor(a: Minor, b: Minor): Minor {
  return (a + b) as Minor;
}

/** The largest amount, in minor units, that is held exactly. */
export const MAX_MINOR = Number.MAX_SAFE_INTEGER as Minor;

/**
 * The largest amount or price a file may give, in major units. Even in a currency with three
 * decimals it is 10^15 minor units, within MAX_MINOR with room for a few years' sums.
 */
export const MAX_INPUT_AMOUNT = 1e12;

/** The most shares a grant may have: vesting multiplies shares by FRACTION_UNIT (120,000) exactly. */
export const MAX_SHARES = 1e10;

const digitsCache = new Map<string, number>();
let knownCurrencies: Set<string> | undefined;

/**
 * Decimal digits of the currency's minor unit (ISO 4217, as the platform's Intl data has them):
 * 2 for USD, EUR and GBP, 0 for JPY and KRW, 3 for BHD and KWD. Works in Node and in browsers.
 */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * Whether `code` is a currency the platform knows. Intl formats any well-formed code (with two
 * decimals), so the list of supported currencies is the test; without that list, any code passes.
 */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  knownCurrencies ??= new Set(
    (Intl as { supportedValuesOf?: (key: 'currency') => string[] }).supportedValuesOf?.('currency') ?? [],
  );
  return knownCurrencies.size === 0 || knownCurrencies.has(code);
}

/** Minor units per major unit for a number of decimal digits: 100 for cents. */
function perMajor(digits: number): number {
  return 10 ** digits;
}

/**
 * Rounds to the nearest integer, halves away from zero (2.5 → 3, −2.5 → −3). The tolerance, a
 * few units in the last place, absorbs binary noise such as 1.005 × 100 = 100.49999999999999,
 * which is a half in decimal, without moving any value that is genuinely below a half. A whole
 * number is returned as it is: above about 3e14 a few units in the last place exceed a half, and
 * would otherwise add one to every large amount.
 */
export function roundHalfAwayFromZero(value: number): number {
  const magnitude = Math.abs(value);
  const floor = Math.floor(magnitude);
  if (floor === magnitude) return value;
  const tolerance = Math.min(Math.max(1, magnitude) * 8 * Number.EPSILON, 0.25);
  const rounded = magnitude - floor >= 0.5 - tolerance ? floor + 1 : floor;
  return value < 0 ? -rounded : rounded;
}

/** Major units (e.g. dollars, possibly with cents) to integer minor units of a currency with `digits` decimals. */
export function toMinor(amount: Major, digits: number): Minor {
  return roundHalfAwayFromZero(amount * perMajor(digits)) as Minor;
}

/** Integer minor units to major units; exact to the minor unit because the input is an integer. */
export function toMajor(amount: Minor, digits: number): Major {
  // Dividing (rather than multiplying by 0.01) gives the shortest decimal, e.g. 1234 / 1000 = 1.234.
  return (amount / perMajor(digits)) as Major;
}

/** `amount × rate`, rounded to a whole minor unit. */
export function scale(amount: Minor, rate: number): Minor {
  return roundHalfAwayFromZero(amount * rate) as Minor;
}

/** `quantity × unit price` in minor units, where the price is in major units and may have digits below the minor unit. */
export function priceTimes(quantity: number, priceMajor: number, digits: number, factor = 1): Minor {
  return roundHalfAwayFromZero(quantity * priceMajor * perMajor(digits) * factor) as Minor;
}

/** A money amount for a table: thousands separators and the currency's decimals, e.g. `145,000.00`, `¥` amounts as `10,677,089`. */
export function formatMoney(amount: Minor, digits: number): string {
  const sign = amount < 0 ? '-' : '';
  const magnitude = Math.abs(amount);
  const unit = perMajor(digits);
  const whole = Math.floor(magnitude / unit)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (digits === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(magnitude % unit).padStart(digits, '0')}`;
}

/** Whether an amount in minor units is held exactly (a safe integer: not too large, not Infinity or NaN). */
export function isExact(minor: number): boolean {
  return Number.isSafeInteger(minor);
}

/**
 * The error for an amount derived from the input that grew too large to hold exactly, pointing at
 * the field to change. `says` completes "… past <the largest amount>", e.g.
 * `(max) => \`over 6 years the base grows past ${max}; lower the raise or the horizon\``.
 */
export function amountTooLarge(path: Path, digits: number, says: (max: string) => string): DomainError {
  const message = says(formatMoney(MAX_MINOR, digits));
  return new DomainError('invalid-input', `${formatPath(path)}: ${message}`, [
    { severity: 'error', code: 'amount-too-large', message, path },
  ]);
}
