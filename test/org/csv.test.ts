import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseColumnMap } from '../../src/core/org/columns.js';
import { peopleToRows, readPeopleCsv } from '../../src/core/org/csv.js';
import { DomainError, formatProblem } from '../../src/core/problems.js';
import { readTextFile } from '../../src/store/files.js';
import { readFramework } from '../../src/store/frameworks.js';
import { readCsvRecords, writeCsv } from '../../src/store/spreadsheet.js';
import { repoRoot } from '../helpers/cli.js';

const { framework } = readFramework();
const hris = join(repoRoot, 'test', 'fixtures', 'org', 'northwind-hris.csv');
const hrisMap =
  'Employee Name=name,Work Email=email,Job Level=level,Department=team,Location=zone,Hire Date=start_date,Employment Status=status,Termination Date=leave_date';

function problemsOf(text: string, map = new Map()): string[] {
  try {
    readPeopleCsv(readCsvRecords(text, 'people.csv'), map, framework);
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.problems.map(formatProblem);
  }
}

describe('people from an HRIS export', () => {
  it('reads a BambooHR-style export through --map, values in its own words', () => {
    const records = readCsvRecords(readTextFile(hris), 'northwind-hris.csv');
    const { people } = readPeopleCsv(records, parseColumnMap(hrisMap), framework);
    expect(people).toHaveLength(7);
    expect(people[0]).toEqual({
      name: 'Amara Okafor',
      email: 'amara.okafor@northwind.example',
      level: 'director',
      team: 'Engineering',
      zone: 'London',
      startDate: '2019-02-04',
      levelStartDate: '2023-01-09',
      gender: 'woman',
      status: 'active',
    });
    expect(people.map((p) => p.gender)).toEqual([
      'woman',
      'man',
      undefined,
      'non-binary',
      'undisclosed',
      'woman',
      'man',
    ]);
    expect(people[6]).toMatchObject({ status: 'left', leaveDate: '2025-11-28', specialisation: 'data-ml' });
  });

  it('matches headers whatever their case, spaces, dashes and underscores', () => {
    const text =
      'NAME,E-Mail,level,Manager Email,start date,Level_Start_Date\nAna,ana@x.test,senior,,2024-01-01,2024-01-01\n';
    expect(readPeopleCsv(readCsvRecords(text, 'p.csv'), new Map(), framework).people[0]).toMatchObject({
      email: 'ana@x.test',
      level: 'senior',
    });
  });

  it('names a missing column and the --map that would supply it', () => {
    expect(problemsOf('Full Name,email,level,start_date,level_start_date\n')).toEqual([
      "people.csv:1: no name column: name it so, or map the header that holds it with --map 'Header=name'",
    ]);
  });

  it('reports every bad cell at its line and column; a quoted cell over two lines moves the next row down', () => {
    const text = [
      'name,email,level,team,start_date,level_start_date,status,leave_date,gender',
      'Ana,ana@x.test,seniorr,"Two',
      'lines",2024-01-01,2024-01-01,active,,',
      'Ben,not-an-email,senior,A,2024-01-01,2024-01-01,active,,robot',
      'Cy,cy@x.test,senior,A,2024-13-01,2024-01-01,left,,',
      'Ana Again,ANA@x.test,senior,A,2024-01-01,2024-01-01,active,,',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'people.csv:2:3: level: "seniorr" is not a level of reference 1.2.0 (did you mean "senior"?)',
      'people.csv:4:2: email: must be an email address',
      'people.csv:4:9: gender: "robot" is not one of "woman", "man", "non-binary", "undisclosed"',
      'people.csv:5:5: start_date: must be a date as YYYY-MM-DD',
      'people.csv:5:8: leave_date: is required when status is left',
      'people.csv:6:2: ana@x.test is already on line 2',
    ]);
  });

  it('takes only the framework version’s specialisations', () => {
    expect(
      problemsOf(
        'name,email,level,specialisation,start_date,level_start_date\nA,a@x.test,senior,backendd,2024-01-01,2024-01-01\n',
      ),
    ).toEqual([
      'people.csv:2:4: specialisation: "backendd" is not a specialisation of reference 1.2.0 (did you mean "backend"?)',
    ]);
  });

  it('refuses a --map naming no field, as a usage error', () => {
    expect(() => parseColumnMap('Job Level=rank')).toThrow(/"rank" is not a field/);
    expect(() => parseColumnMap('Job Level')).toThrow(/expects 'Header Name=field/);
  });

  it('writes the columns it reads back: import after export gives the same people', () => {
    const records = readCsvRecords(readTextFile(hris), 'northwind-hris.csv');
    const { people } = readPeopleCsv(records, parseColumnMap(hrisMap), framework);
    const text = writeCsv(peopleToRows(people));
    expect(text.split('\n')[0]).toBe(
      'name,email,level,specialisation,manager_email,team,zone,start_date,level_start_date,gender,status,leave_date',
    );
    const again = readPeopleCsv(readCsvRecords(text, 'export.csv'), new Map(), framework).people;
    expect(again).toEqual(people);
    expect(writeCsv(peopleToRows(again))).toBe(text);
  });
});

describe('export then import, for any people', () => {
  const levels = framework.levels.map((l) => l.id);
  const specialisations = framework.specialisations.map((s) => s.id);
  // Cells with commas, quotes, line breaks and accents, as names and teams have them.
  const cell = fc
    .string({
      unit: fc.constantFrom('a', 'Z', 'é', ' ', ',', '"', '\n', "'", '-'),
      minLength: 1,
      maxLength: 12,
    })
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.includes('\n\n'));
  const day = fc
    .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('gives back the same people, field for field', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            name: cell,
            local: fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
            level: fc.constantFrom(...levels),
            specialisation: fc.option(fc.constantFrom(...specialisations), { nil: undefined }),
            team: fc.option(cell, { nil: undefined }),
            zone: fc.option(cell, { nil: undefined }),
            start: day,
            gender: fc.option(fc.constantFrom('woman', 'man', 'non-binary', 'undisclosed'), {
              nil: undefined,
            }),
            left: fc.boolean(),
          }),
          { selector: (p) => p.local, maxLength: 12 },
        ),
        (drawn) => {
          const people = drawn.map((p, i) => ({
            name: p.name,
            email: `${p.local}@x.test`,
            level: p.level,
            ...(p.specialisation === undefined ? {} : { specialisation: p.specialisation }),
            // Each reports to someone drawn before them: a tree by construction.
            ...(i === 0 ? {} : { managerEmail: `${drawn[i - 1]!.local}@x.test` }),
            ...(p.team === undefined ? {} : { team: p.team }),
            ...(p.zone === undefined ? {} : { zone: p.zone }),
            startDate: p.start,
            levelStartDate: p.start,
            ...(p.gender === undefined ? {} : { gender: p.gender }),
            status: p.left ? ('left' as const) : ('active' as const),
            ...(p.left ? { leaveDate: p.start } : {}),
          }));
          const text = writeCsv(peopleToRows(people));
          const again = readPeopleCsv(readCsvRecords(text, 'export.csv'), new Map(), framework).people;
          expect(again).toEqual(people);
        },
      ),
      { numRuns: 150 },
    );
  });
});
