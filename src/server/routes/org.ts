import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can, type Action } from '../../core/org/policy.js';
import { pageOf } from '../../store/repositories/common.js';
import { OrgRepositories } from '../../store/repositories/org/index.js';
import type { StoredPerson } from '../../store/repositories/org/person-rows.js';
import { inBody } from '../errors.js';
import { forbidden, noPerson, type Asking } from '../org/asking.js';
import { actorOf } from '../org/actor.js';
import { requirePrincipal } from '../org/auth.js';
import { idKey, nextCursor, nextCursorSchema, pageQuery, pageRequest } from '../pagination.js';
import { answer } from '../responses.js';
import { caseRoutes } from './cases.js';
import { cycleRoutes } from './cycles.js';
import type { App, Deps } from './common.js';
import { idParams } from './common.js';

/** What the directory shows of anyone: no level, dates, zone or gender. */
const directoryEntry = (p: StoredPerson) => ({
  id: p.id,
  name: p.name,
  email: p.email,
  team: p.team ?? null,
  managerEmail: p.managerEmail ?? null,
  status: p.status,
});

const personQuery = z.object({
  team: z.string().max(200).optional(),
  manager: z
    .string()
    .max(320)
    .optional()
    .describe("Everyone below this manager's email in the reporting tree."),
  q: z.string().max(200).optional().describe('Part of a name or email, in any case.'),
  ...pageQuery(idKey),
});

/**
 * The organisation API. Every route needs a session or an API token (401 without), and asks the
 * policy `can(actor, action, resource)` before it answers (403, or 404 for a person one may not see).
 */
export async function orgRoutes(app: App, { workspace }: Deps): Promise<void> {
  const db = workspace.db;
  const tags = ['organisation'];
  const asking = new WeakMap<FastifyRequest, Asking>();

  app.addHook('preHandler', async (request) => {
    const principal = await requirePrincipal(db, request);
    const repositories = new OrgRepositories({
      db,
      organisationId: principal.organisationId,
      actor: principal.email,
    });
    const people = await repositories.people.all();
    const cases = await repositories.cases.seatsOf(principal.personId);
    asking.set(request, { principal, actor: actorOf(principal, people, cases), repositories, people });
  });
  const who = (request: FastifyRequest) => asking.get(request)!;
  await cycleRoutes(app, who);
  await caseRoutes(app, who);
  const allowOrganisation = (a: Asking, action: Action, what: string) => {
    if (!can(a.actor, action, { organisationId: a.principal.organisationId })) throw forbidden(what);
  };

  app.get(
    '/org/people',
    {
      schema: {
        summary: 'The people directory: search and filters, a page at a time',
        tags,
        querystring: personQuery,
        response: {
          200: answer(
            z.object({
              items: z.array(z.object({ id: z.number(), name: z.string(), email: z.string() }).loose()),
              nextCursor: nextCursorSchema,
            }),
            'A page of the directory',
          ),
        },
      },
    },
    async (request) => {
      const a = who(request);
      allowOrganisation(a, 'directory.read', 'reading the directory');
      const { team, manager, q } = request.query;
      const needle = q?.trim().toLowerCase();
      const listed = (await a.repositories.people.list({ team, manager }))
        .filter(
          (p) => needle === undefined || p.name.toLowerCase().includes(needle) || p.email.includes(needle),
        )
        .sort((x, y) => x.id - y.id);
      const { after, limit } = pageRequest(request.query);
      const page = pageOf(
        listed.filter((p) => after === undefined || p.id > after).slice(0, limit + 1),
        limit,
        (p) => p.id,
      );
      return { items: page.items.map(directoryEntry), nextCursor: nextCursor(page) };
    },
  );

  app.get(
    '/org/people/:id',
    {
      schema: {
        summary: "A person's record (gender only for hr and admin); 404 for one you may not see",
        tags,
        params: idParams,
        response: { 200: answer(z.object({ id: z.number() }).loose(), 'The person') },
      },
    },
    async (request) => {
      const a = who(request);
      const { id } = request.params;
      const person = a.people.find((p) => p.id === id);
      const resource = person && { organisationId: a.principal.organisationId, personId: person.id };
      if (!person || !can(a.actor, 'person.read', resource)) throw noPerson(id);
      const { gender, frameworkVersionId: _version, ...record } = person;
      return can(a.actor, 'person.gender.read', resource) && gender !== undefined
        ? { ...record, gender }
        : record;
    },
  );

  app.patch(
    '/org/people/:id',
    {
      schema: {
        summary:
          "Change a person's manager, team, level … (the reporting tree is checked); null clears a field",
        tags,
        params: idParams,
        body: z
          .object({
            name: z.string(),
            level: z.string(),
            specialisation: z.string().nullable(),
            managerEmail: z.string().nullable(),
            team: z.string().nullable(),
            zone: z.string().nullable(),
            levelStartDate: z.string(),
          })
          .partial()
          .strict(),
        response: { 200: answer(z.object({ id: z.number() }).loose(), 'The person as changed') },
      },
    },
    async (request) => {
      const a = who(request);
      const { id } = request.params;
      const person = a.people.find((p) => p.id === id);
      const resource = person && { organisationId: a.principal.organisationId, personId: person.id };
      if (!person || !can(a.actor, 'person.read', resource)) throw noPerson(id);
      if (!can(a.actor, 'person.write', resource)) throw forbidden("changing a person's record");
      // null clears a field: the repository drops undefined ones from the merged record.
      const changes = Object.fromEntries(
        Object.entries(request.body).map(([key, value]) => [key, value === null ? undefined : value]),
      );
      const changed = await inBody([], () => a.repositories.people.update(person.email, changes));
      const { frameworkVersionId: _version, ...record } = changed;
      return record;
    },
  );

  app.get(
    '/org/audit',
    {
      schema: {
        summary: 'The audit log, newest last; filters person (email), actor, kind, since, until',
        tags,
        querystring: z.object({
          person: z.string().max(320).optional(),
          actor: z.string().max(320).optional(),
          kind: z.string().max(100).optional(),
          since: z.iso.datetime().optional(),
          until: z.iso.datetime().optional(),
        }),
        response: { 200: answer(z.object({ items: z.array(z.object({}).loose()) }), 'The entries') },
      },
    },
    async (request) => {
      const a = who(request);
      allowOrganisation(a, 'audit.read', 'reading the audit log');
      const { person, ...rest } = request.query;
      return { items: await a.repositories.audit.list({ ...rest, subject: person?.trim().toLowerCase() }) };
    },
  );

  app.get(
    '/org/frameworks',
    {
      schema: {
        summary: "The organisation's framework versions, oldest first",
        tags,
        response: { 200: answer(z.object({ items: z.array(z.object({}).loose()) }), 'The versions') },
      },
    },
    async (request) => {
      const a = who(request);
      allowOrganisation(a, 'framework.read', 'reading the framework versions');
      return { items: await a.repositories.frameworks.versions() };
    },
  );
}
