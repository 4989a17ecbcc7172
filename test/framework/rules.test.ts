import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/core/framework/load.js';
import { describeProblem, formatProblem } from '../../src/core/problems.js';
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

describe('syntax, encodings and odd values', () => {
  const problems = (text: string, file = 'x.yaml') =>
    loadFramework(text, file).problems.map((p) => `${p.line}:${p.col} ${describeProblem(p)}`);

  it('reports only the syntax error of a broken file, not fields the parser failed to read', () => {
    expect(problems('id: x\nname: [a, b\nversion: "1"\ntracks: []\nlevels: []\n')).toEqual([
      '3:1 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('places an error found only at the end of the file on its last line, with a hint', () => {
    const [only] = problems('id: x\nname: "abc\nversion: 1\n');
    expect(only).toMatch(
      /^3:\d+ YAML syntax error: .*\(at the end of the file: look above for an unclosed quote or bracket\)$/,
    );
  });

  it('reports a JSON file in JSON terms, at the offending character', () => {
    expect(problems('{"id": "x",\n "levels": [ {"yea": 1}, ]\n}\n', 'x.json')).toEqual([
      "2:26 JSON syntax error: Unexpected token ']'",
    ]);
    expect(problems('{"id": "x",\n "levels": [ {"yea" 1} ]\n}\n', 'x.json')).toEqual([
      "2:21 JSON syntax error: Expected ':' after property name",
    ]);
    expect(problems('{"id": "x",\n "levels": [\n', 'x.json')).toEqual([
      '3:1 JSON syntax error: Unexpected end of JSON input',
    ]);
  });

  it('ignores a byte-order mark: columns on the first line stay right', () => {
    const text = readFileSync(join(fixtures, 'minimal.yaml'), 'utf8')
      .replace(/^#.*\n/, '')
      .replace('id: minimal', 'id: Bad_ID');
    expect(problems(`\uFEFF${text}`)).toEqual([expect.stringMatching(/^1:5 id: must be lowercase/)]);
    expect(problems(`\uFEFF${text}`)).toEqual(problems(text));
  });

  it('says a field is missing, whatever kind of value it takes, and names infinite numbers', () => {
    const text = readFileSync(join(fixtures, 'minimal.yaml'), 'utf8');
    expect(problems(text.replace('    scope: feature\n', ''))).toEqual([
      '10:5 levels[0]: missing required field "scope"',
    ]);
    expect(problems(text.replace('    rank: 1\n    band: 1\n', '    rank: .inf\n    band: 1\n'))).toEqual([
      '13:11 levels[0].rank: must be a finite number, got Infinity',
    ]);
  });
});
