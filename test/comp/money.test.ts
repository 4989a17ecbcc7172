import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EarningsInput } from '../../src/core/comp/earnings.js';
import {
  addMinor,
  formatMoney,
  major,
  minor,
  roundHalfAwayFromZero,
  scale,
  toMajor,
  toMinor,
  type Major,
  type Minor,
} from '../../src/core/comp/money.js';

describe('money', () => {
  it('rounds halves away from zero, not to even', () => {
    // Banker's rounding would give 2, 2 and −2 here.
    expect([2.5, 1.5, -2.5, 2.4999, -0.4].map(roundHalfAwayFromZero)).toEqual([3, 2, -3, 2, -0]);
  });

  it('treats decimal halves as halves despite binary noise', () => {
    // 1.005 × 100 is 100.49999999999999 in binary floating point.
    expect(toMinor(major(1.005), 2)).toBe(101);
    expect(toMinor(major(2.675), 2)).toBe(268);
    expect(scale(minor(158_445_415), 1)).toBe(158_445_415);
  });

  it('leaves large whole amounts whole: 8,000,000,000,000,100 cents is not rounded up to …101', () => {
    expect(roundHalfAwayFromZero(8_000_000_000_000_100)).toBe(8_000_000_000_000_100);
    expect(scale(minor(9_007_199_254_740_991), 1)).toBe(9_007_199_254_740_991);
    expect(roundHalfAwayFromZero(1e15 + 0.125)).toBe(1e15);
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (minor) => {
        expect(roundHalfAwayFromZero(minor)).toBe(minor);
      }),
    );
  });

  it('round-trips whole cents exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        expect(toMinor(toMajor(minor(cents), 2), 2)).toBe(cents);
      }),
    );
  });

  it('formats with thousands separators and two decimals', () => {
    expect(formatMoney(minor(91961981), 2)).toBe('919,619.81');
    expect(formatMoney(minor(-5), 2)).toBe('-0.05');
    expect(formatMoney(minor(0), 2)).toBe('0.00');
  });

  it('keeps minor and major units apart: mixing them does not typecheck', () => {
    const cents: Minor = toMinor(major(12.34), 2);
    const dollars: Major = toMajor(cents, 2);
    expect([cents, dollars]).toEqual([1234, 12.34]);
    // @ts-expect-error minor units are not major units: only toMajor turns one into the other
    const wrong: Major = cents;
    // @ts-expect-error nor is a plain number an amount in minor units
    formatMoney(1234, 2);
    // @ts-expect-error toMinor takes major units, not minor ones
    toMinor(cents, 2);
    expect(wrong).toBe(1234);
  });

  it('keeps the earnings simulation in minor units: a salary in major units does not typecheck', () => {
    const input = (salary: Minor): Pick<EarningsInput, 'salary'> => ({ salary });
    expect(input(toMinor(major(100_000), 2)).salary).toBe(10_000_000);
    // @ts-expect-error the simulation's salary is in minor units, not major ones
    input(major(100_000));
    // @ts-expect-error nor a plain number
    const plain: EarningsInput['salary'] = 100_000;
    expect(plain).toBe(100_000);
    // Adding keeps the unit only through addMinor.
    expect(addMinor(minor(1), minor(2))).toBe(3);
  });

  it('refuses a fraction of a minor unit as an amount', () => {
    expect(() => minor(12.5)).toThrow(RangeError);
  });
});
