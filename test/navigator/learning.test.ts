import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFrameworkOrThrow } from '../../src/core/framework/load.js';
import { learningPlan } from '../../src/core/growth/learning.js';
import { repoRoot, trellis, writeTemp } from '../helpers/cli.js';

const reference = loadFrameworkOrThrow(
  readFileSync(join(repoRoot, 'frameworks', 'reference.yaml'), 'utf8'),
  'reference.yaml',
);
const senior = reference.levels.find((l) => l.id === 'senior')!;
const seniorRatings = Object.fromEntries(Object.entries(senior.expectations).map(([c, e]) => [c, e.rating]));
const minutes = (items: { minutesPerWeek: number }[]) => items.reduce((n, i) => n + i.minutesPerWeek, 0);

describe('the 80/15/5 learning plan', () => {
  it('five hours a week split as 4 h applied, 45 min adjacent, 15 min deep (13 h pooled over a year)', () => {
    const plan = learningPlan(reference, { current: 'senior', ratings: seniorRatings }, 5);
    expect(plan.split).toEqual({
      applied: { share: 0.8, hoursPerWeek: 4 },
      adjacent: { share: 0.15, hoursPerWeek: 0.75 },
      deep: { share: 0.05, hoursPerWeek: 0.25, hoursPerYear: 13 },
    });
    expect(minutes(plan.applied)).toBe(240);
    expect(minutes(plan.adjacent)).toBe(45);
  });

  it('applied items close the gaps to the next level, the rule’s insisted groups first', () => {
    const plan = learningPlan(reference, { current: 'senior', ratings: seniorRatings }, 5);
    expect(plan.target).toBe('staff');
    const staff = reference.levels.find((l) => l.id === 'staff')!;
    const gapIds = Object.keys(staff.expectations).filter(
      (c) => (seniorRatings[c] ?? 0) < staff.expectations[c]!.rating,
    );
    expect(plan.applied.length).toBe(Math.min(3, gapIds.length));
    for (const item of plan.applied) expect(gapIds).toContain(item.competency);
    const leadership = reference.competencies.filter((c) => c.group === 'leadership').map((c) => c.id);
    const firstLeadershipGap = gapIds.find((c) => leadership.includes(c));
    if (firstLeadershipGap) expect(leadership).toContain(plan.applied[0]!.competency);
  });

  it('a named target replaces the next level', () => {
    const plan = learningPlan(reference, { current: 'senior', target: 'em', ratings: seniorRatings }, 3);
    expect(plan.target).toBe('em');
    expect(
      plan.applied.some(
        (i) =>
          i.competency === 'technical-context' || i.competency === 'hiring' || i.competency === 'mentoring',
      ),
    ).toBe(true);
  });

  it('with no assessment, the plan still has something concrete in every bucket', () => {
    const plan = learningPlan(reference, {}, 2);
    expect(plan.applied.length).toBeGreaterThan(0);
    expect(plan.adjacent.length).toBeGreaterThan(0);
    expect(plan.deep.length).toBeGreaterThan(0);
    expect(plan.tShape).toBeNull();
  });

  it('the T-shape fills the adjacent bucket with specialisations next to the depth', () => {
    const plan = learningPlan(reference, { yearsOfExperience: 7, skills: { backend: 5, frontend: 1 } }, 4);
    expect(plan.tShape).toEqual({ stage: 'develop', shape: expect.any(String) });
    for (const item of plan.adjacent)
      if (item.specialisation) expect(item.specialisation).not.toBe('backend');
  });

  it('whatever the hours, the buckets add up to exactly the hours given, in whole minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 15, max: 40 * 60 }), (total) => {
        const plan = learningPlan(reference, { current: 'mid', ratings: seniorRatings }, total / 60);
        const deepWeekly = Math.round(plan.split.deep.hoursPerWeek * 60);
        expect(minutes(plan.applied) + minutes(plan.adjacent) + deepWeekly).toBe(total);
        expect(minutes(plan.applied)).toBe(Math.round(total * 0.8));
      }),
      { numRuns: 200 },
    );
  });
});

describe('trellis learn plan', () => {
  it('prints the plan as JSON from the example', () => {
    const r = trellis(['learn', 'plan', 'examples/learning.yaml', '--hours', '5', '--json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan).toMatchObject({ hoursPerWeek: 5, target: 'staff', tShape: { stage: 'develop' } });
    expect(plan.applied[0]).toMatchObject({
      title: expect.any(String),
      why: expect.any(String),
      hoursPerWeek: expect.any(Number),
    });
  });

  it('bad ids exit 1 with located messages and suggestions; bad hours exit 2', () => {
    const file = writeTemp('plan.yaml', 'target: stafff\nratings:\n  delivery: 3\nskills:\n  backnd: 3\n');
    const r = trellis(['learn', 'plan', file, '--hours', '5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:1:9: target: unknown level "stafff" (did you mean "staff"?)`);
    expect(r.stderr).toMatch(
      new RegExp(
        `${file.replace(/[.]/g, '\\.')}:5:3: skills\\.backnd: unknown specialisation "backnd" \\(did you mean "backend"\\?\\)`,
      ),
    );
    expect(trellis(['learn', 'plan', file, '--hours', 'lots']).code).toBe(2);
    const tooMany = trellis(['learn', 'plan', file, '--hours', '200']);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain('--hours expects a number from 0.25 to 168, got "200"');
    expect(trellis(['learn', 'plan', file]).code).toBe(2);
  });
});
