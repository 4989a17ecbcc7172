import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFrameworkOrThrow } from '../../../src/core/framework/load.js';
import {
  calibrate,
  outcomeOf,
  outcomes,
  ratingDrift,
  TOO_FEW,
  type CalibrationEntry,
} from '../../../src/core/org/reviews/calibration.js';
import { reference } from '../../helpers/org.js';

const framework = loadFrameworkOrThrow(reference.source, reference.file);
const competencies = framework.competencies.map((c) => c.id);
/** Every one of the reference's 15 competencies rated `n`: the person's mean rating is `n`. */
const all = (n: number) => Object.fromEntries(competencies.map((id) => [id, n]));

let next = 1;
const entry = (
  manager: string,
  level: string,
  rating: number,
  more: Partial<CalibrationEntry> = {},
): CalibrationEntry => ({ personId: next++, level, team: 'Core', manager, ratings: all(rating), ...more });

describe('one outcome under the framework’s rules', () => {
  it('is below, meets or ready, with the navigator’s explanation', () => {
    // Senior asks 3 of most competencies; staff asks 4.
    expect(outcomeOf(framework, 'senior', all(2))).toMatchObject({ outcome: 'below', next: 'staff' });
    expect(outcomeOf(framework, 'senior', all(3))).toMatchObject({ outcome: 'meets', next: 'staff' });
    const ready = outcomeOf(framework, 'senior', all(4))!;
    expect(ready.outcome).toBe('ready');
    expect(ready.explanation).toMatch(/^Meets Staff engineer under rule "staff-plus"/);
    expect(outcomeOf(framework, 'no-such-level', all(3))).toBeUndefined();
  });
});

describe('the calibration summary of a cycle', () => {
  // m1 rates senior A 4 and B 3, mid G 2; m2 rates senior C 3, D 2, F 5; m3 rates mid E 3.
  const entries = [
    entry('m1@acme.test', 'senior', 4, { team: 'Core' }), // A: ready
    entry('m1@acme.test', 'senior', 3, { team: 'Core' }), // B: meets
    entry('m1@acme.test', 'mid', 2, { team: 'Core' }), // G: meets mid (mid asks 2), not senior
    entry('m2@acme.test', 'senior', 3, { team: 'Web' }), // C: meets
    entry('m2@acme.test', 'senior', 2, { team: 'Web' }), // D: below
    entry('m2@acme.test', 'senior', 5, { team: 'Web' }), // F: ready
    entry('m3@acme.test', 'mid', 3, { team: null }), // E: ready for senior
  ];

  it('counts outcomes by manager, team, level and track', () => {
    const summary = calibrate(framework, entries);
    expect(summary.people).toBe(7);
    expect(summary.outcomes).toEqual({ below: 1, meets: 3, ready: 3, total: 7 });
    expect(summary.byManager).toEqual([
      { key: 'm1@acme.test', below: 0, meets: 2, ready: 1, total: 3 },
      { key: 'm2@acme.test', below: 1, meets: 1, ready: 1, total: 3 },
      { key: 'm3@acme.test', below: 0, meets: 0, ready: 1, total: 1 },
    ]);
    expect(summary.byTeam.map((g) => [g.key, g.total])).toEqual([
      ['(no team)', 1],
      ['Core', 3],
      ['Web', 3],
    ]);
    expect(summary.byLevel).toEqual([
      { key: 'mid', below: 0, meets: 1, ready: 1, total: 2 },
      { key: 'senior', below: 1, meets: 2, ready: 2, total: 5 },
    ]);
    expect(summary.byTrack).toEqual([{ key: 'ic', below: 1, meets: 3, ready: 3, total: 7 }]);
    expect(summary.fairness).toBeUndefined();
  });

  it("measures each manager's drift against the other managers at the same level", () => {
    const drift = calibrate(framework, entries).drift;
    // m1 at senior: (4 + 3) / 2 = 3.5 against m2's (3 + 2 + 5) / 3 = 10/3: +1/6, over 2 people.
    // m1 at mid: 2 against m3's 3: −1, over 1. Weighted: (2 × 1/6 + 1 × −1) / 3 = −2/9.
    const m1 = drift.find((d) => d.manager === 'm1@acme.test')!;
    expect(m1.people).toBe(3);
    expect(m1.others).toBe(4);
    expect(m1.difference).toBeCloseTo(-2 / 9, 12);
    expect(m1.levels).toEqual([
      { level: 'mid', people: 1, mean: 2, others: 1, othersMean: 3 },
      { level: 'senior', people: 2, mean: 3.5, others: 3, othersMean: 10 / 3 },
    ]);
    // m2 at senior only: 10/3 against m1's 3.5: −1/6, over 3 people against 2.
    const m2 = drift.find((d) => d.manager === 'm2@acme.test')!;
    expect([m2.people, m2.others]).toEqual([3, 2]);
    expect(m2.difference).toBeCloseTo(-1 / 6, 12);
    // m3 at mid: 3 against m1's 2: +1.
    expect(drift.find((d) => d.manager === 'm3@acme.test')).toMatchObject({
      people: 1,
      others: 1,
      difference: 1,
    });
  });

  it('gives no difference to a manager who shares no level with another', () => {
    const drift = ratingDrift([entry('solo@acme.test', 'staff', 4), entry('m1@acme.test', 'senior', 3)]);
    expect(drift[1]).toMatchObject({ manager: 'solo@acme.test', people: 0, others: 0, difference: null });
  });

  it('uses an adjusted outcome and says why, keeping the computed one', () => {
    const adjusted = entries.map((e, i) =>
      i === 4
        ? { ...e, adjusted: { outcome: 'meets' as const, reason: 'ratings given before a long leave' } }
        : e,
    );
    const summary = calibrate(framework, adjusted);
    expect(summary.adjusted).toBe(1);
    expect(summary.outcomes).toEqual({ below: 0, meets: 4, ready: 3, total: 7 });
  });
});

describe('the fairness view by gender', () => {
  const group = (gender: string, n: number, rating: number) =>
    Array.from({ length: n }, () => entry('m1@acme.test', 'senior', rating, { gender }));

  it('shows every group when each has at least 5 people', () => {
    const fairness = calibrate(
      framework,
      [...group('woman', 6, 4), ...group('man', 5, 3), ...group('woman', 1, 2)],
      {
        fairness: true,
      },
    ).fairness!;
    expect(fairness).toEqual({
      attribute: 'gender',
      shown: true,
      note: null,
      groups: [
        { key: 'man', below: 0, meets: 5, ready: 0, total: 5 },
        { key: 'woman', below: 1, meets: 0, ready: 6, total: 7 },
      ],
    });
  });

  it('shows no group, not even the large one, when any group has fewer than 5', () => {
    const fairness = calibrate(
      framework,
      [...group('woman', 10, 4), ...group('man', 4, 3), entry('m1@acme.test', 'senior', 3)],
      { fairness: true },
    ).fairness!;
    expect(fairness).toEqual({ attribute: 'gender', shown: false, note: TOO_FEW, groups: [] });
  });
});

describe('properties', () => {
  const levels = ['mid', 'senior', 'staff', 'em'];
  const arbitraryEntry = fc.record({
    manager: fc.constantFrom('a', 'b', 'c'),
    level: fc.constantFrom(...levels),
    team: fc.constantFrom('Core', 'Web', null),
    gender: fc.constantFrom('woman', 'man', undefined),
    ratings: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 15, maxLength: 15 }),
  });

  it('every grouping counts everyone once, and fairness never shows a group under 5', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEntry, { maxLength: 40 }), (raw) => {
        const entries = raw.map((r, i) => ({
          ...r,
          personId: i,
          ratings: Object.fromEntries(competencies.map((id, k) => [id, r.ratings[k]!])),
        }));
        const summary = calibrate(framework, entries, { fairness: true });
        expect(summary.people).toBe(entries.length);
        for (const groups of [summary.byManager, summary.byTeam, summary.byLevel, summary.byTrack]) {
          expect(groups.reduce((s, g) => s + g.total, 0)).toBe(entries.length);
          for (const g of groups) expect(g.below + g.meets + g.ready).toBe(g.total);
        }
        const f = summary.fairness!;
        if (f.shown) expect(f.groups.every((g) => g.total >= 5)).toBe(true);
        else expect(f.groups).toEqual([]);
      }),
    );
  });

  it('raising ratings never lowers the outcome', () => {
    const rank = (o: string) => outcomes.indexOf(o as (typeof outcomes)[number]);
    fc.assert(
      fc.property(
        fc.constantFrom(...levels),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 15, maxLength: 15 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 15, maxLength: 15 }),
        (level, base, raise) => {
          const before = Object.fromEntries(competencies.map((id, k) => [id, base[k]!]));
          const after = Object.fromEntries(
            competencies.map((id, k) => [id, Math.min(5, base[k]! + raise[k]!)]),
          );
          const a = outcomeOf(framework, level, before)!.outcome;
          const b = outcomeOf(framework, level, after)!.outcome;
          expect(rank(b)).toBeGreaterThanOrEqual(rank(a));
        },
      ),
    );
  });

  it('two managers at one level drift by opposite amounts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }),
        (a, b) => {
          const drift = ratingDrift([
            ...a.map((n) => entry('a', 'senior', n)),
            ...b.map((n) => entry('b', 'senior', n)),
          ]);
          expect(drift[0]!.difference! + drift[1]!.difference!).toBeCloseTo(0, 12);
        },
      ),
    );
  });
});
