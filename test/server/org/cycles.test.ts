import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/server/app.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import { ApiTokenRepository } from '../../../src/store/repositories/org/tokens.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation, peopleCsv as csv, reference } from '../../helpers/org.js';
import { stores } from '../../helpers/stores.js';
import { loadFrameworkOrThrow } from '../../../src/core/framework/load.js';

/** One review cycle through the API, on each store: open, write, compare, calibrate, adjust, close. */

const framework = loadFrameworkOrThrow(reference.source, reference.file);
const all = (n: number) => Object.fromEntries(framework.competencies.map((c) => [c.id, { rating: n }]));

describe.each(stores())('a review cycle through /api/org/cycles ($kind)', (store) => {
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
        'Dee,dee@acme.test,senior,ben@acme.test,Core,2022-01-01,2023-01-01,woman',
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
      url: `/api/org/cycles${url}`,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(method !== 'GET' && { 'content-type': 'application/json' }),
      },
      ...(method !== 'GET' && { payload: payload ?? {} }),
    });

  it('runs from opening to closing, and a closed cycle refuses every write with 409', async () => {
    const bad = await call('POST', '', 'hr', {
      name: 'H2',
      selfDue: '2026-12-20',
      managerDue: '2026-12-10',
      levels: ['seniour'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: 'body.managerDue', message: 'is before the self deadline' },
    ]);

    const opened = await call('POST', '', 'hr', {
      name: 'H2',
      selfDue: '2026-12-10',
      managerDue: '2026-12-20',
    });
    expect(opened.statusCode).toBe(201);
    const id = opened.json().id as number;

    // Cy's to-do: his self step; Ben's: his own, and Cy's and Dee's manager steps.
    expect((await call('GET', '/todo', 'cy')).json().items.map((i: { kind: string }) => i.kind)).toEqual([
      'self',
    ]);
    expect(
      (await call('GET', '/todo', 'ben'))
        .json()
        .items.map((i: { kind: string; person: string }) => [i.kind, i.person]),
    ).toEqual([
      ['self', 'Ben'],
      ['manager', 'Cy'],
      ['manager', 'Dee'],
    ]);

    const self = await call('PUT', `/${id}/self`, 'cy', {
      ratings: {
        ...all(4),
        debugging: {
          rating: 4,
          evidence: ['https://git.acme.test/pr/12'],
          comment: 'led the incident review',
        },
      },
      submit: true,
    });
    expect(self.statusCode).toBe(200);
    const offScale = await call('PUT', `/${id}/people/${ids.dee}/manager`, 'ben', {
      ratings: { debugging: { rating: 7 } },
    });
    expect(offScale.statusCode).toBe(400);
    expect(offScale.json().error.fields).toEqual([
      { path: 'body.ratings.debugging', message: 'rating 7 is off the scale (1, 2, 3, 4, 5)' },
    ]);
    expect(
      (await call('PUT', `/${id}/people/${ids.cy}/manager`, 'ben', { ratings: all(3), submit: true }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call('PUT', `/${id}/people/${ids.dee}/manager`, 'ben', { ratings: all(2), submit: true }))
        .statusCode,
    ).toBe(200);

    const peers = await call('POST', `/${id}/people/${ids.cy}/peers`, 'cy', {
      peers: [ids.dee],
      competencies: ['debugging'],
    });
    expect(peers.statusCode).toBe(200);
    expect((await call('GET', '/todo', 'dee')).json().items.map((i: { kind: string }) => i.kind)).toEqual([
      'self',
      'peer',
    ]);
    expect(
      (
        await call('PUT', `/${id}/people/${ids.cy}/peer`, 'dee', {
          ratings: { debugging: { rating: 5 } },
          submit: true,
        })
      ).statusCode,
    ).toBe(200);

    const compared = (await call('GET', `/${id}/people/${ids.cy}/comparison`, 'ben')).json();
    expect(compared.summary).toEqual({ higher: 0, lower: 15, same: 0, unrated: 0 });
    expect(compared.self).toMatchObject({ holdsHeld: true, readyFor: ['staff'] });
    expect(compared.manager).toMatchObject({ holdsHeld: true, readyFor: [] });
    expect(compared.peers).toEqual([{ debugging: { rating: 5 } }]);
    expect((await call('GET', `/${id}/people/${ids.dee}/comparison`, 'cy')).statusCode).toBe(404);

    const calibration = (await call('GET', `/${id}/calibration`, 'hr')).json();
    expect(calibration.outcomes).toEqual({ below: 1, meets: 1, ready: 0, total: 2 });
    expect(calibration.fairness).toEqual({
      attribute: 'gender',
      shown: false,
      note: 'too few to show',
      groups: [],
    });
    expect((await call('GET', `/${id}/calibration`, 'ben')).statusCode).toBe(403);

    const adjusted = await call('POST', `/${id}/people/${ids.dee}/adjust`, 'ben', {
      outcome: 'meets',
      reason: 'rated before her launch',
    });
    expect(adjusted.statusCode).toBe(200);
    expect((await call('GET', `/${id}/calibration`, 'hr')).json().outcomes).toEqual({
      below: 0,
      meets: 2,
      ready: 0,
      total: 2,
    });

    const status = (await call('GET', `/${id}`, 'cy')).json();
    expect(status.progress).toEqual({
      people: 4,
      self: { submitted: 1, draft: 0, missing: 3 },
      manager: { submitted: 2, draft: 0, missing: 2 },
      peers: { asked: 1, answered: 1 },
    });

    expect((await call('POST', `/${id}/close`, 'ben')).statusCode).toBe(403);
    expect((await call('POST', `/${id}/close`, 'hr')).statusCode).toBe(200);
    const frozen = await call('PUT', `/${id}/self`, 'dee', { ratings: all(3) });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^cycle "H2" was closed on .* and is frozen/),
    });
    expect(
      (await call('POST', `/${id}/people/${ids.dee}/adjust`, 'hr', { outcome: 'ready', reason: 'late' }))
        .statusCode,
    ).toBe(409);
    expect((await call('GET', '/todo', 'dee')).json().items).toEqual([]);
  });
});
