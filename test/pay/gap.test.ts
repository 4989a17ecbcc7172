import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Minor } from '../../src/core/comp/money.js';
import { payGapReport, quartiles, type PayWorker } from '../../src/core/pay/gap.js';
import { workerInformation } from '../../src/core/pay/worker.js';

/** A worker from major units of EUR (cents inside). */
const worker = (
  gender: PayWorker['gender'],
  category: string,
  base: number,
  variable = 0,
  fte = 1,
): PayWorker => ({
  gender,
  category,
  base: (base * 100) as Minor,
  variable: (variable * 100) as Minor,
  fte,
});

/*
 * The hand-computed set. FTE-adjusted pay = (base + variable) ÷ fte, in euros:
 *   women  W1 A 50,000            → 50,000
 *          W2 A 30,000 at fte 0.5 → 60,000
 *          W3 B 60,000 + 5,000    → 65,000 (variable 5,000)
 *          W4 B 70,000            → 70,000
 *   men    M1 A 55,000 + 5,000    → 60,000 (variable 5,000)
 *          M2 A 65,000            → 65,000
 *          M3 B 70,000 + 10,000   → 80,000 (variable 10,000)
 *          M4 B 90,000 + 10,000   → 100,000 (variable 10,000)
 * A non-binary worker is in none of the figures.
 */
const set: PayWorker[] = [
  worker('woman', 'A', 50_000),
  worker('woman', 'A', 30_000, 0, 0.5),
  worker('woman', 'B', 60_000, 5_000),
  worker('woman', 'B', 70_000),
  worker('man', 'A', 55_000, 5_000),
  worker('man', 'A', 65_000),
  worker('man', 'B', 70_000, 10_000),
  worker('man', 'B', 90_000, 10_000),
  worker('non-binary', 'A', 1_000_000),
];
const options = { period: '2026', currency: 'EUR' };

describe('the pay-gap report on a hand-computed set', () => {
  const report = payGapReport(set, { ...options, minGroup: 2 });

  it('counts women and men only', () => {
    expect(report.period).toBe('2026');
    expect(report.currency).toBe('EUR');
    expect(report.workers).toEqual({ women: 4, men: 4 });
  });

  it('pay gaps: mean and median of base + variable, FTE-adjusted', () => {
    // Women: mean (50 + 60 + 65 + 70) ÷ 4 = 61,250; median (60 + 65) ÷ 2 = 62,500.
    // Men: mean (60 + 65 + 80 + 100) ÷ 4 = 76,250; median (65 + 80) ÷ 2 = 72,500.
    // Mean gap (76,250 − 61,250) ÷ 76,250 = 15,000 ÷ 76,250 = 0.196721…
    // Median gap (72,500 − 62,500) ÷ 72,500 = 10,000 ÷ 72,500 = 0.137931…
    expect(report.pay.meanGap).toBeCloseTo(15_000 / 76_250, 12);
    expect(report.pay.medianGap).toBeCloseTo(10_000 / 72_500, 12);
  });

  it('variable pay: gaps among those who received any, and the share who did', () => {
    // Women with variable: W3 5,000 → mean 5,000, median 5,000.
    // Men with variable: 5,000, 10,000, 10,000 → mean 25,000 ÷ 3 = 8,333.33, median 10,000.
    // Mean gap 1 − 5,000 × 3 ÷ 25,000 = 0.4; median gap (10,000 − 5,000) ÷ 10,000 = 0.5.
    // Share: 1 of 4 women = 0.25, 3 of 4 men = 0.75.
    expect(report.variable.meanGap).toBeCloseTo(0.4, 12);
    expect(report.variable.medianGap).toBeCloseTo(0.5, 12);
    expect(report.variable.share).toEqual({ women: 0.25, men: 0.75 });
  });

  it('quartiles: ties at a cut are shared in the tie’s own proportion', () => {
    // Ordered: 50 W | 60 W, 60 M | 65 W, 65 M | 70 W | 80 M | 100 M; n = 8, cuts at 0, 2, 4, 6, 8.
    // Q1 = positions 0–1: W1, and one seat of the 60,000 tie (1 woman, 1 man): 1.5 W, 0.5 M → 0.75 / 0.25.
    // Q2 = positions 2–3: the other seat of that tie and one of the 65,000 tie: 1 W, 1 M → 0.5 / 0.5.
    // Q3 = positions 4–5: the other seat of the 65,000 tie and W4: 1.5 W, 0.5 M → 0.75 / 0.25.
    // Q4 = positions 6–7: M3 and M4 → 0 / 1.
    expect(report.quartiles).toEqual([
      { quartile: 1, women: 0.75, men: 0.25 },
      { quartile: 2, women: 0.5, men: 0.5 },
      { quartile: 3, women: 0.75, men: 0.25 },
      { quartile: 4, women: 0, men: 1 },
    ]);
  });

  it('categories: gaps, flagged at 5% or more', () => {
    // A: women 50,000 and 60,000 (mean and median 55,000), men 60,000 and 65,000 (62,500):
    //    gap 7,500 ÷ 62,500 = 0.12 → flagged.
    // B: women 65,000 and 70,000 (67,500), men 80,000 and 100,000 (90,000):
    //    gap 22,500 ÷ 90,000 = 0.25 → flagged.
    expect(report.categories).toEqual([
      { category: 'A', women: 2, men: 2, meanGap: 0.12, medianGap: 0.12, flagged: true, suppressed: false },
      { category: 'B', women: 2, men: 2, meanGap: 0.25, medianGap: 0.25, flagged: true, suppressed: false },
    ]);
  });

  it('suppresses a category with fewer than the minimum group (5 by default): gaps null, not flagged', () => {
    const defaults = payGapReport(set, options);
    expect(
      defaults.categories.map((c) => [c.category, c.suppressed, c.meanGap, c.medianGap, c.flagged]),
    ).toEqual([
      ['A', true, null, null, false],
      ['B', true, null, null, false],
    ]);
    // The organisation's own figures are not suppressed.
    expect(defaults.pay.meanGap).toBeCloseTo(15_000 / 76_250, 12);
  });

  it('shows a justification recorded for a category', () => {
    const justified = payGapReport(set, {
      ...options,
      minGroup: 2,
      justifications: new Map([['B', 'Two of the men hold an on-call allowance']]),
    });
    expect(justified.categories[0]).not.toHaveProperty('justification');
    expect(justified.categories[1]!.justification).toBe('Two of the men hold an on-call allowance');
  });
});

describe('the 5% flag', () => {
  const pair = (women: number, men: number) =>
    payGapReport([worker('woman', 'X', women), worker('man', 'X', men)], { ...options, minGroup: 1 })
      .categories[0]!;

  it('holds at exactly 5% in either direction and not just below', () => {
    // (100 − 95) ÷ 100 = 0.05 → flagged; (100 − 95.01) ÷ 100 = 0.0499 → not.
    expect(pair(95, 100).flagged).toBe(true);
    expect(pair(95.01, 100).flagged).toBe(false);
    // Women paid more: (100 − 105.27) ÷ 100 = −0.0527 → flagged; (100 − 104.99) ÷ 100 → not.
    expect(pair(105.27, 100).flagged).toBe(true);
    expect(pair(104.99, 100).flagged).toBe(false);
    expect(pair(105, 100).meanGap).toBeCloseTo(-0.05, 12);
    expect(pair(105, 100).flagged).toBe(true);
  });
});

describe('the report’s properties', () => {
  const arbitraryWorkers = fc.array(
    fc.record({
      gender: fc.constantFrom('woman' as const, 'man' as const),
      category: fc.constantFrom('band-1', 'band-2'),
      base: fc.integer({ min: 1, max: 20_000_000 }),
      variable: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_000_000 })),
      fte: fc.constantFrom(1, 0.8, 0.5),
    }),
    { minLength: 2, maxLength: 60 },
  ) as fc.Arbitrary<PayWorker[]>;

  it('quartile fractions of women and men sum to 1 in every non-empty quartile', () => {
    fc.assert(
      fc.property(arbitraryWorkers, (workers) => {
        for (const q of payGapReport(workers, options).quartiles)
          if (q.women !== null) expect(q.women + q.men!).toBeCloseTo(1, 9);
      }),
    );
  });

  it('swapping genders turns a gap g into −g ÷ (1 − g)', () => {
    fc.assert(
      fc.property(arbitraryWorkers, (workers) => {
        const swapped = workers.map(
          (w) => ({ ...w, gender: w.gender === 'man' ? 'woman' : 'man' }) as PayWorker,
        );
        const g = payGapReport(workers, options).pay.meanGap;
        const h = payGapReport(swapped, options).pay.meanGap;
        if (g === null || h === null) return;
        expect(Math.sign(h)).toBe(-Math.sign(g));
        // Relative to the size of the figure: a tiny women's figure makes the swapped gap large.
        const expected = -g / (1 - g);
        expect(Math.abs(h - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }),
    );
  });

  it('scaling every pay leaves the gaps as they were', () => {
    fc.assert(
      fc.property(arbitraryWorkers, fc.integer({ min: 2, max: 9 }), (workers, k) => {
        const scaled = workers.map((w) => ({
          ...w,
          base: (w.base * k) as Minor,
          variable: (w.variable * k) as Minor,
        }));
        const a = payGapReport(
          workers.map((w) => ({ ...w, fte: 1 })),
          options,
        );
        const b = payGapReport(
          scaled.map((w) => ({ ...w, fte: 1 })),
          options,
        );
        for (const key of ['meanGap', 'medianGap'] as const) {
          if (a.pay[key] === null) expect(b.pay[key]).toBeNull();
          else expect(b.pay[key]).toBeCloseTo(a.pay[key], 9);
        }
        expect(b.quartiles).toEqual(a.quartiles);
      }),
    );
  });

  it('does not depend on the order the workers come in', () => {
    fc.assert(
      fc.property(arbitraryWorkers, (workers) => {
        expect(payGapReport([...workers].reverse(), options)).toEqual(payGapReport(workers, options));
      }),
    );
  });

  it('splits quartiles as equally as possible: 5 workers sit 1, 1, 1, 2', () => {
    const five = [1, 2, 3, 4, 5].map((pay) => ({ man: pay > 3, pay }));
    expect(quartiles(five)).toEqual([
      { quartile: 1, women: 1, men: 0 },
      { quartile: 2, women: 1, men: 0 },
      { quartile: 3, women: 1, men: 0 },
      { quartile: 4, women: 0, men: 1 },
    ]);
    expect(quartiles([{ man: true, pay: 1 }])[0]).toEqual({ quartile: 1, women: null, men: null });
  });
});

describe("a worker's information request (Article 7)", () => {
  // Category A with minimum group 2: women 50,000 and 60,000 → average 55,000; men 60,000 and
  // 65,000 → 62,500. W2's own pay: 30,000 at fte 0.5 → 60,000 full time.
  it('gives their own pay and the averages by gender of their category', () => {
    const info = workerInformation(set[1]!, set, { ...options, minGroup: 2 });
    expect(info.category).toBe('A');
    expect(info.own).toEqual({ base: 3_000_000, variable: 0, fte: 0.5, pay: 6_000_000 });
    expect(info.average).toEqual({ women: 5_500_000, men: 6_250_000 });
    expect(info.people).toEqual({ women: 2, men: 2 });
  });

  it('withholds an average over fewer people than the minimum group', () => {
    const info = workerInformation(set[1]!, set, options);
    expect(info.average).toEqual({ women: null, men: null });
    expect(info.minGroup).toBe(5);
  });
});
