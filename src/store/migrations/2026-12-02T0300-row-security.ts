import type { Kysely } from 'kysely';
import { credentialRowSecurity, organisationRowSecurity } from '../dialect/index.js';

/**
 * Row-level security on PostgreSQL (nothing on SQLite): every table an organisation owns shows and
 * takes only the rows of the organisation its connection works for (`app.organisation_id`, set by
 * an organisation-bound handle, see dialect/bound.ts). The credentials tables also show a row to
 * whoever names its token's hash (`app.credential_hash`), so that a request can find the
 * organisation its cookie or token belongs to. `organisations` itself stays readable: sign-in
 * chooses one by its slug. Released: never edit it; a new organisation table gets its own call in
 * the migration that makes it.
 */
const ORGANISATION_TABLES = [
  'org_frameworks',
  'people',
  'accounts',
  'one_time_links',
  'audit_log',
  'sessions',
  'api_tokens',
  'organisation_sso',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ORGANISATION_TABLES) await organisationRowSecurity(db, table);
  for (const table of ['sessions', 'api_tokens', 'one_time_links']) await credentialRowSecurity(db, table);
}
