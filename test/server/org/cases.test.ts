import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFrameworkOrThrow } from '../../../src/core/framework/load.js';
import { buildServer } from '../../../src/server/app.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import { ApiTokenRepository } from '../../../src/store/repositories/org/tokens.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation, peopleCsv as csv, reference } from '../../helpers/org.js';
import { stores } from '../../helpers/stores.js';

/** A promotion case through the API, on each store, from nomination to the person's new level. */

const framework = loadFrameworkOrThrow(reference.source, reference.file);
const all = (n: number) => Object.fromEntries(framework.competencies.map((c) => [c.id, { rating: n }]));

describe.each(stores())('a promotion case through /api/org/cases ($kind)', (store) => {
  let workspace: Workspace;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let acme: OrgRepositories;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    workspace = await Workspace.open(await store.fresh());
    acme = await newOrganisation(workspace, 'Acme', 'root@acme.test', 'test');
    await acme.people.importCsv(
      csv([
        'Ana,ana@acme.test,director,,Core,2020-01-01,2022-01-01,woman',
        'Ben,ben@acme.test,em,ana@acme.test,Core,2021-01-01,2021-01-01,man',
        'Cy,cy@acme.test,senior,ben@acme.test,Core,2022-01-01,2023-01-01,',
        'Dee,dee@acme.test,staff,ana@acme.test,Web,2022-01-01,2023-01-01,woman',
      ]),
      new Map(),
    );
    for (const p of await acme.people.all()) ids[p.email.split('@')[0]!] = p.id;
    await acme.accounts.create('hr@acme.test', ['hr']);
    await acme.accounts.create('ben@acme.test', ['manager']);
    await acme.accounts.create('cy@acme.test', []);
    await acme.accounts.create('dee@acme.test', ['committee']);
    const t = new ApiTokenRepository(acme.scope);
    tokens.hr = (await t.create('hr@acme.test', 'hr', 'hr')).token;
    tokens.ben = (await t.create('ben@acme.test', 'manager', 'manager')).token;
    tokens.cy = (await t.create('cy@acme.test', 'employee', 'cy')).token;
    tokens.dee = (await t.create('dee@acme.test', 'committee', 'dee')).token;
    const cycle = await acme.cycles.open({ name: 'H2', selfDue: '2026-12-10', managerDue: '2026-12-20' });
    const [ben, cy] = [(await acme.people.byId(ids.ben!))!, (await acme.people.byId(ids.cy!))!];
    await acme.reviews.write({
      cycleId: cycle.id,
      person: cy,
      kind: 'manager',
      author: ben,
      write: { ratings: all(4), submit: true },
    });
    app = await buildServer({ workspace });
  });
  afterAll(async () => {
    await app.close();
    await workspace.close();
  });

  const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
    app.inject({
      method,
      url: `/api/org/cases${url}`,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(method !== 'GET' && { 'content-type': 'application/json' }),
      },
      ...(method !== 'GET' && { payload: payload ?? {} }),
    });

  it('nominates, bundles, seats a committee outside the chain, votes, approves, and moves the level', async () => {
    const opened = await call('POST', '', 'ben', { personId: ids.cy, targetLevel: 'staff' });
    expect(opened.statusCode).toBe(201);
    const id = opened.json().id as number;

    const bundle = (await call('GET', `/${id}`, 'cy')).json();
    expect(bundle.readiness).toMatchObject({
      from: 'manager',
      level: 'staff',
      holds: true,
      rule: 'staff-plus',
    });
    expect(bundle.readiness.typicalYears).toEqual(framework.levels.find((l) => l.id === 'senior')!.years);
    expect(bundle.votes).toBeUndefined();

    const chain = await call('POST', `/${id}/committee`, 'hr', { members: [ids.ana] });
    expect(chain.statusCode).toBe(400);
    expect(chain.json().error.fields).toEqual([
      {
        path: 'body.members[0]',
        message: "ana@acme.test is in cy@acme.test's reporting chain and cannot sit on the committee",
      },
    ]);
    expect((await call('POST', `/${id}/committee`, 'hr', { members: [ids.dee] })).statusCode).toBe(200);
    expect((await call('GET', `/${id}`, 'dee')).statusCode).toBe(200);
    expect(
      (
        await call('POST', `/${id}/votes`, 'dee', {
          vote: 'approve',
          rationale: 'the design reviews show it',
        })
      ).statusCode,
    ).toBe(200);
    expect((await call('GET', `/${id}`, 'dee')).json().votes).toEqual([
      { round: 1, personId: ids.dee, vote: 'approve', rationale: 'the design reviews show it' },
    ]);

    const noDate = await call('POST', `/${id}/decision`, 'hr', { decision: 'approve', rationale: 'Ready.' });
    expect(noDate.json().error.fields).toEqual([
      { path: 'body.effectiveDate', message: 'is required to approve' },
    ]);
    const decided = await call('POST', `/${id}/decision`, 'hr', {
      decision: 'approve',
      rationale: 'Staff-level influence across two teams.',
      effectiveDate: '2027-01-01',
    });
    expect(decided.statusCode).toBe(200);
    expect((await call('GET', `/${id}`, 'cy')).json().decision).toMatchObject({
      decision: 'approve',
      rationale: 'Staff-level influence across two teams.',
    });
    expect((await acme.people.byId(ids.cy!))!).toMatchObject({
      level: 'staff',
      levelStartDate: '2027-01-01',
    });
    // Time in level is still the senior years Cy had when nominated, as of the decision (today),
    // not time in the staff level that begins in 2027.
    const after = (await call('GET', `/${id}`, 'cy')).json();
    expect(bundle.readiness.yearsInLevel).toBeGreaterThan(3);
    expect(after.nominatedFrom).toEqual({ level: 'senior', levelStartDate: '2023-01-01' });
    expect(after.readiness).toMatchObject({
      yearsInLevel: bundle.readiness.yearsInLevel,
      typicalYears: framework.levels.find((l) => l.id === 'senior')!.years,
    });
    const appeal = await call('POST', `/${id}/appeal`, 'cy', { reason: 'none' });
    expect(appeal.statusCode).toBe(409);
    expect(appeal.json().error.message).toBe(`case ${id} was approved: there is nothing to appeal`);
  });
});
