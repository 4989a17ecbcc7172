import type { Kysely } from 'kysely';
import { identity, organisationRowSecurity } from '../dialect/index.js';

/**
 * Pay: the pay-bands files an organisation set (every one kept; the newest applies), people's pay
 * per period in minor units of its currency, the justifications hr recorded for a flagged category
 * of the pay-gap report, and the organisation's settings (whether managers see their subtree's
 * pay). Every table carries `organisation_id` and, on PostgreSQL, row-level security on it.
 * Portable types only. Released: never edit it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pay_bands')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('pay_bands_number', ['organisation_id', 'number'])
    .execute();

  await db.schema
    .createTable('pay')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('base', 'bigint', (c) => c.notNull())
    .addColumn('variable', 'bigint', (c) => c.notNull())
    .addColumn('fte', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pay_person_period', ['organisation_id', 'person_id', 'period'])
    .execute();
  await db.schema.createIndex('pay_period').on('pay').columns(['organisation_id', 'period']).execute();

  await db.schema
    .createTable('pay_justifications')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('pay_justifications_category', ['organisation_id', 'period', 'category'])
    .execute();

  await db.schema
    .createTable('org_settings')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_settings_key', ['organisation_id', 'key'])
    .execute();

  for (const table of ['pay_bands', 'pay', 'pay_justifications', 'org_settings'])
    await organisationRowSecurity(db, table);
}
