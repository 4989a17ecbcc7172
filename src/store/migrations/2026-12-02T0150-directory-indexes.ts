import type { Kysely } from 'kysely';

/**
 * The people directory answers from indexes: a page in id order within the organisation
 * (`people_directory`), and a team's page (`people_team`). The subtree of a manager walks the
 * existing `people_manager`. Released: never edit it; add a new migration instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('people_directory').on('people').columns(['organisation_id', 'id']).execute();
  await db.schema
    .createIndex('people_team')
    .on('people')
    .columns(['organisation_id', 'team', 'id'])
    .execute();
}
