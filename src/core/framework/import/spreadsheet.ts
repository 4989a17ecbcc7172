import { DomainError, sortProblems, type Problem } from '../../problems.js';
import type { Framework } from '../schema.js';
import { Findings, type ImportInput, type ImportResult } from './common.js';
import { FidelityCounter } from './fidelity.js';
import { buildLadder, type LadderCompetency, type LadderLevel } from './ladder.js';
import { baseName, cleanName, humanise, IdAllocator, stem } from './slug.js';

/*
 * A competency × level matrix, the form most organisations edit their ladder in: a header row with
 * a Competency column, optional Id, Group and Description columns, and one column per level whose
 * header names the level; each cell holds that level's statements, one per line. Optional rows
 * right under the header, named in the Competency column, carry what a title cannot: "Level id",
 * "Track" and "Band". `framework render --format csv|xlsx` writes exactly this layout.
 */

const idPattern = /^[a-z0-9][a-z0-9._-]*$/;
const columnKinds = {
  competency: /^competenc(y|ies)$/i,
  id: /^(competency )?id$/i,
  group: /^(group|category|theme|area)$/i,
  description: /^description$/i,
} as const;
const metaRows = { 'level id': 'id', track: 'track', band: 'band' } as const;
type MetaRow = (typeof metaRows)[keyof typeof metaRows];

/** Where a cell is, in the form its format uses: CSV `FILE:ROW:COL`, xlsx `FILE!SHEET!B3`. */
function cellRef(input: ImportInput, row: number, col: number): Pick<Problem, 'file' | 'line' | 'col'> {
  if (input.sheet && input.sheet.name !== input.name)
    return { file: `${input.name}!${input.sheet.name}!${columnLetters(col)}${row + 1}` };
  return { file: input.name, line: row + 1, col: col + 1 };
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Statements in a cell: one per line, bullets and blank lines dropped. */
export function cellStatements(cell: string): string[] {
  return cell
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '');
}

export function importSpreadsheet(inputs: ImportInput[]): ImportResult {
  if (inputs.length > 1)
    throw new DomainError(
      'usage',
      'several spreadsheets given: each is a ladder of its own, import one at a time',
    );
  const input = inputs[0]!;
  const rows = (input.sheet?.rows ?? []).map((r) => r.map((c) => c ?? ''));
  const problems: Problem[] = [];
  const fail = (row: number, col: number, message: string, code = 'invalid-cell') =>
    problems.push({ severity: 'error', code, message, path: [], ...cellRef(input, row, col) });
  const refuse = () =>
    new DomainError('invalid-input', `${input.name} cannot be imported`, sortProblems(problems));

  const headerRow = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerRow === -1) {
    fail(
      0,
      0,
      'the sheet is empty: a ladder needs a header row (Competency, then one column per level)',
      'no-ladder',
    );
    throw refuse();
  }
  const header = rows[headerRow]!.map((c) => c.trim());
  const columns: Partial<Record<keyof typeof columnKinds, number>> = {};
  const levelColumns: number[] = [];
  header.forEach((h, col) => {
    const kind = (Object.keys(columnKinds) as (keyof typeof columnKinds)[]).find((k) =>
      columnKinds[k].test(h),
    );
    if (kind && columns[kind] === undefined) columns[kind] = col;
    else if (h !== '') levelColumns.push(col);
  });
  const nameCol = columns.competency;
  if (nameCol === undefined) {
    fail(
      headerRow,
      0,
      'no "Competency" column in the header row: name the column that holds the competencies "Competency"',
      'no-ladder',
    );
    throw refuse();
  }
  if (levelColumns.length === 0) {
    fail(
      headerRow,
      nameCol,
      'no level columns: after Competency (and optional Id, Group, Description), each column header names a level',
      'no-ladder',
    );
    throw refuse();
  }
  const seenTitles = new Map<string, number>();
  for (const col of levelColumns) {
    const key = header[col]!.toLowerCase();
    const first = seenTitles.get(key);
    if (first !== undefined)
      fail(
        headerRow,
        col,
        `level "${header[col]}" is also the header of column ${columnLetters(first)}: each level has one column`,
        'duplicate-level',
      );
    else seenTitles.set(key, col);
  }

  // Optional rows naming each level's id, track and band, right under the header.
  const meta: Partial<Record<MetaRow, number>> = {};
  let r = headerRow + 1;
  for (; r < rows.length; r++) {
    const kind = metaRows[(rows[r]![nameCol] ?? '').trim().toLowerCase() as keyof typeof metaRows];
    if (kind === undefined) break;
    meta[kind] = r;
  }
  const metaCell = (kind: MetaRow, col: number) =>
    meta[kind] === undefined ? '' : (rows[meta[kind]]![col] ?? '').trim();

  const levelIds = new IdAllocator();
  const trackRanks = new Map<string, number>();
  const levels: (LadderLevel & { col: number })[] = levelColumns.map((col) => {
    const title = header[col]!;
    const givenId = metaCell('id', col);
    const track = metaCell('track', col) || 'ic';
    const givenBand = metaCell('band', col);
    if (givenId !== '' && !idPattern.test(givenId))
      fail(meta.id!, col, `level id "${givenId}" must be lowercase letters, digits, ".", "_" or "-"`);
    if (!idPattern.test(track))
      fail(meta.track!, col, `track "${track}" must be lowercase letters, digits, ".", "_" or "-"`);
    const rank = (trackRanks.get(track) ?? 0) + 1;
    trackRanks.set(track, rank);
    const band = givenBand === '' ? rank : Number(givenBand);
    if (!Number.isInteger(band) || band < 1)
      fail(meta.band!, col, `band "${givenBand}" must be a whole number of at least 1`);
    if (givenId !== '' && levelIds.has(givenId))
      fail(meta.id!, col, `level id "${givenId}" is used by another column`, 'duplicate-id');
    const id =
      givenId !== '' && idPattern.test(givenId)
        ? levelIds.take(givenId, title)
        : levelIds.take(title, `level-${col + 1}`);
    return { id, title, track, band, col };
  });

  const fidelity = new FidelityCounter();
  const competencyIds = new IdAllocator();
  const groupIds = new IdAllocator();
  const groups = new Map<string, { id: string; name: string }>();
  const competencies: LadderCompetency[] = [];
  for (; r < rows.length; r++) {
    const row = rows[r]!;
    const cell = (col: number | undefined) => (col === undefined ? '' : (row[col] ?? '').trim());
    const name = cell(nameCol);
    const statementsAt = levels.map((l) => cellStatements(row[l.col] ?? ''));
    if (name === '') {
      statementsAt.forEach((s, i) => {
        if (s.length > 0)
          fail(
            r,
            levels[i]!.col,
            `statements without a competency: write the competency's name in column ${columnLetters(nameCol)}`,
            'missing-competency',
          );
      });
      continue;
    }
    const groupName = cell(columns.group) || 'Competencies';
    let group = groups.get(groupName.toLowerCase());
    if (!group) {
      group = { id: groupIds.take(groupName, 'group'), name: groupName };
      groups.set(groupName.toLowerCase(), group);
    }
    const givenId = cell(columns.id);
    if (givenId !== '' && !idPattern.test(givenId))
      fail(r, columns.id!, `competency id "${givenId}" must be lowercase letters, digits, ".", "_" or "-"`);
    if (givenId !== '' && competencyIds.has(givenId))
      fail(r, columns.id!, `competency id "${givenId}" is used by another row`, 'duplicate-id');
    const id = competencyIds.take(
      givenId !== '' && idPattern.test(givenId) ? givenId : cleanName(name),
      'competency',
    );
    const cells = new Map<string, string[]>();
    levels.forEach((l, i) => {
      if (statementsAt[i]!.length > 0) cells.set(l.id, statementsAt[i]!);
      fidelity.kept(statementsAt[i]!.length);
    });
    // Text in a column with no level header has nowhere to go.
    row.forEach((text, col) => {
      if (col in header && header[col] !== '') return;
      for (const _ of cellStatements(text))
        fidelity.drop(
          cellRef(input, r, col).file!,
          r + 1,
          `column ${columnLetters(col)} has no header naming a level`,
        );
    });
    competencies.push({
      id,
      name,
      group: group.id,
      description: cell(columns.description) || `The "${name}" row of ${baseName(input.name)}.`,
      cells,
    });
  }
  if (competencies.length === 0 && problems.length === 0)
    fail(headerRow + 1, nameCol, 'no competency rows under the header: nothing to import', 'no-ladder');
  if (problems.length > 0) throw refuse();

  const trackIds = [...trackRanks.keys()];
  const trackName = (id: string) =>
    id === 'ic' ? 'Individual contributor' : id === 'management' ? 'Management' : humanise(id);
  const findings = new Findings();
  const framework = buildLadder(
    {
      id: `sheet-${new IdAllocator().take(stem(input.name), 'framework')}`,
      name: humanise(stem(input.name)),
      description: `Imported from the spreadsheet ${baseName(input.name)}.`,
      tracks: trackIds.map((id) => ({ id, name: trackName(id) })),
      levels: levels.map(({ col: _col, ...level }) => level),
      groups: [...groups.values()],
      competencies,
      scaleName: 'Level',
    },
    findings,
  );
  return { framework, notes: findings.notes, used: [input.name], fidelity: fidelity.report() };
}

/**
 * A framework as the matrix `importSpreadsheet` reads: what a spreadsheet user edits. Ratings, rules
 * and everything but levels, competencies and statements stay in the framework file.
 */
export function frameworkMatrix(framework: Framework): string[][] {
  const levels = framework.tracks
    .filter((t) => t.kind === 'ladder')
    .flatMap((t) => framework.levels.filter((l) => l.track === t.id).sort((a, b) => a.rank - b.rank));
  const groupName = (id: string) => framework.groups.find((g) => g.id === id)?.name ?? id;
  return [
    ['Competency', 'Id', 'Group', 'Description', ...levels.map((l) => l.title)],
    ['Level id', '', '', '', ...levels.map((l) => l.id)],
    ['Track', '', '', '', ...levels.map((l) => l.track)],
    ['Band', '', '', '', ...levels.map((l) => String(l.band))],
    ...framework.competencies.map((c) => [
      c.name,
      c.id,
      groupName(c.group),
      c.description,
      ...levels.map((l) => (l.expectations[c.id]?.behaviours ?? []).join('\n')),
    ]),
  ];
}
