import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  appealSchema,
  committeeSchema,
  decideSchema,
  nominateSchema,
  voteSchema,
  type PromotionCase,
} from '../../core/org/cases/case.js';
import { can, type Action, type Resource } from '../../core/org/policy.js';
import type { StoredPerson } from '../../store/repositories/org/person-rows.js';
import { caseBundle } from '../../store/repositories/org/case-bundle.js';
import { inBody, TransportError } from '../errors.js';
import { forbidden, noPerson, type AskingEveryone as Asking, type Who } from '../org/asking.js';
import { answer } from '../responses.js';
import { idParams, type App } from './common.js';

const loose = (what: string) => answer(z.object({}).loose(), what);
const tags = ['organisation', 'promotion cases'];
const noCase = (id: number) => new TransportError('not-found', `no promotion case with id ${id}`);

/**
 * Promotion cases under /api/org/cases: list, nominate, the case bundle, the committee, votes, the
 * decision and the one appeal. A case one may not read is a 404, as a missing one.
 */
export async function caseRoutes(app: App, who: Who): Promise<void> {
  const resourceOf = (a: Asking, c: PromotionCase): Resource => ({
    organisationId: a.principal.organisationId,
    personId: c.personId,
    caseId: c.id,
  });
  /** The case of the path as the reader may read it (else 404), and whether they may also `then`. */
  const caseOf = async (request: FastifyRequest, id: number, then?: { action: Action; what: string }) => {
    const a = await who(request);
    const found = await a.repositories.cases.byId(id);
    if (!found || !can(a.actor, 'case.read', resourceOf(a, found))) throw noCase(id);
    if (then && !can(a.actor, then.action, resourceOf(a, found))) throw forbidden(then.what);
    return { a, found };
  };
  const me = (a: Asking) => a.people.find((p) => p.id === a.actor.personId)!;
  const today = () => new Date().toISOString().slice(0, 10);

  app.get(
    '/org/cases',
    { schema: { summary: 'The promotion cases you may read', tags, response: { 200: loose('The cases') } } },
    async (request) => {
      const a = await who(request);
      return {
        items: (await a.repositories.cases.list()).filter((c) => can(a.actor, 'case.read', resourceOf(a, c))),
      };
    },
  );

  app.post(
    '/org/cases',
    {
      schema: {
        summary:
          'Nominate a person for a target level: a manager for a report, or oneself with the manager as sponsor',
        tags,
        body: nominateSchema,
        response: { 201: loose('The case opened') },
      },
    },
    async (request, reply) => {
      const a = await who(request);
      const { personId, targetLevel, summary } = request.body;
      const person = a.people.find((p) => p.id === personId);
      const resource = { organisationId: a.principal.organisationId, personId };
      if (!person || !can(a.actor, 'person.read', resource)) throw noPerson(personId);
      if (!can(a.actor, 'case.nominate', resource)) throw forbidden('nominating this person');
      const opened = await inBody([], () =>
        a.repositories.cases.nominate(person, me(a), targetLevel, summary),
      );
      return reply.code(201).send(opened);
    },
  );

  app.get(
    '/org/cases/:id',
    {
      schema: {
        summary:
          'The case: latest assessments, readiness under the target rule, time in level, the packet from the shared evidence, committee, decision',
        tags,
        params: idParams,
        response: { 200: loose('The case bundle') },
      },
    },
    async (request) => {
      const { a, found } = await caseOf(request, request.params.id);
      const person = a.people.find((p) => p.id === found.personId) as StoredPerson;
      return caseBundle(a.repositories, a.actor, found, person, today());
    },
  );

  app.post(
    '/org/cases/:id/committee',
    {
      schema: {
        summary:
          "Assign committee members (person ids) for the case's current round; never from the reporting chain",
        tags,
        params: idParams,
        body: committeeSchema,
        response: { 200: loose('The committee') },
      },
    },
    async (request) => {
      const { a, found } = await caseOf(request, request.params.id, {
        action: 'case.assign',
        what: 'assigning a committee',
      });
      return { items: await inBody([], () => a.repositories.cases.assign(found.id, request.body.members)) };
    },
  );

  app.post(
    '/org/cases/:id/votes',
    {
      schema: {
        summary: 'Vote on the case, with a rationale',
        tags,
        params: idParams,
        body: voteSchema,
        response: { 200: loose('The vote') },
      },
    },
    async (request) => {
      const { a, found } = await caseOf(request, request.params.id, {
        action: 'case.vote',
        what: 'voting on this case',
      });
      const { vote, rationale } = request.body;
      return a.repositories.cases.vote(found.id, me(a), vote, rationale);
    },
  );

  app.post(
    '/org/cases/:id/decision',
    {
      schema: {
        summary: 'Decide the case (approve needs an effective date) with a rationale the person reads',
        tags,
        params: idParams,
        body: decideSchema,
        response: { 200: loose('The case decided') },
      },
    },
    async (request) => {
      const { a, found } = await caseOf(request, request.params.id, {
        action: 'case.decide',
        what: 'deciding a case',
      });
      const { decision, rationale, effectiveDate } = request.body;
      return inBody([], () => a.repositories.cases.decide(found.id, decision, rationale, effectiveDate));
    },
  );

  app.post(
    '/org/cases/:id/appeal',
    {
      schema: {
        summary: 'Appeal one’s own decided case, once',
        tags,
        params: idParams,
        body: appealSchema,
        response: { 200: loose('The case appealed') },
      },
    },
    async (request) => {
      const { a, found } = await caseOf(request, request.params.id, {
        action: 'case.appeal',
        what: 'appealing this case',
      });
      return a.repositories.cases.appeal(found.id, request.body.reason);
    },
  );
}
