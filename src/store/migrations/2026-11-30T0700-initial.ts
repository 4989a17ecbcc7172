import type { Kysely } from 'kysely';
import { identity } from '../dialect/index.js';

/** The first workspace schema. Released: never edit it; add a new migration instead. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('frameworks')
    .addColumn('id', 'integer', identity)
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('frameworks_id_version', ['framework_id', 'version'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('profile')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'integer', identity)
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('scope', 'text')
    .addColumn('competencies', 'text')
    .addColumn('links', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_date').on('evidence').columns(['date', 'id']).execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'integer', identity)
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('assessor', 'text', (c) => c.notNull())
    .addColumn('current_level', 'text')
    .addColumn('ratings', 'text', (c) => c.notNull())
    .addColumn('framework', 'integer', (c) => c.notNull().references('frameworks.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessments_date').on('assessments').columns(['date', 'id']).execute();

  await db.schema
    .createTable('assessment_evidence')
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().references('assessments.id').onDelete('cascade'),
    )
    .addColumn('competency', 'text', (c) => c.notNull())
    .addColumn('evidence_id', 'integer', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('assessment_evidence_pk', ['assessment_id', 'competency', 'evidence_id'])
    .execute();
  await db.schema
    .createIndex('assessment_evidence_evidence')
    .on('assessment_evidence')
    .column('evidence_id')
    .execute();

  for (const table of ['offers', 'scenarios', 'learning_plans']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'integer', identity)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  }
}
