import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/server/app.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import { ApiTokenRepository } from '../../../src/store/repositories/org/tokens.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation, peopleCsv as csv } from '../../helpers/org.js';
import { tempDir } from '../../helpers/cli.js';

/**
 * The /api/org routes over a real SQLite file holding two organisations, called with API tokens
 * (one per role) and without any: who sees what, and what another organisation's ids give.
 */

let workspace: Workspace;
let app: Awaited<ReturnType<typeof buildServer>>;
/** How far the server's clock runs ahead of the real one: moved on past the credential reuse window. */
let ahead = 0;
let acme: OrgRepositories;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};

beforeAll(async () => {
  workspace = await Workspace.open(join(tempDir(), 'org.sqlite'));
  acme = await newOrganisation(workspace, 'Acme', 'root@acme.test', 'test');
  const globex = await newOrganisation(workspace, 'Globex', 'root@globex.test', 'test');
  await acme.people.importCsv(
    csv([
      'Ana,ana@acme.test,director,,Core,2020-01-01,2022-01-01,woman',
      'Ben,ben@acme.test,em,ana@acme.test,Core,2021-01-01,2021-01-01,man',
      'Cy,cy@acme.test,senior,ben@acme.test,Core,2022-01-01,2023-01-01,',
      'Dee,dee@acme.test,senior,ana@acme.test,Web,2022-01-01,2023-01-01,',
    ]),
    new Map(),
  );
  await globex.people.importCsv(csv(['Gil,gil@globex.test,senior,,Ops,2020-01-01,2020-01-01,']), new Map());
  for (const p of [...(await acme.people.all()), ...(await globex.people.all())])
    ids[p.email.split('@')[0]!] = p.id;
  await acme.accounts.create('hr@acme.test', ['hr']);
  await acme.accounts.create('ben@acme.test', ['manager']);
  await acme.accounts.create('cy@acme.test', []);
  const t = new ApiTokenRepository(acme.scope);
  tokens.admin = (await t.create('root@acme.test', 'admin', 'admin')).token;
  tokens.hr = (await t.create('hr@acme.test', 'hr', 'hr')).token;
  tokens.manager = (await t.create('ben@acme.test', 'manager', 'manager')).token;
  tokens.employee = (await t.create('cy@acme.test', 'employee', 'employee')).token;
  app = await buildServer({ workspace, now: () => new Date(Date.now() + ahead) });
});
afterAll(async () => {
  await app.close();
  await workspace.close();
});

const get = (url: string, role?: string) =>
  app.inject({
    method: 'GET',
    url,
    headers: role === undefined ? {} : { authorization: `Bearer ${tokens[role]}` },
  });

describe('/api/org', () => {
  it('answers 401 without a session or token, on every route', async () => {
    for (const url of [
      '/api/org/people',
      `/api/org/people/${ids.ana}`,
      '/api/org/audit',
      '/api/org/frameworks',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
    }
  });

  it('lists the directory with search, team and manager filters, a page at a time', async () => {
    const all = await get('/api/org/people', 'employee');
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((p: { name: string }) => p.name)).toEqual(['Ana', 'Ben', 'Cy', 'Dee']);
    expect(all.json().items[0]).not.toHaveProperty('gender');
    expect(
      (await get('/api/org/people?team=Web', 'employee')).json().items.map((p: { name: string }) => p.name),
    ).toEqual(['Dee']);
    expect((await get('/api/org/people?manager=ana@acme.test', 'employee')).json().items).toHaveLength(3);
    expect(
      (await get('/api/org/people?q=BE', 'employee')).json().items.map((p: { name: string }) => p.name),
    ).toEqual(['Ben']);
    const first = (await get('/api/org/people?limit=3', 'employee')).json();
    expect(first.items).toHaveLength(3);
    const second = (await get(`/api/org/people?limit=3&cursor=${first.nextCursor}`, 'employee')).json();
    expect(second).toEqual({ items: [expect.objectContaining({ name: 'Dee' })], nextCursor: null });
  });

  it("a person's record: hr sees gender; a manager their subtree; an employee themselves; others are 404", async () => {
    const hr = await get(`/api/org/people/${ids.ana}`, 'hr');
    expect(hr.json()).toMatchObject({ name: 'Ana', level: 'director', gender: 'woman' });
    const manager = await get(`/api/org/people/${ids.cy}`, 'manager');
    expect(manager.statusCode).toBe(200);
    expect(manager.json()).not.toHaveProperty('gender');
    expect((await get(`/api/org/people/${ids.dee}`, 'manager')).statusCode).toBe(404);
    expect((await get(`/api/org/people/${ids.cy}`, 'employee')).statusCode).toBe(200);
    const other = await get(`/api/org/people/${ids.ben}`, 'employee');
    const missing = await get('/api/org/people/999999', 'employee');
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe(missing.json().error.code);
  });

  it("another organisation's person is 404 even to the admin, exactly as a missing one", async () => {
    const response = await get(`/api/org/people/${ids.gil}`, 'admin');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe(`no person with id ${ids.gil}`);
  });

  it('the audit log is for admin and hr; managers and employees get 403', async () => {
    expect((await get('/api/org/audit?kind=token.create', 'admin')).json().items).toHaveLength(4);
    expect((await get('/api/org/audit', 'hr')).statusCode).toBe(200);
    expect((await get('/api/org/audit', 'manager')).statusCode).toBe(403);
    expect((await get('/api/org/audit', 'employee')).json().error.code).toBe('forbidden');
  });

  it('the framework versions are for everyone signed in', async () => {
    const response = await get('/api/org/frameworks', 'employee');
    expect(response.json().items).toEqual([expect.objectContaining({ number: 1 })]);
  });

  it('a token acts with its role only while its account holds it, and not after it is revoked', async () => {
    const t = new ApiTokenRepository(acme.scope);
    const { token } = await t.create('hr@acme.test', 'hr', 'short-lived');
    const as = () =>
      app.inject({ method: 'GET', url: '/api/org/audit', headers: { authorization: `Bearer ${token}` } });
    expect((await as()).statusCode).toBe(200);
    // Changed outside this server, as the command line would: a read may reuse what the token
    // resolved to for a second (RecentCredentials), then asks again.
    await acme.accounts.removeRole('hr@acme.test', 'hr');
    ahead += 1000;
    expect((await as()).statusCode).toBe(403);
    await acme.accounts.addRole('hr@acme.test', 'hr');
    await t.revoke('short-lived');
    ahead += 1000;
    expect((await as()).statusCode).toBe(401);
    await expect(t.create('cy@acme.test', 'admin', 'too-much')).rejects.toThrow(
      'does not have the admin role',
    );
  });
});

describe('PATCH /api/org/people/:id', () => {
  const patch = (id: number, role: string, payload: object) =>
    app.inject({
      method: 'PATCH',
      url: `/api/org/people/${id}`,
      headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
      payload,
    });

  it('hr moves a person to another team and manager; the audit log records it', async () => {
    const response = await patch(ids.dee!, 'hr', { team: 'Core', managerEmail: 'ben@acme.test' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Dee', team: 'Core', managerEmail: 'ben@acme.test' });
    const audit = await get('/api/org/audit?person=dee@acme.test', 'hr');
    expect(audit.json().items.at(-1)).toMatchObject({
      kind: expect.stringContaining('person'),
      subject: 'dee@acme.test',
    });
  });

  it('refuses a cycle in the reporting tree with 400 and changes nothing', async () => {
    const response = await patch(ids.ana!, 'admin', { managerEmail: 'cy@acme.test' });
    expect(response.statusCode).toBe(400);
    expect((await get(`/api/org/people/${ids.ana}`, 'admin')).json()).not.toHaveProperty('managerEmail');
  });

  it('a manager may see but not change their report (403); an employee gets 404 for others', async () => {
    expect((await patch(ids.cy!, 'manager', { team: 'Web' })).statusCode).toBe(403);
    expect((await patch(ids.ana!, 'employee', { team: 'Web' })).statusCode).toBe(404);
    expect((await patch(ids.gil!, 'admin', { team: 'Web' })).statusCode).toBe(404);
  });
});
