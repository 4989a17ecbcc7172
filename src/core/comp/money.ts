/**
 * Money inside the core is an integer number of minor units (cents for USD). Amounts enter in
 * major units (as written in files) and leave in major units rounded to the cent; every step in
 * between that can produce a fraction of a cent rounds explicitly, half away from zero.
 */

/** Minor units per major unit. Every currency Trellis formats has two decimals. */
export const MINOR_PER_MAJOR = 100;

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

/** Major units (e.g. dollars, possibly with cents) to integer minor units. */
export function toMinor(major: number): number {
  return roundHalfAwayFromZero(major * MINOR_PER_MAJOR);
}

/** Integer minor units to major units; exact to the cent because the input is an integer. */
export function toMajor(minor: number): number {
  return minor / MINOR_PER_MAJOR;
}

/** `amount × rate`, rounded to a whole minor unit. */
export function scale(minor: number, rate: number): number {
  return roundHalfAwayFromZero(minor * rate);
}

/** `quantity × unit price` in minor units, where the price is in major units and may have sub-cent digits. */
export function priceTimes(quantity: number, priceMajor: number, factor = 1): number {
  return roundHalfAwayFromZero(quantity * priceMajor * MINOR_PER_MAJOR * factor);
}

/** A money amount for a table: thousands separators and two decimals, e.g. `145,000.00`. */
export function formatMoney(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const magnitude = Math.abs(minor);
  const whole = Math.floor(magnitude / MINOR_PER_MAJOR);
  const cents = String(magnitude % MINOR_PER_MAJOR).padStart(2, '0');
  return `${sign}${whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
