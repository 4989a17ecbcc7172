import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { assess } from '../../src/core/assessment/evaluate.js';
import { eligibleTitles, tallyPoints } from '../../src/core/assessment/points.js';
import { importFramework } from '../../src/core/framework/import/index.js';
import { loadFramework } from '../../src/core/framework/load.js';
import type { PointsRule } from '../../src/core/framework/schema.js';
import { samples, tempDir, trellis, writeTemp } from '../helpers/cli.js';
import { domainError, expectValid, sample } from './helpers.js';

const input = sample('snowflake', 'constants.js');
const { framework, fidelity } = importFramework('snowflake', [input]);
const fw = expectValid(framework);
const snowflake = (text: string) => importFramework('snowflake', [{ name: 'constants.js', text }]);

describe('Snowflake import of constants.js', () => {
  it('makes each track a competency in its category group, rated on its own milestone scale', () => {
    expect(fw.competencies).toHaveLength(16);
    expect(fw.groups.map((g) => [g.id, g.name])).toEqual([
      ['category-a', 'Category A'],
      ['category-b', 'Category B'],
      ['category-c', 'Category C'],
      ['category-d', 'Category D'],
    ]);
    const mobile = fw.competencies.find((c) => c.id === 'mobile')!;
    expect([mobile.name, mobile.group, mobile.scale, mobile.core]).toEqual([
      'Mobile',
      'category-a',
      'mobile',
      false,
    ]);
    const scale = fw.scales.find((s) => s.id === 'mobile')!;
    expect(scale.points.map((p) => p.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(scale.points[1]).toEqual({
      value: 1,
      label: 'Milestone 1',
      description:
        'Works effectively within established iOS or Android architectures, following current best practices',
      behaviours: [
        'Delivers features requiring simple local modifications',
        'Adds simple actions that call server endpoints',
        'Reuses existing components appropriately',
      ],
      examples: [
        'Added existing button to a different iOS surface',
        'Add follow button for publications on Android',
        'Fetched and displayed a new stream, using existing stream item styles',
      ],
    });
  });

  it('turns pointsToLevels into 15 levels 1.1–5.3 with thresholds 0 to 135, and keeps the titles', () => {
    expect(fw.levels.map((l) => [l.id, l.band])).toEqual([
      ['1.1', 1],
      ['1.2', 1],
      ['1.3', 1],
      ['2.1', 2],
      ['2.2', 2],
      ['2.3', 2],
      ['3.1', 3],
      ['3.2', 3],
      ['3.3', 3],
      ['4.1', 4],
      ['4.2', 4],
      ['4.3', 4],
      ['5.1', 5],
      ['5.2', 5],
      ['5.3', 5],
    ]);
    const [rule] = fw.promotionRules;
    expect(rule!.kind).toBe('points');
    expect(rule!.points!.table).toEqual({ 0: 0, 1: 1, 2: 3, 3: 6, 4: 12, 5: 20 });
    expect(Object.values(rule!.points!.thresholds)).toEqual([
      0, 5, 11, 17, 23, 29, 36, 43, 50, 58, 66, 74, 90, 110, 135,
    ]);
    expect(rule!.points!.titles.map((t) => [t.title, t.minPoints, t.maxPoints])).toEqual([
      ['Engineer I', 0, 16],
      ['Engineer II', 17, 35],
      ['Senior Engineer', 36, 57],
      ['Group Lead', 36, 57],
      ['Staff Engineer', 58, 89],
      ['Senior Group Lead', 58, 89],
      ['Principal Engineer', 90, undefined],
      ['Director of Engineering', 90, undefined],
    ]);
  });

  it('carries every description, summary, signal and example: the counts equal a count of the file', () => {
    // Independently of the parser: inside `tracks`, every string line that is not a key is a signal or
    // an example; every "summary" and "description" key is one statement more.
    const text = readFileSync(input.name, 'utf8');
    const tracks = text.slice(text.indexOf('export const tracks'), text.indexOf('export const trackIds'));
    const listItems = tracks.split('\n').filter((l) => /^\s+"[^"]*",?\s*$/.test(l)).length;
    const keyed = (tracks.match(/"(summary|description)":/g) ?? []).length;
    expect(fidelity).toEqual({
      statements: { source: listItems + keyed, imported: listItems + keyed },
      dropped: [],
    });
    expect(listItems + keyed).toBe(576);
  });

  it('gives Snowflake’s level and titles from milestone ratings (hand-checked sums)', () => {
    // 20 + 12 + 6 + 6 + 3 + 3 = 50: the largest threshold ≤ 50 is 3.3 (50); titles for 36–57.
    const fifty = {
      mobile: 5,
      'web-client': 4,
      foundations: 3,
      servers: 3,
      'project-management': 2,
      communication: 2,
    };
    const at50 = assess(fw, { ratings: fifty });
    expect([at50.level, at50.points]).toEqual([
      '3.3',
      { rule: 'snowflake-points', total: 50, titles: ['Senior Engineer', 'Group Lead'] },
    ]);
    expect(at50.next[0]).toMatchObject({ level: '4.1', holds: false, met: 50, total: 58 });
    // One milestone less on communication (3 → 1 point): 48, so 3.2 (43).
    const at48 = assess(fw, { ratings: { ...fifty, communication: 1 } });
    expect([at48.level, at48.points!.total]).toEqual(['3.2', 48]);
    // Nothing rated: 0 points still meets 1.1, as in Snowflake.
    expect(assess(fw, { ratings: {} })).toMatchObject({
      level: '1.1',
      points: { total: 0, titles: ['Engineer I'] },
    });
  });

  it('weights a competency over its group, and a group over the default of 1', () => {
    const rule = fw.promotionRules[0]!.points!;
    const weighted = { ...rule, weights: { 'category-a': 2, mobile: 0.5 } };
    // mobile 5 → 20 × 0.5 = 10; servers 3 → 6 × 2 (group) = 12; communication 2 → 3 × 1 = 3.
    expect(tallyPoints(fw, weighted, { mobile: 5, servers: 3, communication: 2 })).toEqual({
      total: 25,
      byGroup: { 'category-a': 22, 'category-b': 3, 'category-c': 0, 'category-d': 0 },
    });
  });

  it('holds a title only within its points and its groups’ conditions', () => {
    const titles: PointsRule['titles'] = [
      { title: 'Staff Engineer', minPoints: 58, maxPoints: 89, minPointsPerGroup: {} },
      { title: 'Staff (building)', minPoints: 58, minPointsPerGroup: { 'category-a': 40 } },
    ];
    const rule = {
      ...fw.promotionRules[0]!.points!,
      titles,
    };
    // 20 + 20 (category A) + 20 (B) = 60 points, 40 of them in category A: both titles.
    const building = tallyPoints(fw, rule, { mobile: 5, servers: 5, craft: 5 });
    expect([building.total, eligibleTitles(rule, building)]).toEqual([
      60,
      ['Staff Engineer', 'Staff (building)'],
    ]);
    // 20 (A) + 20 + 20 (B) = 60 points, only 20 in A: the condition on A fails.
    const executing = tallyPoints(fw, rule, { mobile: 5, craft: 5, initiative: 5 });
    expect([executing.total, eligibleTitles(rule, executing)]).toEqual([60, ['Staff Engineer']]);
  });

  it('checks a points rule against the levels and groups it names', () => {
    const rule = framework.promotionRules[0]!;
    const { '5.3': _top, ...thresholds } = rule.points!.thresholds as Record<string, number>;
    const broken = {
      ...framework,
      promotionRules: [
        {
          ...rule,
          points: {
            ...rule.points!,
            thresholds: { ...thresholds, '5.2': 10, '6.1': 200 },
            weights: { craf: 2 },
          },
        },
      ],
    };
    const { problems } = loadFramework(stringify(broken), 'points.yaml');
    // In file order: the level without a threshold comes before the rule's own entries.
    expect(problems.map((p) => [p.severity, p.code, p.message])).toEqual([
      [
        'error',
        'missing-threshold',
        'level "5.3" is governed by points rule "snowflake-points", which sets no threshold for it',
      ],
      [
        'warning',
        'falling-threshold',
        'the threshold of "5.2" (10) is below that of "5.1" (90), a lower rank',
      ],
      ['error', 'unknown-reference', 'rule "snowflake-points" sets a threshold for unknown level "6.1"'],
      [
        'error',
        'unknown-reference',
        'rule "snowflake-points" weights "craf", which is neither a competency nor a group',
      ],
    ]);
  });

  it('refuses what it cannot read, located, and never runs the code', () => {
    const syntax = domainError(() => snowflake('export const tracks = {\n  "A": { displayName: \n}'));
    expect(syntax.problems.map((p) => [p.line, p.code])).toEqual([[3, 'syntax']]);
    const missing = domainError(() => snowflake('// @flow\nexport const milestones: number[] = [0, 1]\n'));
    expect(missing.problems.map((p) => p.code)).toEqual(['no-ladder', 'no-ladder', 'no-ladder']);
    expect(missing.problems[0]!.message).toContain('no `tracks` object');
    // A computed statement is dropped with its line (5: the switch takes two), not evaluated.
    const computed = snowflake(
      [
        'export const milestoneToPoints = (m) => { switch (m) { case 0: return 0\n case 1: return 1 } }',
        'export const pointsToLevels = { "0": "1.1", "1": "1.2" }',
        'export const tracks = { "CRAFT": { "displayName": "Craft", "category": "B", "description": "Code",',
        '  "milestones": [{ "summary": "Writes code", "signals": [process.exit(1), "Tests"], "examples": [] }] } }',
      ].join('\n'),
    );
    expect(computed.fidelity).toEqual({
      statements: { source: 4, imported: 3 },
      dropped: [
        { path: 'constants.js', line: 5, reason: 'signals[0] of CRAFT milestone 1 is not a text literal' },
      ],
    });
  });
});

describe('trellis framework import --from snowflake, then assess', () => {
  it('imports constants.js into a valid framework and assesses milestone ratings by points', () => {
    const out = join(tempDir(), 'snowflake.yaml');
    const imported = trellis([
      'framework',
      'import',
      '--from',
      'snowflake',
      join(samples, 'snowflake', 'constants.js'),
      '-o',
      out,
    ]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe(`${out}: 15 levels on engineering, 16 competencies\n`);
    expect(imported.stderr).toContain(
      'trellis: fidelity: 576 of 576 source statements imported, none dropped\n',
    );
    expect(trellis(['framework', 'validate', out])).toMatchObject({ code: 0, stderr: '' });
    const ratings = writeTemp(
      'ratings.yaml',
      stringify({
        ratings: {
          mobile: 5,
          'web-client': 4,
          foundations: 3,
          servers: 3,
          'project-management': 2,
          communication: 2,
        },
      }),
    );
    const assessed = trellis(['assess', ratings, '--framework', out]);
    expect(assessed.code).toBe(0);
    expect(assessed.stdout).toContain('Your ratings meet: Level 3.3\n');
    expect(assessed.stdout).toContain('Points: 50; eligible titles: Senior Engineer, Group Lead\n');
    expect(assessed.stdout).toContain('Next up: Level 4.1 — 50 of 58 points');
  });
});
