import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, formatProblem } from '../../src/core/problems.js';
import type { OrgRepositories } from '../../src/store/repositories/org/index.js';
import {
  bandHealthOf,
  criteriaOf,
  payGapOf,
  workerInformationOf,
} from '../../src/store/repositories/org/pay-reports.js';
import { readTextFile } from '../../src/store/files.js';
import { readCsvRecords } from '../../src/store/spreadsheet.js';
import { Workspace } from '../../src/store/workspace.js';
import { repoRoot } from '../helpers/cli.js';
import { newOrganisation, peopleCsv } from '../helpers/org.js';
import { stores } from '../helpers/stores.js';

const bandsFile = readTextFile(join(repoRoot, 'examples', 'pay.yaml'));
const payCsv = (rows: string[]) =>
  readCsvRecords(['email,period,base,variable,fte', ...rows].join('\n'), 'pay.csv');

/*
 * FTE-adjusted pay in 2026 (euros), base + variable ÷ fte:
 *   ana director  band 6 woman 150,000 + 20,000        = 170,000
 *   ben em        band 4 man   100,000 + 10,000        = 110,000
 *   cy  senior    band 3 woman  70,000                 =  70,000
 *   dan senior    band 3 man    75,000 + 5,000         =  80,000
 *   eve staff     band 4 woman  80,000 at fte 0.8      = 100,000
 *   fay tech-lead band 3 woman  33,000 at fte 0.5      =  66,000
 */
const pay2026 = [
  'ana@acme.test,2026,150000,20000,',
  'ben@acme.test,2026,100000,10000,1',
  'cy@acme.test,2026,70000,,',
  'dan@acme.test,2026,75000,5000,',
  'eve@acme.test,2026,80000,,0.8',
  'fay@acme.test,2026,33000,0,0.5',
];

describe.each(stores())('pay in the $kind store', (store) => {
  let workspace: Workspace;
  let acme: OrgRepositories;
  let globex: OrgRepositories;
  const idOf = async (email: string) => (await acme.people.byEmail(email))!.id;

  beforeEach(async () => {
    workspace = await Workspace.open(await store.fresh());
    acme = await newOrganisation(workspace, 'Acme', 'root@acme.test', 'test:acme');
    globex = await newOrganisation(workspace, 'Globex', 'root@globex.test', 'test:globex');
    await acme.people.importCsv(
      peopleCsv([
        'Ana,ana@acme.test,director,,Core,2020-01-01,2022-01-01,woman',
        'Ben,ben@acme.test,em,ana@acme.test,Core,2021-01-01,2021-01-01,man',
        'Cy,cy@acme.test,senior,ben@acme.test,Core,2022-01-01,2023-01-01,woman',
        'Dan,dan@acme.test,senior,ben@acme.test,Core,2022-01-01,2023-01-01,man',
        'Eve,eve@acme.test,staff,ben@acme.test,Core,2022-01-01,2023-01-01,woman',
        'Fay,fay@acme.test,tech-lead,ana@acme.test,Core,2022-01-01,2023-01-01,woman',
      ]),
      new Map(),
    );
    await globex.people.importCsv(
      peopleCsv(['Gil,gil@globex.test,senior,,Ops,2020-01-01,2020-01-01,man']),
      new Map(),
    );
    await acme.pay.setBands(bandsFile, 'pay.yaml');
    await acme.pay.importCsv(payCsv(pay2026));
  });
  afterEach(async () => workspace.close());

  it('keeps the bands and the pay, each write audited without amounts', async () => {
    expect((await acme.pay.bands())?.number).toBe(1);
    expect(await acme.pay.periods()).toEqual(['2026']);
    const kinds = (await acme.audit.list()).map((e) => e.kind);
    expect(kinds).toContain('pay.bands.set');
    expect(kinds).toContain('pay.import');
    const entry = (await acme.audit.list({ kind: 'pay.import' }))[0]!;
    expect(entry.after).toEqual({
      file: 'pay.csv',
      currency: 'EUR',
      created: 6,
      replaced: 0,
      periods: ['2026'],
    });
    const again = await acme.pay.setBands(bandsFile.replace('max: 90000', 'max: 91000'), 'pay.yaml');
    expect(again.number).toBe(2);
    expect(again.diff?.changed).toEqual([
      { range: 'band 3', fields: [{ field: 'max', old: '90,000.00', new: '91,000.00' }] },
    ]);
  });

  it('replaces a person’s pay for a period on a second import', async () => {
    expect(await acme.pay.importCsv(payCsv(['cy@acme.test,2026,72000,,']))).toEqual({
      created: 0,
      replaced: 1,
      periods: ['2026'],
    });
    const cy = await acme.pay.rows({ personId: await idOf('cy@acme.test') });
    expect(cy.map((r) => r.base)).toEqual([7_200_000]);
  });

  it('imports all or nothing, every bad row located', async () => {
    const error = await acme.pay
      .importCsv(payCsv(['cy@acme.test,2027,1,,', 'gil@globex.test,2027,1,,', 'dan@acme.test,2027,x,,']))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).problems.map(formatProblem)).toEqual([
      'pay.csv:3:1: email: gil@globex.test is not a person of the organisation',
      'pay.csv:4:3: base: must be an amount such as 85000 or 85000.50',
    ]);
    expect(await acme.pay.periods()).toEqual(['2026']);
  });

  it('keeps each organisation’s pay to itself', async () => {
    expect(await globex.pay.periods()).toEqual([]);
    expect(await globex.pay.bands()).toBeUndefined();
    expect(await globex.pay.rows({ personId: await idOf('cy@acme.test') })).toEqual([]);
  });

  it('reports the pay gap from the stored pay', async () => {
    const report = await payGapOf(acme, { period: '2026', minGroup: 1 });
    expect(report.workers).toEqual({ women: 4, men: 2 });
    // Women 170, 70, 100, 66 → mean 101,500, median (70 + 100) ÷ 2 = 85,000; men 110, 80 → 95,000.
    // Mean gap (95,000 − 101,500) ÷ 95,000 = −0.068421…; median gap (95,000 − 85,000) ÷ 95,000 = 0.105263…
    expect(report.pay.meanGap).toBeCloseTo(-6_500 / 95_000, 12);
    expect(report.pay.medianGap).toBeCloseTo(10_000 / 95_000, 12);
    // band-3: women 70,000 and 66,000 (68,000), man 80,000: (80 − 68) ÷ 80 = 0.15.
    // band-4: woman 100,000, man 110,000: 10 ÷ 110 = 0.0909…; band-6 has no man: suppressed.
    expect(report.categories.map((c) => [c.category, c.meanGap, c.flagged, c.suppressed])).toEqual([
      ['band-3', 0.15, true, false],
      ['band-4', 10_000 / 110_000, true, false],
      ['band-6', null, false, true],
    ]);
    await acme.pay.justify('2026', 'band-4', 'The manager’s on-call allowance');
    const justified = await payGapOf(acme, { period: '2026', minGroup: 1 });
    expect(justified.categories[1]!.justification).toBe('The manager’s on-call allowance');
    expect((await acme.audit.list({ kind: 'pay.justify' }))[0]!.subject).toBe('pay-gap:2026:band-4');
    await expect(payGapOf(acme, { period: '2030' })).rejects.toThrow('no pay is recorded for period 2030');
  });

  it('gives band health, a worker’s information and the criteria document', async () => {
    const health = await bandHealthOf(acme);
    expect(health.period).toBe('2026');
    // cy: 70,000 ÷ 75,000 = 0.9333…; fay: 66,000 on band 3 → (66 − 60) ÷ 30 = 0.2.
    const of = (email: string) => health.people.find((p) => p.email === email)!;
    expect(of('cy@acme.test').compaRatio).toBeCloseTo(70 / 75, 12);
    expect(of('fay@acme.test').rangePenetration).toBeCloseTo(0.2, 12);
    // Band 3: IC cy 70,000 and dan 75,000 (base) → 72,500; management fay 66,000 → (72.5 − 66) ÷ 72.5.
    expect(health.parity.find((p) => p.band === 3)!.gap).toBeCloseTo(6_500 / 72_500, 12);
    const info = await workerInformationOf(acme, await idOf('cy@acme.test'), { period: '2026', minGroup: 1 });
    expect(info.average).toEqual({ women: 6_800_000, men: 8_000_000 });
    expect(await criteriaOf(acme)).toContain('## Band 3');
  });

  it('keeps the organisation’s settings, off until turned on', async () => {
    expect(await acme.settings.on()).toEqual(new Set());
    await acme.settings.set('managers-see-pay', true);
    expect(await acme.settings.on()).toEqual(new Set(['managers-see-pay']));
    expect(await globex.settings.on()).toEqual(new Set());
    await expect(acme.settings.set('managers-see-pie', true)).rejects.toThrow(
      'did you mean "managers-see-pay"',
    );
  });
});
