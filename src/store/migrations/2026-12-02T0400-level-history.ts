import { sql, type Kysely } from 'kysely';
import { identity, organisationRowSecurity, ORGANISATION_SETTING, postgresOnly } from '../dialect/index.js';

/**
 * Level history as data: one row per level a person held, from the day it began, with what moved
 * them there (`import`, `edit` or `promotion`) and the framework version the level is an id of.
 * Backfilled with each existing person's current level from their `level_start_date` (cause
 * `import`: what was known before was the HRIS's). On PostgreSQL `people` already has forced
 * row-level security, so the backfill runs once per organisation with `app.organisation_id` set.
 * Released: never edit it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('level_history')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('framework_version_id', 'integer', (c) => c.notNull().references('org_frameworks.id'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('level_history_person')
    .on('level_history')
    .columns(['organisation_id', 'person_id', 'from_date'])
    .execute();

  const at = new Date().toISOString();
  const organisations = await sql<{ id: number }>`select id from organisations`.execute(db);
  for (const { id } of organisations.rows) {
    await postgresOnly(db, sql`select set_config(${ORGANISATION_SETTING}, ${String(id)}, true)`);
    await sql`insert into level_history
        (organisation_id, person_id, level, framework_version_id, from_date, cause, recorded_at)
      select organisation_id, id, level, framework_version_id, level_start_date, 'import', ${at}
      from people where organisation_id = ${id} order by id`.execute(db);
  }
  await postgresOnly(db, sql`select set_config(${ORGANISATION_SETTING}, '', true)`);
  await organisationRowSecurity(db, 'level_history');
}
