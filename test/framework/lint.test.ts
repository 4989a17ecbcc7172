import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, samples, tempDir, trellis, writeTemp } from '../helpers/cli.js';

const everyRule = join(repoRoot, 'test', 'fixtures', 'lint', 'every-rule.yaml');
const at = (line: number, col: number) => `${everyRule}:${line}:${col}:`;

describe('trellis framework lint', () => {
  it('passes the reference framework clean', () => {
    const r = trellis(['framework', 'lint', 'frameworks/reference.yaml']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'frameworks/reference.yaml: clean\n', '']);
  });

  it('prints every finding located, with its severity and rule, and exits 1 on errors', () => {
    const r = trellis(['framework', 'lint', everyRule]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      `${at(17, 40)} warning observable-behaviour: "Understands the codebase" says "understands": write what one does that shows it`,
      `${at(17, 66)} warning placeholder: "TODO: say what shipping looks like" is a placeholder: finish or remove it`,
      `${at(28, 24)} error falling-expectation: expectation for "craft" drops from 2 at "engineer" to 1 at "senior"`,
      `${at(29, 41)} warning duplicate-behaviour: "Asks for feedback." is already expected at level "engineer": say once what is new here`,
      `${at(39, 7)} warning same-as-below: level "staff" expects exactly what "senior" below it does: say what changes at this level`,
      `${at(39, 40)} warning duplicate-behaviour: "Designs the systems the team builds" is already expected at level "senior": say once what is new here`,
      `${at(40, 41)} warning duplicate-behaviour: "Asks for feedback." is already expected at level "engineer": say once what is new here`,
      `${at(67, 5)} warning flat-competency: competency "people" is never expected above rating 1: show how it grows, or drop it`,
      ...['engineer', 'senior', 'staff'].map(
        (level) =>
          `${at(70, 50)} error unmeetable-rule: rule "default" asks for 1 met in group "leadership" at level "${level}", which expects only 0 of them`,
      ),
      '',
    ]);
    expect(r.stdout).toBe(`${everyRule}: 4 errors, 7 warnings\n`);
  });

  it('turns rules off per file with a comment, and names a misspelt rule', () => {
    const text = readFileSync(everyRule, 'utf8');
    const file = writeTemp(
      'quiet.yaml',
      `# trellis-lint-disable falling-expectation, unmeetable-rule duplicate-behaviour\n# trellis-lint-disable same-as-bellow\n${text}`,
    );
    const r = trellis(['framework', 'lint', file, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      files: { off: string[]; findings: { rule: string; severity: string; line: number }[] }[];
    };
    expect(report.ok).toBe(true);
    expect(report.files[0]!.off).toEqual(['falling-expectation', 'unmeetable-rule', 'duplicate-behaviour']);
    expect(report.files[0]!.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['unknown-lint-rule', 'warning', 2],
      ['observable-behaviour', 'warning', 19],
      ['placeholder', 'warning', 19],
      ['same-as-below', 'warning', 41],
      ['flat-competency', 'warning', 69],
    ]);
    const human = trellis(['framework', 'lint', file]);
    expect(human.stderr).toContain(
      `${file}:2:24: warning unknown-lint-rule: unknown lint rule "same-as-bellow" (did you mean "same-as-below"?)`,
    );
  });

  it('finds a points threshold that no ratings can reach', () => {
    const dir = tempDir();
    const imported = join(dir, 'snowflake.yaml');
    expect(
      trellis([
        'framework',
        'import',
        '--from',
        'snowflake',
        join(samples, 'snowflake', 'constants.js'),
        '-o',
        imported,
      ]).code,
    ).toBe(0);
    // Sixteen tracks at milestone 5 are worth 16 × 20 = 320 points.
    const raised = writeTemp(
      'raised.yaml',
      readFileSync(imported, 'utf8').replace('"5.3": 135', '"5.3": 400'),
      dir,
    );
    const r = trellis(['framework', 'lint', raised]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /raised\.yaml:\d+:\d+: error unmeetable-rule: rule "snowflake-points" needs 400 points for level "5\.3", but every rating at its best gives 320\n/,
    );
  });

  it('gives an invalid framework its validation errors only, and a missing file exit 2', () => {
    const bad = writeTemp('bad.yaml', 'id: x\n');
    const r = trellis(['framework', 'lint', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:1:1: error`);
    expect(trellis(['framework', 'lint', join(tempDir(), 'missing.yaml')]).code).toBe(2);
  });
});
