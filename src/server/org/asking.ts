import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/org/policy.js';
import type { OrgRepositories } from '../../store/repositories/org/index.js';
import type { StoredPerson } from '../../store/repositories/org/person-rows.js';
import { TransportError } from '../errors.js';
import type { Principal } from './auth.js';

/** Who asks an /api/org route: their principal, the policy's actor, their repositories, the people. */
export interface Asking {
  principal: Principal;
  actor: Actor;
  repositories: OrgRepositories;
  people: StoredPerson[];
}

export type Who = (request: FastifyRequest) => Asking;

export const forbidden = (what: string) => new TransportError('forbidden', `your roles do not allow ${what}`);
/** A person denied is answered as a person missing: a denial never says whether someone exists. */
export const noPerson = (id: number) => new TransportError('not-found', `no person with id ${id}`);
