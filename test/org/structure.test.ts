import { describe, expect, it } from 'vitest';
import { structureReport, structureTables } from '../../src/core/org/structure.js';
import { readFramework } from '../../src/store/frameworks.js';

const { framework } = readFramework();

/*
 * As of 2026-12-01:
 *   ana  director, the top, in level since 2022-12-01 (1,461 days = 4 years); 2 direct reports → under 3
 *   ben  em under ana, since 2024-12-01 (730 days = 1.9986 years); 11 direct reports → over 10
 *   dee  em under ana, same dates; 5 direct reports → no flag
 *   c1…c11 senior under ben, since 2024-12-01 (1.9986 years)
 *   e1…e5  senior under dee, since 2018-12-01 (2,922 days = 8 years: beyond senior's typical 2–6)
 *   old    senior, left
 * Layers: ana (none above) and ben, dee (one above) manage → 2 layers.
 */
const person = (
  email: string,
  level: string,
  managerEmail: string | undefined,
  levelStartDate: string,
  status: 'active' | 'left' = 'active',
) => ({
  email,
  level,
  managerEmail,
  levelStartDate,
  status,
});
const people = [
  person('ana', 'director', undefined, '2022-12-01'),
  person('ben', 'em', 'ana', '2024-12-01'),
  person('dee', 'em', 'ana', '2024-12-01'),
  ...Array.from({ length: 11 }, (_, i) => person(`c${i + 1}`, 'senior', 'ben', '2024-12-01')),
  ...Array.from({ length: 5 }, (_, i) => person(`e${i + 1}`, 'senior', 'dee', '2018-12-01')),
  person('old', 'senior', 'ben', '2020-01-01', 'left'),
];

describe('the structure report', () => {
  const report = structureReport(people, framework, '2026-12-01');

  it('counts the pyramid by level and track, active people only', () => {
    expect(report.headcount).toEqual([
      { level: 'senior', track: 'ic', band: 3, people: 16 },
      { level: 'em', track: 'management', band: 4, people: 2 },
      { level: 'director', track: 'management', band: 6, people: 1 },
    ]);
  });

  it('flags spans of control under 3 and over 10, and counts the layers', () => {
    expect(report.spans).toEqual([
      { manager: 'ana', directReports: 2, flag: 'under 3' },
      { manager: 'ben', directReports: 11, flag: 'over 10' },
      { manager: 'dee', directReports: 5, flag: null },
    ]);
    expect(report.layers).toBe(2);
  });

  it('measures time in level against the typical years', () => {
    const senior = report.timeInLevel.find((t) => t.level === 'senior')!;
    // 16 seniors: 11 at 730 ÷ 365.25 years and 5 at 8; the 8th and 9th in order are both 1.9986.
    expect(senior.medianYears).toBeCloseTo(730 / 365.25, 12);
    expect(senior.typical).toEqual({ min: 2, max: 6 });
    expect(senior.beyondTypical).toBe(5);
    expect(report.timeInLevel.find((t) => t.level === 'director')!.medianYears).toBe(4);
  });

  it('counts leavers by level, and gives every table as CSV', () => {
    expect(report.leavers).toEqual([{ level: 'senior', people: 1 }]);
    const tables = structureTables(report);
    expect(Object.keys(tables)).toEqual([
      'headcount',
      'spans',
      'layers',
      'time-in-level',
      'leavers',
      'promotions',
    ]);
    expect(tables.spans![2]).toEqual(['ben', '11', 'over 10']);
  });
});
