import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/server/app.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import { ApiTokenRepository } from '../../../src/store/repositories/org/tokens.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation, peopleCsv } from '../../helpers/org.js';
import { appRole, type AppRole } from '../../helpers/postgres-role.js';
import { stores } from '../../helpers/stores.js';

/**
 * Two organisations behind one server: Acme's admin token, asking for Beta's people by their real
 * ids, gets the same 404 as for an id nobody has, and changes nothing. On PostgreSQL the server
 * connects as an ordinary role, so row-level security stands behind the code's own filters.
 */

describe.each(stores())('one organisation cannot reach another through the API on $kind', (store) => {
  let owner: Workspace;
  let served: Workspace;
  let role: AppRole | undefined;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let beta: OrgRepositories;
  let betaIds: number[];
  let token: string;

  beforeAll(async () => {
    const target = await store.fresh();
    owner = await Workspace.open(target);
    const acme = await newOrganisation(owner, 'Acme', 'root@acme.test');
    beta = await newOrganisation(owner, 'Beta', 'root@beta.test');
    await acme.people.importCsv(
      peopleCsv(['Ana,ana@acme.test,director,,Core,2020-01-01,2022-01-01,woman']),
      new Map(),
    );
    await beta.people.importCsv(
      peopleCsv([
        'Gil,gil@beta.test,director,,Ops,2020-01-01,2020-01-01,man',
        'Hal,hal@beta.test,senior,gil@beta.test,Ops,2021-01-01,2021-01-01,',
      ]),
      new Map(),
    );
    betaIds = (await beta.people.all()).map((p) => p.id);
    token = (await new ApiTokenRepository(acme.scope).create('root@acme.test', 'admin', 'ci')).token;
    if (store.kind === 'postgres') {
      role = await appRole(target);
      served = await Workspace.open(role.url);
    } else served = owner;
    app = await buildServer({ workspace: served });
  });
  afterAll(async () => {
    await app.close();
    if (served !== owner) await served.close();
    await owner.close();
    await role?.drop();
  });

  const ask = (method: 'GET' | 'PATCH', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...(payload && { 'content-type': 'application/json' }) },
      ...(payload && { payload }),
    });

  it("answers 404 for each of Beta's people, read or changed, as for an id nobody has, and changes nothing", async () => {
    const before = { people: await beta.people.all(), audit: await beta.audit.list() };
    for (const id of [...betaIds, 999_999]) {
      const read = await ask('GET', `/api/org/people/${id}`);
      const write = await ask('PATCH', `/api/org/people/${id}`, { team: 'Stolen' });
      for (const response of [read, write]) {
        expect([id, response.statusCode]).toEqual([id, 404]);
        expect(response.json()).toEqual({
          error: { code: 'not-found', message: `no person with id ${id}`, fields: [] },
        });
      }
    }
    const listed = await ask('GET', '/api/org/people');
    expect((listed.json() as { items: { email: string }[] }).items.map((p) => p.email)).toEqual([
      'ana@acme.test',
    ]);
    expect({ people: await beta.people.all(), audit: await beta.audit.list() }).toEqual(before);
  });
});
