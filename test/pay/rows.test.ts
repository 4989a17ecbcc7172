import { describe, expect, it } from 'vitest';
import { readPayCsv } from '../../src/core/pay/rows.js';
import { DomainError, formatProblem } from '../../src/core/problems.js';
import { readCsvRecords } from '../../src/store/spreadsheet.js';

const known = new Set(['ada@example.com', 'bo@example.com']);
const read = (lines: string[]) => readPayCsv(readCsvRecords(lines.join('\n'), 'pay.csv'), 'EUR', known);

function problems(lines: string[]): string[] {
  try {
    read(lines);
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.problems.map(formatProblem);
  }
}

describe('people’s pay from CSV', () => {
  it('reads amounts into cents, variable 0 and fte 1 when empty', () => {
    expect(
      read([
        'email,period,base,variable,fte',
        'Ada@example.com,2026,85000.50,,',
        'bo@example.com,2026-H1,30000,1500,0.5',
      ]),
    ).toEqual([
      { email: 'ada@example.com', period: '2026', currency: 'EUR', base: 8_500_050, variable: 0, fte: 1 },
      {
        email: 'bo@example.com',
        period: '2026-h1',
        currency: 'EUR',
        base: 3_000_000,
        variable: 150_000,
        fte: 0.5,
      },
    ]);
  });

  it('takes a file without the optional columns', () => {
    expect(read(['email,period,base', 'ada@example.com,2026,1'])[0]).toMatchObject({ variable: 0, fte: 1 });
  });

  // As in the people import, a problem's column is the CSV column's number.
  it('locates every bad row, and keeps nothing', () => {
    expect(
      problems([
        'email,period,base,variable,fte',
        'nobody@example.com,2026,1,0,1',
        'ada@example.com,last year,-5,1.234,0',
        'bo@example.com,2026,1,,1.5',
        'ada@example.com,2026,1,,',
        'ada@example.com,2026,2,,',
      ]),
    ).toEqual([
      'pay.csv:2:1: email: nobody@example.com is not a person of the organisation',
      'pay.csv:3:2: period: must be a year or part of one, such as 2026 or 2026-h1',
      'pay.csv:3:3: base: must be an amount such as 85000 or 85000.50',
      'pay.csv:3:4: variable: has more than 2 decimal digits for EUR',
      'pay.csv:3:5: fte: must be a fraction of full time above 0 and at most 1',
      'pay.csv:4:5: fte: must be a fraction of full time above 0 and at most 1',
      'pay.csv:6:1: email: ada@example.com already has pay for 2026 on line 5',
    ]);
  });

  it('refuses an unknown or missing column at the header', () => {
    expect(problems(['email,salary', 'ada@example.com,1'])).toEqual([
      'pay.csv:1:2: unknown column "salary"; the columns are email, period, base, variable, fte',
      'pay.csv:1: no period column',
      'pay.csv:1: no base column',
    ]);
  });
});
