import { asOrganisation } from '../../dialect/index.js';
import type { Db } from '../common.js';

/**
 * What every organisation repository works inside: a database handle (or an open transaction), the
 * organisation every query filters by, and who is acting, as the audit log records them.
 */
export interface OrgScope {
  db: Db;
  organisationId: number;
  actor: string;
}

/** The same scope over another handle (an open transaction). */
export const over = (scope: OrgScope, db: Db): OrgScope => ({ ...scope, db });

/**
 * `work` over a transaction working as the scope's organisation: what tables under row-level
 * security (`organisationRowSecurity`) need on PostgreSQL; inside an open transaction, that one.
 */
export function asOrganisationOf<T>(scope: OrgScope, work: (scope: OrgScope) => Promise<T>): Promise<T> {
  return asOrganisation(scope.db, scope.organisationId, (trx) => work(over(scope, trx)));
}
