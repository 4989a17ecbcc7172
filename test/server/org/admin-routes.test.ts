import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTextFile } from '../../../src/store/files.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import { ApiTokenRepository } from '../../../src/store/repositories/org/tokens.js';
import { newOrganisation } from '../../helpers/org.js';
import { stores } from '../../helpers/stores.js';
import { testServer } from '../helpers.js';

/**
 * The people office's and the admin's /api/org routes, on each store: CSV import (all or nothing,
 * problems at LINE:COL) and export, the framework's plan and adoption, accounts and roles, reset
 * links and API tokens; each write found in the audit log.
 */

const ladderV1 = readTextFile('examples/org/ladder-v1.yaml');
const ladderV2 = readTextFile('examples/org/ladder-v2.yaml');
const peopleCsv = readTextFile('examples/org/people.csv');

describe.each(stores())('the admin routes of /api/org, over $kind', (store) => {
  let server: Awaited<ReturnType<typeof testServer>>;
  let acme: OrgRepositories;
  let admin = '';
  let hr = '';

  const call = async (method: string, url: string, token: string, payload?: unknown) => {
    const response = await server.app.inject({
      method: method as 'GET',
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(method !== 'GET' && { 'content-type': 'application/json' }),
      },
      ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
    });
    return {
      status: response.statusCode,
      type: String(response.headers['content-type']),
      text: response.body,
      body:
        response.body !== '' && response.headers['content-type']?.toString().includes('json')
          ? response.json()
          : undefined,
    };
  };
  const kinds = async () => (await acme.audit.list()).map((e) => e.kind);

  beforeAll(async () => {
    server = await testServer(await store.fresh());
    acme = (
      await (
        await import('../../../src/store/repositories/org/index.js')
      ).initOrganisation(server.workspace.db, {
        name: 'Acme',
        adminEmail: 'root@acme.test',
        framework: { source: ladderV1, file: 'ladder-v1.yaml' },
        actor: 'test',
      })
    ).repositories;
    await acme.accounts.create('hr@acme.test', ['hr']);
    const tokens = new ApiTokenRepository(acme.scope);
    admin = (await tokens.create('root@acme.test', 'admin', 'admin')).token;
    hr = (await tokens.create('hr@acme.test', 'hr', 'hr')).token;
    // Another organisation in the same database: none of its rows may show.
    await newOrganisation(server.workspace, 'Globex', 'root@globex.test');
  });
  afterAll(async () => server.close());

  it('imports a CSV all or nothing, with each bad cell at its line and column', async () => {
    const bad = [
      'name,email,level,manager_email,start_date,level_start_date,status,leave_date',
      'Sam Senior,sam@acme.test,principal,,2022-04-04,2024-01-08,active,',
      'Eva Engineer,eva@acme,engineer,,2024-09-02,2024-09-02,active,',
      'Omar Old,omar@acme.test,engineer,,2020-01-06,2020-01-06,left,',
    ].join('\n');
    const refused = await call('POST', '/api/org/people/import', hr, { csv: bad, file: 'bad.csv' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([
      { path: 'body.csv.level', line: 2, col: 3, message: '"principal" is not a level of minimal 1.0.0' },
      { path: 'body.csv.email', line: 3, col: 2, message: 'must be an email address' },
      { path: 'body.csv.leave_date', line: 4, col: 8, message: 'is required when status is left' },
    ]);
    expect(await acme.people.all()).toEqual([]);

    const imported = await call('POST', '/api/org/people/import', hr, { csv: peopleCsv });
    expect(imported).toMatchObject({ status: 200, body: { created: 4, updated: 0, unchanged: 0 } });
    expect(await kinds()).toContain('people.import');

    const mapped = await call('POST', '/api/org/people/import', hr, {
      csv: 'Full Name,Work Email,level,start_date,level_start_date\nIvy New,ivy@acme.test,engineer,2026-01-05,2026-01-05',
      map: 'Full Name=name,Work Email=email',
    });
    expect(mapped.body).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });

  it('exports every person as CSV that imports back unchanged', async () => {
    const exported = await call('GET', '/api/org/people/export', hr);
    expect(exported.status).toBe(200);
    expect(exported.type).toMatch(/^text\/csv/);
    const lines = exported.text.trim().split('\n');
    expect(lines[0]).toBe(
      'name,email,level,specialisation,manager_email,team,zone,start_date,level_start_date,gender,status,leave_date',
    );
    expect(lines[1]).toBe(
      'Mira Manager,mira@acme.test,manager,,,Core,uk,2021-02-01,2021-02-01,woman,active,',
    );
    expect(lines).toHaveLength(6);
    const again = await call('POST', '/api/org/people/import', hr, { csv: exported.text });
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 5 });
  });

  it('plans a framework version, then adopts it (admin only)', async () => {
    const plan = await call('POST', '/api/org/frameworks/plan', hr, { source: ladderV2 });
    expect(plan.status).toBe(200);
    expect(plan.body.to).toEqual({ id: 'minimal', version: '1.1.0' });
    expect(plan.body.affected.map((e: { email: string; change: string }) => [e.email, e.change])).toEqual([
      ['sam@acme.test', 'expectations-changed'],
      ['mira@acme.test', 'level-removed'],
    ]);
    expect(plan.body.unaffected).toBe(2);

    const broken = await call('POST', '/api/org/frameworks/plan', hr, { source: 'id: [unclosed' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.fields[0].path).toMatch(/^body\.source/);
    expect(broken.body.error.fields[0].line).toBe(1);

    expect((await call('POST', '/api/org/frameworks', hr, { source: ladderV2 })).status).toBe(403);
    const adopted = await call('POST', '/api/org/frameworks', admin, { source: ladderV2, file: 'v2.yaml' });
    expect(adopted.status).toBe(201);
    expect(adopted.body.version).toMatchObject({
      number: 2,
      frameworkId: 'minimal',
      frameworkVersion: '1.1.0',
    });
    expect(adopted.body.kept).toEqual(['mira@acme.test']);
    expect(adopted.body.version).not.toHaveProperty('source');
    const versions = await call('GET', '/api/org/frameworks', hr);
    expect(versions.body.items.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    expect(await kinds()).toEqual(expect.arrayContaining(['framework.adopt', 'people.relevel']));
  });

  it('lists accounts, adds one, changes its roles, and keeps the last admin', async () => {
    const added = await call('POST', '/api/org/accounts', admin, {
      email: 'Sam@Acme.test',
      roles: ['manager'],
    });
    expect(added.status).toBe(201);
    // Sam is a person, so the account is theirs and they are an employee too.
    expect(added.body).toMatchObject({ email: 'sam@acme.test', roles: ['manager', 'employee'] });
    const twice = await call('POST', '/api/org/accounts', admin, { email: 'sam@acme.test', roles: [] });
    expect(twice.status).toBe(400);
    const badEmail = await call('POST', '/api/org/accounts', admin, { email: 'nobody', roles: [] });
    expect(badEmail.body.error.fields[0].path).toBe('body.email');

    const changed = await call('PATCH', `/api/org/accounts/${added.body.id}`, admin, {
      roles: ['employee', 'committee'],
    });
    expect(changed.body.roles).toEqual(['employee', 'committee']);
    const list = await call('GET', '/api/org/accounts', admin);
    expect(list.body.items.map((a: { email: string }) => a.email)).toEqual([
      'hr@acme.test',
      'root@acme.test',
      'sam@acme.test',
    ]);
    const root = list.body.items.find((a: { email: string }) => a.email === 'root@acme.test');
    const lastAdmin = await call('PATCH', `/api/org/accounts/${root.id}`, admin, { roles: ['hr'] });
    expect(lastAdmin.status).toBe(400);
    expect(lastAdmin.body.error.message).toMatch(/only admin/);
    expect((await acme.accounts.byEmail('root@acme.test'))!.roles).toEqual(['admin']);

    const disabled = await call('PATCH', `/api/org/accounts/${added.body.id}`, admin, { disabled: true });
    expect(disabled.body.disabled).toBe(true);
    expect(await kinds()).toEqual(
      expect.arrayContaining([
        'account.create',
        'account.role.add',
        'account.role.remove',
        'account.disable',
      ]),
    );
  });

  it('makes a one-time reset link that sets a password once', async () => {
    const hrAccount = (await acme.accounts.byEmail('hr@acme.test'))!;
    const link = await call('POST', `/api/org/accounts/${hrAccount.id}/reset-link`, admin, {});
    expect(link.status).toBe(201);
    expect(link.body.url).toMatch(/^http:\/\/localhost(:\d+)?\/reset#token=[\w-]{20,}$/);
    const token = link.body.url.split('#token=')[1];
    const use = () =>
      server.app.inject({
        method: 'POST',
        url: '/api/session/link',
        headers: { 'content-type': 'application/json' },
        payload: { token, password: 'a new long passphrase' },
      });
    expect((await use()).statusCode).toBe(201);
    expect((await use()).statusCode).toBe(401);
    expect((await call('POST', '/api/org/accounts/999999/reset-link', admin, {})).status).toBe(404);
  });

  it('creates an API token shown once, lists it without its secret, and revokes it', async () => {
    const made = await call('POST', '/api/org/tokens', admin, {
      email: 'hr@acme.test',
      role: 'hr',
      name: 'payroll',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'payroll', email: 'hr@acme.test', role: 'hr' });
    const secret = made.body.token as string;
    expect((await call('GET', '/api/org/audit', secret)).status).toBe(200);
    const more = await call('POST', '/api/org/tokens', admin, {
      email: 'hr@acme.test',
      role: 'admin',
      name: 'x',
    });
    expect(more.status).toBe(400);
    const list = await call('GET', '/api/org/tokens', admin);
    expect(list.text).not.toContain(secret);
    expect(list.body.items.map((t: { name: string }) => t.name)).toEqual(['admin', 'hr', 'payroll']);
    expect((await call('DELETE', '/api/org/tokens/payroll', admin)).status).toBe(204);
    expect((await call('GET', '/api/org/audit', secret)).status).toBe(401);
    expect(await kinds()).toEqual(expect.arrayContaining(['token.create', 'token.revoke']));
  });

  it("shows a person's level title and the levels they held", async () => {
    const sam = (await acme.people.byEmail('sam@acme.test'))!;
    const record = await call('GET', `/api/org/people/${sam.id}`, hr);
    expect(record.body).toMatchObject({
      level: 'senior',
      levelTitle: 'Senior engineer',
      frameworkVersion: 2,
    });
    expect(record.body.levelHistory.map((h: { level: string }) => h.level)).toEqual(['senior']);
  });
});
