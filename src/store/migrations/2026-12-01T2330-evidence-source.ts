import type { Kysely } from 'kysely';

/**
 * Where an evidence entry came from when it was accepted from a suggestion (`pr:URL`,
 * `git:REPOSITORY:SHA`), so that the same piece of work is not suggested again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('evidence').addColumn('source', 'text').execute();
}
