import type { Actor, OrgSetting } from '../../core/org/policy.js';
import { subtreeOf } from '../../core/org/tree.js';
import type { StoredPerson } from '../../store/repositories/org/person-rows.js';
import type { Principal } from './auth.js';

/** The policy's view of a signed-in principal, over the organisation's people as they are now. */
export function actorOf(
  principal: Principal,
  people: readonly StoredPerson[],
  settings: ReadonlySet<OrgSetting> = new Set(),
): Actor {
  const self = people.find((p) => p.id === principal.personId);
  const below = self ? subtreeOf(people, self.email) : new Set<string>();
  return {
    organisationId: principal.organisationId,
    personId: self?.id,
    roles: principal.roles,
    subtree: new Set(people.filter((p) => below.has(p.email)).map((p) => p.id)),
    // Promotion cases do not exist yet: nobody sits on a committee of any.
    cases: new Set(),
    settings,
  };
}
