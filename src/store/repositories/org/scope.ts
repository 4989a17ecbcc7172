import { boundTo } from '../../dialect/index.js';
import { inReadTransaction, inTransaction, type Db } from '../common.js';

declare const made: unique symbol;

/**
 * What every organisation repository works inside: a database handle (or an open transaction)
 * bound to the organisation, the organisation every query filters by, and who is acting, as the
 * audit log records them. Made only by `orgScope` (the brand keeps object literals out), so that
 * every repository, present or future, works through a handle bound to its organisation: on
 * PostgreSQL, row-level security then holds it to that organisation's rows whatever its queries say.
 */
export interface OrgScope {
  readonly db: Db;
  readonly organisationId: number;
  readonly actor: string;
  readonly [made]: true;
}

/**
 * The scope of `organisationId` over `db`. A handle is bound to the organisation (dialect/bound.ts);
 * a transaction is taken as it is, so it must be a bound handle's or opened by `asOrganisation`.
 */
export function orgScope(db: Db, organisationId: number, actor: string): OrgScope {
  return { db: boundTo(db, organisationId), organisationId, actor } as OrgScope;
}

/** The same scope over another handle (an open transaction of its own handle). */
export const over = (scope: OrgScope, db: Db): OrgScope => ({ ...scope, db });

/** The same scope, another actor. */
export const actingAs = (scope: OrgScope, actor: string): OrgScope => ({ ...scope, actor });
/**
 * `work` over a read-write transaction of the scope (inside an open transaction, that one). The
 * scope's handle already works as its organisation (`orgScope`), so nothing is set again here.
 */
export function asOrganisationOf<T>(scope: OrgScope, work: (scope: OrgScope) => Promise<T>): Promise<T> {
  return inTransaction(scope.db, (trx) => work(over(scope, trx)));
}

/**
 * `work` over a read-only transaction of the scope: one snapshot, and on PostgreSQL never the
 * writers' lock, so that reading a cycle or a case never waits for a write.
 */
export function readingAs<T>(scope: OrgScope, work: (scope: OrgScope) => Promise<T>): Promise<T> {
  return inReadTransaction(scope.db, (trx) => work(over(scope, trx)));
}
