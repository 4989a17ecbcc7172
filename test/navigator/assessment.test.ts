import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAssessments } from '../../src/core/assessment/compare.js';
import { assess, evaluateLevel } from '../../src/core/assessment/evaluate.js';
import { loadFrameworkOrThrow } from '../../src/core/framework/load.js';
import type { Framework } from '../../src/core/framework/schema.js';
import { repoRoot, trellis, writeTemp } from '../helpers/cli.js';

const reference = loadFrameworkOrThrow(
  readFileSync(join(repoRoot, 'frameworks', 'reference.yaml'), 'utf8'),
  'reference.yaml',
);
const level = (id: string) => reference.levels.find((l) => l.id === id)!;
/** Ratings that exactly meet a level's expectations. */
const exactly = (id: string): Record<string, number> =>
  Object.fromEntries(Object.entries(level(id).expectations).map(([c, e]) => [c, e.rating]));

describe('assessment against the reference framework', () => {
  it('ratings that exactly meet senior meet senior, and staff is the next level up', () => {
    const result = assess(reference, { current: 'senior', ratings: exactly('senior') });
    expect(result).toMatchObject({ current: 'senior', level: 'senior', track: 'ic', band: 3 });
    expect(result.next.map((n) => [n.level, n.relation])).toEqual([
      ['staff', 'up'],
      ['tech-lead', 'across'],
    ]);
    const staff = result.next[0]!;
    expect(staff.holds).toBe(false);
    expect(staff.total).toBe(Object.keys(level('staff').expectations).length);
    // Every gap names what is held, what is needed, and the expectation text to aim at.
    for (const gap of staff.gaps) {
      expect(gap.need).toBe(level('staff').expectations[gap.competency]!.rating);
      expect(gap.have).toBe(level('senior').expectations[gap.competency]!.rating);
      expect(gap.text).toBe(level('staff').expectations[gap.competency]!.behaviours.join('; '));
    }
    expect(staff.met + staff.gaps.length).toBe(staff.total);
  });

  it('the default rule forgives one competency one step short, but not two', () => {
    const ratings = exactly('mid');
    const [first, second] = Object.keys(ratings);
    const oneShort = { ...ratings, [first!]: ratings[first!]! - 1 };
    const mid = level('mid');
    expect(evaluateLevel(reference, mid, oneShort).holds).toBe(true);
    expect(evaluateLevel(reference, mid, oneShort).explanation).toContain('within the allowance of 1');
    const twoShort = { ...oneShort, [second!]: ratings[second!]! - 1 };
    const verdict = evaluateLevel(reference, mid, twoShort);
    expect(verdict.holds).toBe(false);
    expect(verdict.explanation).toContain('2 fall short');
    expect(verdict.explanation).toContain('more than the 1 the rule allows');
  });

  it('one step short is allowed, two steps short on the same competency is not', () => {
    const ratings = exactly('senior');
    const competency = Object.keys(ratings).find((c) => ratings[c]! >= 3)!;
    const verdict = evaluateLevel(reference, level('senior'), {
      ...ratings,
      [competency]: ratings[competency]! - 2,
    });
    expect(verdict.holds).toBe(false);
    expect(verdict.explanation).toContain('further short than the 1 step the rule allows');
  });

  it('staff needs its leadership group met in full, whatever else is met', () => {
    const ratings = exactly('staff');
    const leadership = reference.competencies.filter((c) => c.group === 'leadership').map((c) => c.id);
    const verdict = evaluateLevel(reference, level('staff'), {
      ...ratings,
      [leadership[0]!]: ratings[leadership[0]!]! - 1,
    });
    expect(verdict.rule).toBe('staff-plus');
    expect(verdict.holds).toBe(false);
    expect(verdict.explanation).toMatch(/group "Leadership" has 1 competency met where the rule asks for 2/);
  });

  it('an unrated core competency counts as not met', () => {
    const { hiring: _hiring, ...rest } = exactly('mid');
    const verdict = evaluateLevel(reference, level('mid'), rest);
    expect(verdict.gaps).toEqual([
      expect.objectContaining({ competency: 'hiring', have: null, steps: null }),
    ]);
    expect(verdict.holds).toBe(false);
  });

  it('meets nothing with no ratings, and says so', () => {
    const result = assess(reference, { ratings: {} });
    expect(result.level).toBeNull();
    expect(result.tracks.every((t) => t.level === null)).toBe(true);
  });

  it('without a current level, the headline is the highest band met', () => {
    const result = assess(reference, { ratings: exactly('em') });
    expect(result.level).toBe('em');
    expect(result.next.map((n) => n.level)).toEqual(['senior-em', 'staff']);
  });
});

describe('properties', () => {
  const competencies = reference.competencies.map((c) => c.id);
  const ratings = fc.record(Object.fromEntries(competencies.map((c) => [c, fc.integer({ min: 1, max: 5 })])));
  const bandMet = (framework: Framework, r: Record<string, number>) =>
    assess(framework, { ratings: r }).tracks.map(
      (t) => framework.levels.find((l) => l.id === t.level)?.rank ?? 0,
    );

  it('raising a rating never lowers the level met on any track', () => {
    fc.assert(
      fc.property(ratings, fc.constantFrom(...competencies), (r, c) => {
        const raised = { ...r, [c]: Math.min(5, r[c]! + 1) };
        const before = bandMet(reference, r);
        const after = bandMet(reference, raised);
        before.forEach((rank, i) => expect(after[i]).toBeGreaterThanOrEqual(rank));
      }),
      { numRuns: 300 },
    );
  });

  it('met plus gaps is always the total', () => {
    fc.assert(
      fc.property(ratings, fc.constantFrom(...reference.levels.map((l) => l.id)), (r, id) => {
        const v = evaluateLevel(reference, level(id), r);
        expect(v.met + v.gaps.length).toBe(v.total);
      }),
      { numRuns: 200 },
    );
  });
});

describe('comparing two assessments', () => {
  it('lists each competency with both ratings and the change', () => {
    const a = { ratings: { 'system-design': 3, delivery: 4, hiring: 2 } };
    const b = { ratings: { 'system-design': 4, delivery: 4, culture: 3 } };
    const comparison = compareAssessments(reference, a, b);
    expect(comparison.competencies).toEqual([
      { competency: 'system-design', name: 'System design', a: 3, b: 4, delta: 1 },
      { competency: 'delivery', name: expect.any(String), a: 4, b: 4, delta: 0 },
      { competency: 'hiring', name: expect.any(String), a: 2, b: null, delta: null },
      { competency: 'culture', name: expect.any(String), a: null, b: 3, delta: null },
    ]);
    expect(comparison.summary).toEqual({ higher: 1, lower: 0, same: 1, unrated: 2 });
  });
});

describe('trellis assess', () => {
  it('prints the verdict and the next levels as JSON', () => {
    const file = writeTemp('me.json', JSON.stringify({ current: 'senior', ratings: exactly('senior') }));
    const r = trellis(['assess', file, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      level: 'senior',
      track: 'ic',
      explanation: expect.stringContaining('rule "default"'),
    });
    expect(out.next[0]).toMatchObject({ level: 'staff', met: expect.any(Number), total: expect.any(Number) });
    expect(Object.keys(out.next[0].gaps[0])).toEqual(
      expect.arrayContaining(['competency', 'have', 'need', 'text']),
    );
  });

  it('reports unknown ids and off-scale ratings with locations and suggestions, exit 1', () => {
    const file = writeTemp('bad.yaml', 'current: senoir\nratings:\n  system-desing: 3\n  delivery: 9\n');
    const r = trellis(['assess', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}:1:10: current: unknown level "senoir" (did you mean "senior"?)`,
      `${file}:3:3: ratings.system-desing: unknown competency "system-desing" (did you mean "system-design"?)`,
      `${file}:4:13: ratings.delivery: rating 9 is off the scale (1, 2, 3, 4, 5)`,
    ]);
  });

  it('reports unknown ids and off-scale ratings in the same run as type errors, ids located at the key', () => {
    const file = writeTemp(
      'mixed.yaml',
      'current: pm\nratings:\n  sytem-design: 4\n  delivery: 6\n  debugging: 3.5\n',
    );
    const r = trellis(['assess', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}:1:10: current: "pm" is a lateral role (Product manager), not a level: assessments are made against the levels of a ladder track`,
      `${file}:3:3: ratings.sytem-design: unknown competency "sytem-design" (did you mean "system-design"?)`,
      `${file}:4:13: ratings.delivery: rating 6 is off the scale (1, 2, 3, 4, 5)`,
      `${file}:5:14: ratings.debugging: expected int, got number 3.5`,
    ]);
  });

  it('rejects a malformed file and unknown fields, exit 1', () => {
    const r = trellis(['assess', writeTemp('bad.yaml', 'current: senior\nratings: [1, 2]\nrating: {}\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ratings: expected record, got a list');
    expect(r.stderr).toContain('unknown field "rating" (did you mean "ratings"?)');
  });

  it('compares two assessments', () => {
    const a = writeTemp('a.json', JSON.stringify({ ratings: { delivery: 3 } }));
    const b = writeTemp('b.json', JSON.stringify({ ratings: { delivery: 4 } }));
    const out = JSON.parse(trellis(['assess', a, '--compare', b, '--json']).stdout);
    expect(out.competencies).toEqual([
      { competency: 'delivery', name: expect.any(String), a: 3, b: 4, delta: 1 },
    ]);
    expect(out.summary.higher).toBe(1);
  });

  it('works on another framework with --framework', () => {
    const minimal = join(repoRoot, 'test', 'fixtures', 'frameworks', 'minimal.yaml');
    const file = writeTemp(
      'm.json',
      JSON.stringify({ current: 'engineer', ratings: { craft: 3, people: 2 } }),
    );
    const out = JSON.parse(trellis(['assess', file, '--framework', minimal, '--json']).stdout);
    expect(out.level).toBe('senior');
    expect(out.next).toEqual([
      expect.objectContaining({ level: 'senior', relation: 'up', holds: true, met: 2, total: 2, gaps: [] }),
    ]);
  });
});
