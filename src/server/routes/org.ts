import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorNeeds, can, type Action, type OrgSetting } from '../../core/org/policy.js';
import { pageOf } from '../../store/repositories/common.js';
import { OrgRepositories, orgScope } from '../../store/repositories/org/index.js';
import type { DirectoryRow } from '../../store/repositories/org/directory.js';
import { inBody, TransportError } from '../errors.js';
import { actorOf } from '../org/actor.js';
import {
  forbidden,
  noPerson,
  personFor,
  withEveryone,
  type Asking,
  type AskingEveryone,
} from '../org/asking.js';
import { orgPayRoutes } from './org-pay.js';
import { idKey, nextCursor, nextCursorSchema, pageQuery, pageRequest } from '../pagination.js';
import { answer } from '../responses.js';
import { caseRoutes } from './cases.js';
import { cycleRoutes } from './cycles.js';
import { ratingsRoutes } from './ratings.js';
import type { App, Deps } from './common.js';
import { orgAccountRoutes } from './org-accounts.js';
import { orgAdminRoutes } from './org-admin.js';
import { idParams } from './common.js';

/** What the directory shows of anyone: no level, dates, zone or gender. */
const directoryEntry = (p: DirectoryRow) => ({
  id: p.id,
  name: p.name,
  email: p.email,
  team: p.team,
  managerEmail: p.manager_email,
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
export async function orgRoutes(app: App, { workspace, principals }: Deps): Promise<void> {
  const db = workspace.db;
  const tags = ['organisation'];
  const asking = new WeakMap<FastifyRequest, Asking>();

  // Before the body is validated: who asks, and may they, is answered before what they sent.
  app.addHook('preValidation', async (request) => {
    const principal = await principals.require(request);
    const repositories = new OrgRepositories(orgScope(db, principal.organisationId, principal.email));
    const needs = actorNeeds(principal.roles);
    const settings = needs.settings ? await repositories.settings.on() : new Set<OrgSetting>();
    const cases = needs.cases ? await repositories.cases.seatsOf(principal.personId) : new Set<number>();
    asking.set(request, {
      principal,
      actor: actorOf(principal, new Set(), settings, cases),
      repositories,
      settings,
      cases,
    });
  });
  const who = (request: FastifyRequest) => asking.get(request)!;
  const everyone = new WeakMap<FastifyRequest, Promise<AskingEveryone>>();
  const whoWithEveryone = (request: FastifyRequest) => {
    let found = everyone.get(request);
    if (!found) everyone.set(request, (found = withEveryone(who(request))));
    return found;
  };
  await cycleRoutes(app, whoWithEveryone);
  await caseRoutes(app, whoWithEveryone);
  ratingsRoutes(app, who);
  const allowOrganisation = (a: Asking, action: Action, what: string) => {
    if (!can(a.actor, action, { organisationId: a.principal.organisationId })) throw forbidden(what);
  };
  /** A route's own check of an action on the whole organisation, before its body is validated. */
  const allow = (action: Action, what: string) => async (request: FastifyRequest) =>
    allowOrganisation(who(request), action, what);

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
      let below: number | undefined;
      if (manager !== undefined) {
        const found = await a.repositories.people.byEmail(manager);
        if (!found)
          throw new TransportError(
            'not-found',
            `no person with email ${manager.trim().toLowerCase()} in the organisation`,
          );
        below = found.id;
      }
      const { after, limit } = pageRequest(request.query);
      const rows = await a.repositories.people.directory({ team, below, q, after, limit });
      const page = pageOf(rows, limit, (p) => p.id);
      return { items: page.items.map(directoryEntry), nextCursor: nextCursor(page) };
    },
  );

  app.get(
    '/org/people/:id',
    {
      schema: {
        summary:
          "A person's record with its level's title and the levels held (gender only for hr and admin); 404 for one you may not see",
        tags,
        params: idParams,
        response: { 200: answer(z.object({ id: z.number() }).loose(), 'The person') },
      },
    },
    async (request) => {
      const a = who(request);
      const { id } = request.params;
      const { person, actor, resource } = await personFor(a, id);
      if (!person || !can(actor, 'person.read', resource)) throw noPerson(id);
      const { gender, frameworkVersionId, ...record } = person;
      const version = await a.repositories.frameworks.byId(frameworkVersionId);
      const shown = {
        ...record,
        levelTitle: version?.framework.levels.find((l) => l.id === person.level)?.title ?? null,
        frameworkVersion: version?.number ?? null,
        levelHistory: (await a.repositories.levelHistory.ofPerson(person.id)).map(
          ({ frameworkVersionId: _v, ...held }) => held,
        ),
      };
      return can(actor, 'person.gender.read', resource) && gender !== undefined
        ? { ...shown, gender }
        : shown;
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
      const { person, actor, resource } = await personFor(a, id);
      if (!person || !can(actor, 'person.read', resource)) throw noPerson(id);
      if (!can(actor, 'person.write', resource)) throw forbidden("changing a person's record");
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

  orgPayRoutes(app, who);
  const context = { who, allow };
  await orgAdminRoutes(app, context);
  await orgAccountRoutes(app, context);
}

/** What the organisation's other route files take from this one: who asks, and a policy check. */
export interface OrgContext {
  who: (request: FastifyRequest) => Asking;
  allow: (action: Action, what: string) => (request: FastifyRequest) => Promise<void>;
}
