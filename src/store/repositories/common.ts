import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../core/problems.js';
import type { Tables } from '../tables.js';

/** A database handle or an open transaction: repositories work inside either. */
export type Db = Kysely<Tables> | Transaction<Tables>;

export const now = (): string => new Date().toISOString();

export function notFound(what: string, id: number): DomainError {
  return new DomainError('not-found', `no ${what} with id ${id}`);
}

export function parseJson<T>(text: string | null): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}

/**
 * Runs `work` in a read-write transaction, or inside the caller's when one is already open. It begins
 * by taking the write lock (see dialect.ts), so that writers in other processes wait for each other.
 */
export async function inTransaction<T>(db: Db, work: (trx: Transaction<Tables>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Tables>);
  return (db as Kysely<Tables>).transaction().execute(work);
}

/** Runs `work` in a read-only transaction: one consistent view, without taking the write lock. */
export async function inReadTransaction<T>(
  db: Db,
  work: (trx: Transaction<Tables>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Tables>);
  return (db as Kysely<Tables>).transaction().setAccessMode('read only').execute(work);
}
