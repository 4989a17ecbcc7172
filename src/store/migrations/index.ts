import { Migrator, type Kysely, type Migration } from 'kysely';
import { DomainError } from '../../core/problems.js';
import { dialectOf, migrationSchemaOf, tablesOf } from '../dialect/index.js';
import { notAWorkspace } from '../faults.js';
import * as initial from './2026-11-30T0700-initial.js';
import * as organisations from './2026-12-01T2300-organisations.js';
import * as evidenceSource from './2026-12-01T2330-evidence-source.js';
import * as sessions from './2026-12-02T0000-sessions.js';
import * as reviews from './2026-12-02T0100-reviews.js';
import * as directoryIndexes from './2026-12-02T0150-directory-indexes.js';
import * as pay from './2026-12-02T0200-pay.js';
import * as sso from './2026-12-02T0200-sso.js';
import * as rowSecurity from './2026-12-02T0300-row-security.js';
import * as levelHistory from './2026-12-02T0400-level-history.js';
import * as reviewOutcomes from './2026-12-02T0410-review-outcomes.js';
import * as personalOwners from './2026-12-02T0420-personal-owners.js';
import * as credentialAccounts from './2026-12-02T0440-credential-accounts.js';
import * as signInFailures from './2026-12-02T0500-sign-in-failures.js';
import * as levelHistoryHeld from './2026-12-02T1730-level-history-held.js';

/**
 * Every migration, by timestamped name, in code so that the built package carries them. Kysely runs
 * them in name order and records each one; a released migration is never edited.
 *
 * One set of migrations runs on SQLite and on PostgreSQL. Write them within this contract (also in
 * ARCHITECTURE.md, "Two stores"):
 * - Kysely's schema builder only, with portable types: `text`, `integer`, `bigint`, `real` or
 *   `double precision`; a boolean is an `integer` 0 or 1; a timestamp is ISO 8601 text in UTC
 *   (`now()` in repositories/common.ts); a JSON document is `text`, checked by a core schema
 *   before it is written and parsed after it is read.
 * - Generated keys with `identity` (dialect/index.ts); foreign keys with `references`, indexes
 *   with `createIndex`; unique constraints by name.
 * - No raw SQL of one dialect here: what only PostgreSQL has goes through the dialect's hooks,
 *   `appendOnly(db, table)` (a trigger refusing UPDATE and DELETE), `organisationRowSecurity(db,
 *   table)` (row-level security by the transaction's `app.organisation_id`) and, for anything
 *   else, `postgresOnly(db, sql`…`)`; `dialectOf(db)` says which database runs the migration.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-30T0700-initial': initial,
  '2026-12-01T2300-organisations': organisations,
  '2026-12-01T2330-evidence-source': evidenceSource,
  '2026-12-02T0000-sessions': sessions,
  '2026-12-02T0100-reviews': reviews,
  '2026-12-02T0150-directory-indexes': directoryIndexes,
  '2026-12-02T0200-pay': pay,
  '2026-12-02T0200-sso': sso,
  '2026-12-02T0300-row-security': rowSecurity,
  '2026-12-02T0400-level-history': levelHistory,
  '2026-12-02T0410-review-outcomes': reviewOutcomes,
  '2026-12-02T0420-personal-owners': personalOwners,
  '2026-12-02T0440-credential-accounts': credentialAccounts,
  '2026-12-02T0500-sign-in-failures': signInFailures,
  '2026-12-02T1730-level-history-held': levelHistoryHeld,
};

/** The name of the newest migration: the schema version an export was written at. */
export const schemaVersion = Object.keys(migrations).sort().at(-1)!;

/** Where Kysely's migrator records what it ran (its default table name). */
const MIGRATION_TABLE = 'kysely_migration';

/**
 * Refuses, before anything is written, a database that is not ours to migrate: another program's
 * (it has tables but no record of our migrations), or one migrated by a newer Trellis (it records
 * migrations this release does not know). An empty database is a new workspace. Run before
 * anything else touches the file; a workspace found up to date needs no migration (and no lock).
 */
export async function checkMigratable(
  db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- checked before the schema is known
  file: string,
): Promise<{ upToDate: boolean; empty: boolean }> {
  const tables = await tablesOf(db);
  // Only the migrator's own tables: a workspace being created by another process right now.
  const others = tables.filter((t) => !t.startsWith('kysely_'));
  if (others.length === 0) return { upToDate: false, empty: tables.length === 0 };
  const ran: string[] = tables.includes(MIGRATION_TABLE)
    ? (await db.selectFrom(MIGRATION_TABLE).select('name').execute()).map((r: { name: string }) => r.name)
    : [];
  const ours = ran.filter((name) => Object.hasOwn(migrations, name));
  if (ours.length === 0)
    throw notAWorkspace(
      file,
      `it is ${dialectOf(db) === 'sqlite' ? 'an SQLite' : 'a PostgreSQL'} database of another program (tables ${others.slice(0, 5).join(', ')}), and it is left as it is`,
    );
  const unknown = ran.filter((name) => !Object.hasOwn(migrations, name)).sort();
  if (unknown.length > 0)
    throw new DomainError(
      'workspace-too-new',
      `${file} was migrated by a newer Trellis (schema ${unknown.at(-1)}; this one knows up to ${schemaVersion}) and is left as it is. Use that Trellis or a later one with it, or give another --db`,
    );
  return { upToDate: ours.length === Object.keys(migrations).length, empty: false };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrate(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: await migrationSchemaOf(db),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error instanceof DomainError) throw error;
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(
      `cannot migrate the workspace database${failed ? ` (${failed})` : ''}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
