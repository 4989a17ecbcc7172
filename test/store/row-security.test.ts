import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOrganisation, withCredential } from '../../src/store/dialect/index.js';
import { tokenHash } from '../../src/store/secrets.js';
import type { Tables } from '../../src/store/tables.js';
import { OrgRepositories, orgScope, type OrgScope } from '../../src/store/repositories/org/index.js';
import { CredentialLookup, SessionRepository } from '../../src/store/repositories/org/sessions.js';
import { SsoRepository } from '../../src/store/repositories/org/sso.js';
import { ApiTokenRepository } from '../../src/store/repositories/org/tokens.js';
import { Workspace } from '../../src/store/workspace.js';
import { newOrganisation, peopleCsv } from '../helpers/org.js';
import { appRole, type AppRole } from '../helpers/postgres-role.js';
import { postgresStore } from '../helpers/stores.js';

/**
 * Row-level security on PostgreSQL, seen from an ordinary role (no superuser, no table of its own)
 * as a company runs the server: two organisations in one database, and whatever a query says,
 * acting for Acme reads and changes nothing of Beta's.
 */

const store = postgresStore();

describe.runIf(store)('row-level security on PostgreSQL', () => {
  let owner: Workspace;
  let role: AppRole;
  let app: Workspace;
  let acmeId: number;
  let betaId: number;
  let betaPersonId: number;
  const secrets = { token: '', session: '', link: '' };
  /** Every table with an `organisation_id`: each must be covered. */
  let scopedTables: string[];

  beforeAll(async () => {
    const target = await store!.fresh();
    owner = await Workspace.open(target);
    const acme = await newOrganisation(owner, 'Acme', 'root@acme.test');
    const beta = await newOrganisation(owner, 'Beta', 'root@beta.test');
    acmeId = acme.scope.organisationId;
    betaId = beta.scope.organisationId;
    await acme.people.importCsv(
      peopleCsv([
        'Ana,ana@acme.test,director,,Core,2020-01-01,2022-01-01,woman',
        'Ben,ben@acme.test,senior,ana@acme.test,Core,2021-01-01,2021-01-01,man',
      ]),
      new Map(),
    );
    await beta.people.importCsv(
      peopleCsv(['Gil,gil@beta.test,senior,,Ops,2020-01-01,2020-01-01,']),
      new Map(),
    );
    betaPersonId = (await beta.people.byEmail('gil@beta.test'))!.id;
    secrets.token = (await new ApiTokenRepository(beta.scope).create('root@beta.test', 'admin', 'ci')).token;
    const betaRoot = (await beta.accounts.byEmail('root@beta.test'))!;
    secrets.session = (
      await beta.transaction((r) => new SessionRepository(r.scope).create(betaRoot.id, betaRoot.email))
    ).token;
    secrets.link = (await beta.links.create(betaRoot.id, betaRoot.email, 'reset')).token;
    await new SsoRepository(beta.scope).set('https://id.beta.test', 'trellis', 'beta secret');
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.columns
      where table_schema = current_schema() and column_name = 'organisation_id' order by table_name`.execute(
      owner.db,
    );
    scopedTables = rows.map((r) => r.table_name);
    role = await appRole(target);
    app = await Workspace.open(role.url);
  });
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await role?.drop();
  });

  /** Beta's rows as the owner's Beta sees them: what every test must leave as it was. */
  const betaRows = () =>
    asOrganisation(owner.db, betaId, async (trx) => {
      const counts: Record<string, unknown> = {};
      for (const table of scopedTables)
        // Every column in order: some tables have no id (a setting is its organisation and key).
        counts[table] = await sql`select * from ${sql.table(table)} order by 1, 2`
          .execute(trx)
          .then((r) => r.rows);
      return counts;
    });
  let before: Record<string, unknown>;
  beforeAll(async () => {
    before = await betaRows();
  });

  it('covers every table with an organisation_id, forced, and the role is ordinary', async () => {
    expect(scopedTables).toEqual([
      'accounts',
      'api_tokens',
      'audit_log',
      'calibration_adjustments',
      'case_committee',
      'case_votes',
      'level_history',
      'one_time_links',
      'org_frameworks',
      'org_settings',
      'organisation_sso',
      'pay',
      'pay_bands',
      'pay_justifications',
      'peer_requests',
      'people',
      'promotion_cases',
      'review_assessments',
      'review_cycles',
      'sessions',
    ]);
    const { rows } = await sql<{ relname: string; on: boolean; forced: boolean }>`
      select relname, relrowsecurity as on, relforcerowsecurity as forced from pg_class
      where relnamespace = current_schema()::regnamespace and relname in (${sql.join(scopedTables)})`.execute(
      owner.db,
    );
    expect(rows).toHaveLength(scopedTables.length);
    expect(rows.every((r) => r.on && r.forced)).toBe(true);
    const who = await sql<{ rolsuper: boolean; rolbypassrls: boolean; owns: string }>`
      select rolsuper, rolbypassrls, (select count(*) from pg_tables where tableowner = current_user)::text as owns
      from pg_roles where rolname = current_user`.execute(app.db);
    expect(who.rows).toEqual([{ rolsuper: false, rolbypassrls: false, owns: '0' }]);
  });

  it("shows no organisation's rows to a connection that works for none", async () => {
    for (const table of scopedTables) {
      const { rows } = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(
        app.db,
      );
      expect([table, rows[0]!.n]).toEqual([table, '0']);
    }
  });

  it("with app.organisation_id set to Acme, a raw query sees none of Beta's rows and changes none", async () => {
    await asOrganisation(app.db, acmeId, async (trx) => {
      for (const table of scopedTables) {
        const { rows } = await sql<{ other: string; own: string }>`
          select count(*) filter (where organisation_id <> ${acmeId})::text as other,
                 count(*) filter (where organisation_id = ${acmeId})::text as own
          from ${sql.table(table)}`.execute(trx);
        expect([table, rows[0]!.other]).toEqual([table, '0']);
      }
      const people = await sql<{ email: string }>`select email from people order by email`.execute(trx);
      expect(people.rows.map((r) => r.email)).toEqual(['ana@acme.test', 'ben@acme.test']);
      const changed = await sql`update people set team = 'Stolen' where organisation_id = ${betaId}`.execute(
        trx,
      );
      expect(changed.numAffectedRows).toBe(0n);
      const removed = await sql`delete from sessions where organisation_id = ${betaId}`.execute(trx);
      expect(removed.numAffectedRows).toBe(0n);
      const byId = await sql`update people set team = 'Stolen' where id = ${betaPersonId}`.execute(trx);
      expect(byId.numAffectedRows).toBe(0n);
    });
    // A row written for Beta is refused outright (PostgreSQL's 42501, named as a missing row), and
    // the transaction with it.
    await expect(
      asOrganisation(app.db, acmeId, (trx) =>
        sql`insert into audit_log (organisation_id, at, actor, kind, subject)
            values (${betaId}, '2026-12-02T00:00:00.000Z', 'forger', 'forged', 'x')`.execute(trx),
      ),
    ).rejects.toThrow(/no such row in this organisation/);
    expect(await betaRows()).toEqual(before);
  });

  it("repositories acting for Acme with Beta's ids forged into their scope find and change nothing of Beta's", async () => {
    // Bound to Acme, as every scope is, but claiming Beta in every query it writes.
    const forged: OrgScope = { ...orgScope(app.db, acmeId, 'forger'), organisationId: betaId };
    const r = new OrgRepositories(forged);
    expect(await r.people.all()).toEqual([]);
    expect(await r.people.byId(betaPersonId)).toBeUndefined();
    expect(await r.accounts.list()).toEqual([]);
    expect(await r.audit.list()).toEqual([]);
    expect(await r.frameworks.versions()).toEqual([]);
    expect(await new ApiTokenRepository(forged).list()).toEqual([]);
    expect(await new SsoRepository(forged).client()).toBeUndefined();
    await expect(r.people.update('gil@beta.test', { team: 'Stolen' })).rejects.toThrow(
      /no person with email/,
    );
    await expect(r.accounts.addRole('root@beta.test', 'hr')).rejects.toThrow(/no account for/);
    await expect(r.audit.append({ kind: 'forged', subject: 'x' })).rejects.toThrow(
      /no such row in this organisation/,
    );
    await expect(new SsoRepository(forged).set('https://evil.test', 'x', 'y')).rejects.toThrow(
      /no such row in this organisation/,
    );
    expect(await r.links.use(secrets.link, 'reset')).toBeUndefined();
    expect(await betaRows()).toEqual(before);
  });

  it("a connection lent for one organisation shows none of its rows when lent again to the workspace's own handle", async () => {
    const beta = new OrgRepositories(orgScope(app.db, betaId, 'test'));
    for (let turn = 0; turn < 3; turn++) {
      expect((await beta.people.all()).map((p) => p.email)).toEqual(['gil@beta.test']);
      expect((await sql`select id from people`.execute(app.db)).rows).toEqual([]);
      expect(await new CredentialLookup(app.db).apiToken(secrets.token)).toMatchObject({
        organisationId: betaId,
      });
      expect((await sql`select id from accounts`.execute(app.db)).rows).toEqual([]);
    }
  });

  it('finds a credential of either organisation by its token alone, and only its own rows after', async () => {
    const lookup = new CredentialLookup(app.db);
    expect(await lookup.apiToken(secrets.token)).toMatchObject({
      organisationId: betaId,
      role: 'admin',
      account: { email: 'root@beta.test', disabled: false },
    });
    expect(await lookup.session(secrets.session)).toMatchObject({
      organisationId: betaId,
      account: { email: 'root@beta.test' },
    });
    expect(await lookup.link(secrets.link)).toEqual({ organisationId: betaId, purpose: 'reset' });
    expect(await lookup.apiToken('not-a-token')).toBeUndefined();
    // Naming a hash shows that one row, the one account it signs in, and nothing else.
    const seen = await withCredential(app.db, tokenHash(secrets.token), async (trx: Transaction<Tables>) => ({
      accounts: (await sql<{ email: string }>`select email from accounts`.execute(trx)).rows,
      tokens: (await sql<{ id: number }>`select id from api_tokens`.execute(trx)).rows.length,
      people: (await sql<{ id: number }>`select id from people`.execute(trx)).rows.length,
    }));
    expect(seen).toEqual({ accounts: [{ email: 'root@beta.test' }], tokens: 1, people: 0 });
    const acme = new OrgRepositories(orgScope(app.db, acmeId, 'test'));
    expect((await acme.people.all()).map((p) => p.email)).toEqual(['ana@acme.test', 'ben@acme.test']);
    const beta = new OrgRepositories(orgScope(app.db, betaId, 'test'));
    expect((await beta.people.all()).map((p) => p.email)).toEqual(['gil@beta.test']);
  });
});
