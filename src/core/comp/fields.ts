import { z } from 'zod';
import { isKnownCurrency, MAX_INPUT_AMOUNT, MAX_SHARES, minorDigits } from './money.js';

/** Field schemas shared by the offer and earnings files. */

/** A currency's minor unit may have at most this many digits, so that MAX_INPUT_AMOUNT stays exact. */
export const MAX_MINOR_DIGITS = 3;

/** An ISO 4217 code that the platform knows, with a minor unit of at most three digits. */
export const currency = z
  .string()
  .refine((code) => isKnownCurrency(code) && minorDigits(code) <= MAX_MINOR_DIGITS, {
    error: (issue) => {
      const code = String(issue.input);
      if (!/^[A-Z]{3}$/.test(code)) return 'must be a three-letter ISO 4217 code such as USD';
      return isKnownCurrency(code)
        ? `"${code}" has ${minorDigits(code)} decimal digits; at most ${MAX_MINOR_DIGITS} are supported`
        : `"${code}" is not a known ISO 4217 currency code; use one such as USD, EUR or JPY`;
    },
  })
  .default('USD');

/** An amount of money in major units: not negative, and at most MAX_INPUT_AMOUNT. */
export const amount = z
  .number()
  .min(0, 'must not be negative')
  .max(MAX_INPUT_AMOUNT, `must be at most ${MAX_INPUT_AMOUNT} (1e12)`);

/** A price per share in major units: greater than 0, and at most MAX_INPUT_AMOUNT. */
export const price = z
  .number()
  .positive('must be greater than 0')
  .max(MAX_INPUT_AMOUNT, `must be at most ${MAX_INPUT_AMOUNT} (1e12)`);

/** A whole number of shares of one grant, within what vesting computes exactly. */
export const wholeShares = z
  .number()
  .int('must be a whole number of shares')
  .min(0, 'must not be negative')
  .max(MAX_SHARES, `must be at most ${MAX_SHARES}`);
