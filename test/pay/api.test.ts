import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/org/policy.js';
import { readTextFile } from '../../src/store/files.js';
import type { OrgRepositories } from '../../src/store/repositories/org/index.js';
import { ApiTokenRepository } from '../../src/store/repositories/org/tokens.js';
import { repoRoot } from '../helpers/cli.js';
import { newOrganisation, peopleCsv } from '../helpers/org.js';
import { stores } from '../helpers/stores.js';
import { testServer } from '../server/helpers.js';

/** The pay routes over a real server, on both stores. */

const bandsFile = readTextFile(join(repoRoot, 'examples', 'pay.yaml'));

describe.each(stores())('the pay API on $kind', (store) => {
  let server: Awaited<ReturnType<typeof testServer>>;
  let acme: OrgRepositories;
  const tokens = new Map<Role, string>();
  const call = (role: Role, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    server.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${tokens.get(role)}`,
        ...(payload && { 'content-type': 'application/json' }),
      },
      ...(payload && { payload }),
    });

  beforeEach(async () => {
    server = await testServer(await store.fresh());
    acme = await newOrganisation(server.workspace, 'Acme', 'root@acme.test');
    await acme.people.importCsv(
      peopleCsv([
        'Ana,ana@acme.test,senior,,Core,2020-01-01,2022-01-01,woman',
        'Ben,ben@acme.test,tech-lead,,Core,2021-01-01,2021-01-01,man',
      ]),
      new Map(),
    );
    await acme.accounts.create('hr@acme.test', ['hr']);
    await acme.accounts.create('ana@acme.test', []);
    const t = new ApiTokenRepository(acme.scope);
    tokens.set('hr', (await t.create('hr@acme.test', 'hr', 'hr')).token);
    tokens.set('employee', (await t.create('ana@acme.test', 'employee', 'ana')).token);
  });
  afterEach(async () => server.close());

  it('sets bands, imports pay and answers the report and a worker’s request', async () => {
    expect((await call('hr', 'PUT', '/api/org/pay/bands', { source: bandsFile })).statusCode).toBe(200);
    const imported = await call('hr', 'POST', '/api/org/pay/import', {
      csv: 'email,period,base\nana@acme.test,2026,68000\nben@acme.test,2026,80000\n',
    });
    expect(imported.json()).toEqual({ created: 2, replaced: 0, periods: ['2026'] });
    await call('hr', 'POST', '/api/org/pay/import', {
      csv: 'email,period,base\nana@acme.test,2026-h1,34000\nben@acme.test,2025,75000\n',
    });
    // Oldest first, each once, whoever's pay they hold.
    const periods = await call('hr', 'GET', '/api/org/pay/periods');
    expect(periods.json()).toEqual({ periods: ['2025', '2026', '2026-h1'] });
    expect((await call('employee', 'GET', '/api/org/pay/periods')).statusCode).toBe(403);
    // One woman at 68,000 and one man at 80,000: gap 12,000 ÷ 80,000 = 0.15.
    const report = (await call('hr', 'GET', '/api/org/reports/pay-gap?period=2026&minGroup=1')).json();
    expect(report.pay).toEqual({ meanGap: 0.15, medianGap: 0.15 });
    expect(report.categories).toEqual([
      {
        category: 'band-3',
        women: 1,
        men: 1,
        meanGap: 0.15,
        medianGap: 0.15,
        flagged: true,
        suppressed: false,
      },
    ]);
    expect((await call('employee', 'GET', '/api/org/reports/pay-gap?period=2026')).statusCode).toBe(403);
    const ana = (await acme.people.byEmail('ana@acme.test'))!.id;
    const info = (
      await call('employee', 'GET', `/api/org/pay/people/${ana}/information?period=2026&minGroup=1`)
    ).json();
    expect(info.own).toEqual({ base: 68000, variable: 0, fte: 1, pay: 68000 });
    expect(info.average).toEqual({ women: 68000, men: 80000 });
    const ben = (await acme.people.byEmail('ben@acme.test'))!.id;
    expect((await call('employee', 'GET', `/api/org/pay/people/${ben}`)).statusCode).toBe(404);
    const criteria = (await call('employee', 'GET', '/api/org/pay/criteria')).json();
    expect(criteria.markdown).toContain(
      '| every zone | every level | 60,000.00 | 75,000.00 | 90,000.00 | EUR | 2026-01-01 |',
    );
  });

  it('answers bad input with located problems, never a 500', async () => {
    const bad = await call('hr', 'PUT', '/api/org/pay/bands', {
      source: 'currency: EUR\neffective: 2026-01-01\nranges:\n  - { band: 3, min: 9, midpoint: 5, max: 7 }\n',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: 'body.source.ranges[0].midpoint', message: 'is below min' },
    ]);
    const rows = await call('hr', 'POST', '/api/org/pay/import', {
      csv: 'email,period,base\nnobody@acme.test,2026,1\n',
    });
    expect(rows.statusCode).toBe(400);
    expect((await call('hr', 'GET', '/api/org/reports/pay-gap?period=never')).statusCode).toBe(400);
    expect((await call('hr', 'GET', '/api/org/reports/pay-gap?period=2031')).statusCode).toBe(404);
  });
});
