import { checkSchema } from '../input/document.js';
import { plainSource } from '../input/value.js';
import { LIMITS } from '../input/limits.js';
import { own } from '../names.js';
import { DomainError, type Problem } from '../problems.js';
import type { Framework } from '../framework/schema.js';
import { columnHeaders, fieldOfHeader } from './columns.js';
import {
  checkAgainstFramework,
  personFields,
  personSchema,
  type Person,
  type PersonField,
} from './person.js';
import { checkTree, type TreeNode } from './tree.js';

/**
 * People from an HRIS export: a header row, then one person per row. Every bad cell is reported at
 * its row and column (`FILE:LINE:COL`), every row is checked before anything is kept, and the
 * reporting tree is checked over the organisation as it would be after the import: all or nothing.
 */

export interface CsvRecords {
  file: string;
  rows: string[][];
  /** The line each row starts on in the file (a quoted cell may span lines). */
  lines: number[];
}

export interface PeopleFile {
  people: Person[];
  /** Where each person's row is, by email. */
  rowOf: Map<string, number>;
}

const required: PersonField[] = ['name', 'email', 'level', 'startDate', 'levelStartDate'];

/** The people of a CSV export, checked against the framework version they are levelled in. */
export function readPeopleCsv(
  records: CsvRecords,
  map: ReadonlyMap<string, PersonField>,
  framework: Framework,
): PeopleFile {
  const { file, rows, lines } = records;
  const at = (row: number, col?: number): Pick<Problem, 'file' | 'line' | 'col'> => ({
    file,
    line: lines[row] ?? row + 1,
    ...(col === undefined ? {} : { col: col + 1 }),
  });
  const header = rows[0] ?? [];
  const problems: Problem[] = [];
  const columnOf = new Map<PersonField, number>();
  header.forEach((cell, col) => {
    const field = fieldOfHeader(cell, map);
    if (field === undefined) return;
    if (columnOf.has(field))
      problems.push(
        located(`column "${cell}" repeats ${columnHeaders[field]}`, 'duplicate-column', at(0, col)),
      );
    else columnOf.set(field, col);
  });
  for (const field of required)
    if (!columnOf.has(field))
      problems.push(
        located(
          `no ${columnHeaders[field]} column: name it so, or map the header that holds it with --map 'Header=${columnHeaders[field]}'`,
          'missing-column',
          at(0),
        ),
      );
  if (problems.length > 0) throw new DomainError('invalid-input', `${file} has no usable header`, problems);
  if (rows.length - 1 > LIMITS.peopleRows)
    throw new DomainError('invalid-input', `${file} holds more than ${LIMITS.peopleRows} people`, [
      located(`holds more than ${LIMITS.peopleRows} people, the most one import takes`, 'too-large', at(0)),
    ]);

  const people: Person[] = [];
  const rowOf = new Map<string, number>();
  const firstRowOf = new Map<string, number>();
  for (let row = 1; row < rows.length; row++) {
    const cells = rows[row]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const value: Record<string, string> = {};
    for (const [field, col] of columnOf) {
      const cell = (cells[col] ?? '').trim();
      if (cell !== '') value[field] = cellValue(field, cell);
    }
    const email = value.email?.toLowerCase();
    const earlier = email === undefined ? undefined : firstRowOf.get(email);
    if (earlier !== undefined)
      problems.push(
        located(
          `${email} is already on line ${lines[earlier]}`,
          'duplicate-person',
          at(row, columnOf.get('email')),
        ),
      );
    else if (email !== undefined) firstRowOf.set(email, row);
    const checked = checkSchema(plainSource(value, file), personSchema);
    const cellProblems = checked.value ? checkAgainstFramework(checked.value, framework) : checked.problems;
    for (const p of cellProblems) {
      const field = p.path[0] as PersonField | undefined;
      const col = field === undefined ? undefined : columnOf.get(field);
      problems.push({ ...p, path: [columnHeaders[field ?? 'name'] ?? String(field)], ...at(row, col) });
    }
    if (cellProblems.length > 0 || !checked.value || earlier !== undefined) continue;
    const person = checked.value;
    rowOf.set(person.email, row);
    people.push(person);
  }
  if (problems.length > 0)
    throw new DomainError('invalid-input', `${file} has bad rows; nothing was imported`, problems);
  return { people, rowOf };
}

/**
 * The reporting tree after merging the file's people over those already there (by email), each
 * issue located at the file's cell when the person is in the file.
 */
export function checkMergedTree(
  existing: readonly TreeNode[],
  file: PeopleFile,
  records: CsvRecords,
  map: ReadonlyMap<string, PersonField>,
): void {
  const merged = new Map(existing.map((p) => [p.email, p]));
  for (const p of file.people) merged.set(p.email, p);
  const header = records.rows[0] ?? [];
  const columnOf = (field: PersonField) => header.findIndex((h) => fieldOfHeader(h, map) === field);
  const problems = checkTree([...merged.values()]).map((issue): Problem => {
    const row = file.rowOf.get(issue.email);
    const col = columnOf(issue.field);
    return {
      severity: 'error',
      code: issue.code,
      message: issue.message,
      path: row === undefined ? ['people', issue.email] : [columnHeaders[issue.field]],
      file: records.file,
      ...(row === undefined
        ? {}
        : { line: records.lines[row] ?? row + 1, ...(col < 0 ? {} : { col: col + 1 }) }),
    };
  });
  if (problems.length > 0)
    throw new DomainError(
      'invalid-input',
      `${records.file} breaks the reporting tree; nothing was imported`,
      problems,
    );
}

/** The CSV rows of people, header first, in the columns Trellis reads back unchanged. */
export function peopleToRows(people: readonly Person[]): string[][] {
  return [
    personFields.map((f) => columnHeaders[f]),
    ...people.map((p) => personFields.map((f) => String(p[f] ?? ''))),
  ];
}

/**
 * The words HRIS exports use for the choices Trellis knows, matched whatever their case: a gender of
 * "Female" is `woman`, an employment status of "Terminated" is `left`.
 */
const valueSynonyms: Partial<Record<PersonField, Record<string, string>>> = {
  gender: {
    female: 'woman',
    f: 'woman',
    male: 'man',
    m: 'man',
    nonbinary: 'non-binary',
    'non binary': 'non-binary',
    'prefer not to say': 'undisclosed',
    declined: 'undisclosed',
  },
  status: { terminated: 'left', inactive: 'left' },
};

function cellValue(field: PersonField, cell: string): string {
  const synonyms = valueSynonyms[field];
  if (synonyms === undefined) return cell;
  const lower = cell.toLowerCase();
  return own(synonyms, lower) ?? lower;
}

function located(message: string, code: string, where: Pick<Problem, 'file' | 'line' | 'col'>): Problem {
  return { severity: 'error', code, message, path: [], showPath: false, ...where };
}
