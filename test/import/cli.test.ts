import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { samples, tempDir, trellis, writeTemp } from '../helpers/cli.js';
import { fixtures } from './helpers.js';

const monzoSamples = [
  join(samples, 'monzo', 'frameworks', 'engineering', 'backend.md'),
  join(samples, 'monzo', 'frameworks', 'generic.md'),
];
const ftSample = join(samples, 'ft', 'job-families', 'engineering.yml');

/** import → validate → show: what an author does with an imported ladder. */
function roundTrip(format: string, files: string[]) {
  const out = join(tempDir(), 'imported.yaml');
  const imported = trellis(['framework', 'import', '--from', format, ...files, '-o', out]);
  expect(imported.stderr).not.toContain('internal error');
  expect(imported.code).toBe(0);
  const validated = trellis(['framework', 'validate', out]);
  expect(validated.stderr).toBe('');
  expect(validated.code).toBe(0);
  const shown = trellis(['framework', 'show', '--json', '--framework', out]);
  expect(shown.code).toBe(0);
  return {
    out,
    imported,
    show: JSON.parse(shown.stdout) as {
      id: string;
      tracks: { id: string }[];
      levels: { id: string; track: string; band: number }[];
      competencies: { id: string }[];
    },
  };
}

describe('trellis framework import: round trips', () => {
  it('imports Monzo backend with generic, validates and shows it', () => {
    const { out, imported, show } = roundTrip('monzo', monzoSamples);
    expect(imported.stdout).toBe(`${out}: 6 levels on ic, 5 competencies\n`);
    expect(imported.stderr).toContain(
      'note: inherited the generic criteria of "communication", "impact" from generic.md',
    );
    expect(show.id).toBe('monzo-backend');
    expect(show.levels.map((l) => l.id)).toEqual([
      'level-1',
      'level-2',
      'level-3',
      'level-4',
      'level-5',
      'level-6',
    ]);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe(
      '# Imported by `trellis framework import --from monzo` from backend.md, generic.md.',
    );
  });

  it('imports the FT engineering family onto two tracks, validates and shows it', () => {
    const { show, out } = roundTrip('ft', [ftSample]);
    expect(show.tracks.map((t) => t.id)).toEqual(['ic', 'management']);
    expect(show.levels.filter((l) => l.track === 'management').map((l) => [l.id, l.band])).toEqual([
      ['senior-2-pm', 4],
      ['principal-pm', 5],
      ['tech-director', 6],
    ]);
    const level = trellis(['framework', 'show', 'principal-pm', '--json', '--framework', out]);
    expect(level.code).toBe(0);
    expect(JSON.parse(level.stdout).expectations).toHaveLength(9);
  });

  it('round-trips the odd but valid fixtures', () => {
    expect(
      roundTrip('monzo', [
        join(fixtures, 'monzo', 'levels-from-3.md'),
        join(fixtures, 'monzo', 'prose-only.md'),
      ]).show.levels,
    ).toHaveLength(3);
    expect(roundTrip('ft', [join(fixtures, 'ft', 'other-family.yml')]).show.competencies).toHaveLength(3);
  });

  it('prints the YAML to stdout without -o, and notes to stderr only', () => {
    const result = trellis(['framework', 'import', '--from', 'ft', ftSample]);
    expect(result.code).toBe(0);
    expect(
      result.stdout.startsWith('# Imported by `trellis framework import --from ft` from engineering.yml.\n'),
    ).toBe(true);
    expect(parse(result.stdout).id).toBe('ft-engineering');
    expect(result.stderr).toContain('note: level "tech-director" has no -ic/-pm variant');
    const out = writeTemp('stdout.yaml', result.stdout);
    expect(trellis(['framework', 'validate', out]).code).toBe(0);
  });

  it('prints {framework, notes, fidelity} with --json', () => {
    const result = trellis(['framework', 'import', '--from', 'monzo', ...monzoSamples, '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      framework: { id: string };
      notes: { severity: string; message: string }[];
    };
    expect(Object.keys(json)).toEqual(['framework', 'notes', 'fidelity']);
    expect(json.framework.id).toBe('monzo-backend');
    expect(json.notes.some((n) => n.severity === 'info' && n.message.includes('leadership'))).toBe(true);
    expect(result.stderr).toBe('');
  });
});

describe('trellis framework import: errors', () => {
  it('exits 2 on an unknown format, listing the known ones, before reading files', () => {
    const result = trellis(['framework', 'import', '--from', 'jira', 'missing.md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'trellis: unknown format "jira": known formats are monzo, ft, markdown, snowflake, csv, xlsx\n',
    );
  });

  it('exits 2 on an unreadable file', () => {
    const result = trellis(['framework', 'import', '--from', 'monzo', 'missing.md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('trellis: cannot read missing.md: no such file\n');
  });

  it('exits 2 without --from', () => {
    expect(trellis(['framework', 'import', ftSample]).code).toBe(2);
  });

  it('exits 1 with FILE:LINE:COL for bad input, never a stack trace', () => {
    const bad = join(fixtures, 'ft', 'bad-references.yml');
    const result = trellis(['framework', 'import', '--from', 'ft', bad]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(`${bad}:8:14: unknown level "junoir" (did you mean "junior"?)`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 for a prose-only file alone, naming it', () => {
    const prose = join(fixtures, 'monzo', 'prose-only.md');
    const result = trellis(['framework', 'import', '--from', 'monzo', prose]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${prose}:6:7: prose-only.md is prose only (yaml: false): it has no levels or topics, and no "## Level N" headings to read as a ladder\n`,
    );
  });

  it('exits 1 for the wrong format, with a hint', () => {
    const result = trellis(['framework', 'import', '--from', 'monzo', ftSample]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('use --from ft');
  });

  it('exits 2 for several specific Monzo files', () => {
    const result = trellis([
      'framework',
      'import',
      '--from',
      'monzo',
      monzoSamples[0]!,
      join(fixtures, 'monzo', 'mobile.md'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('import one at a time');
  });

  it('does not write -o when the input is bad', () => {
    const out = join(tempDir(), 'never.yaml');
    expect(
      trellis(['framework', 'import', '--from', 'monzo', join(fixtures, 'monzo', 'bad-level.md'), '-o', out])
        .code,
    ).toBe(1);
    expect(() => readFileSync(out)).toThrow();
  });
});
