import type { Kysely } from 'kysely';
import { identity } from '../dialect/index.js';

/**
 * Failed sign-ins, one row per failure and key (an account, a client address), kept in the
 * database so that every server process over it, and a restarted one, counts the same failures.
 * Global, with no `organisation_id` and so no row-level security: a failure is counted before the
 * organisation is known (a wrong slug, an unknown email), and an address guessing across several
 * organisations is one guesser. Only the SHA-256 of a key is kept, so the table names no email or
 * address (people type passwords into the email field). Rows older than the window are pruned on
 * every write. Released: never edit it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', 'integer', identity)
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_failures_key')
    .on('sign_in_failures')
    .columns(['key_hash', 'at'])
    .execute();
  await db.schema.createIndex('sign_in_failures_at').on('sign_in_failures').column('at').execute();
}
