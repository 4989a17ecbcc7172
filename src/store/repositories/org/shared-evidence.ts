import type { StoredEvidence } from '../../entities.js';
import { EvidenceRepository } from '../evidence.js';
import type { OrgScope } from './scope.js';

/**
 * What a person of the organisation shared of their own evidence log (kept by the account linked
 * to them, its owner): the entries their promotion case shows, oldest first. None without an
 * account; never an entry its owner has not shared.
 */
export async function sharedEvidenceOf(scope: OrgScope, personId: number): Promise<StoredEvidence[]> {
  const account = await scope.db
    .selectFrom('accounts')
    .select('id')
    .where('organisation_id', '=', scope.organisationId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return account ? new EvidenceRepository(scope.db, account.id).shared() : [];
}
