import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/server/app.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import { SsoRepository } from '../../../src/store/repositories/org/sso.js';
import { Workspace } from '../../../src/store/workspace.js';
import { signInAt, startProvider, type TestProvider } from '../../helpers/oidc-provider.js';
import { newOrganisation } from '../../helpers/org.js';
import { stores } from '../../helpers/stores.js';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, on a loopback port), with
 * the server listening for real: every step is an HTTP request, the provider's sign-in and consent
 * pages filled in as a browser would, through to a signed-in GET /api/session.
 */

describe.each(stores())('single sign-on on $kind', (store) => {
  let workspace: Workspace;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let base: string;
  let provider: TestProvider;
  let acme: OrgRepositories;

  beforeAll(async () => {
    workspace = await Workspace.open(await store.fresh());
    acme = await newOrganisation(workspace, 'Acme', 'root@acme.test');
    await acme.accounts.create('ana@acme.test', ['hr']);
    await acme.accounts.create('una@acme.test', []);
    await newOrganisation(workspace, 'Beta', 'root@beta.test');
    app = await buildServer({ workspace });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    provider = await startProvider(`${base}/api/session/sso/callback`, {
      ana: { email: 'Ana@Acme.test', email_verified: true },
      una: { email: 'una@acme.test', email_verified: false },
      zed: { email: 'zed@acme.test', email_verified: true },
      // Beta's admin, as far as the provider knows: not an account of Acme.
      rob: { email: 'root@beta.test', email_verified: true },
    });
    await new SsoRepository(acme.scope).set(provider.issuer, provider.clientId, provider.clientSecret);
  });
  afterAll(async () => {
    await provider.close();
    await app.close();
    await workspace.close();
  });

  /** GET /api/session/sso: the provider's address, and the pending sign-in's cookie. */
  async function start(query = '?organisation=acme') {
    const response = await fetch(`${base}/api/session/sso${query}`, { redirect: 'manual' });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('trellis_sso='));
    return {
      response,
      location: response.headers.get('location') ?? '',
      cookie: cookie?.split(';')[0] ?? '',
    };
  }

  const callback = (url: string, cookie: string) => fetch(url, { redirect: 'manual', headers: { cookie } });

  it('signs in a verified email of an existing account and redirects to /, signed in', async () => {
    const started = await start();
    expect(started.response.status).toBe(302);
    const authorization = new URL(started.location);
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('redirect_uri')).toBe(`${base}/api/session/sso/callback`);
    for (const name of ['state', 'nonce', 'code_challenge'])
      expect(authorization.searchParams.get(name)).toMatch(/^[\w-]{43}$/);
    expect(started.cookie).toMatch(/^trellis_sso=/);
    expect(started.response.headers.getSetCookie()[0]).toMatch(/HttpOnly/);

    const back = await signInAt(started.location, 'ana');
    expect(back.startsWith(`${base}/api/session/sso/callback?`)).toBe(true);
    const done = await callback(back, started.cookie);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/');
    const session = done.headers.getSetCookie().find((c) => c.startsWith('trellis_session='))!;
    expect(session).toMatch(/^trellis_session=[\w-]{43}; .*HttpOnly; SameSite=Lax/);

    const who = await fetch(`${base}/api/session`, { headers: { cookie: session.split(';')[0]! } });
    expect(await who.json()).toEqual({
      account: { email: 'ana@acme.test', roles: ['hr'], organisation: 'acme', via: 'session' },
      organisations: true,
      // Two organisations here: the sign-in page cannot tell whose provider to offer.
      sso: false,
    });
    // The same session as a password sign-in makes, and its audit entry.
    const entries = await acme.audit.list({ kind: 'session.create', subject: 'ana@acme.test' });
    expect(entries).toHaveLength(1);

    // The answer cannot be used twice: the pending sign-in went with it.
    const again = await callback(back, started.cookie);
    expect(again.status).toBe(401);
  });

  it('refuses a callback whose state is not the one this browser was given: 401, no session', async () => {
    const started = await start();
    const back = new URL(await signInAt(started.location, 'ana'));
    back.searchParams.set('state', 'not-the-state-that-was-sent');
    const done = await callback(back.toString(), started.cookie);
    expect(done.status).toBe(401);
    const body = (await done.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unauthenticated');
    expect(body.error.message).toBe(
      'the sign-in was not completed: the answer is not for the sign-in this browser started (its state differs)',
    );
    expect(done.headers.getSetCookie().some((c) => c.startsWith('trellis_session='))).toBe(false);
  });

  it('refuses a code the provider did not issue, with the right state: 401 naming the refusal', async () => {
    const started = await start();
    const back = new URL(await signInAt(started.location, 'ana'));
    back.searchParams.set('code', 'a-code-the-provider-never-issued');
    const done = await callback(back.toString(), started.cookie);
    expect(done.status).toBe(401);
    expect(((await done.json()) as { error: { message: string } }).error.message).toBe(
      'the sign-in was not completed: the provider refused the code ("invalid_grant")',
    );
  });

  it('refuses a callback in a browser that started no sign-in: 401', async () => {
    const started = await start();
    const back = await signInAt(started.location, 'ana');
    const done = await callback(back, '');
    expect(done.status).toBe(401);
    expect(((await done.json()) as { error: { message: string } }).error.message).toContain(
      'this browser has no sign-in waiting',
    );
  });

  it('refuses an email the provider has not verified: 403 in the error shape', async () => {
    const started = await start();
    const done = await callback(await signInAt(started.location, 'una'), started.cookie);
    expect(done.status).toBe(403);
    expect(await done.json()).toEqual({
      error: {
        code: 'forbidden',
        message: 'the provider has not verified una@acme.test: only a verified email address signs in',
        fields: [],
      },
    });
  });

  it('refuses a verified email with no account, and creates none: 403', async () => {
    for (const login of ['zed', 'rob']) {
      const started = await start();
      const done = await callback(await signInAt(started.location, login), started.cookie);
      expect(done.status).toBe(403);
      const body = (await done.json()) as { error: { code: string; message: string } };
      expect(body.error.message).toMatch(/has no account in this organisation: ask an admin to add one/);
    }
    expect(await acme.accounts.byEmail('zed@acme.test')).toBeUndefined();
    expect(await acme.accounts.byEmail('root@beta.test')).toBeUndefined();
  });

  it("answers the provider's own refusal with 401 naming it", async () => {
    const started = await start();
    const state = new URL(started.location).searchParams.get('state')!;
    const done = await callback(
      `${base}/api/session/sso/callback?error=access_denied&error_description=End-User+aborted&state=${state}`,
      started.cookie,
    );
    expect(done.status).toBe(401);
    expect(((await done.json()) as { error: { message: string } }).error.message).toBe(
      'the sign-in was not completed: the provider answered "access_denied" (End-User aborted)',
    );
  });

  it('answers an organisation without single sign-on, an unknown one and an unreachable issuer without a 500', async () => {
    const beta = await start('?organisation=beta');
    expect(beta.response.status).toBe(404);
    expect(((await beta.response.json()) as { error: { message: string } }).error.message).toMatch(
      /^beta has no single sign-on/,
    );
    const unknown = await start('?organisation=nope');
    expect(unknown.response.status).toBe(404);
    const several = await start('');
    expect(several.response.status).toBe(400);

    const other = await Workspace.open(await store.fresh());
    try {
      const gamma = await newOrganisation(other, 'Gamma', 'root@gamma.test');
      // Nothing listens on port 9 of this machine (discard): the provider cannot be reached.
      await new SsoRepository(gamma.scope).set('http://127.0.0.1:9', 'trellis', 'secret');
      const server = await buildServer({ workspace: other });
      try {
        const response = await server.inject({ method: 'GET', url: '/api/session/sso' });
        expect(response.statusCode).toBe(502);
        expect(response.json()).toEqual({
          error: {
            code: 'provider-unavailable',
            message:
              'the sign-in provider http://127.0.0.1:9 cannot be reached or does not answer as an OpenID Connect provider: try again later, or ask an admin to check `trellis org sso show`',
            fields: [],
          },
        });
        expect(response.body).not.toContain('secret');
      } finally {
        await server.close();
      }
    } finally {
      await other.close();
    }
  });
});

describe('GET /api/session tells the sign-in page whether to offer single sign-on', () => {
  it('offers it when the one organisation of the server has it, not before, nor with several', async () => {
    const workspace = await Workspace.open(await stores()[0]!.fresh());
    const app = await buildServer({ workspace });
    const sso = async () =>
      (await app.inject({ method: 'GET', url: '/api/session', headers: { host: '127.0.0.1' } })).json().sso;
    try {
      const acme = await newOrganisation(workspace, 'Acme', 'root@acme.test');
      expect(await sso()).toBe(false);
      await new SsoRepository(acme.scope).set('https://id.example.org', 'trellis', 'secret');
      expect(await sso()).toBe(true);
      await newOrganisation(workspace, 'Beta', 'root@beta.test');
      // Which one would the page sign into? It cannot say, so it offers passwords only.
      expect(await sso()).toBe(false);
    } finally {
      await app.close();
      await workspace.close();
    }
  });
});
