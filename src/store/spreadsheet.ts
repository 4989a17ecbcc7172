import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DomainError } from '../core/problems.js';

/*
 * Spreadsheets as plain matrices of cell text: the core checks and converts the cells, these
 * adapters only read and write the file formats (CSV through csv-parse/csv-stringify, which lean on
 * Node's Buffer; xlsx through exceljs, which works on Node streams).
 */

export interface Sheet {
  name: string;
  rows: string[][];
}

/** The rows of a CSV text; a broken quote is refused at its line. */
export function readCsv(text: string, file: string): Sheet {
  return { name: file, rows: parseCsv(text, file, (rows: string[][]) => rows) };
}

/** The rows of a CSV text with the line each starts on, for problems located at a cell. */
export function readCsvRecords(
  text: string,
  file: string,
): { file: string; rows: string[][]; lines: number[] } {
  const records = parseCsv(
    text,
    file,
    (records: { record: string[]; info: { lines: number } }[]) => records,
    true,
  );
  return {
    file,
    rows: records.map((r) => r.record),
    // csv-parse counts the line a record ends on; a quoted cell spanning lines moves its start up.
    lines: records.map(
      (r) => r.info.lines - r.record.reduce((n, cell) => n + (cell.split('\n').length - 1), 0),
    ),
  };
}

function parseCsv<R, T>(text: string, file: string, take: (rows: R) => T, info = false): T {
  try {
    const rows = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: false,
      info,
    }) as R;
    return take(rows);
  } catch (error) {
    const { lines: line, code } = error as { lines?: number; code?: string };
    // csv-parse's messages start with a title-cased summary ("Quote Not Closed: …"): keep its detail.
    const detail = (error as Error).message.replace(/^[^:]*:\s*/, '');
    throw new DomainError('invalid-input', `${file} is not valid CSV`, [
      {
        severity: 'error',
        code: 'invalid-csv',
        message:
          code === 'CSV_QUOTE_NOT_CLOSED'
            ? 'a quoted cell is never closed: add the closing double quote (")'
            : `not valid CSV: ${detail}`,
        path: [],
        file,
        ...(line ? { line } : {}),
      },
    ]);
  }
}

export function writeCsv(rows: string[][]): string {
  return stringify(rows, { record_delimiter: 'unix' });
}

/** The cells of the first worksheet, as the text a spreadsheet application shows. */
/** exceljs and its zip libraries take most of the CLI's start-up: loaded only when a workbook is read or written. */
const excel = async () => (await import('exceljs')).default;

export async function readXlsx(bytes: Uint8Array, file: string): Promise<Sheet> {
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new DomainError('invalid-input', `${file} is not an xlsx workbook`, [
      {
        severity: 'error',
        code: 'invalid-xlsx',
        message: `not an xlsx workbook (${(error as Error).message})`,
        path: [],
        file,
      },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { name: 'Sheet1', rows: [] };
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text ?? '');
    rows.push(cells);
  }
  return { name: sheet.name, rows };
}

/** One worksheet holding `rows`, the header row frozen and cells wrapped so statements read as lines. */
export async function writeXlsx(rows: string[][], sheetName: string): Promise<Uint8Array> {
  const workbook = new (await excel()).Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 32 : 48;
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
