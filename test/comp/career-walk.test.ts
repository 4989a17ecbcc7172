import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateEarnings, type EarningsInput, type Strategy } from '../../src/core/comp/earnings.js';
import { ladderFor, payLadder, type PayLadder, type PayRung } from '../../src/core/comp/ladder.js';
import { minor } from '../../src/core/comp/money.js';
import { PRESETS } from '../../src/core/comp/presets.js';
import { loadFrameworkOrThrow } from '../../src/core/framework/load.js';
import { repoRoot } from '../helpers/cli.js';

const reference = loadFrameworkOrThrow(
  readFileSync(join(repoRoot, 'frameworks', 'reference.yaml'), 'utf8'),
  'reference.yaml',
);

/** Two levels, amounts in cents: a level of exactly 2 years paid 100,000–120,000, then 150,000–200,000. */
const rung = (level: string, p25: number, p75: number, years: number, climb = 1): PayRung => ({
  level,
  title: level,
  years: { min: years, max: years },
  p25: minor(p25 * 100),
  p50: minor(((p25 + p75) / 2) * 100),
  p75: minor(p75 * 100),
  equityShare: 0.25,
  climb,
});
const twoLevels = (climb = 1): PayLadder => ({
  market: 'two-level',
  currency: 'USD',
  rungs: [rung('a', 100_000, 120_000, 2, climb), rung('b', 150_000, 200_000, 1)],
  start: 0,
});

const onLadder = (strategy: Strategy, ladder: PayLadder, years = 5): EarningsInput => ({
  currency: 'USD',
  salary: minor(10_000_000),
  years,
  strategies: [strategy],
  runs: 3,
  seed: 1,
  ladder,
});

describe('a career on a two-level market, checked by hand', () => {
  it('a job change carries the promotion that is due, capped at the p75, and forfeits the unvested quarter', () => {
    // Merit 10%, a change every 3 years at +50%. Year 1: 100,000, a quarter in equity granted as
    // 100,000 over four years. Year 2: 110,000. Year 3: 121,000 stops at a's p75, 120,000 (two
    // years served: the promotion is due). Year 4 is a change: 120,000 × 1.5 = 180,000 at level b
    // (within 150,000–200,000); at month 36 a quarter of the grant, 25,000, is unvested and
    // subtracted: 155,000. Year 5: 198,000, under b's p75.
    const [walk] = simulateEarnings(
      onLadder({ name: 'hop', merit: 0.1, switch: { every: 3, raise: 0.5 } }, twoLevels()),
    ).strategies;
    expect(walk!.years.map((y) => y.p50)).toEqual([100000, 110000, 120000, 155000, 198000]);
    expect(walk!.total.p50).toBe(683000);
    expect(walk!.forfeited).toEqual({ p10: 25000, p50: 25000, p90: 25000 });
    expect(walk!.years.map((y) => y.levels)).toEqual([{ a: 1 }, { a: 1 }, { a: 1 }, { b: 1 }, { b: 1 }]);
  });

  it('a promotion in place lands at least at the new level’s p25 and forfeits nothing', () => {
    // Year 2: 110,000. Year 3: promoted, 110,000 × 1.1 = 121,000 is under b's floor: 150,000.
    // Years 4 and 5 on merit: 165,000 and 181,500. Total 706,500.
    const [walk] = simulateEarnings(
      onLadder({ name: 'stay', merit: 0.1, promotions: { every: 1, raise: 0.1 } }, twoLevels()),
    ).strategies;
    expect(walk!.years.map((y) => y.p50)).toEqual([100000, 110000, 150000, 165000, 181500]);
    expect(walk!.total.p50).toBe(706500);
    expect(walk!.forfeited!.p50).toBe(0);
  });

  it('from the career level on, a career that does not climb stays, its merit raises stopping at the p75', () => {
    const [walk] = simulateEarnings(
      onLadder({ name: 'stay', merit: 0.1, promotions: { every: 1, raise: 0.1 } }, twoLevels(0)),
    ).strategies;
    expect(walk!.years.map((y) => y.p50)).toEqual([100000, 110000, 120000, 120000, 120000]);
    expect(walk!.years[4]!.levels).toEqual({ a: 1 });
  });

  it('inflation raises the bands: the cap of year 3 is 120,000 × 1.1²', () => {
    const [walk] = simulateEarnings({
      ...onLadder({ name: 'merit', merit: 0.2 }, twoLevels(0), 3),
      inflation: 0.1,
    }).strategies;
    // 100,000; 120,000 (under the cap of 132,000); 144,000 (under the cap of 145,200).
    expect(walk!.years.map((y) => y.p50)).toEqual([100000, 120000, 144000]);
  });

  it('without a ladder the salary compounds as before: the closed form', () => {
    const [stay] = simulateEarnings({
      ...onLadder({ name: 'stay', merit: 0.03 }, twoLevels()),
      ladder: undefined,
    }).strategies;
    expect(stay!.years.map((y) => y.p50)).toEqual([100000, 103000, 106090, 109272.7, 112550.88]);
    expect(stay!.years[0]).not.toHaveProperty('levels');
  });
});

describe('the reference markets', () => {
  const highestP75 = (ladder: PayLadder, market: string) =>
    Math.max(
      ...reference.levels.flatMap((l) => {
        const pay = l.pay?.[market];
        return pay === undefined ? [] : [pay.p75.base + pay.p75.bonus + pay.p75.equity];
      }),
      ...ladder.rungs.map((r) => r.p75 / 100),
    );

  it('carry pay for every level of both tracks in both markets, each figure sourced', () => {
    const sources = new Set(reference.sources.map((s) => s.id));
    for (const level of reference.levels.filter((l) => l.track === 'ic' || l.track === 'management')) {
      for (const market of ['us-big-tech', 'us-startup']) {
        const pay = level.pay?.[market];
        expect(pay, `${level.id} in ${market}`).toBeDefined();
        for (const row of [pay!.p25, pay!.p50, pay!.p75]) {
          expect(sources.has(row.source)).toBe(true);
          if (row.splitSource !== undefined) expect(sources.has(row.splitSource)).toBe(true);
        }
      }
    }
    // The seed's figures: $400k at staff and $800k+ at principal in the largest companies.
    const bigTech = (id: string) => reference.levels.find((l) => l.id === id)!.pay!['us-big-tech']!.p25;
    expect(bigTech('staff')).toMatchObject({ source: 'seed' });
    expect(bigTech('staff').base + bigTech('staff').bonus + bigTech('staff').equity).toBe(400000);
    expect(bigTech('principal').base + bigTech('principal').bonus + bigTech('principal').equity).toBe(800000);
  });

  it('a $150,000 start at a large company is a junior engineer', () => {
    expect(payLadder(reference, 'us-big-tech', minor(15_000_000)).rungs[0]!.level).toBe('junior');
  });

  for (const market of ['us-big-tech', 'us-startup']) {
    it(`contract: from $150,000 over 40 years no preset's median in any year exceeds the highest p75 (${market})`, () => {
      const input: EarningsInput = {
        currency: 'USD',
        salary: minor(15_000_000),
        years: 40,
        strategies: [...PRESETS],
        runs: 500,
        seed: 1,
      };
      const ladder = ladderFor(reference, input, market)!;
      const cap = highestP75(ladder, market);
      const report = simulateEarnings({ ...input, ladder });
      for (const strategy of report.strategies)
        for (const year of strategy.years)
          expect(year.p50, `${strategy.name} year ${year.year}`).toBeLessThanOrEqual(cap);
      // The issue's $13.7 million a year is gone: the switcher's median ends within a level's band.
      const seed = report.strategies.find((s) => s.name === 'switch-seed')!;
      expect(seed.years[39]!.p50).toBeLessThan(1_000_000);
      // Every year's shares of runs per level add up to one.
      for (const year of seed.years)
        expect(Object.values(year.levels!).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    });
  }

  it('property: for any seed, preset, start and market, medians stay under the highest p75', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(...PRESETS),
        fc.integer({ min: 30_000, max: 2_000_000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('us-big-tech', 'us-startup'),
        (seed, preset, salary, years, market) => {
          const input: EarningsInput = {
            currency: 'USD',
            salary: minor(salary * 100),
            years,
            strategies: [preset],
            runs: 25,
            seed,
          };
          const ladder = ladderFor(reference, input, market)!;
          // A start above every band keeps its pay: the bound is the higher of the two.
          const cap = Math.max(highestP75(ladder, market), salary);
          const [strategy] = simulateEarnings({ ...input, ladder }).strategies;
          return strategy!.years.every((y) => y.p50 <= cap);
        },
      ),
      { numRuns: 40 },
    );
  });
});
