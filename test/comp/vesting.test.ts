import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CADENCES,
  NAMED_SCHEDULES,
  scheduleProblems,
  type VestingSchedule,
} from '../../src/core/comp/schedule.js';
import { vestedSharesAt, vestEvents } from '../../src/core/comp/vesting.js';

const named = (name: string): VestingSchedule => {
  const schedule = NAMED_SCHEDULES.get(name);
  if (schedule === undefined) throw new Error(`no schedule ${name}`);
  return schedule;
};
const byMonth = (events: { month: number; shares: number }[]) => events.map((e) => [e.month, e.shares]);

describe('named schedules', () => {
  it('amazon 5/15/40/40 vests 5% at month 12, 15% at 24, then 20% every six months', () => {
    // 1000 shares: 50 at 12; 150 at 24; 400/2 = 200 at 30 and 36; 200 at 42 and 48.
    expect(byMonth(vestEvents(1000, named('amazon')))).toEqual([
      [12, 50],
      [24, 150],
      [30, 200],
      [36, 200],
      [42, 200],
      [48, 200],
    ]);
  });

  it('google 33/33/22/12 vests monthly from month 1, front-loaded', () => {
    // 1200 shares: 33% / 12 = 33 a month in years 1 and 2, 22 in year 3, 12 in year 4.
    const events = vestEvents(1200, named('google'));
    expect(events).toHaveLength(48);
    expect(events[0]).toEqual({ month: 1, shares: 33, cumulativeShares: 33 });
    const perYear = [1, 2, 3, 4].map(
      (y) => vestedSharesAt(events, 12 * y) - vestedSharesAt(events, 12 * (y - 1)),
    );
    expect(perYear).toEqual([396, 396, 264, 144]);
  });

  it('google with a grant that does not divide evenly floors the cumulative shares', () => {
    // 100 shares, month 1: floor(100 × 0.33 / 12) = floor(2.75) = 2; month 2: floor(5.5) = 5, so 3 vest.
    const events = vestEvents(100, named('google'));
    expect(events.slice(0, 2)).toEqual([
      { month: 1, shares: 2, cumulativeShares: 2 },
      { month: 2, shares: 3, cumulativeShares: 5 },
    ]);
    expect(vestedSharesAt(events, 12)).toBe(33);
    expect(vestedSharesAt(events, 48)).toBe(100);
  });

  it('standard vests a quarter at the one-year cliff, then 1/48 a month', () => {
    // 4800 shares: nothing in months 1–11, 1200 at month 12, 100 a month after.
    const events = vestEvents(4800, named('standard'));
    expect(events[0]).toEqual({ month: 12, shares: 1200, cumulativeShares: 1200 });
    expect(events[1]).toEqual({ month: 13, shares: 100, cumulativeShares: 1300 });
    expect(vestedSharesAt(events, 11)).toBe(0);
    expect(events).toHaveLength(37);
  });

  it('meta vests 1/16 each quarter with no cliff', () => {
    expect(byMonth(vestEvents(1600, named('meta'))).slice(0, 3)).toEqual([
      [3, 100],
      [6, 100],
      [9, 100],
    ]);
  });

  it('a grant made later vests from its own grant date', () => {
    expect(vestEvents(4800, named('standard'), 12)[0]).toEqual({
      month: 24,
      shares: 1200,
      cumulativeShares: 1200,
    });
  });
});

describe('explicit schedules', () => {
  it('a six-month cliff on a monthly schedule vests six months at once', () => {
    // 1200 shares over 2 years at 50/50 monthly: 50 a month; at month 6 the first six months, 300.
    const events = vestEvents(1200, { years: [50, 50], cadence: 'monthly', cliffMonths: 6 });
    expect(events[0]).toEqual({ month: 6, shares: 300, cumulativeShares: 300 });
    expect(events[1]).toEqual({ month: 7, shares: 50, cumulativeShares: 350 });
  });

  it('a cliff between two annual events vests nothing until the next event', () => {
    expect(byMonth(vestEvents(100, { years: [50, 50], cadence: 'annual', cliffMonths: 6 }))).toEqual([
      [12, 50],
      [24, 50],
    ]);
  });

  it('reports percentages that do not sum to 100, a cliff longer than the vesting and a cadence list of the wrong length', () => {
    expect(
      scheduleProblems({ years: [25, 25, 25], cadence: ['monthly', 'annual'], cliffMonths: 48 }),
    ).toEqual([
      { field: 'years', message: 'percentages must sum to 100, they sum to 75' },
      { field: 'cadence', message: 'lists 2 cadences for 3 years; give one per year or a single cadence' },
      { field: 'cliffMonths', message: 'the cliff (48 months) is longer than the vesting (36 months)' },
    ]);
    expect(scheduleProblems(named('amazon'))).toEqual([]);
  });
});

/** Random valid schedules: whole percentages summing to 100, any cadences, any cliff within the vesting. */
const scheduleArbitrary: fc.Arbitrary<VestingSchedule> = fc
  .array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 6 })
  .filter((weights) => weights.some((w) => w > 0))
  .chain((weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const years = weights.map((w) => Math.floor((100 * w) / total));
    years[years.length - 1]! += 100 - years.reduce((a, b) => a + b, 0);
    return fc.record({
      years: fc.constant(years),
      cadence: fc.oneof(
        fc.constantFrom(...CADENCES),
        fc.array(fc.constantFrom(...CADENCES), { minLength: years.length, maxLength: years.length }),
      ),
      cliffMonths: fc.integer({ min: 0, max: 12 * years.length }),
    });
  });

describe('vesting properties', () => {
  const grant = fc.integer({ min: 0, max: 10_000_000 });

  it('the events add up to exactly the grant', () => {
    fc.assert(
      fc.property(grant, scheduleArbitrary, (shares, schedule) => {
        expect(vestEvents(shares, schedule).reduce((sum, e) => sum + e.shares, 0)).toBe(shares);
      }),
    );
  });

  it('vested shares never exceed the grant and never decrease over time', () => {
    fc.assert(
      fc.property(grant, scheduleArbitrary, (shares, schedule) => {
        const events = vestEvents(shares, schedule);
        let previous = 0;
        for (let month = 0; month <= 12 * schedule.years.length + 1; month++) {
          const vested = vestedSharesAt(events, month);
          expect(vested).toBeGreaterThanOrEqual(previous);
          expect(vested).toBeLessThanOrEqual(shares);
          previous = vested;
        }
      }),
    );
  });

  it('nothing vests before the cliff and every event vests at least one share', () => {
    fc.assert(
      fc.property(grant, scheduleArbitrary, (shares, schedule) => {
        for (const event of vestEvents(shares, schedule)) {
          expect(event.month).toBeGreaterThanOrEqual(Math.max(1, schedule.cliffMonths));
          expect(event.shares).toBeGreaterThan(0);
        }
      }),
    );
  });
});
