import { PostgresAdapter, type CompiledQuery, type Kysely, type Transaction } from 'kysely';

/**
 * Handles bound to one organisation: on PostgreSQL, every connection such a handle takes from the
 * pool has `app.organisation_id` set for as long as it holds it (postgres.ts), so that row-level
 * security (`organisationRowSecurity`) lets its statements see and write that organisation's rows
 * only, inside a transaction or not. SQLite has no row-level security: its handle is the one given.
 */

/** The setting row-level security reads: the organisation the current connection works for. */
export const ORGANISATION_SETTING = 'app.organisation_id';
/**
 * The setting the credential policies read (`credentialRowSecurity`): the SHA-256 of a token a
 * client sent, which makes the one row holding it visible before its organisation is known.
 */
export const CREDENTIAL_SETTING = 'app.credential_hash';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema
type Handle = Kysely<any>;

/** How a PostgreSQL handle makes its organisation-bound twins; registered when it opens. */
const binders = new WeakMap<Handle, (organisationId: number) => Handle>();

export function registerBinder(db: Handle, bind: (organisationId: number) => Handle): void {
  binders.set(db, bind);
}

/**
 * `db` bound to `organisationId`. A transaction is returned as it is: it belongs to a bound handle
 * already (a repository's own), or was opened by `asOrganisation`, which sets the organisation for
 * it. A PostgreSQL handle that was not opened by `openDatabase` has no binder and is refused: it
 * would see no organisation's rows at all.
 */
export function boundTo<D>(
  db: Kysely<D> | Transaction<D>,
  organisationId: number,
): Kysely<D> | Transaction<D> {
  if (db.isTransaction) return db;
  const bind = binders.get(db);
  if (bind) return bind(organisationId) as Kysely<D>;
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    throw new Error(
      'this PostgreSQL handle was not opened by openDatabase: it cannot be bound to an organisation',
    );
  return db;
}

/** How a PostgreSQL handle reads one row under a credential's hash in one round trip (postgres.ts). */
type CredentialReader = (
  hash: string,
  table: CredentialTable,
  query: CompiledQuery,
) => Promise<Record<string, unknown> | undefined>;
/** The tables a credential is looked up in by its hash. */
export type CredentialTable = 'sessions' | 'api_tokens';
const credentialReaders = new WeakMap<Handle, CredentialReader>();

export function registerCredentialReader(db: Handle, read: CredentialReader): void {
  credentialReaders.set(db, read);
}

/** The reader registered for `db`, if it is a PostgreSQL workspace's own handle. */
export function credentialReaderOf(db: Handle): CredentialReader | undefined {
  return credentialReaders.get(db);
}
