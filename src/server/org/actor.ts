import type { Actor, OrgSetting } from '../../core/org/policy.js';
import type { Principal } from './auth.js';

/**
 * The policy's view of a signed-in principal. `subtree` holds the row ids below them that the
 * request asks about (not necessarily all of them): a route about one person asks the store
 * whether that person is below the actor, and passes them here if so. `settings` are the
 * organisation's settings the policy reads (managers seeing their subtree's pay), `cases` the
 * promotion cases whose committee their person sits on, in any round.
 */
export function actorOf(
  principal: Principal,
  subtree: ReadonlySet<number>,
  settings: ReadonlySet<OrgSetting> = new Set(),
  cases: ReadonlySet<number> = new Set(),
): Actor {
  return {
    organisationId: principal.organisationId,
    personId: principal.personId,
    roles: principal.roles,
    subtree,
    cases,
    settings,
  };
}
