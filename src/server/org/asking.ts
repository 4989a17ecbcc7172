import type { FastifyRequest } from 'fastify';
import { can, type Action, type Actor, type OrgSetting } from '../../core/org/policy.js';
import { subtreeOf } from '../../core/org/tree.js';
import type { OrgRepositories } from '../../store/repositories/org/index.js';
import type { StoredPerson } from '../../store/repositories/org/person-rows.js';
import { TransportError } from '../errors.js';
import { actorOf } from './actor.js';
import type { Principal } from './auth.js';

/** Who asks an organisation route: their principal, the policy's actor, the repositories, the settings. */
export interface Asking {
  principal: Principal;
  /** The actor for the organisation's own actions (directory, audit, framework): no subtree needed. */
  actor: Actor;
  repositories: OrgRepositories;
  settings: ReadonlySet<OrgSetting>;
  /** The promotion cases whose committee the actor's person sits on. */
  cases: ReadonlySet<number>;
}

/** A request that needs the whole organisation (a cycle's progress, calibration): everyone, and the actor's whole subtree. */
export interface AskingEveryone extends Asking {
  people: StoredPerson[];
}

export type Who = (request: FastifyRequest) => Promise<AskingEveryone>;

/** The organisation's people and the actor over their whole subtree, read once for the request. */
export async function withEveryone(a: Asking): Promise<AskingEveryone> {
  const people = await a.repositories.people.all();
  const self = people.find((p) => p.id === a.principal.personId);
  const below = self ? subtreeOf(people, self.email) : new Set<string>();
  const subtree = new Set(people.filter((p) => below.has(p.email)).map((p) => p.id));
  return { ...a, people, actor: actorOf(a.principal, subtree, a.settings, a.cases) };
}

export const forbidden = (what: string) => new TransportError('forbidden', `your roles do not allow ${what}`);

/** A person denied is answered as a person missing: a denial never says whether someone exists. */
export const noPerson = (id: number) => new TransportError('not-found', `no person with id ${id}`);

/**
 * A person of the organisation and the policy's view of them: the actor's subtree is asked only
 * about this person (one query up their chain of managers), never read whole.
 */
export async function personFor(a: Asking, id: number) {
  const person = await a.repositories.people.byId(id);
  if (!person) return { person, actor: a.actor, resource: undefined };
  const self = a.principal.personId;
  const below = self !== undefined && self !== id && (await a.repositories.people.isBelow(id, self));
  return {
    person,
    actor: below ? actorOf(a.principal, new Set([id]), a.settings, a.cases) : a.actor,
    resource: { organisationId: a.principal.organisationId, personId: person.id },
  };
}

/** The person `id` when the actor may `action` on them; else 404, as if they did not exist. */
export async function personAllowed(a: Asking, id: number, action: Action): Promise<StoredPerson> {
  const { person, actor, resource } = await personFor(a, id);
  if (!person || !can(actor, action, resource)) throw noPerson(id);
  return person;
}
