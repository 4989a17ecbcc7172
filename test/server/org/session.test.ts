import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/server/app.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation } from '../../helpers/org.js';
import { tempDir } from '../../helpers/cli.js';

/** Sign-in, sessions and one-time links over a real SQLite file holding two organisations. */

const PASSWORD = 'correct horse battery staple';

let workspace: Workspace;
let app: Awaited<ReturnType<typeof buildServer>>;
let acme: OrgRepositories;

const json = { 'content-type': 'application/json' };
const signIn = (email: string, password: string, extra: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/session', headers: json, payload: { email, password, ...extra } });
const cookieOf = (response: { cookies: { name: string; value: string }[] }) =>
  response.cookies.find((c) => c.name === 'trellis_session')!.value;
const as = (cookie: string, extra: Record<string, string> = {}) => ({
  cookie: `trellis_session=${cookie}`,
  ...extra,
});
/** What the web app sends with a write: its own origin (the guard's check) and the CSRF header. */
const write = { origin: 'http://localhost', 'x-trellis-csrf': '1' };

beforeEach(async () => {
  workspace = await Workspace.open(join(tempDir(), 'org.sqlite'));
  acme = await newOrganisation(workspace, 'Acme', 'root@acme.test', 'test');
  await acme.accounts.setPassword('root@acme.test', PASSWORD);
  await acme.accounts.create('hr@acme.test', ['hr']);
  await acme.accounts.setPassword('hr@acme.test', PASSWORD);
  app = await buildServer({ workspace });
});
afterEach(async () => {
  await app.close();
  await workspace.close();
});

describe('POST /api/session', () => {
  it('signs in with the right password: 201, an HttpOnly SameSite=Lax cookie, and GET /api/session names the account', async () => {
    const response = await signIn('Root@Acme.test', PASSWORD);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      email: 'root@acme.test',
      roles: ['admin'],
      organisation: 'acme',
      via: 'session',
    });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^trellis_session=[\w-]{43};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Lax');
    expect(header).not.toContain('Secure');
    const who = await app.inject({ method: 'GET', url: '/api/session', headers: as(cookieOf(response)) });
    expect(who.json()).toEqual({
      account: { email: 'root@acme.test', roles: ['admin'], organisation: 'acme', via: 'session' },
      organisations: true,
      sso: false,
    });
  });

  it('keeps only the hash of the cookie in the database', async () => {
    const cookie = cookieOf(await signIn('root@acme.test', PASSWORD));
    const rows = await workspace.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(cookie);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a wrong password and an unknown email with the same 401 in the error shape', async () => {
    const wrong = await signIn('root@acme.test', 'not the password at all');
    const unknown = await signIn('nobody@acme.test', PASSWORD);
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: 'unauthenticated', message: 'the email or password is wrong', fields: [] },
      });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('sets Secure when the request came over TLS through a trusted proxy', async () => {
    const proxied = await buildServer({ workspace, trustProxy: true });
    const response = await proxied.inject({
      method: 'POST',
      url: '/api/session',
      headers: { ...json, 'x-forwarded-proto': 'https' },
      payload: { email: 'root@acme.test', password: PASSWORD },
    });
    expect(response.statusCode).toBe(201);
    expect(String(response.headers['set-cookie'])).toContain('Secure');
    await proxied.close();
  });

  it('refuses the 6th attempt within a minute after 5 failures with 429, even with the right password', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signIn('root@acme.test', 'wrong password ' + i)).statusCode).toBe(401);
    const sixth = await signIn('root@acme.test', PASSWORD);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('too-many-requests');
  });

  it('counts failures per address too: 5 failures over different accounts block the address', async () => {
    for (let i = 0; i < 5; i++) await signIn(`guess${i}@acme.test`, 'wrong password xx');
    expect((await signIn('hr@acme.test', PASSWORD)).statusCode).toBe(429);
  });
});

describe('signing out', () => {
  it('DELETE /api/session ends this session only, and needs the CSRF header', async () => {
    const first = cookieOf(await signIn('root@acme.test', PASSWORD));
    const second = cookieOf(await signIn('root@acme.test', PASSWORD));
    const unguarded = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: as(first, { origin: 'http://localhost' }),
    });
    expect(unguarded.statusCode).toBe(403);
    expect(unguarded.json().error.code).toBe('csrf-header-missing');
    const out = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: as(first, write),
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^trellis_session=;/);
    const whoFirst = await app.inject({ method: 'GET', url: '/api/session', headers: as(first) });
    const whoSecond = await app.inject({ method: 'GET', url: '/api/session', headers: as(second) });
    expect(whoFirst.json()).toEqual({ account: null, organisations: true, sso: false });
    expect(whoSecond.json().account.email).toBe('root@acme.test');
  });

  it('DELETE /api/sessions signs out everywhere', async () => {
    const first = cookieOf(await signIn('root@acme.test', PASSWORD));
    const second = cookieOf(await signIn('root@acme.test', PASSWORD));
    const other = cookieOf(await signIn('hr@acme.test', PASSWORD));
    const out = await app.inject({
      method: 'DELETE',
      url: '/api/sessions',
      headers: as(first, write),
    });
    expect(out.statusCode).toBe(204);
    for (const cookie of [first, second])
      expect((await app.inject({ method: 'GET', url: '/api/session', headers: as(cookie) })).json()).toEqual({
        account: null,
        organisations: true,
        sso: false,
      });
    expect(
      (await app.inject({ method: 'GET', url: '/api/session', headers: as(other) })).json().account.email,
    ).toBe('hr@acme.test');
  });

  it('without a session, signing out answers 401', async () => {
    const response = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: write,
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });

  it('a disabled account is signed out at once', async () => {
    const cookie = cookieOf(await signIn('hr@acme.test', PASSWORD));
    await acme.accounts.setDisabled('hr@acme.test', true);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: as(cookie) })).json()).toEqual({
      account: null,
      organisations: true,
      sso: false,
    });
    expect((await signIn('hr@acme.test', PASSWORD)).statusCode).toBe(401);
  });
});

describe('POST /api/session/link', () => {
  it('a reset link sets the password, signs in, and works once', async () => {
    const account = (await acme.accounts.byEmail('hr@acme.test'))!;
    const { token } = await acme.links.create(account.id, account.email, 'reset');
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/session/link', headers: json, payload });
    expect((await post({ token })).statusCode).toBe(400);
    expect((await post({ token, password: 'short' })).statusCode).toBe(400);
    const used = await post({ token, password: 'a brand new passphrase' });
    expect(used.statusCode).toBe(201);
    expect(used.json()).toMatchObject({ email: 'hr@acme.test', via: 'session' });
    expect(cookieOf(used)).toMatch(/^[\w-]{43}$/);
    expect((await signIn('hr@acme.test', PASSWORD)).statusCode).toBe(401);
    expect((await signIn('hr@acme.test', 'a brand new passphrase')).statusCode).toBe(201);
    const again = await post({ token, password: 'another new passphrase' });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('unauthenticated');
  });

  it('the sign-in link `org init` prints signs the first admin in', async () => {
    const admin = (await acme.accounts.byEmail('root@acme.test'))!;
    const { token } = await acme.links.create(admin.id, admin.email, 'sign-in');
    const used = await app.inject({
      method: 'POST',
      url: '/api/session/link',
      headers: json,
      payload: { token },
    });
    expect(used.statusCode).toBe(201);
    expect(used.json()).toMatchObject({ email: 'root@acme.test', roles: ['admin'] });
  });

  it('an unknown token is 401', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/session/link',
      headers: json,
      payload: { token: 'x'.repeat(43) },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('several organisations on one server', () => {
  it('needs the organisation named, and signs into that one', async () => {
    const globex = await newOrganisation(workspace, 'Globex', 'root@acme.test', 'test');
    await globex.accounts.setPassword('root@acme.test', 'the globex passphrase');
    expect((await signIn('root@acme.test', PASSWORD)).statusCode).toBe(400);
    expect((await signIn('root@acme.test', PASSWORD, { organisation: 'globex' })).statusCode).toBe(401);
    const response = await signIn('root@acme.test', 'the globex passphrase', { organisation: 'globex' });
    expect(response.statusCode).toBe(201);
    expect(response.json().organisation).toBe('globex');
  });
});
