import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/server/app.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import { ApiTokenRepository } from '../../../src/store/repositories/org/tokens.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation, peopleCsv as csv } from '../../helpers/org.js';
import { stores } from '../../helpers/stores.js';

/**
 * GET /api/org/people/:id/ratings on each store: the submitted self and manager ratings of two
 * cycles, oldest first; drafts and peers left out; a cycle's competencies named from its version;
 * the manager and the person read it, another employee gets 404.
 */
describe.each(stores())('a person’s ratings over time ($kind)', (store) => {
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
        'Ana,ana@acme.test,director,,Core,2020-01-01,2022-01-01,',
        'Ben,ben@acme.test,em,ana@acme.test,Core,2021-01-01,2021-01-01,',
        'Cy,cy@acme.test,senior,ben@acme.test,Core,2022-01-01,2023-01-01,',
        'Dee,dee@acme.test,senior,ben@acme.test,Core,2022-01-01,2023-01-01,',
      ]),
      new Map(),
    );
    for (const p of await acme.people.all()) ids[p.email.split('@')[0]!] = p.id;
    await acme.accounts.create('hr@acme.test', ['hr']);
    await acme.accounts.create('ben@acme.test', ['manager']);
    await acme.accounts.create('cy@acme.test', []);
    await acme.accounts.create('dee@acme.test', []);
    const t = new ApiTokenRepository(acme.scope);
    tokens.hr = (await t.create('hr@acme.test', 'hr', 'hr')).token;
    tokens.ben = (await t.create('ben@acme.test', 'manager', 'manager')).token;
    tokens.cy = (await t.create('cy@acme.test', 'employee', 'cy')).token;
    tokens.dee = (await t.create('dee@acme.test', 'employee', 'dee')).token;
    app = await buildServer({ workspace });
  });
  afterAll(async () => {
    await app.close();
    await workspace.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
    app.inject({
      method,
      url: `/api/org${url}`,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(method !== 'GET' && { 'content-type': 'application/json' }),
      },
      ...(method !== 'GET' && { payload: payload ?? {} }),
    });
  const ok = async (method: 'POST' | 'PUT', url: string, who: string, payload: object) => {
    const response = await call(method, url, who, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };

  it('answers each cycle’s submitted self and manager ratings, oldest first', async () => {
    const cycle = { selfDue: '2026-12-10', managerDue: '2026-12-20' };
    const first = (await ok('POST', '/cycles', 'hr', { name: 'H1', ...cycle })).id as number;
    await ok('PUT', `/cycles/${first}/self`, 'cy', { ratings: { debugging: { rating: 3 } }, submit: true });
    await ok('PUT', `/cycles/${first}/people/${ids.cy}/manager`, 'ben', {
      ratings: { debugging: { rating: 4 }, 'system-design': { rating: 2 } },
      submit: true,
    });
    await ok('POST', `/cycles/${first}/close`, 'hr', {});
    const second = (await ok('POST', '/cycles', 'hr', { name: 'H2', ...cycle })).id as number;
    await ok('PUT', `/cycles/${second}/self`, 'cy', { ratings: { debugging: { rating: 5 } }, submit: true });
    // A draft of the manager's counts for nothing yet.
    await ok('PUT', `/cycles/${second}/people/${ids.cy}/manager`, 'ben', {
      ratings: { debugging: { rating: 1 } },
    });

    const answer = await call('GET', `/people/${ids.cy}/ratings`, 'ben');
    expect(answer.statusCode).toBe(200);
    const body = answer.json();
    expect(body.person).toEqual({ id: ids.cy, name: 'Cy' });
    expect(body.competencies.map((c: { id: string }) => c.id).sort()).toEqual(['debugging', 'system-design']);
    expect(body.competencies.find((c: { id: string }) => c.id === 'debugging').name).toBe(
      'Debugging and problem decomposition',
    );
    expect(
      body.items.map((c: Record<string, unknown>) => [
        c.cycle,
        c.status,
        c.frameworkVersion,
        c.self,
        c.manager,
      ]),
    ).toEqual([
      ['H1', 'closed', 1, { debugging: 3 }, { debugging: 4, 'system-design': 2 }],
      ['H2', 'open', 1, { debugging: 5 }, null],
    ]);
    expect((await call('GET', `/people/${ids.cy}/ratings`, 'cy')).statusCode).toBe(200);
    expect((await call('GET', `/people/${ids.cy}/ratings`, 'dee')).statusCode).toBe(404);
    const dee = (await call('GET', `/people/${ids.dee}/ratings`, 'hr')).json();
    expect(dee.items).toEqual([]);
  });

  it('gives the cycle’s competencies with their scales, for the forms', async () => {
    const cycles = (await call('GET', '/cycles', 'cy')).json().items as { id: number }[];
    const cycle = (await call('GET', `/cycles/${cycles[0]!.id}`, 'cy')).json();
    const debugging = cycle.competencies.find((c: { id: string }) => c.id === 'debugging');
    expect(debugging.points.map((p: { value: number }) => p.value)).toEqual([1, 2, 3, 4, 5]);
  });
});
