import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, roundHalfAwayFromZero, scale, toMajor, toMinor } from '../../src/core/comp/money.js';

describe('money', () => {
  it('rounds halves away from zero, not to even', () => {
    // Banker's rounding would give 2, 2 and −2 here.
    expect([2.5, 1.5, -2.5, 2.4999, -0.4].map(roundHalfAwayFromZero)).toEqual([3, 2, -3, 2, -0]);
  });

  it('treats decimal halves as halves despite binary noise', () => {
    // 1.005 × 100 is 100.49999999999999 in binary floating point.
    expect(toMinor(1.005)).toBe(101);
    expect(toMinor(2.675)).toBe(268);
    expect(scale(158_445_415, 1)).toBe(158_445_415);
  });

  it('round-trips whole cents exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        expect(toMinor(toMajor(minor))).toBe(minor);
      }),
    );
  });

  it('formats with thousands separators and two decimals', () => {
    expect(formatMoney(91961981)).toBe('919,619.81');
    expect(formatMoney(-5)).toBe('-0.05');
    expect(formatMoney(0)).toBe('0.00');
  });
});
