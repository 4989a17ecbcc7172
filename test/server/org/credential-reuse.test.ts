import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/server/app.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import { ApiTokenRepository } from '../../../src/store/repositories/org/tokens.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation, peopleCsv } from '../../helpers/org.js';
import { stores } from '../../helpers/stores.js';

/**
 * A read may reuse what its credential resolved to for one second (RecentCredentials); a write
 * never does, and whatever this server itself answers (a sign-out) takes effect at once. The
 * server's clock is a test's: a change made outside the server (as the command line makes it) is
 * seen by reads once the clock passes the second.
 */
describe.each(stores())('credentials a moment old on $kind', (store) => {
  let workspace: Workspace;
  let acme: OrgRepositories;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let clock = new Date('2026-06-01T09:00:00.000Z');
  let annaId: number;
  const PASSWORD = 'correct horse battery staple';

  beforeAll(async () => {
    workspace = await Workspace.open(await store.fresh());
    acme = await newOrganisation(workspace, 'Acme', 'root@acme.test');
    await acme.people.importCsv(
      peopleCsv(['Anna,anna@acme.test,senior,,Core,2020-01-01,2022-01-01,woman']),
      new Map(),
    );
    annaId = (await acme.people.byEmail('anna@acme.test'))!.id;
    await acme.accounts.setPassword('root@acme.test', PASSWORD);
    app = await buildServer({ workspace, now: () => clock });
  });
  afterAll(async () => {
    await app.close();
    await workspace.close();
  });
  const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
  const read = (headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: '/api/org/people', headers });
  const write = (headers: Record<string, string>) =>
    app.inject({
      method: 'PATCH',
      url: `/api/org/people/${annaId}`,
      headers: { ...headers, 'content-type': 'application/json', 'x-trellis-csrf': '1' },
      payload: { team: 'Web' },
    });

  it('a token revoked elsewhere can write nothing at once, and read for at most one second', async () => {
    const tokens = new ApiTokenRepository(acme.scope);
    const bearer = {
      authorization: `Bearer ${(await tokens.create('root@acme.test', 'admin', 'ci')).token}`,
    };
    expect((await read(bearer)).statusCode).toBe(200);
    await tokens.revoke('ci');
    expect((await write(bearer)).statusCode).toBe(401);
    // The write this server refused also made it forget: the next read asks the database.
    expect((await read(bearer)).statusCode).toBe(401);

    const again = {
      authorization: `Bearer ${(await tokens.create('root@acme.test', 'admin', 'ci-2')).token}`,
    };
    expect((await read(again)).statusCode).toBe(200);
    await tokens.revoke('ci-2');
    later(999);
    expect((await read(again)).statusCode).toBe(200);
    later(1);
    expect((await read(again)).statusCode).toBe(401);
  });

  it('a sign-out on this server ends the session for reads at once', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'root@acme.test', password: PASSWORD },
    });
    expect(signIn.statusCode, signIn.body).toBe(201);
    const cookie = signIn.cookies.find((c) => c.name === 'trellis_session')!;
    const session = { cookie: `trellis_session=${cookie.value}` };
    expect((await read(session)).statusCode).toBe(200);
    const out = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { ...session, origin: 'http://localhost', 'x-trellis-csrf': '1' },
    });
    expect(out.statusCode).toBe(204);
    expect((await read(session)).statusCode).toBe(401);
  });

  it('a role taken away elsewhere stops a write at once', async () => {
    await acme.accounts.create('hr@acme.test', ['hr']);
    const tokens = new ApiTokenRepository(acme.scope);
    const hr = { authorization: `Bearer ${(await tokens.create('hr@acme.test', 'hr', 'hr')).token}` };
    expect((await read(hr)).statusCode).toBe(200);
    await acme.accounts.removeRole('hr@acme.test', 'hr');
    expect((await write(hr)).statusCode).not.toBe(200);
    const edited = await acme.people.byEmail('anna@acme.test');
    expect(edited!.team).toBe('Core');
  });
});
