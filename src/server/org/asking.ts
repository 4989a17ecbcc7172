import type { Actor } from '../../core/org/policy.js';
import type { OrgRepositories } from '../../store/repositories/org/index.js';
import type { StoredPerson } from '../../store/repositories/org/person-rows.js';
import { TransportError } from '../errors.js';
import type { Principal } from './auth.js';

/** Who asks an organisation route: their principal, the policy's actor, the repositories and people. */
export interface Asking {
  principal: Principal;
  actor: Actor;
  repositories: OrgRepositories;
  people: StoredPerson[];
}

export const forbidden = (what: string) => new TransportError('forbidden', `your roles do not allow ${what}`);

/** A person denied is answered as a person missing: a denial never says whether someone exists. */
export const noPerson = (id: number) => new TransportError('not-found', `no person with id ${id}`);
