import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendOnly,
  asOrganisation,
  dialectOf,
  identity,
  organisationRowSecurity,
} from '../../src/store/dialect/index.js';
import { Workspace } from '../../src/store/workspace.js';
import { trellis } from '../helpers/cli.js';
import { postgresStore } from '../helpers/stores.js';

/**
 * What only the PostgreSQL store does: its faults named without the password, the hooks migrations
 * use for what SQLite lacks (an append-only table, row-level security by organisation), and a change
 * made through one connection seen through another. The CLI's choice of database needs no server.
 */

describe('choosing the database on the command line', () => {
  it('refuses --db with --database-url, and both variables at once: exit 2', () => {
    const both = trellis(['export', '--db', 'x.sqlite', '--database-url', 'postgres://u@127.0.0.1:1/x']);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('trellis: --db and --database-url both name the workspace: give one of them\n');
    const env = { TRELLIS_DB: 'x.sqlite', TRELLIS_DATABASE_URL: 'postgres://u@127.0.0.1:1/x' };
    const variables = trellis(['export'], { env });
    expect(variables.code).toBe(2);
    expect(variables.stderr).toContain('TRELLIS_DATABASE_URL and TRELLIS_DB are both set');
    const notUrl = trellis(['export', '--database-url', 'x.sqlite']);
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr).toContain('--database-url takes a postgres:// URL');
  });

  it('names an unreachable server without printing the password: exit 2', () => {
    const r = trellis(['export', '--database-url', 'postgres://me:s3cret-pw@127.0.0.1:1/nowhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'trellis: cannot reach the PostgreSQL server of postgres://me:***@127.0.0.1:1/nowhere (ECONNREFUSED): is it running, and is the host and port right? Check --database-url (or TRELLIS_DATABASE_URL)\n',
    );
    expect(r.stderr).not.toContain('s3cret');
  });
});

const store = postgresStore();

describe.runIf(store)('a PostgreSQL workspace', () => {
  let target: string;
  let workspace: Workspace;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tables made by the test itself
  let db: Kysely<any>;

  beforeEach(async () => {
    target = await store!.fresh();
    workspace = await Workspace.open(target);
    db = workspace.db;
  });
  afterEach(async () => workspace.close());

  it('names a missing database and a refused sign-in, never showing the password', async () => {
    const url = new URL(target);
    url.password = 'not-shown';
    url.pathname = '/no_such_database_here';
    await expect(Workspace.open(url.toString())).rejects.toMatchObject({
      code: 'usage',
      message: expect.stringMatching(/:\*\*\*@.*no such database on that PostgreSQL server/),
    });
    url.pathname = new URL(target).pathname;
    url.username = 'no_such_user_here';
    const refused = await Workspace.open(url.toString()).catch((error: Error) => error);
    expect(refused).toMatchObject({ code: 'usage', message: expect.stringContaining('refused the sign-in') });
    expect((refused as Error).message).not.toContain('not-shown');
  });

  it('refuses backup with pg_dump named (exit 2), and exports and imports with the CLI', () => {
    const backup = trellis(['backup', 'copy.sqlite', '--database-url', target]);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain('back it up with pg_dump');
    const exported = trellis(['export', '--database-url', target]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ format: 'trellis-workspace' });
  });

  it('gives migrations identity columns', async () => {
    expect(dialectOf(db)).toBe('postgres');
    await db.schema.createTable('things').addColumn('id', 'integer', identity).execute();
    const { rows } = await sql<{ is_identity: string }>`
      select is_identity from information_schema.columns
      where table_schema = current_schema() and table_name = 'things' and column_name = 'id'`.execute(db);
    expect(rows).toEqual([{ is_identity: 'YES' }]);
  });

  it('keeps an append-only table: inserts pass, UPDATE and DELETE are refused by the trigger', async () => {
    await db.schema
      .createTable('audit')
      .addColumn('id', 'integer', identity)
      .addColumn('what', 'text', (c) => c.notNull())
      .execute();
    await appendOnly(db, 'audit');
    await db.insertInto('audit').values({ what: 'created' }).execute();
    await expect(db.updateTable('audit').set({ what: 'forged' }).execute()).rejects.toThrow(
      /audit is append-only/,
    );
    await expect(db.deleteFrom('audit').execute()).rejects.toThrow(/audit is append-only/);
    expect(await db.selectFrom('audit').select('what').execute()).toEqual([{ what: 'created' }]);
  });

  it('keeps organisations apart by row-level security, even with a forged organisation id', async (context) => {
    const { rows } = await sql<{
      rolsuper: boolean;
    }>`select rolsuper from pg_roles where rolname = current_user`.execute(db);
    // A superuser passes every policy: the run's own role is an ordinary one where the server allows.
    if (rows[0]!.rolsuper) context.skip();
    await db.schema
      .createTable('notes')
      .addColumn('id', 'integer', identity)
      .addColumn('organisation_id', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .execute();
    await organisationRowSecurity(db, 'notes');
    await asOrganisation(db, 1, (trx) =>
      trx.insertInto('notes').values({ organisation_id: 1, text: 'one' }).execute(),
    );
    await asOrganisation(db, 2, (trx) =>
      trx.insertInto('notes').values({ organisation_id: 2, text: 'two' }).execute(),
    );
    const seenBy = (id: number) =>
      asOrganisation(db, id, (trx) => trx.selectFrom('notes').select('text').execute());
    expect(await seenBy(1)).toEqual([{ text: 'one' }]);
    expect(await seenBy(2)).toEqual([{ text: 'two' }]);
    // Without an organisation, nothing; writing another organisation's row is refused.
    expect(await db.selectFrom('notes').selectAll().execute()).toEqual([]);
    await expect(
      asOrganisation(db, 1, (trx) =>
        trx.insertInto('notes').values({ organisation_id: 2, text: 'x' }).execute(),
      ),
    ).rejects.toMatchObject({ code: 'not-found', message: 'no such row in this organisation' });
    const changed = await asOrganisation(db, 1, (trx) =>
      trx.updateTable('notes').set({ text: 'forged' }).where('organisation_id', '=', 2).executeTakeFirst(),
    );
    expect(changed.numUpdatedRows).toBe(0n);
  });

  it('sees a framework chosen through another connection at the next look', async () => {
    const other = await Workspace.open(target);
    try {
      expect((await other.activeFramework()).row.frameworkId).toBe('reference');
      const source = (await workspace.activeFramework()).row.source.replace(/^id: reference$/m, 'id: ours');
      await workspace.addFramework(source, 'ours.yaml');
      expect((await other.activeFramework()).row.frameworkId).toBe('ours');
    } finally {
      await other.close();
    }
  });
});
