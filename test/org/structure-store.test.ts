import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { structureReport } from '../../src/core/org/structure.js';
import { structureOf } from '../../src/store/repositories/org/pay-reports.js';
import type { OrgRepositories } from '../../src/store/repositories/org/index.js';
import { readFramework } from '../../src/store/frameworks.js';
import { Workspace } from '../../src/store/workspace.js';
import { newOrganisation, peopleCsv } from '../helpers/org.js';
import { stores } from '../helpers/stores.js';

const { framework } = readFramework();

/*
 * The set of structure.test.ts, stored: the store counts it in SQL (GROUP BY) and must give what
 * the core counts from the same people's records. As of 2026-12-01:
 *   ana  director, the top, since 2022-12-01 (4 years); 2 direct reports → under 3
 *   ben  em under ana, since 2024-12-01 (730 days = 1.9986 years); 11 direct reports → over 10
 *   dee  em under ana, same dates; 5 direct reports → no flag
 *   c1…c11 senior under ben, since 2024-12-01; e1…e5 senior under dee, since 2018-12-01 (8 years)
 *   old  senior under ben, left 2026-06-30: a leaver, not a direct report
 * Layers: ana (none above) and ben, dee (one above) manage → 2.
 */
const row = (email: string, level: string, manager: string, since: string, left = '') =>
  `${email},${email}@acme.test,${level},${manager && `${manager}@acme.test`},Core,2018-01-01,${since},,${left ? 'left' : 'active'},${left}`;
const rows = [
  row('ana', 'director', '', '2022-12-01'),
  row('ben', 'em', 'ana', '2024-12-01'),
  row('dee', 'em', 'ana', '2024-12-01'),
  ...Array.from({ length: 11 }, (_, i) => row(`c${i + 1}`, 'senior', 'ben', '2024-12-01')),
  ...Array.from({ length: 5 }, (_, i) => row(`e${i + 1}`, 'senior', 'dee', '2018-12-01')),
  row('old', 'senior', 'ben', '2020-01-01', '2026-06-30'),
];

describe.each(stores())('the structure report from the store ($kind)', (store) => {
  let workspace: Workspace;
  let acme: OrgRepositories;

  beforeEach(async () => {
    workspace = await Workspace.open(await store.fresh());
    acme = await newOrganisation(workspace, 'Acme', 'root@acme.test');
    await acme.people.importCsv(
      peopleCsv(
        rows,
        'name,email,level,manager_email,team,start_date,level_start_date,gender,status,leave_date',
      ),
      new Map(),
    );
  });
  afterEach(async () => workspace.close());

  it('counts in SQL what the core counts from the records', async () => {
    const report = await structureOf(acme, { asOf: '2026-12-01', until: '2026-12-01' });
    expect(report.headcount).toEqual([
      { level: 'senior', track: 'ic', band: 3, people: 16 },
      { level: 'em', track: 'management', band: 4, people: 2 },
      { level: 'director', track: 'management', band: 6, people: 1 },
    ]);
    expect(report.spans).toEqual([
      { manager: 'ana@acme.test', directReports: 2, flag: 'under 3' },
      { manager: 'ben@acme.test', directReports: 11, flag: 'over 10' },
      { manager: 'dee@acme.test', directReports: 5, flag: null },
    ]);
    expect(report.layers).toBe(2);
    const senior = report.timeInLevel.find((t) => t.level === 'senior')!;
    expect(senior.medianYears).toBeCloseTo(730 / 365.25, 12);
    expect(senior.beyondTypical).toBe(5);
    expect(report.leavers).toEqual([{ level: 'senior', people: 1 }]);

    // The same figures as the core's own counting over the stored records and their history.
    const people = await acme.people.all();
    const held = await acme.levelHistory.all();
    const histories = people.map((p) => ({
      leaveDate: p.leaveDate,
      held: held
        .filter((h) => h.personId === p.id)
        .map((h) => ({
          level: h.level,
          band: framework.levels.find((l) => l.id === h.level)!.band,
          from: h.from,
        })),
    }));
    expect(report).toEqual(
      structureReport(people, framework, '2026-12-01', { histories, until: '2026-12-01' }),
    );
  });
});
