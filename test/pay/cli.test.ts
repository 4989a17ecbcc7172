import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PEOPLE_COLUMNS } from '../helpers/org.js';
import { repoRoot, tempDir, trellis, writeTemp } from '../helpers/cli.js';
import { stores } from '../helpers/stores.js';

/** `trellis pay …` and `trellis org pay|report …` through the real built binary, on both stores. */

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const example = (name: string) => join(repoRoot, 'examples', name);

describe('trellis pay, on files', () => {
  it('validates a pay file, or prints every problem located and exits 1', () => {
    expect(trellis(['pay', 'validate', example('pay.yaml')])).toMatchObject({
      code: 0,
      stdout: `${example('pay.yaml')} is valid: 10 ranges, EUR, effective 2026-01-01.\n`,
    });
    const bad = writeTemp(
      'pay.yaml',
      'currency: EUR\neffective: 2026-01-01\nranges:\n  - { band: 3, level: staf, min: 9, midpoint: 5, max: 7 }\n',
    );
    const result = trellis(['pay', 'validate', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${bad}:4:23: ranges[0].level: unknown level "staf" (did you mean "staff"?)`,
    );
    expect(result.stderr).toContain(`${bad}:4:47: ranges[0].midpoint: is below min`);
  });

  it('diffs two pay files', () => {
    const result = trellis(['pay', 'diff', example('pay.yaml'), example('pay-2027.yaml')]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      'effective: 2026-01-01 → 2027-01-01',
      '+ band 2 zone berlin',
      '- band 3 zone berlin',
    ]);
    expect(result.stdout).toContain('~ band 3: min 60,000.00 → 62,000.00');
  });
});

describe.each(stores())('trellis org pay on $kind', (store) => {
  let flag: string[];
  const dir = tempDir();
  const run = (...args: string[]) => trellis([...args, ...flag]);

  beforeAll(async () => {
    flag = store.flag(await store.fresh());
    const password = writeTemp('password', 'a long enough passphrase\n', dir);
    expect(
      run(
        'org',
        'init',
        '--name',
        'Acme',
        '--admin-email',
        'root@acme.test',
        '--admin-password-file',
        password,
      ).code,
    ).toBe(0);
    // Five women and five men at band 3 (senior and tech-lead), so the category is not suppressed.
    const people = [
      PEOPLE_COLUMNS,
      'Ana,ana@acme.test,director,,Core,2020-01-01,2022-01-01,woman',
      ...[1, 2, 3, 4, 5].map(
        (i) => `W${i},w${i}@acme.test,senior,ana@acme.test,Core,2022-01-01,2023-01-01,woman`,
      ),
      ...[1, 2, 3, 4, 5].map(
        (i) => `M${i},m${i}@acme.test,tech-lead,ana@acme.test,Core,2022-01-01,2023-01-01,man`,
      ),
    ];
    expect(run('org', 'people', 'import', writeTemp('people.csv', people.join('\n'), dir)).code).toBe(0);
  });

  it('sets the bands, imports pay, reports the gap in JSON, CSV and Markdown, and records a justification', () => {
    expect(run('org', 'pay', 'bands', 'set', example('pay.yaml'))).toMatchObject({
      code: 0,
      stdout: `Set the pay bands from ${example('pay.yaml')} (version 1): 10 ranges.\n`,
    });
    /*
     * Women at band 3: 60,000, 62,000, 64,000, 66,000, 68,000 → mean 64,000, median 64,000.
     * Men at band 3: 64,000, 66,000, 68,000, 70,000, 72,000 → mean 68,000, median 68,000.
     * Gap (68,000 − 64,000) ÷ 68,000 = 0.0588… → flagged. Ana (band 6) has no man beside her: suppressed.
     * Overall women add Ana's 150,000: mean (320,000 + 150,000) ÷ 6 = 78,333.33; median (64 + 66) ÷ 2 = 65,000.
     */
    const rows = [
      'email,period,base,variable,fte',
      'ana@acme.test,2026,150000,,',
      ...[1, 2, 3, 4, 5].map((i) => `w${i}@acme.test,2026,${58_000 + 2_000 * i},,`),
      ...[1, 2, 3, 4, 5].map((i) => `m${i}@acme.test,2026,${62_000 + 2_000 * i},,`),
    ];
    expect(run('org', 'pay', 'import', writeTemp('pay.csv', rows.join('\n'), dir))).toMatchObject({
      code: 0,
      stdout: `Imported ${join(dir, 'pay.csv')}: 11 added, 0 replaced, for 2026.\n`,
    });
    const report = JSON.parse(run('org', 'report', 'pay-gap', '--period', '2026', '--json').stdout);
    expect(Object.keys(report)).toEqual([
      'period',
      'currency',
      'workers',
      'pay',
      'variable',
      'quartiles',
      'categories',
    ]);
    expect(report.workers).toEqual({ women: 6, men: 5 });
    expect(report.pay.meanGap).toBeCloseTo((68_000 - 470_000 / 6) / 68_000, 12);
    expect(report.pay.medianGap).toBeCloseTo((68_000 - 65_000) / 68_000, 12);
    expect(report.variable).toEqual({ meanGap: null, medianGap: null, share: { women: 0, men: 0 } });
    expect(report.categories).toEqual([
      {
        category: 'band-3',
        women: 5,
        men: 5,
        meanGap: 4_000 / 68_000,
        medianGap: 4_000 / 68_000,
        flagged: true,
        suppressed: false,
      },
      {
        category: 'band-6',
        women: 1,
        men: 0,
        meanGap: null,
        medianGap: null,
        flagged: false,
        suppressed: true,
      },
    ]);

    expect(
      run(
        'org',
        'pay',
        'justify',
        '--period',
        '2026',
        '--category',
        'band-3',
        '--reason',
        'Tech leads carry on-call',
      ),
    ).toMatchObject({ code: 0 });
    const csv = run('org', 'report', 'pay-gap', '--period', '2026', '--format', 'csv').stdout;
    expect(csv.split('\n')[0]).toBe(
      'section,key,women,men,meanGap,medianGap,flagged,suppressed,justification',
    );
    expect(csv).toContain('category,band-3,5,5,');
    expect(csv).toContain('Tech leads carry on-call');
    const md = run('org', 'report', 'pay-gap', '--period', '2026', '--format', 'md').stdout;
    expect(md).toContain(
      '| band-3 | 5 | 5 | 5.9% | 5.9% | 5% or more: joint pay assessment | Tech leads carry on-call |',
    );
    // With a minimum group of 6, band 3 is suppressed too.
    const strict = JSON.parse(
      run('org', 'report', 'pay-gap', '--period', '2026', '--min-group', '6', '--json').stdout,
    );
    expect(strict.categories[0]).toMatchObject({ suppressed: true, meanGap: null });

    const health = JSON.parse(run('org', 'report', 'bands', '--json').stdout);
    // w1 at 60,000 on band 3 (60,000 / 75,000 / 90,000): compa 0.8, penetration 0.
    expect(health.people.find((p: { email: string }) => p.email === 'w1@acme.test')).toMatchObject({
      compaRatio: 0.8,
      rangePenetration: 0,
    });
    expect(run('org', 'report', 'bands').stdout).toContain(
      'Band health, 2026 (EUR): 0 below their range, 0 above.',
    );
    const kinds = JSON.parse(run('org', 'audit', '--json').stdout).map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['pay.bands.set', 'pay.import', 'pay.justify']));
  });

  it('reports the structure: Ana leads ten people, within the span; one layer', () => {
    const structure = JSON.parse(run('org', 'report', 'structure', '--json').stdout);
    expect(structure.spans).toEqual([{ manager: 'ana@acme.test', directReports: 10, flag: null }]);
    expect(structure.layers).toBe(1);
    expect(structure.headcount).toEqual([
      { level: 'senior', track: 'ic', band: 3, people: 5 },
      { level: 'tech-lead', track: 'management', band: 3, people: 5 },
      { level: 'director', track: 'management', band: 6, people: 1 },
    ]);
    expect(run('org', 'report', 'structure', '--format', 'csv', '--table', 'spans').stdout).toBe(
      'manager,direct_reports,flag\nana@acme.test,10,\n',
    );
  });

  it('refuses a bad pay file whole, every bad row located, and bad flags as usage errors', () => {
    const bad = writeTemp(
      'bad-pay.csv',
      'email,period,base\nnobody@acme.test,2026,1\nana@acme.test,2026,-1\n',
      dir,
    );
    const result = run('org', 'pay', 'import', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${bad}:2:1: email: nobody@acme.test is not a person of the organisation`,
    );
    expect(result.stderr).toContain(`${bad}:3:3: base: must be an amount such as 85000 or 85000.50`);
    expect(run('org', 'report', 'pay-gap', '--period', '2026', '--format', 'pdf').code).toBe(2);
    expect(run('org', 'report', 'pay-gap', '--period', '2026', '--min-group', '0').code).toBe(2);
    expect(run('org', 'report', 'pay-gap', '--period', '1999').code).not.toBe(0);
  });
});
