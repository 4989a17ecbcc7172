import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../src/store/spreadsheet.js';
import { csvText } from '../../web/src/lib/csv.js';

describe('a table downloaded as CSV from a page', () => {
  it('quotes only the cells that need it, doubling quotes', () => {
    expect(
      csvText([
        ['band', 'note'],
        ['B4', 'plain'],
        ['B5', 'a, b'],
        ['B6', 'say "hi"'],
      ]),
    ).toBe('band,note\nB4,plain\nB5,"a, b"\nB6,"say ""hi"""\n');
  });

  it('reads back through the importers’ CSV reader cell for cell, line breaks included', () => {
    const rows = [
      ['name', 'comment'],
      ['Ada Lovelace', 'first line\nsecond line'],
      ['Grace, Hopper', '"quoted"'],
    ];
    expect(readCsvRecords(csvText(rows), 'table.csv').rows).toEqual(rows);
  });
});
