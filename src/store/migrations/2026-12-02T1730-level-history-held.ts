import type { Kysely } from 'kysely';

/**
 * The level history read in order from its index alone: `level_history_held` holds every column
 * the structure report's promotion figures read (person, day, id for ties, level, framework
 * version), in the order they are read, so neither store sorts the history nor visits the table
 * for it (SQLite: a covering index; PostgreSQL: an index-only scan once the table's statistics are
 * current). It replaces `level_history_person`, whose columns are its first three, so every query
 * that used that one uses this one. Released: never edit it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('level_history_held')
    .on('level_history')
    .columns(['organisation_id', 'person_id', 'from_date', 'id', 'level', 'framework_version_id'])
    .execute();
  await db.schema.dropIndex('level_history_person').execute();
}
