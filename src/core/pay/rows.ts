import { MAX_INPUT_AMOUNT, minorDigits, toMinor, major, type Minor } from '../comp/money.js';
import { LIMITS } from '../input/limits.js';
import type { CsvRecords } from '../org/csv.js';
import { headerKey } from '../org/columns.js';
import { DomainError, type Problem } from '../problems.js';

/**
 * People's pay, one row per person and period: annual gross figures for the period in minor units
 * of one currency. `variable` is bonus, commission and equity vested in the period; `fte` the
 * fraction of full time worked (1 when the column is empty or absent).
 */
export interface PayRow {
  email: string;
  period: string;
  currency: string;
  base: Minor;
  variable: Minor;
  fte: number;
}

export const payColumns = ['email', 'period', 'base', 'variable', 'fte'] as const;
type PayColumn = (typeof payColumns)[number];
const required: PayColumn[] = ['email', 'period', 'base'];

/** A period names a year or part of one: `2026`, `2026-h1`, `2026-q3`. */
export const periodPattern = /^[0-9]{4}(-[a-z0-9]+)?$/i;

/**
 * The pay rows of a CSV file (`email,period,base,variable,fte`), every bad cell located at its line
 * and column, every row checked before any is kept: all or nothing. `known` holds the emails of the
 * organisation's people.
 */
export function readPayCsv(records: CsvRecords, currency: string, known: ReadonlySet<string>): PayRow[] {
  const { file, rows, lines } = records;
  const problems: Problem[] = [];
  const at = (row: number, col?: number): Pick<Problem, 'file' | 'line' | 'col'> => ({
    file,
    line: lines[row] ?? row + 1,
    ...(col === undefined ? {} : { col: col + 1 }),
  });
  const columnOf = new Map<PayColumn, number>();
  (rows[0] ?? []).forEach((cell, col) => {
    const key = headerKey(cell);
    const column = payColumns.find((c) => c === key);
    if (column === undefined)
      problems.push(
        located(`unknown column "${cell}"; the columns are ${payColumns.join(', ')}`, at(0, col)),
      );
    else if (columnOf.has(column)) problems.push(located(`column "${cell}" is given twice`, at(0, col)));
    else columnOf.set(column, col);
  });
  for (const column of required)
    if (!columnOf.has(column)) problems.push(located(`no ${column} column`, at(0)));
  if (problems.length > 0) throw new DomainError('invalid-input', `${file} has no usable header`, problems);
  if (rows.length - 1 > LIMITS.peopleRows)
    throw new DomainError('invalid-input', `${file} holds more than ${LIMITS.peopleRows} rows`, [
      located(`holds more than ${LIMITS.peopleRows} rows, the most one import takes`, at(0)),
    ]);
  const digits = minorDigits(currency);
  const out: PayRow[] = [];
  const firstRow = new Map<string, number>();
  for (let row = 1; row < rows.length; row++) {
    const cells = rows[row]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const cell = (column: PayColumn) => {
      const col = columnOf.get(column);
      return col === undefined ? '' : (cells[col] ?? '').trim();
    };
    const bad = (column: PayColumn, message: string) =>
      problems.push({
        severity: 'error',
        code: 'invalid-value',
        message,
        path: [column],
        ...at(row, columnOf.get(column)),
      });
    const before = problems.length;
    const email = cell('email').toLowerCase();
    if (email === '') bad('email', 'must not be empty');
    else if (!known.has(email)) bad('email', `${email} is not a person of the organisation`);
    const period = cell('period');
    if (!periodPattern.test(period)) bad('period', 'must be a year or part of one, such as 2026 or 2026-h1');
    const money = (column: 'base' | 'variable'): Minor => {
      const text = cell(column);
      if (text === '' && column === 'variable') return 0 as Minor;
      const value = /^[0-9]+(\.[0-9]+)?$/.test(text) ? Number(text) : NaN;
      const decimals = text.split('.')[1]?.length ?? 0;
      if (Number.isNaN(value)) bad(column, 'must be an amount such as 85000 or 85000.50');
      else if (value > MAX_INPUT_AMOUNT) bad(column, `must be at most ${MAX_INPUT_AMOUNT} (1e12)`);
      else if (decimals > digits) bad(column, `has more than ${digits} decimal digits for ${currency}`);
      else return toMinor(major(value), digits);
      return 0 as Minor;
    };
    const base = money('base');
    const variable = money('variable');
    const fteText = cell('fte');
    const fte = fteText === '' ? 1 : /^[0-9]*\.?[0-9]+$/.test(fteText) ? Number(fteText) : NaN;
    if (!(fte > 0 && fte <= 1)) bad('fte', 'must be a fraction of full time above 0 and at most 1');
    const key = `${email} ${period.toLowerCase()}`;
    const earlier = firstRow.get(key);
    if (earlier !== undefined && email !== '')
      bad('email', `${email} already has pay for ${period} on line ${lines[earlier] ?? earlier + 1}`);
    else firstRow.set(key, row);
    if (problems.length > before) continue;
    out.push({ email, period: period.toLowerCase(), currency, base, variable, fte });
  }
  if (problems.length > 0)
    throw new DomainError('invalid-input', `${file} has bad rows; nothing was imported`, problems);
  return out;
}

function located(message: string, where: Pick<Problem, 'file' | 'line' | 'col'>): Problem {
  return { severity: 'error', code: 'invalid-value', message, path: [], showPath: false, ...where };
}
