import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateEarnings, type EarningsInput, type Strategy } from '../../src/core/comp/earnings.js';
import { minor } from '../../src/core/comp/money.js';
import { parseEarningsFile } from '../../src/core/comp/earnings-schema.js';
import { nearestRank, percentiles } from '../../src/core/comp/percentile.js';
import { PRESETS } from '../../src/core/comp/presets.js';

const input = (strategies: Strategy[], extra: Partial<EarningsInput> = {}): EarningsInput => ({
  currency: 'USD',
  salary: minor(10_000_000),
  years: 5,
  strategies,
  runs: 50,
  seed: 1,
  ...extra,
});

describe('earnings simulate', () => {
  it('without ranges every run is the same and every percentile is exact', () => {
    // 100,000 at 3%: 103,000; 106,090; 109,272.70; 112,550.881 → 112,550.88. Total 530,913.58.
    const [stay] = simulateEarnings(input([{ name: 'stay', merit: 0.03 }])).strategies;
    expect(stay!.years.map((y) => y.p50)).toEqual([100000, 103000, 106090, 109272.7, 112550.88]);
    expect(stay!.total).toEqual({ p10: 530913.58, p50: 530913.58, p90: 530913.58 });
  });

  it('a switch year replaces merit and a promotion year multiplies on top', () => {
    // merit 2%, switch every 2 years +10%, promotion every 3 years +5%.
    // y2 (y−1 = 1): merit → 102,000. y3 (2): switch → 112,200. y4 (3): merit and promotion,
    // 112,200 × 1.02 × 1.05 = 120,166.20. y5 (4): switch → 132,182.82.
    const [s] = simulateEarnings(
      input([
        { name: 's', merit: 0.02, switch: { every: 2, raise: 0.1 }, promotions: { every: 3, raise: 0.05 } },
      ]),
    ).strategies;
    expect(s!.years.map((y) => y.p50)).toEqual([100000, 102000, 112200, 120166.2, 132182.82]);
  });

  it('stops promoting after the last rung', () => {
    // No merit, +10% a year for at most two promotions: 100,000; 110,000; 121,000; then flat.
    const [s] = simulateEarnings(
      input([{ name: 'capped', merit: 0, promotions: { every: 1, raise: 0.1, max: 2 } }]),
    ).strategies;
    expect(s!.years.map((y) => y.p50)).toEqual([100000, 110000, 121000, 121000, 121000]);
  });

  it('draws ranges within their bounds, reproducibly from the seed', () => {
    // Year 2 lies between 100,000 × 1.01 and 100,000 × 1.05.
    const strategies: Strategy[] = [{ name: 'r', merit: [0.01, 0.05] }];
    const first = simulateEarnings(input(strategies, { runs: 500, seed: 42 }));
    const [r] = first.strategies;
    expect(r!.years[1]!.p10).toBeGreaterThanOrEqual(101000);
    expect(r!.years[1]!.p90).toBeLessThanOrEqual(105000);
    expect(r!.years[1]!.p10).toBeLessThan(r!.years[1]!.p90);
    expect(simulateEarnings(input(strategies, { runs: 500, seed: 42 }))).toEqual(first);
    expect(simulateEarnings(input(strategies, { runs: 500, seed: 43 }))).not.toEqual(first);
  });

  it("a strategy's results do not depend on the other strategies or their order", () => {
    const a: Strategy = { name: 'a', merit: [0.0, 0.1] };
    const b: Strategy = { name: 'b', merit: [0.02, 0.04], switch: { every: 3, raise: [0.1, 0.3] } };
    const alone = simulateEarnings(input([a])).strategies[0];
    const reordered = simulateEarnings(input([b, a])).strategies.find((s) => s.name === 'a');
    expect(reordered).toEqual(alone);
  });

  it('warns when a strategy changes jobs more often than once a year', () => {
    const report = simulateEarnings(
      input([{ name: 'hopper', merit: 0.03, switch: { every: 0.5, raise: 0.1 } }]),
    );
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/"hopper" changes jobs every 0.5 years: tenures under one year/);
    // It still switches at most once a year: every year from year 2 is a switch year.
    expect(report.strategies[0]!.years.map((y) => y.p50)).toEqual([100000, 110000, 121000, 133100, 146410]);
  });

  it('every preset cites a source and runs', () => {
    for (const preset of PRESETS) expect(preset.sources.length).toBeGreaterThan(0);
    const report = simulateEarnings(input([...PRESETS]));
    expect(report.strategies.map((s) => s.name)).toEqual(PRESETS.map((p) => p.name));
    expect(report.warnings).toEqual([]);
  });

  it('an earnings file with no strategies simulates the presets; a preset can be overridden', () => {
    const all = parseEarningsFile('start: { salary: 100000 }\nyears: 10\n', 'e.yaml');
    expect(all.strategies.map((s) => s.name)).toEqual(PRESETS.map((p) => p.name));
    const one = parseEarningsFile(
      'start: { salary: 100000 }\nyears: 10\nstrategies: [{ preset: switch-seed, name: fast, switch: { every: 2, raise: 0.2 } }]\n',
      'e.yaml',
    );
    expect(one.strategies).toEqual([{ name: 'fast', merit: 0.035, switch: { every: 2, raise: 0.2 } }]);
    expect(one).toMatchObject({ salary: 10_000_000, runs: 1000, seed: 1 });
  });
});

describe('percentiles', () => {
  it('uses the nearest rank: the value at rank ceil(p/100 × n)', () => {
    // 1..10: p10 → rank 1 → 1; p50 → rank 5 → 5; p90 → rank 9 → 9.
    expect(percentiles(Float64Array.from([7, 3, 10, 1, 5, 9, 2, 8, 4, 6]), [10, 50, 90])).toEqual([1, 5, 9]);
    expect(nearestRank(50, 1)).toBe(1);
  });

  it('agrees with sorting for any data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 300 }),
        (values) => {
          const sorted = [...values].sort((x, y) => x - y);
          const expected = [10, 50, 90].map((p) => sorted[nearestRank(p, values.length) - 1]);
          expect(percentiles(Float64Array.from(values), [10, 50, 90])).toEqual(expected);
        },
      ),
    );
  });
});
