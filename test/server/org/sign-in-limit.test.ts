import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/server/app.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation } from '../../helpers/org.js';
import { appRole, type AppRole } from '../../helpers/postgres-role.js';
import { stores } from '../../helpers/stores.js';

/**
 * The sign-in failure limit kept in the database: 5 failures within a minute per account and per
 * address, then 429. Over real stores, each server on its own connection (on PostgreSQL as an
 * ordinary role, as a company runs it), with a clock the test moves instead of waiting.
 */

const PASSWORD = 'correct horse battery staple';
const T0 = Date.parse('2026-12-02T10:00:00.000Z');
const REFUSED = {
  error: {
    code: 'too-many-requests',
    message: 'too many failed sign-ins: wait a minute and try again',
    fields: [],
  },
};

describe.each(stores())('the sign-in failure limit on $kind', (store) => {
  let target: string;
  let owner: Workspace;
  let role: AppRole | undefined;
  /** What the servers open: the owner's target, or on PostgreSQL the ordinary role's. */
  let served: string;
  let opened: { workspace: Workspace; app: Awaited<ReturnType<typeof buildServer>> }[];
  let clock: number;
  let acme: OrgRepositories;

  /** A server on a workspace of its own (its own connection) over the one database. */
  const server = async () => {
    const workspace = await Workspace.open(served);
    const app = await buildServer({ workspace, now: () => new Date(clock) });
    opened.push({ workspace, app });
    return app;
  };
  type Server = Awaited<ReturnType<typeof server>>;
  const json = { 'content-type': 'application/json' };
  const signIn = (app: Server, email: string, password: string, remoteAddress = '127.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/api/session',
      headers: json,
      payload: { email, password },
      remoteAddress,
    });
  const failures = async () =>
    (await owner.db.selectFrom('sign_in_failures').select(['key_hash', 'at']).execute()).sort((a, b) =>
      a.at.localeCompare(b.at),
    );

  beforeEach(async () => {
    target = await store.fresh();
    owner = await Workspace.open(target);
    acme = await newOrganisation(owner, 'Acme', 'root@acme.test');
    await acme.accounts.setPassword('root@acme.test', PASSWORD);
    await acme.accounts.create('hr@acme.test', ['hr']);
    await acme.accounts.setPassword('hr@acme.test', PASSWORD);
    role = store.kind === 'postgres' ? await appRole(target) : undefined;
    served = role?.url ?? target;
    opened = [];
    clock = T0;
  });
  afterEach(async () => {
    for (const { app, workspace } of opened) {
      await app.close();
      await workspace.close();
    }
    await owner.close();
    await role?.drop();
  });

  it('refuses the 6th attempt after 5 failures, right password or not, in the one error shape, without Retry-After', async () => {
    const app = await server();
    for (let i = 0; i < 5; i++) {
      expect((await signIn(app, 'root@acme.test', `wrong password ${i}`)).statusCode).toBe(401);
      clock += 1000;
    }
    const sixth = await signIn(app, 'root@acme.test', PASSWORD);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toEqual(REFUSED);
    expect(sixth.headers['retry-after']).toBeUndefined();
    expect(sixth.headers['set-cookie']).toBeUndefined();
    // The account is refused from another address too, and the address for another account.
    expect((await signIn(app, 'root@acme.test', PASSWORD, '10.0.0.9')).statusCode).toBe(429);
    expect((await signIn(app, 'hr@acme.test', PASSWORD)).statusCode).toBe(429);
    expect((await signIn(app, 'hr@acme.test', PASSWORD, '10.0.0.9')).statusCode).toBe(201);
  });

  it('lets the attempt through once the oldest failure is a minute old, and prunes what left the window', async () => {
    const app = await server();
    // Failures at T0, T0+1s … T0+4s.
    for (let i = 0; i < 5; i++) {
      await signIn(app, 'root@acme.test', 'wrong password xx');
      clock += 1000;
    }
    clock = T0 + 59_999; // the failure at T0 is 59.999 s old: still 5 in the window
    expect((await signIn(app, 'root@acme.test', PASSWORD)).statusCode).toBe(429);
    clock = T0 + 60_000; // it is a minute old: 4 remain
    expect((await signIn(app, 'root@acme.test', PASSWORD)).statusCode).toBe(201);
    // The T0 failure (its two keys) is gone; the four later ones stay, two keys each.
    const kept = await failures();
    expect(kept.map((f) => f.at)).toEqual(
      [1, 2, 3, 4].flatMap((s) => {
        const at = new Date(T0 + s * 1000).toISOString();
        return [at, at];
      }),
    );
    // Only hashes: no email or address in the table.
    for (const { key_hash } of kept) expect(key_hash).toMatch(/^[0-9a-f]{64}$/);
    clock = T0 + 10 * 60_000;
    expect((await signIn(app, 'root@acme.test', 'wrong password yy')).statusCode).toBe(401);
    expect((await failures()).map((f) => f.at)).toEqual([
      new Date(clock).toISOString(),
      new Date(clock).toISOString(),
    ]);
  });

  it('a success neither counts as a failure nor clears the earlier ones', async () => {
    const app = await server();
    for (let i = 0; i < 4; i++)
      expect((await signIn(app, 'root@acme.test', 'wrong password xx')).statusCode).toBe(401);
    expect((await signIn(app, 'root@acme.test', PASSWORD)).statusCode).toBe(201);
    // Had the success counted, this 5th failure would be refused; had it cleared, the next would pass.
    expect((await signIn(app, 'root@acme.test', 'wrong password yy')).statusCode).toBe(401);
    expect((await signIn(app, 'root@acme.test', PASSWORD)).statusCode).toBe(429);
    expect(await failures()).toHaveLength(10);
  });

  it('two servers over one database share the count', async () => {
    const [one, two] = [await server(), await server()];
    for (let i = 0; i < 3; i++) await signIn(one, 'root@acme.test', 'wrong password xx');
    for (let i = 0; i < 2; i++) await signIn(two, 'root@acme.test', 'wrong password xx');
    expect((await signIn(one, 'root@acme.test', PASSWORD)).statusCode).toBe(429);
    expect((await signIn(two, 'root@acme.test', PASSWORD)).statusCode).toBe(429);
  });

  it('a restarted server keeps the count', async () => {
    const before = await server();
    for (let i = 0; i < 5; i++) await signIn(before, 'root@acme.test', 'wrong password xx');
    const { app, workspace } = opened.pop()!;
    await app.close();
    await workspace.close();
    const after = await server();
    expect((await signIn(after, 'root@acme.test', PASSWORD)).statusCode).toBe(429);
  });

  it('of 10 wrong attempts at once on two servers, exactly 5 are checked and 5 refused', async () => {
    const [one, two] = [await server(), await server()];
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        signIn(i % 2 ? one : two, 'root@acme.test', `wrong password ${i}`),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    expect(await failures()).toHaveLength(10);
  });

  it('lets eight people sign in at once from one address: an attempt in flight counts against its account only', async () => {
    const people = Array.from({ length: 8 }, (_, i) => `person${i}@acme.test`);
    for (const email of people) {
      await acme.accounts.create(email, []);
      await acme.accounts.setPassword(email, PASSWORD);
    }
    const app = await server();
    const answers = await Promise.all(people.map((email) => signIn(app, email, PASSWORD, '10.0.0.7')));
    expect(answers.map((a) => a.statusCode)).toEqual(people.map(() => 201));
    expect(await failures()).toEqual([]);
  });

  it('counts failed link uses per address, and a link refused for another reason not at all', async () => {
    const app = await server();
    const useLink = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/session/link', headers: json, payload });
    const hr = (await acme.accounts.byEmail('hr@acme.test'))!;
    const reset = (await acme.links.create(hr.id, hr.email, 'reset')).token;
    // A reset link without the new password is a 400: not a failure.
    expect((await useLink({ token: reset })).statusCode).toBe(400);
    for (let i = 0; i < 5; i++) expect((await useLink({ token: `unknown-${i}` })).statusCode).toBe(401);
    expect((await useLink({ token: reset, password: 'a new long passphrase' })).json()).toEqual(REFUSED);
    clock += 60_000;
    expect((await useLink({ token: reset, password: 'a new long passphrase' })).statusCode).toBe(201);
  });
});
