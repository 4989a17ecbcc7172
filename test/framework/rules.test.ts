import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/core/framework/load.js';
import { formatProblem } from '../../src/core/problems.js';
import { repoRoot } from '../helpers/cli.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'frameworks');
const badDir = join(fixtures, 'bad');

/** Each bad fixture ends with `# expect: LINE:COL SEVERITY CODE` lines naming exactly the problems it must produce. */
function expectedProblems(text: string): string[] {
  return [...text.matchAll(/^# expect: (.+)$/gm)].map((m) => m[1]!.trim());
}

describe('the minimal framework', () => {
  it('loads with no problems at all', () => {
    const file = join(fixtures, 'minimal.yaml');
    const result = loadFramework(readFileSync(file, 'utf8'), file);
    expect(result.problems).toEqual([]);
    expect(result.framework?.levels.map((l) => l.id)).toEqual(['engineer', 'senior', 'manager']);
  });

  it('fills in defaults so that callers never meet undefined lists', () => {
    const result = loadFramework(readFileSync(join(fixtures, 'minimal.yaml'), 'utf8'), 'minimal.yaml');
    expect(result.framework?.levels[0]?.careerLevel).toBe(false);
    expect(result.framework?.levels[0]?.archetypes).toEqual([]);
    expect(result.framework?.promotionRules[0]?.maxStepsBelow).toBe(1);
  });
});

describe('every validation rule, each with its own bad fixture', () => {
  const files = readdirSync(badDir).filter((f) => f.endsWith('.yaml'));

  it('has a fixture for each rule', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of files) {
    it(`${name.replace('.yaml', '')}: reports exactly the expected problems, located`, () => {
      const file = join(badDir, name);
      const text = readFileSync(file, 'utf8');
      const expected = expectedProblems(text);
      expect(expected.length).toBeGreaterThan(0);
      const result = loadFramework(text, file);
      const got = result.problems.map((p) => `${p.line}:${p.col} ${p.severity} ${p.code}`);
      expect(got).toEqual(expected);
      if (expected.some((e) => e.includes(' error '))) expect(result.framework).toBeUndefined();
      for (const problem of result.problems) {
        expect(formatProblem(problem)).toMatch(
          new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `),
        );
      }
    });
  }
});

describe('messages', () => {
  const load = (name: string) =>
    loadFramework(readFileSync(join(badDir, name), 'utf8'), name).problems.map((p) => p.message);

  it('suggests the closest id for an unknown reference', () => {
    expect(load('unknown-reference.yaml')).toEqual([
      'unknown track "managment" (did you mean "management"?)',
    ]);
  });

  it('suggests the closest field for an unknown one', () => {
    expect(load('unknown-field.yaml')[0]).toContain(
      'unknown field "carrerLevel" (did you mean "careerLevel"?)',
    );
  });

  it('names the missing ranks of a hole', () => {
    expect(load('rank-hole.yaml')[0]).toContain('no level at rank 2');
  });

  it('says which level lacks which core competency', () => {
    expect(load('missing-expectation.yaml')).toEqual([
      'level "senior" has no expectation for core competency "people"',
    ]);
  });

  it('reports problems of different kinds in one run, not just the first', () => {
    const text = readFileSync(join(fixtures, 'minimal.yaml'), 'utf8')
      .replace('scope: feature', 'scope: feture')
      .replace('track: management', 'track: managment')
      .replace('people: { rating: 3 }', 'people: { rating: 9 }')
      .replace('to: pm,', 'to: pmm,');
    const codes = loadFramework(text, 'x.yaml').problems.map((p) => p.code);
    expect(codes).toEqual(['invalid-value', 'unknown-reference', 'rating-off-scale', 'unknown-reference']);
  });

  it('does not cascade: a broken level is not reported again as unknown wherever it is named', () => {
    expect(load('wrong-type.yaml')).toHaveLength(1);
  });

  it('reads JSON as well as YAML', () => {
    const yaml = loadFramework(readFileSync(join(fixtures, 'minimal.yaml'), 'utf8'), 'm.yaml').framework!;
    const result = loadFramework(JSON.stringify(yaml), 'm.json');
    expect(result.problems).toEqual([]);
    expect(result.framework).toEqual(yaml);
  });
});
