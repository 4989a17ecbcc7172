import type { Kysely } from 'kysely';

/**
 * Personal rows belong to an owner: in an organisation workspace each signed-in account keeps its
 * own profile, evidence, assessments, offers, scenarios and learning plans (the owner is the
 * account's id); the one person of a personal workspace is owner 0, so every existing row and the
 * command line keep working unchanged. The profile, one row per workspace until now, is keyed by
 * its owner instead of the fixed id 1. An evidence entry is private to its owner unless marked
 * shared (0 or 1): a promotion case shows the shared entries only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['evidence', 'assessments', 'offers', 'scenarios', 'learning_plans'])
    await db.schema
      .alterTable(table)
      .addColumn('owner', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  await db.schema
    .alterTable('evidence')
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('evidence_owner_date')
    .on('evidence')
    .columns(['owner', 'date', 'id'])
    .execute();
  await db.schema
    .createIndex('assessments_owner_date')
    .on('assessments')
    .columns(['owner', 'date', 'id'])
    .execute();
  for (const table of ['offers', 'scenarios', 'learning_plans'])
    await db.schema.createIndex(`${table}_owner`).on(table).columns(['owner', 'id']).execute();

  await db.schema
    .createTable('profile_by_owner')
    .addColumn('owner', 'integer', (c) => c.primaryKey())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const profiles = db as unknown as Kysely<{
    profile: { id: number; document: string; updated_at: string };
    profile_by_owner: { owner: number; document: string; updated_at: string };
  }>;
  await profiles
    .insertInto('profile_by_owner')
    .columns(['owner', 'document', 'updated_at'])
    .expression((eb) =>
      eb.selectFrom('profile').select((s) => [s.lit(0).as('owner'), 'document', 'updated_at']),
    )
    .execute();
  await db.schema.dropTable('profile').execute();
  await db.schema.alterTable('profile_by_owner').renameTo('profile').execute();
}
