import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { scaleOf } from '../../core/framework/rules.js';
import { can, type Action } from '../../core/org/policy.js';
import { writeAssessmentSchema, type AuthorKind } from '../../core/org/reviews/assessment.js';
import { outcomes } from '../../core/org/reviews/calibration.js';
import { openCycleSchema } from '../../core/org/reviews/cycle.js';
import { progressOf } from '../../core/org/reviews/progress.js';
import { todoFor } from '../../core/org/reviews/todo.js';
import { problem, refuse } from '../../core/input/value.js';
import type { StoredPerson } from '../../store/repositories/org/person-rows.js';
import { inBody } from '../errors.js';
import { forbidden, noPerson, type AskingEveryone as Asking, type Who } from '../org/asking.js';
import { answer } from '../responses.js';
import { idText, type App } from './common.js';

const cycleParams = z.strictObject({ id: idText });
const personParams = z.strictObject({ id: idText, personId: idText });
const loose = (what: string) => answer(z.object({}).loose(), what);
const tags = ['organisation', 'review cycles'];
const today = () => new Date().toISOString().slice(0, 10);

const peersBody = z.strictObject({
  peers: z
    .array(z.number().int().positive())
    .min(1, 'must name at least one peer')
    .max(20, 'must name at most 20 peers'),
  competencies: z.array(z.string().min(1).max(100)).min(1, 'must name at least one competency').max(50),
});
const adjustBody = z.strictObject({
  outcome: z.enum(outcomes),
  reason: z.string().trim().min(1, 'must give the reason').max(2000, 'must be at most 2000 characters'),
});

/**
 * Review cycles under /api/org/cycles: list, open, get, close; my to-do; my self-assessment, a
 * manager's assessment, peer requests and answers; self against manager; calibration and its
 * adjustments. Each route asks the policy first; a person one may not see is a 404.
 */
export async function cycleRoutes(app: App, who: Who): Promise<void> {
  const allow = (a: Asking, action: Action, what: string) => {
    if (!can(a.actor, action, { organisationId: a.principal.organisationId })) throw forbidden(what);
  };
  /** The person of the path, as the reader may see them under `read`, else 404. */
  const personOf = (a: Asking, id: number, read: Action = 'person.read'): StoredPerson => {
    const person = a.people.find((p) => p.id === id);
    if (!person || !can(a.actor, read, { organisationId: a.principal.organisationId, personId: id }))
      throw noPerson(id);
    return person;
  };
  const may = (a: Asking, action: Action, personId: number | undefined) =>
    personId !== undefined && can(a.actor, action, { organisationId: a.principal.organisationId, personId });
  /** The reader's own person; the policy has refused anyone without one before this is asked. */
  const me = (a: Asking) => a.people.find((p) => p.id === a.actor.personId)!;
  const cycleOf = async (request: FastifyRequest, id: number) =>
    (await who(request)).repositories.cycles.withFramework(id);

  app.get(
    '/org/cycles',
    { schema: { summary: 'The review cycles, oldest first', tags, response: { 200: loose('The cycles') } } },
    async (request) => {
      const a = await who(request);
      allow(a, 'cycle.read', 'reading the review cycles');
      return { items: await a.repositories.cycles.list() };
    },
  );

  app.post(
    '/org/cycles',
    {
      schema: {
        summary: 'Open a review cycle: a name, the framework version, the scope and the two deadlines',
        tags,
        body: openCycleSchema,
        response: { 201: loose('The cycle opened') },
      },
    },
    async (request, reply) => {
      const a = await who(request);
      allow(a, 'cycle.manage', 'opening a review cycle');
      const cycle = await inBody([], () => a.repositories.cycles.open(request.body));
      return reply.code(201).send(cycle);
    },
  );

  app.get(
    '/org/cycles/todo',
    {
      schema: {
        summary: 'What waits for me in the open cycles: my self step, my reports, peer requests',
        tags,
        response: { 200: loose('The to-do list') },
      },
    },
    async (request) => {
      const a = await who(request);
      allow(a, 'cycle.read', 'reading the review cycles');
      const mine = a.people.find((p) => p.id === a.actor.personId);
      if (!mine) return { items: [] };
      const cycles = (await a.repositories.cycles.list()).filter((c) => c.status === 'open');
      const assessments = await a.repositories.reviews.ofCycles(cycles.map((c) => c.id));
      const requests = (await Promise.all(cycles.map((c) => a.repositories.reviews.requests(c.id)))).flat();
      return { items: todoFor(mine, a.people, cycles, assessments, requests, today()) };
    },
  );

  app.get(
    '/org/cycles/:id',
    {
      schema: {
        summary: 'A review cycle and how far it has come',
        tags,
        params: cycleParams,
        response: { 200: loose('The cycle and its progress') },
      },
    },
    async (request) => {
      const a = await who(request);
      allow(a, 'cycle.read', 'reading the review cycles');
      const { cycle, version } = await cycleOf(request, request.params.id);
      const assessments = await a.repositories.reviews.assessments(cycle.id);
      const requests = await a.repositories.reviews.requests(cycle.id);
      const { competencies, scales } = version.framework;
      return {
        ...cycle,
        progress: progressOf(cycle, a.people, assessments, requests),
        // What the forms rate: each competency of the cycle's framework version, on its scale.
        competencies: competencies.map((c) => ({
          id: c.id,
          name: c.name,
          points: (scaleOf(c, scales)?.points ?? []).map((p) => ({ value: p.value, label: p.label })),
        })),
      };
    },
  );

  app.post(
    '/org/cycles/:id/close',
    {
      schema: {
        summary: 'Close a review cycle: it is frozen from then on',
        tags,
        params: cycleParams,
        response: { 200: loose('The cycle closed') },
      },
    },
    async (request) => {
      const a = await who(request);
      allow(a, 'cycle.manage', 'closing a review cycle');
      return a.repositories.cycles.close(request.params.id);
    },
  );

  const write = async (a: Asking, cycleId: number, person: StoredPerson, kind: AuthorKind, body: unknown) =>
    inBody([], () =>
      a.repositories.reviews.write({
        cycleId,
        person,
        kind,
        author: me(a),
        write: body as z.output<typeof writeAssessmentSchema>,
      }),
    );

  app.put(
    '/org/cycles/:id/self',
    {
      schema: {
        summary: 'Write my self-assessment (a draft, or submitted with submit: true)',
        tags,
        params: cycleParams,
        body: writeAssessmentSchema,
        response: { 200: loose('The assessment as stored') },
      },
    },
    async (request) => {
      const a = await who(request);
      if (!may(a, 'assessment.self.write', a.actor.personId)) throw forbidden('writing a self-assessment');
      return write(a, request.params.id, me(a), 'self', request.body);
    },
  );

  app.put(
    '/org/cycles/:id/people/:personId/manager',
    {
      schema: {
        summary: "Write the manager's assessment of a person below me",
        tags,
        params: personParams,
        body: writeAssessmentSchema,
        response: { 200: loose('The assessment as stored') },
      },
    },
    async (request) => {
      const a = await who(request);
      const person = personOf(a, request.params.personId);
      if (!may(a, 'assessment.manager.write', person.id)) throw forbidden("writing a manager's assessment");
      return write(a, request.params.id, person, 'manager', request.body);
    },
  );

  app.put(
    '/org/cycles/:id/people/:personId/peer',
    {
      schema: {
        summary: 'Answer a peer request about a person: only the competencies asked about',
        tags,
        params: personParams,
        body: writeAssessmentSchema,
        response: { 200: loose('The answer as stored') },
      },
    },
    async (request) => {
      const a = await who(request);
      const person = personOf(a, request.params.personId, 'directory.read');
      if (!may(a, 'assessment.peer.write', a.actor.personId)) throw forbidden('answering a peer request');
      return write(a, request.params.id, person, 'peer', request.body);
    },
  );

  app.post(
    '/org/cycles/:id/people/:personId/peers',
    {
      schema: {
        summary: 'Ask peers (person ids) to rate chosen competencies of a person',
        tags,
        params: personParams,
        body: peersBody,
        response: { 200: loose("The person's peer requests") },
      },
    },
    async (request) => {
      const a = await who(request);
      const person = personOf(a, request.params.personId);
      if (!may(a, 'peer.request', person.id)) throw forbidden('asking peers');
      const { peers, competencies } = request.body;
      const found = peers.map((id) => a.people.find((p) => p.id === id));
      const missing = found.flatMap((p, i) =>
        p ? [] : [problem(['body', 'peers', i], `no person with id ${peers[i]}`, 'unknown-reference')],
      );
      if (missing.length > 0) refuse('the peer request is not valid', missing);
      return {
        items: await inBody([], () =>
          a.repositories.reviews.request(
            request.params.id,
            person,
            me(a),
            found as StoredPerson[],
            competencies,
          ),
        ),
      };
    },
  );

  app.get(
    '/org/cycles/:id/people/:personId/comparison',
    {
      schema: {
        summary:
          "A person's self and manager assessments side by side, each with its verdict; against the current framework version too when the cycle's is older",
        tags,
        params: personParams,
        response: { 200: loose('Self against manager') },
      },
    },
    async (request) => {
      const a = await who(request);
      const person = personOf(a, request.params.personId, 'assessment.read');
      return a.repositories.comparisons.of(request.params.id, person, a.actor.personId);
    },
  );

  app.get(
    '/org/cycles/:id/calibration',
    {
      schema: {
        summary: 'Calibration: outcomes by manager, team, level and track, rating drift, fairness by gender',
        tags,
        params: cycleParams,
        response: { 200: loose('The calibration summary and each person’s outcome') },
      },
    },
    async (request) => {
      const a = await who(request);
      allow(a, 'calibration.read', 'reading calibration');
      const fairness = can(a.actor, 'person.gender.read', { organisationId: a.principal.organisationId });
      const summary = await a.repositories.calibration.summary(request.params.id, fairness);
      const byId = new Map(a.people.map((p) => [p.id, p]));
      return {
        ...summary,
        items: (await a.repositories.calibration.items(request.params.id)).map((j) => ({
          personId: j.personId,
          name: byId.get(j.personId)?.name ?? null,
          level: j.level,
          team: j.team,
          manager: j.manager,
          outcome: j.outcome,
          computed: j.computed,
          adjusted: j.adjusted ?? null,
          explanation: j.explanation,
        })),
      };
    },
  );

  app.post(
    '/org/cycles/:id/people/:personId/adjust',
    {
      schema: {
        summary: "Adjust a person's outcome in calibration, with the reason (audited)",
        tags,
        params: personParams,
        body: adjustBody,
        response: { 200: loose('The adjustment') },
      },
    },
    async (request) => {
      const a = await who(request);
      const person = personOf(a, request.params.personId);
      if (!may(a, 'calibration.adjust', person.id)) throw forbidden('adjusting an outcome');
      const { outcome, reason } = request.body;
      return inBody([], () => a.repositories.cycles.adjust(request.params.id, person, outcome, reason));
    },
  );
}
