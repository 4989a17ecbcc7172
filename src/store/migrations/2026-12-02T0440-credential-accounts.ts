import { sql, type Kysely } from 'kysely';
import { CREDENTIAL_SETTING, postgresOnly } from '../dialect/index.js';

/**
 * On PostgreSQL, an account is also visible (read only) to whoever names the hash of one of its
 * sessions or API tokens, as that credential row itself is (`credentialRowSecurity`): a request
 * then finds its credential and the account it signs in with one query, before it knows the
 * organisation. Nothing on SQLite. Released: never edit it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const hash = sql`nullif(current_setting(${sql.lit(CREDENTIAL_SETTING)}, true), '')`;
  await postgresOnly(
    db,
    sql`create policy accounts_credential on accounts for select using (
      exists (select 1 from sessions s
               where s.token_hash = ${hash} and s.account_id = accounts.id
                 and s.organisation_id = accounts.organisation_id)
      or exists (select 1 from api_tokens t
                  where t.token_hash = ${hash} and t.account_id = accounts.id
                    and t.organisation_id = accounts.organisation_id))`,
  );
}
