import { describe, expect, it } from 'vitest';
import { compareOffers } from '../../src/core/comp/compare.js';
import { parseEarningsFile } from '../../src/core/comp/earnings-schema.js';
import { simulateEarnings } from '../../src/core/comp/earnings.js';
import { leaveCost } from '../../src/core/comp/leave.js';
import { formatMoney, minor, minorDigits } from '../../src/core/comp/money.js';
import { parseOffersFile } from '../../src/core/comp/offer-schema.js';
import { optionReports } from '../../src/core/comp/options.js';
import { DomainError, formatProblem } from '../../src/core/problems.js';
import { trellis, writeTemp } from '../helpers/cli.js';
import { offersFrom } from './helpers.js';

const tokyo = `
currency: JPY
assumptions: { years: 3 }
offers:
  - name: Tokyo
    base: 10000001
    raise: 0.035
    bonus: { target: 0.15 }
    signing: 500000.5
    equity: [{ type: rsu, shares: 10, price: 1234.56, vesting: { years: [50, 50], cadence: annual } }]
`;

describe('money in the currency’s own minor unit', () => {
  it('takes the digits from the platform: JPY and KRW 0, USD, EUR and GBP 2, BHD and KWD 3', () => {
    expect(['JPY', 'KRW', 'USD', 'EUR', 'GBP', 'BHD', 'KWD'].map(minorDigits)).toEqual([0, 0, 2, 2, 2, 3, 3]);
    expect(formatMoney(minor(10677089), 0)).toBe('10,677,089');
    expect(formatMoney(minor(1234567), 3)).toBe('1,234.567');
    expect(formatMoney(minor(-5), 3)).toBe('-0.005');
  });

  it('a JPY offer is computed and printed in whole yen (hand-checked)', () => {
    // Base: 10,000,001; × 1.035 = 10,350,001.035 → 10,350,001; × 1.035² = 10,712,251.071225 → 10,712,251.
    // Bonus 15% of each base: 1,500,000.15 → 1,500,000; 1,552,500.15 → 1,552,500; 1,606,837.65 → 1,606,838.
    // Signing 500,000.5 → 500,001 (a half yen, away from zero). Equity: 5 shares × 1,234.56 = 6,172.8
    // → 6,173 at months 12 and 24. Before yen were whole, these were kept in hundredths.
    const comparison = compareOffers(offersFrom(tokyo));
    expect(comparison.offers[0]!.years).toEqual([
      {
        year: 1,
        base: 10000001,
        bonus: 1500000,
        signing: 500001,
        equity: 6173,
        illiquid: 0,
        total: 12006175,
      },
      { year: 2, base: 10350001, bonus: 1552500, signing: 0, equity: 6173, illiquid: 0, total: 11908674 },
      { year: 3, base: 10712251, bonus: 1606838, signing: 0, equity: 0, illiquid: 0, total: 12319089 },
    ]);
    expect(comparison.offers[0]!.total).toBe(36233938);

    const file = writeTemp('tokyo.yaml', tokyo);
    const { code, stdout } = trellis(['offers', 'compare', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('│ 1    │ 10,000,001 │ 1,500,000 │ 500,001 │  6,173 │ 12,006,175 │');
    expect(stdout).not.toMatch(/\d\.\d\d\b/);
    const left = leaveCost(offersFrom(tokyo).offers[0]!, 12, 0);
    expect(left).toMatchObject({ vestedValue: 6173, forfeitedValue: 6173 });
  });

  it('a BHD amount keeps its three decimals in JSON and in tables', () => {
    const file = offersFrom(
      'currency: BHD\nassumptions: { years: 1 }\noffers: [{ name: Manama, base: 12345.6785 }]',
    );
    // 12,345.6785 dinars = 12,345,678.5 fils → 12,345,679 fils = 12,345.679.
    expect(compareOffers(file).offers[0]!.total).toBe(12345.679);
    const path = writeTemp(
      'bhd.yaml',
      'currency: BHD\nassumptions: { years: 1 }\noffers: [{ name: Manama, base: 12345.6785 }]\n',
    );
    expect(trellis(['offers', 'compare', path]).stdout).toContain('12,345.679');
  });

  it('career earnings in KRW are whole won', () => {
    const input = parseEarningsFile(
      'currency: KRW\nstart: { salary: 50000000.4 }\nyears: 2\nstrategies: [{ name: s, merit: 0.0333 }]\n',
      'e.yaml',
    );
    // 50,000,000 × 1.0333 = 51,665,000; the .4 won of the start is rounded away.
    expect(simulateEarnings({ ...input, runs: 1 }).strategies[0]!.years.map((y) => y.p50)).toEqual([
      50000000, 51665000,
    ]);
  });

  it('an unknown currency code is a located error', () => {
    try {
      parseOffersFile('currency: XYZ\noffers: [{ name: A, base: 1 }]\n', 'o.yaml');
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).problems.map(formatProblem)).toEqual([
        'o.yaml:1:11: currency: "XYZ" is not a known ISO 4217 currency code; use one such as USD, EUR or JPY',
      ]);
    }
    expect(() => parseEarningsFile('currency: ABC\nstart: { salary: 1 }\nyears: 1\n', 'e.yaml')).toThrow(
      DomainError,
    );
  });
});

describe('the $100,000 ISO limit is US law, in dollars', () => {
  const isoGrant = (currency: string) =>
    offersFrom(`
currency: ${currency}
offers:
  - name: S
    base: 1
    equity:
      - { type: option, shares: 100000, strike: 1, fmv: 6, preferredPrice: 10, fullyDilutedShares: 10000000, kind: iso, exerciseWindowDays: 3650 }
`);

  it('a JPY grant of ¥150,000 a year is not split, and is flagged as not checked against the limit', () => {
    // 25,000 shares a year × ¥6 = ¥150,000 a year: in dollars it would be 15,000,000 cents, over the limit.
    const file = isoGrant('JPY');
    const [option] = optionReports(file.offers[0]!, file.tax);
    expect(option!.tax).toMatchObject({ treatment: 'amt-preference', isoShares: 100000, nsoShares: 0 });
    expect(option!.flags[0]).toBe(
      "the $100,000 ISO first-exercisable-per-year limit is set in US dollars and was not applied to this JPY grant: check the grant-date value of each year's vesting in dollars",
    );
  });

  it('the same grant in USD ($150,000 a year) is split: 16,666 shares a year fit', () => {
    const file = isoGrant('USD');
    const [option] = optionReports(file.offers[0]!, file.tax);
    // floor(100,000 / 6) = 16,666 ISO shares a year; 8,334 a year are NSOs.
    expect(option!.tax).toMatchObject({ treatment: 'mixed', isoShares: 66664, nsoShares: 33336 });
    expect(option!.flags.some((flag) => flag.includes('not applied'))).toBe(false);
  });
});
