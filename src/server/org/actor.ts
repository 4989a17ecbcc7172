import type { Actor } from '../../core/org/policy.js';
import { subtreeOf } from '../../core/org/tree.js';
import type { StoredPerson } from '../../store/repositories/org/person-rows.js';
import type { Principal } from './auth.js';

/** The policy's view of a signed-in principal, over the organisation's people and committees as they are now. */
export function actorOf(
  principal: Principal,
  people: readonly StoredPerson[],
  cases: ReadonlySet<number> = new Set(),
): Actor {
  const self = people.find((p) => p.id === principal.personId);
  const below = self ? subtreeOf(people, self.email) : new Set<string>();
  return {
    organisationId: principal.organisationId,
    personId: self?.id,
    roles: principal.roles,
    subtree: new Set(people.filter((p) => below.has(p.email)).map((p) => p.id)),
    // The promotion cases whose committee their person sits on, in any round.
    cases,
  };
}
