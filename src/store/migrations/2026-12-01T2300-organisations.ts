import type { Kysely } from 'kysely';
import { appendOnly, identity } from '../dialect/index.js';

/**
 * Organisation mode: organisations, their framework versions, people, accounts, one-time links and
 * the audit log. Every row an organisation owns carries `organisation_id`. Portable types only
 * (text, integer, JSON and timestamps as text, booleans as 0/1), so that the same migration runs
 * on PostgreSQL. Released: never edit it; add a new migration instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'integer', identity)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('org_frameworks')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('framework_version', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('adopted_at', 'text', (c) => c.notNull())
    .addColumn('adopted_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('org_frameworks_number', ['organisation_id', 'number'])
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('framework_version_id', 'integer', (c) => c.notNull().references('org_frameworks.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('specialisation', 'text')
    .addColumn('manager_id', 'integer', (c) => c.references('people.id'))
    .addColumn('team', 'text')
    .addColumn('zone', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('level_start_date', 'text', (c) => c.notNull())
    .addColumn('gender', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('leave_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('people_email', ['organisation_id', 'email'])
    .execute();
  await db.schema
    .createIndex('people_manager')
    .on('people')
    .columns(['organisation_id', 'manager_id'])
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('accounts_email', ['organisation_id', 'email'])
    .execute();

  await db.schema
    .createTable('one_time_links')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema
    .createIndex('audit_log_at')
    .on('audit_log')
    .columns(['organisation_id', 'at', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_log_subject')
    .on('audit_log')
    .columns(['organisation_id', 'subject'])
    .execute();
  // The code has no path that changes or removes an entry; on PostgreSQL the database refuses it too.
  await appendOnly(db, 'audit_log');
}
