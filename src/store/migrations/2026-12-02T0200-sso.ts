import type { Kysely } from 'kysely';
import { identity } from '../dialect/index.js';

/**
 * Single sign-on through OpenID Connect: at most one provider per organisation, its issuer, the
 * client id and secret it gave Trellis. Portable types only, as in the organisations migration.
 * Released: never edit it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisation_sso')
    .addColumn('id', 'integer', identity)
    .addColumn('organisation_id', 'integer', (c) => c.notNull().unique().references('organisations.id'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
