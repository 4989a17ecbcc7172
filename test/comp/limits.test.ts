import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOffers, liquidTotal } from '../../src/core/comp/compare.js';
import { parseEarningsFile } from '../../src/core/comp/earnings-schema.js';
import { simulateEarnings } from '../../src/core/comp/earnings.js';
import { leaveCost } from '../../src/core/comp/leave.js';
import { MAX_MINOR } from '../../src/core/comp/money.js';
import { negotiationBrief } from '../../src/core/comp/negotiate.js';
import { parseOffersFile } from '../../src/core/comp/offer-schema.js';
import { describeProblem, DomainError, type Problem } from '../../src/core/problems.js';
import { offersFrom } from './helpers.js';

/** The problems of a DomainError thrown by `work`, or a failure when it does not throw one. */
function problemsOf(work: () => unknown): Problem[] {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid-input') return error.problems;
    throw error;
  }
  throw new Error('expected an invalid-input DomainError');
}

const messages = (work: () => unknown) => problemsOf(work).map(describeProblem);

/** Every number in a result, at any depth. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(numbersIn);
  return [];
}

describe('amounts too large to hold exactly', () => {
  it('a base of 1e300 is refused by the schema, with the maximum in the message', () => {
    const problems = problemsOf(() =>
      parseOffersFile('offers: [{ name: Y, base: 1e300, raise: 100 }, { name: Z, base: 10 }]\n', 'o.yaml'),
    );
    expect(problems.map((p) => [describeProblem(p), p.line, p.col])).toEqual([
      ['offers[0].base: must be at most 1000000000000, got 1e+300', 1, 27],
    ]);
  });

  it('a raise that compounds past the largest exact amount over the horizon names the offer and the raise', () => {
    // 1e12 × 101 = 1.01e14 dollars in year 2: more than 90,071,992,547,409.91.
    const file = offersFrom('offers: [{ name: Y, base: 1000000000000, raise: 100 }, { name: Z, base: 10 }]');
    const problems = problemsOf(() => compareOffers(file, { years: 6 }));
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'amount-too-large',
        path: ['offers', 0, 'raise'],
        message: 'over 2 years the base grows past 90,071,992,547,409.91; lower the raise or the horizon',
      },
    ]);
    // Within the file's own horizon of one year the same offer is fine.
    expect(compareOffers(file, { years: 1 }).offers[0]!.total).toBe(1e12);
  });

  it('a base of 1e11 raised 50% a year: exact for 15 years, too much in sum over 16, in itself in year 18', () => {
    // The pay over n years is 1e11 × (1.5^n − 1) / 0.5: 87,378,778,076,171.875 for 15 years (plus
    // half a cent rounded up in year 15, whose base is 1e11 × 1.5^14 = 2,919,292,602,539.0625),
    // 1.31e14 for 16 years.
    const file = offersFrom('offers: [{ name: Y, base: 100000000000, raise: 0.5 }]');
    expect(compareOffers(file, { years: 15 }).offers[0]!.total).toBe(87_378_778_076_171.88);
    expect(messages(() => compareOffers(file, { years: 16 }))).toEqual([
      'offers[0]: over 16 years the pay adds up to more than 90,071,992,547,409.91; lower the amounts or the horizon',
    ]);
    expect(messages(() => compareOffers(file, { years: 50 }))).toEqual([
      'offers[0].raise: over 18 years the base grows past 90,071,992,547,409.91; lower the raise or the horizon',
    ]);
  });

  it('reports every offer at fault in one run, and the negotiation brief and leaving cost too', () => {
    const file = offersFrom(`
offers:
  - { name: A, base: 1000000000000, raise: 100 }
  - { name: B, base: 1000000000000, bonus: { target: 1000000, multiplier: 100 } }
  - name: C
    base: 1
    equity: [{ type: rsu, shares: 10000000000, price: 1000000, vesting: google }]
`);
    expect(messages(() => compareOffers(file, { years: 6 }))).toEqual([
      'offers[0].raise: over 2 years the base grows past 90,071,992,547,409.91; lower the raise or the horizon',
      'offers[1].bonus: in year 1 the bonus comes to more than 90,071,992,547,409.91; lower the target or the multiplier',
      'offers[2].equity[0]: the shares vesting in month 1 are worth more than 90,071,992,547,409.91; lower the shares or the price',
    ]);
    expect(problemsOf(() => negotiationBrief(file, file.offers[2]!, { years: 6 }))).toHaveLength(3);
    expect(problemsOf(() => leaveCost(file.offers[2]!, 1, 0))[0]!.path).toEqual(['offers', 2, 'equity', 0]);
  });

  it('share growth in the bull scenario is checked as well as the assumed growth', () => {
    // 1e10 shares at 8,000 vesting at month 12: 8e13 dollars flat, fine; 9.6e13 at +20%, too much.
    const file = offersFrom(`
assumptions: { years: 1 }
offers:
  - name: A
    base: 1
    equity: [{ type: rsu, shares: 10000000000, price: 8000, vesting: { years: [100], cadence: annual } }]
`);
    expect(liquidTotal(file.offers[0]!, { years: 1, stockGrowth: 0 })).toBe(8_000_000_000_000_100);
    expect(messages(() => compareOffers(file))).toEqual([
      'offers[0].equity[0]: with share prices growing 20% a year, the shares vesting in month 12 are worth more than 90,071,992,547,409.91; lower the shares or the price, or the growth',
    ]);
  });

  it('an option grant whose exercise cost is too large is reported at the grant', () => {
    const file = offersFrom(`
offers:
  - name: A
    base: 1
    equity:
      - { type: option, shares: 10000000000, strike: 1000000, fmv: 1, preferredPrice: 1, fullyDilutedShares: 100000000000 }
`);
    expect(messages(() => compareOffers(file))).toEqual([
      'offers[0].equity[0]: exercising the grant (shares × strike) costs more than 90,071,992,547,409.91; lower the shares or the strike',
    ]);
  });

  it('any offer within the input bounds either compares to exact amounts or is refused, never Infinity or NaN', () => {
    const amount = fc.oneof(fc.integer({ min: 0, max: 1e12 }), fc.double({ min: 0, max: 1e12, noNaN: true }));
    fc.assert(
      fc.property(
        amount,
        fc.double({ min: -0.99, max: 1000, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 1e10 }),
        fc.double({ min: 0.01, max: 1e12, noNaN: true }),
        (base, raise, years, shares, price) => {
          const file = offersFrom(`
offers:
  - { name: A, base: ${base}, raise: ${raise}, bonus: { target: 0.2 }, equity: [{ type: rsu, shares: ${shares}, price: ${price} }] }
  - { name: B, base: 1 }
`);
          let result: unknown;
          try {
            result = compareOffers(file, { years });
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).problems[0]!.path.slice(0, 2)).toEqual(['offers', 0]);
            return;
          }
          for (const value of numbersIn(result)) expect(Math.abs(value * 100)).toBeLessThanOrEqual(MAX_MINOR);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('career earnings too large to hold exactly', () => {
  const parse = (text: string) => parseEarningsFile(text, 'e.yaml');

  it('a salary of 1e300 is refused by the schema, with the maximum in the message', () => {
    expect(
      messages(() => parse('start: { salary: 1e300 }\nyears: 80\nstrategies: [{ name: a, merit: 5 }]\n')),
    ).toEqual(['start.salary: must be at most 1000000000000, got 1e+300']);
  });

  it('a 500% merit raise over 80 years is reported at the merit, located in the file', () => {
    const problems = problemsOf(() =>
      parse('start: { salary: 1000000000000 }\nyears: 80\nstrategies: [{ name: a, merit: 5 }]\n'),
    );
    expect(problems.map((p) => [describeProblem(p), p.line, p.col])).toEqual([
      [
        'strategies[0].merit: over 80 years at the top of its raises, strategy "a" takes the salary past 90,071,992,547,409.91; lower the merit raise or the years',
        3,
        32,
      ],
    ]);
  });

  it('judges a range by its top, whatever the seed, and blames the raise that grows most', () => {
    // 1e9 × 1.5^26 job changes alone is 3.8e13 dollars: past the limit at the top of the range.
    const text =
      'start: { salary: 1000000000 }\nyears: 80\nstrategies: [{ name: hop, merit: 0.03, switch: { every: 3, raise: [0.1, 0.5] } }]\n';
    expect(problemsOf(() => parse(text)).map((p) => p.path)).toEqual([['strategies', 0, 'switch', 'raise']]);
  });

  it('the simulation itself refuses such a strategy rather than print Infinity', () => {
    const input = parse('start: { salary: 100000 }\nyears: 80\nstrategies: [{ name: a, merit: 0.05 }]\n');
    input.strategies[0]!.merit = 5;
    expect(messages(() => simulateEarnings(input))[0]).toMatch(/^strategies\[0\]\.merit: over 80 years/);
  });
});
