import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFramework } from '../../src/core/framework/import/index.js';
import { loadFrameworkOrThrow } from '../../src/core/framework/load.js';
import type { Framework } from '../../src/core/framework/schema.js';
import { readCsv, writeXlsx } from '../../src/store/spreadsheet.js';
import { repoRoot, tempDir, trellis, writeTemp } from '../helpers/cli.js';
import { domainError, expectValid } from './helpers.js';

const referenceFile = join(repoRoot, 'frameworks', 'reference.yaml');
const reference = loadFrameworkOrThrow(readFileSync(referenceFile, 'utf8'), referenceFile);
const csv = (text: string, name = 'ladder.csv') =>
  importFramework('csv', [{ name, text, sheet: readCsv(text, name) }]);

/** What the matrix carries: levels, competencies and the statements at each level. */
function ladderOf(fw: Framework) {
  return {
    levels: fw.levels.map((l) => [l.id, l.title, l.track, l.rank, l.band]),
    competencies: fw.competencies.map((c) => [c.id, c.name, c.description, c.tracks ?? null]),
    statements: fw.levels.map((l) =>
      Object.fromEntries(Object.entries(l.expectations).map(([id, e]) => [id, e.behaviours])),
    ),
  };
}

describe('render -> import round trip of the reference framework', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`keeps competencies, levels and statements through ${format}`, () => {
      const dir = tempDir();
      const sheet = join(dir, `reference.${format}`);
      const rendered = trellis(['framework', 'render', referenceFile, '--format', format, '-o', sheet]);
      expect([rendered.code, rendered.stderr]).toEqual([0, `wrote ${sheet}\n`]);
      const out = join(dir, 'back.yaml');
      const imported = trellis(['framework', 'import', '--from', format, sheet, '-o', out]);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toBe(
        `${out}: 12 levels on ic and management, ${reference.competencies.length} competencies\n`,
      );
      // Every competency's statements at every level it applies to.
      const statements = reference.levels.reduce(
        (n, l) => n + Object.values(l.expectations).reduce((m, e) => m + e.behaviours.length, 0),
        0,
      );
      expect(imported.stderr).toContain(
        `trellis: fidelity: ${statements} of ${statements} source statements imported, none dropped\n`,
      );
      expect(trellis(['framework', 'validate', out])).toMatchObject({ code: 0, stderr: '' });
      const back = loadFrameworkOrThrow(readFileSync(out, 'utf8'), out);
      // A matrix says only where a competency is expected: one core on a track and optional on the
      // others (people management) comes back as that track's alone.
      const expressible = {
        ...reference,
        competencies: reference.competencies.map((c) =>
          c.coreTracks === undefined ? c : { ...c, tracks: c.coreTracks },
        ),
      };
      expect(ladderOf(back)).toEqual(ladderOf(expressible));
    });
  }

  it('prints CSV to stdout, and refuses xlsx without -o (a workbook is not text)', () => {
    const printed = trellis(['framework', 'render', referenceFile, '--format', 'csv']);
    expect(printed.code).toBe(0);
    expect(printed.stdout.split('\n')[0]).toBe(
      `Competency,Id,Group,Description,${reference.levels.map((l) => l.title).join(',')}`,
    );
    const refused = trellis(['framework', 'render', referenceFile, '--format', 'xlsx']);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      'trellis: an xlsx workbook is not text: give -o FILE.xlsx\n',
    ]);
  });
});

describe('CSV matrix import', () => {
  it('reads a plain matrix: group column, one column per level, several statements per cell', () => {
    const { framework, fidelity } = csv(
      [
        'Competency,Group,Junior,Senior',
        'Delivery,Execution,"- Ships small changes\n- Asks for review","Ships projects"',
        'Mentoring,People,,Mentors one engineer',
      ].join('\n'),
    );
    const fw = expectValid(framework);
    expect(fw.levels.map((l) => [l.id, l.title, l.track, l.rank, l.band])).toEqual([
      ['junior', 'Junior', 'ic', 1, 1],
      ['senior', 'Senior', 'ic', 2, 2],
    ]);
    expect(fw.groups.map((g) => g.id)).toEqual(['execution', 'people']);
    expect(fw.levels[0]!.expectations).toEqual({
      delivery: { rating: 1, behaviours: ['Ships small changes', 'Asks for review'] },
    });
    expect(fw.levels[1]!.expectations.mentoring).toEqual({ rating: 2, behaviours: ['Mentors one engineer'] });
    expect(fw.competencies.find((c) => c.id === 'mentoring')!.core).toBe(false);
    expect(fidelity).toEqual({ statements: { source: 4, imported: 4 }, dropped: [] });
  });

  it('locates bad cells as FILE:ROW:COL, every problem in one run', () => {
    const error = domainError(() =>
      csv(
        [
          'Competency,Junior,Junior',
          'Level id,junior,Not An Id',
          'Delivery,Ships,Ships more',
          ',Orphan statement,',
        ].join('\n'),
        'bad.csv',
      ),
    );
    expect(error.code).toBe('invalid-input');
    expect(error.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`)).toEqual([
      'bad.csv:1:3: level "Junior" is also the header of column B: each level has one column',
      'bad.csv:2:3: level id "Not An Id" must be lowercase letters, digits, ".", "_" or "-"',
      "bad.csv:4:2: statements without a competency: write the competency's name in column A",
    ]);
  });

  it('refuses a quoted cell that is never closed, at its line', () => {
    const error = domainError(() => readCsv('Competency,Junior\nDelivery,"Ships\n', 'open.csv'));
    expect(error.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'open.csv:2: a quoted cell is never closed: add the closing double quote (")',
    ]);
  });

  it('refuses a sheet without a Competency column or without rows, at exit 1 from the CLI', () => {
    const noColumn = domainError(() => csv('Name,Junior\nDelivery,Ships\n'));
    expect(noColumn.problems.map((p) => [p.line, p.col, p.code])).toEqual([[1, 1, 'no-ladder']]);
    const file = writeTemp('empty.csv', 'Competency,Junior\n');
    const result = trellis(['framework', 'import', '--from', 'csv', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:2:1: no competency rows under the header`);
  });
});

describe('xlsx matrix import', () => {
  it('locates bad cells as FILE!SHEET!CELL', async () => {
    const file = join(tempDir(), 'ladder.xlsx');
    writeFileSync(
      file,
      await writeXlsx(
        [
          ['Competency', 'Group', 'Junior', 'Senior'],
          ['Delivery', 'Execution', 'Ships', 'Ships more'],
          ['', '', '', 'Orphan statement'],
        ],
        'Ladder',
      ),
    );
    const result = trellis(['framework', 'import', '--from', 'xlsx', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${file}!Ladder!D3: statements without a competency: write the competency's name in column A`,
    );
  });
});
