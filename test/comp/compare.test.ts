import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakEvenMonth, compareOffers } from '../../src/core/comp/compare.js';
import { offersFrom } from './helpers.js';

describe('offers compare', () => {
  it('an amazon grant with growth is valued at each vest at the grown price', () => {
    // 1200 shares at 10, growing 20% a year. Month 12: 5% = 60 shares × 10 × 1.2 = 720.
    // Month 24: 15% = 180 × 10 × 1.44 = 2,592. Year 3: 240 at month 30 × 10 × 1.2^2.5 (= 1.577441…)
    // = 3,785.86, and 240 at month 36 × 10 × 1.728 = 4,147.20: 7,933.06.
    const file = offersFrom(`
assumptions: { stockGrowth: 0.2, years: 3 }
offers:
  - { name: A, base: 0, equity: [{ type: rsu, shares: 1200, price: 10, vesting: amazon }] }
`);
    expect(compareOffers(file).offers[0]!.years.map((y) => y.equity)).toEqual([720, 2592, 7933.06]);
  });

  it('base grows by the raise from year 2 and the bonus follows that base', () => {
    // 100,000 × 1.03 = 103,000 in year 2; bonus 103,000 × 0.10 × 1.2 = 12,360.
    // Year 3: 106,090 and 12,730.80. Signing 10,000 in year 1 only.
    const file = offersFrom(`
assumptions: { years: 3 }
offers:
  - { name: A, base: 100000, raise: 0.03, bonus: { target: 0.1, multiplier: 1.2 }, signing: 10000 }
`);
    const years = compareOffers(file).offers[0]!.years;
    expect(years.map((y) => [y.base, y.bonus, y.signing, y.total])).toEqual([
      [100000, 12000, 10000, 122000],
      [103000, 12360, 0, 115360],
      [106090, 12730.8, 0, 118820.8],
    ]);
  });

  it('refreshers stack: each year adds a grant vesting on its own schedule from its own date', () => {
    // 48,000 a year at 10 = 4,800 shares, standard, from year 2. The year-2 grant reaches its cliff at
    // month 24 (1,200 shares); year 3 adds its remaining 1,200 for months 25–36 plus the year-3
    // grant's cliff (1,200); year 4 has three grants vesting 1,200 each: 0, 12k, 24k, 36k.
    const file = offersFrom(`
offers:
  - name: A
    base: 0
    equity: [{ type: rsu, shares: 0, price: 10 }]
    refreshers: { value: 48000, every: 1, from: 2, vesting: standard }
`);
    expect(compareOffers(file).offers[0]!.years.map((y) => y.equity)).toEqual([0, 12000, 24000, 36000]);
  });

  it('an RSU grant given as a value buys whole shares at the grant price', () => {
    // 100,000 / 3,000 = 33.33 → 33 shares; google year 1 = floor(33 × 0.33) = 10 shares × 3,000 = 30,000.
    const file = offersFrom(`
offers:
  - { name: A, base: 0, equity: [{ type: rsu, value: 100000, price: 3000, vesting: google }] }
`);
    expect(file.offers[0]!.rsus[0]!.shares).toBe(33);
    expect(compareOffers(file).offers[0]!.years[0]!.equity).toBe(30000);
  });

  it('keeps options and private RSUs out of the liquid total', () => {
    // Options: 1,000 standard, paper value (5 − 1) per share: 250 shares a year = 1,000 a year.
    // Private RSUs: 400 shares at 10, standard: 1,000 a year, at the grant price.
    const file = offersFrom(`
offers:
  - name: Startup
    base: 100000
    equity:
      - { type: option, shares: 1000, strike: 1, fmv: 1.5, preferredPrice: 5, fullyDilutedShares: 1000000 }
      - { type: rsu, shares: 400, price: 10, liquid: false }
`);
    const offer = compareOffers(file, { stockGrowth: 0.5 }).offers[0]!;
    expect(offer.years.map((y) => [y.equity, y.illiquid, y.total])).toEqual(Array(4).fill([0, 2000, 100000]));
    expect(offer.total).toBe(400000);
    expect(offer.illiquid).toBe(8000);
  });

  it('names the best offer, with the stock scenarios and the month the leader pulls ahead for good', () => {
    // A: 120,000 flat. B: 100,000 plus 1,200 RSUs at 100 (google, 396 shares in year 1 = 39,600).
    // Month by month B gets 8,333.33 + 3,300 (33 shares) against A's 10,000: B leads from month 1.
    const file = offersFrom(`
offers:
  - { name: A, base: 120000 }
  - { name: B, base: 100000, equity: [{ type: rsu, shares: 1200, price: 100, vesting: google }] }
`);
    const result = compareOffers(file);
    expect(result.best).toBe('B');
    expect(result.breakEven).toEqual([{ offers: ['A', 'B'], leader: 'B', month: 1 }]);
    // Bear: the equity shrinks 20% a year but B still wins; totals at −20%/0/+20% are ordered.
    const totals = result.scenarios.map((s) => s.totals.find((t) => t.name === 'B')!.total);
    expect(totals[0]).toBeLessThan(totals[1]!);
    expect(totals[1]).toBeLessThan(totals[2]!);
    expect(totals[1]).toBe(520000);
  });

  it('finds the month a back-loaded offer overtakes a front-loaded one', () => {
    // Monthly pay: A 1,000 in month 1 then nothing; B 100 a month. B catches up at month 10 (1,000 each)
    // and stays level or ahead only from month 10 on... B ends at 1,200 > 1,000.
    const a = [0, 1000, ...Array(11).fill(0)];
    const b = [0, ...Array(12).fill(100)];
    expect(breakEvenMonth('A', a, 'B', b)).toEqual({ offers: ['A', 'B'], leader: 'B', month: 10 });
    expect(breakEvenMonth('A', a, 'A2', a)).toEqual({ offers: ['A', 'A2'], leader: null, month: null });
  });

  it('totals and best do not depend on the order of the offers in the file', () => {
    const offer = fc.record({
      base: fc.integer({ min: 0, max: 500_000 }),
      shares: fc.integer({ min: 0, max: 10_000 }),
      vesting: fc.constantFrom('standard', 'amazon', 'google', 'meta'),
      signing: fc.integer({ min: 0, max: 50_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(offer, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 1000 }),
        (offers, seed) => {
          const lines = offers.map(
            (o, i) =>
              `  - { name: O${i}, base: ${o.base}, signing: ${o.signing}, equity: [{ type: rsu, shares: ${o.shares}, price: 12.5, vesting: ${o.vesting} }] }`,
          );
          const shuffled = [...lines].sort(
            (x, y) => ((x.length * 31 + seed) % 7) - ((y.length * 31 + seed) % 7) || x.localeCompare(y),
          );
          const run = (body: string[]) => compareOffers(offersFrom(`offers:\n${body.join('\n')}\n`));
          const before = run(lines);
          const after = run(shuffled.reverse());
          const totals = (r: typeof before) => Object.fromEntries(r.offers.map((o) => [o.name, o.total]));
          expect(totals(after)).toEqual(totals(before));
          expect(after.best).toBe(before.best);
        },
      ),
      { numRuns: 50 },
    );
  });
});
