import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/server/app.js';
import { ApiTokenRepository } from '../../../src/store/repositories/org/tokens.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation } from '../../helpers/org.js';
import { stores } from '../../helpers/stores.js';

/**
 * The personal routes in an organisation workspace, on each store: nobody reaches them without
 * signing in, and a personal workspace (no organisation) needs no sign-in.
 */

const PASSWORD = 'correct horse battery staple';
const write = { origin: 'http://localhost', 'x-trellis-csrf': '1', 'content-type': 'application/json' };
const entry = { date: '2026-01-05', title: 'Shipped the importer' };

/** Open in an organisation workspace: everything outside the personal routes, and the reference framework reads. */
const OPEN =
  /^\/api\/(org|session|sso|health|openapi)\b|^GET \/api\/(framework|framework\/bundle|framework\/levels\/\{id\}|levels\/map)$/;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Every operation the OpenAPI document lists, as requests: ids 1, bodies empty. */
async function everyOperation(app: Awaited<ReturnType<typeof buildServer>>) {
  const paths = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths as Record<
    string,
    Record<string, unknown>
  >;
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((m) => ({
      method: m.toUpperCase() as Method,
      path,
      url: path.replace(/\{[^}]+\}/g, '1'),
    })),
  );
}

describe.each(stores())('personal routes in an organisation workspace ($kind)', (store) => {
  let workspace: Workspace;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let token: string;
  let cookie: string;

  beforeAll(async () => {
    workspace = await Workspace.open(await store.fresh());
    const acme = await newOrganisation(workspace, 'Acme', 'root@acme.test');
    await acme.accounts.setPassword('root@acme.test', PASSWORD);
    token = (await new ApiTokenRepository(acme.scope).create('root@acme.test', 'admin', 'script')).token;
    app = await buildServer({ workspace });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'root@acme.test', password: PASSWORD },
    });
    cookie = signIn.cookies.find((c) => c.name === 'trellis_session')!.value;
  });
  afterAll(async () => {
    await app.close();
    await workspace.close();
  });

  it('answers 401 on every personal route without a session or token, as /api/org does', async () => {
    const org = await app.inject({ method: 'GET', url: '/api/org/people' });
    const personal = (await everyOperation(app)).filter(
      ({ method, path }) => !OPEN.test(path) && !OPEN.test(`${method} ${path}`),
    );
    expect(personal.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining([
        'GET /api/evidence',
        'POST /api/import',
        'GET /api/export',
        'PUT /api/profile',
      ]),
    );
    for (const { method, url } of personal) {
      const response = await app.inject({
        method,
        url,
        headers: write,
        ...(method === 'POST' || method === 'PUT' ? { payload: entry } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json(), `${method} ${url}`).toEqual(org.json());
    }
    expect(await workspace.evidence.count()).toBe(0);
  });

  it('answers 401 to a forged or revoked credential', async () => {
    for (const headers of [{ authorization: 'Bearer not-a-token' }, { cookie: 'trellis_session=forged' }]) {
      const response = await app.inject({ method: 'GET', url: '/api/evidence', headers });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
    }
  });

  it('lets a signed-in request through, by token or by cookie with the CSRF header', async () => {
    const byToken = await app.inject({
      method: 'GET',
      url: '/api/evidence',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byToken.statusCode).toBe(200);
    const byCookie = await app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: { ...write, cookie: `trellis_session=${cookie}` },
      payload: entry,
    });
    expect(byCookie.statusCode).toBe(201);
    const noHeader = await app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: { origin: 'http://localhost', cookie: `trellis_session=${cookie}` },
      payload: entry,
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('csrf-header-missing');
  });

  it('keeps health, the OpenAPI document, the session routes and the reference framework reads open', async () => {
    for (const url of [
      '/api/health',
      '/api/openapi.json',
      '/api/session',
      '/api/framework',
      '/api/framework/bundle',
      '/api/framework/levels/senior',
      '/api/levels/map?company=google&code=L5',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
    }
    expect((await app.inject({ method: 'GET', url: '/api/framework' })).json().id).toBe('reference');
  });
});

describe.each(stores())('personal routes in a personal workspace ($kind)', (store) => {
  it('need no sign-in', async () => {
    const workspace = await Workspace.open(await store.fresh());
    const app = await buildServer({ workspace });
    try {
      const created = await app.inject({
        method: 'POST',
        url: '/api/evidence',
        headers: write,
        payload: entry,
      });
      expect(created.statusCode).toBe(201);
      const list = await app.inject({ method: 'GET', url: '/api/evidence' });
      expect(list.json().entries.map((e: { title: string }) => e.title)).toEqual([entry.title]);
      expect((await app.inject({ method: 'GET', url: '/api/export' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await workspace.close();
    }
  });
});
