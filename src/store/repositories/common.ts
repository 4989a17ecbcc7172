import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { DomainError } from '../../core/problems.js';
import { runTransaction } from '../dialect/index.js';
import type { Tables } from '../tables.js';

/** A database handle or an open transaction: repositories work inside either. */
export type Db = Kysely<Tables> | Transaction<Tables>;

/** The owner of every personal row of a personal workspace: its one person (the command line's). */
export const PERSONAL_OWNER = 0;

export const now = (): string => new Date().toISOString();

export function notFound(what: string, id: number): DomainError {
  return new DomainError('not-found', `no ${what} with id ${id}`);
}

export function parseJson<T>(text: string | null): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}

/**
 * Runs `work` in a read-write transaction, or inside the caller's when one is already open. Writers
 * in other processes are kept apart (see `runTransaction` in the dialect): `work` may be run again
 * after losing a conflict, so it changes nothing but the database.
 */
export async function inTransaction<T>(db: Db, work: (trx: Transaction<Tables>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Tables>);
  return runTransaction(db as Kysely<Tables>, 'read write', work);
}

/** Where a page of a list starts (after the item with this sort key) and how many items it holds. */
export interface PageRequest<K> {
  after?: K | undefined;
  limit: number;
}

/** One page of a list, and the sort key to continue after when there is more. */
export interface Page<T, K> {
  items: T[];
  next: K | undefined;
}

/** A page from up to `limit + 1` rows read in order: the extra row only says that there is more. */
export function pageOf<T, K>(rows: readonly T[], limit: number, keyOf: (item: T) => K): Page<T, K> {
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? keyOf(items[items.length - 1]!) : undefined };
}

/** The sort key of a dated list: the date, made unique by the id. */
export type DatedKey = [date: string, id: number];

/** Rows after `key` in (date, id) order: a row-value comparison, standard SQL. */
export function afterDated(dateColumn: string, idColumn: string, [date, id]: DatedKey) {
  return sql<SqlBool>`(${sql.ref(dateColumn)}, ${sql.ref(idColumn)}) > (${date}, ${id})`;
}

/** Runs `work` in a read-only transaction: one consistent view, without taking the write lock. */
export async function inReadTransaction<T>(
  db: Db,
  work: (trx: Transaction<Tables>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Tables>);
  return runTransaction(db as Kysely<Tables>, 'read only', work);
}
