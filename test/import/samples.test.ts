import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samples, tempDir, trellis } from '../helpers/cli.js';

/*
 * Every published sample through the real binary: the import exits 0, the framework it writes
 * passes `trellis framework validate`, and its fidelity report has equal counts and drops nothing.
 */

const monzo = join(samples, 'monzo', 'frameworks');
const generic = join(monzo, 'generic.md');
const design = join(monzo, 'design');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

const disciplines = filesUnder(monzo).filter(
  (f) => f.endsWith('.md') && f !== generic && !f.startsWith(design),
);
const designs = filesUnder(design);
const legacy = filesUnder(join(samples, 'ft', 'legacy-layout'));

const cases: [string, string, string[]][] = [
  ...disciplines.map((f): [string, string, string[]] => [relative(samples, f), 'monzo', [f, generic]]),
  ['monzo/frameworks/generic.md', 'monzo', [generic]],
  ...designs.map((f): [string, string, string[]] => [relative(samples, f), 'monzo', [f]]),
  ...designs.map((f): [string, string, string[]] => [`${relative(samples, f)} (markdown)`, 'markdown', [f]]),
  ...['engineering-v1.yml', 'engineering.yml', 'operations.yml'].map((f): [string, string, string[]] => [
    `ft/job-families/${f}`,
    'ft',
    [join(samples, 'ft', 'job-families', f)],
  ]),
  ['ft/legacy-layout (four files)', 'ft', legacy],
  ['snowflake/constants.js', 'snowflake', [join(samples, 'snowflake', 'constants.js')]],
];

describe('every published sample, imported by the built CLI', () => {
  it('covers all seventeen Monzo files, three FT job families, the earlier FT layout and Snowflake', () => {
    expect(disciplines.length + 1 + designs.length).toBe(17);
    expect(legacy.map((f) => f.split('/').pop())).toEqual([
      'api_version.yml',
      'competencies.yml',
      'domains.yml',
      'levels.yml',
    ]);
  });

  it.each(cases)(
    '%s: exit 0, a valid framework, every statement imported',
    (_, format, files) => {
      const out = join(tempDir(), 'framework.yaml');
      const run = trellis(['framework', 'import', '--from', format, ...files, '-o', out, '--json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const { fidelity } = JSON.parse(run.stdout) as {
        fidelity: { statements: { source: number; imported: number }; dropped: unknown[] };
      };
      expect(fidelity.dropped).toEqual([]);
      expect(fidelity.statements.imported).toBe(fidelity.statements.source);
      expect(fidelity.statements.source).toBeGreaterThan(0);
      const validate = trellis(['framework', 'validate', out]);
      expect(validate.stderr).toBe('');
      expect(validate.code).toBe(0);
    },
    90_000,
  );

  it.each(designs.map((f) => [relative(samples, f), f]))(
    '%s with generic.md: exit 1 and a located message naming --from markdown',
    (_, file) => {
      const run = trellis(['framework', 'import', '--from', 'monzo', file, generic]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^.+\.md:6:7: .*prose only \(yaml: false\).*--from markdown/m);
    },
  );
});
