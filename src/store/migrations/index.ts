import { Migrator, type Kysely, type Migration } from 'kysely';
import * as initial from './2026-11-30T0700-initial.js';

/**
 * Every migration, by timestamped name, in code so that the built package carries them. Kysely runs
 * them in name order and records each one; a released migration is never edited.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-30T0700-initial': initial,
};

/** The name of the newest migration: the schema version an export was written at. */
export const schemaVersion = Object.keys(migrations).sort().at(-1)!;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrate(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(
      `cannot migrate the workspace database${failed ? ` (${failed})` : ''}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
