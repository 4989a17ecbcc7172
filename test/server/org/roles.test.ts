import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { can, type Action, type Role } from '../../../src/core/org/policy.js';
import { subtreeOf } from '../../../src/core/org/tree.js';
import { buildServer } from '../../../src/server/app.js';
import { actorOf } from '../../../src/server/org/actor.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import type { StoredPerson } from '../../../src/store/repositories/org/person-rows.js';
import { ApiTokenRepository } from '../../../src/store/repositories/org/tokens.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation, peopleCsv } from '../../helpers/org.js';
import { readTextFile } from '../../../src/store/files.js';
import { readCsvRecords } from '../../../src/store/spreadsheet.js';
import { repoRoot, tempDir } from '../../helpers/cli.js';

/**
 * Every /api/org route, as listed by the server itself (its OpenAPI document, generated from the
 * route table), called as every role and as nobody, on people of the organisation (self, a report,
 * someone else) and of another organisation: the status must be what the policy says.
 */

const csv = (rows: string[]) =>
  peopleCsv(rows, 'name,email,level,manager_email,team,start_date,level_start_date');

interface RouteCase {
  action: Action;
  /** The route's `{id}` or `{personId}` is each target person in turn. */
  person?: true;
  /** The second action a route asks, once the first allowed it. */
  write?: Action;
  /** The action is asked about the reader's own person. */
  self?: true;
  /** The route's `{id}` is a review cycle: the one open cycle, or a fresh one per call. */
  cycle?: 'open' | 'fresh';
  /** The status of an allowed call, when not 200. */
  ok?: number;
  /** The status of a call the policy allows but the data refuses, for this target. */
  refused?: (target: number | undefined) => number | undefined;
  /** The body of a write: an empty one when missing, which an allowed call answers with `ok` (its 400). */
  body?: (role: Role, target: number | undefined) => object;
  /** The route's `{id}` is a promotion case of each of Cy and Dee, made fresh in this state, or a missing one. */
  kase?: 'open' | 'seated' | 'voted' | 'decided';
  /** A list each reader sees filtered: 200 for anyone signed in. */
  listed?: true;
  /** The person the policy is asked about is the body's `personId`, each target in turn. */
  bodyPerson?: true;
  /** A query string the route needs. */
  query?: string;
}

const draft = { ratings: { debugging: { rating: 3 } }, submit: false };
let cycles = 0;

/** The action each route asks the policy about; a route missing here fails the test. */
/**
 * The action each route asks the policy about; a route missing here fails the test. A write without
 * a body is sent an empty one, a route on a missing id an id nobody has: allowed, those answer
 * `ok` (the body's 400, the id's 404), so that the policy is seen to answer first.
 */
const actionOf: Record<string, RouteCase> = {
  'GET /api/org/people': { action: 'directory.read' },
  'GET /api/org/people/{id}': { action: 'person.read', person: true },
  'PATCH /api/org/people/{id}': {
    action: 'person.read',
    person: true,
    write: 'person.write',
    body: () => ({}),
  },
  'GET /api/org/audit': { action: 'audit.read' },
  'GET /api/org/frameworks': { action: 'framework.read' },
  'GET /api/org/pay/bands': { action: 'pay.criteria.read' },
  'PUT /api/org/pay/bands': { action: 'pay.write', body: () => ({ source: bandsFile }) },
  'POST /api/org/pay/import': { action: 'pay.write', body: () => ({ csv: payCsv }) },
  'GET /api/org/pay/people/{id}': { action: 'pay.read', person: true },
  'GET /api/org/pay/people/{id}/information': { action: 'pay.request', person: true, query: '?period=2026' },
  'POST /api/org/pay/justifications': {
    action: 'pay.justify',
    body: () => ({ period: '2026', category: 'band-3', reason: 'On-call allowances' }),
  },
  'GET /api/org/pay/criteria': { action: 'pay.criteria.read' },
  'GET /api/org/pay/periods': { action: 'pay.report' },
  'GET /api/org/reports/pay-gap': { action: 'pay.report', query: '?period=2026' },
  'GET /api/org/reports/bands': { action: 'pay.report' },
  'GET /api/org/reports/structure': { action: 'structure.read' },
  'POST /api/org/people/import': { action: 'people.import', ok: 400 },
  'GET /api/org/people/export': { action: 'people.export' },
  'POST /api/org/frameworks': { action: 'framework.adopt', ok: 400 },
  'POST /api/org/frameworks/plan': { action: 'framework.plan', ok: 400 },
  'GET /api/org/accounts': { action: 'account.manage' },
  'POST /api/org/accounts': { action: 'account.manage', ok: 400 },
  'PATCH /api/org/accounts/{id}': { action: 'account.manage', ok: 400 },
  'POST /api/org/accounts/{id}/reset-link': { action: 'account.manage', ok: 404 },
  'GET /api/org/tokens': { action: 'account.manage' },
  'POST /api/org/tokens': { action: 'account.manage', ok: 400 },
  'DELETE /api/org/tokens/{name}': { action: 'account.manage', ok: 404 },
  'GET /api/org/cycles': { action: 'cycle.read' },
  'POST /api/org/cycles': {
    action: 'cycle.manage',
    ok: 201,
    body: () => ({ name: `cycle ${++cycles}`, selfDue: '2026-12-10', managerDue: '2026-12-20' }),
  },
  'GET /api/org/cycles/todo': { action: 'cycle.read' },
  'GET /api/org/cycles/{id}': { action: 'cycle.read', cycle: 'open' },
  'POST /api/org/cycles/{id}/close': { action: 'cycle.manage', cycle: 'fresh' },
  'GET /api/org/cycles/{id}/calibration': { action: 'calibration.read', cycle: 'open' },
  'PUT /api/org/cycles/{id}/self': {
    action: 'assessment.self.write',
    self: true,
    cycle: 'open',
    body: () => draft,
  },
  'PUT /api/org/cycles/{id}/people/{personId}/manager': {
    action: 'person.read',
    person: true,
    write: 'assessment.manager.write',
    cycle: 'open',
    body: () => draft,
  },
  'PUT /api/org/cycles/{id}/people/{personId}/peer': {
    action: 'directory.read',
    person: true,
    write: 'assessment.peer.write',
    self: true,
    cycle: 'open',
    body: () => draft,
    // Nobody asked Cy to rate himself.
    refused: (target) => (target === people.find((p) => p.email === 'cy@acme.test')!.id ? 409 : undefined),
  },
  'POST /api/org/cycles/{id}/people/{personId}/peers': {
    action: 'person.read',
    person: true,
    write: 'peer.request',
    cycle: 'open',
    // The two who may ask for Cy (Cy himself, Ben his manager) each ask someone new.
    body: (role) => ({
      peers: [people.find((p) => p.email === (role === 'manager' ? 'dee@acme.test' : 'ana@acme.test'))!.id],
      competencies: ['debugging'],
    }),
  },
  'GET /api/org/cycles/{id}/people/{personId}/comparison': {
    action: 'assessment.read',
    person: true,
    cycle: 'open',
  },
  'GET /api/org/people/{id}/ratings': { action: 'assessment.read', person: true },
  'POST /api/org/cycles/{id}/people/{personId}/adjust': {
    action: 'person.read',
    person: true,
    write: 'calibration.adjust',
    cycle: 'open',
    body: () => ({ outcome: 'meets', reason: 'agreed in calibration' }),
  },
  'GET /api/org/cases': { action: 'case.read', listed: true },
  'POST /api/org/cases': {
    action: 'person.read',
    person: true,
    bodyPerson: true,
    write: 'case.nominate',
    ok: 201,
    body: (_role, target) => ({ personId: target, targetLevel: 'principal' }),
  },
  'GET /api/org/cases/{id}': { action: 'case.read', kase: 'open' },
  'POST /api/org/cases/{id}/committee': {
    action: 'case.read',
    write: 'case.assign',
    kase: 'open',
    body: (_role, target) => ({ members: [target === id('cy') ? id('dee') : id('cy')] }),
  },
  'POST /api/org/cases/{id}/votes': {
    action: 'case.read',
    write: 'case.vote',
    kase: 'seated',
    body: () => ({ vote: 'approve', rationale: 'ready' }),
  },
  'POST /api/org/cases/{id}/decision': {
    action: 'case.read',
    write: 'case.decide',
    kase: 'voted',
    body: () => ({ decision: 'defer', rationale: 'one more quarter' }),
  },
  'POST /api/org/cases/{id}/appeal': {
    action: 'case.read',
    write: 'case.appeal',
    kase: 'decided',
    body: () => ({ reason: 'the evidence was missed' }),
  },
};

const bandsFile = readTextFile(join(repoRoot, 'examples', 'pay.yaml'));
const payCsv = [
  'email,period,base,variable,fte',
  'ana@acme.test,2026,150000,20000,',
  'ben@acme.test,2026,100000,,',
  'cy@acme.test,2026,70000,,',
  'dee@acme.test,2026,72000,,0.9',
].join('\n');

const id = (name: string) => people.find((p) => p.email === `${name}@acme.test`)!.id;

/** A fresh case about `personId` (Cy, whose manager Ben nominates; or Dee, Ana), in `state`. */
async function freshCase(personId: number, state: NonNullable<RouteCase['kase']>): Promise<number> {
  const person = people.find((p) => p.id === personId)!;
  const nominator = people.find((p) => p.email === person.managerEmail)!;
  const other = people.find((p) => p.id === (personId === id('cy') ? id('dee') : id('cy')))!;
  const c = await acme.cases.nominate(person, nominator, 'principal');
  if (state === 'open') return c.id;
  await acme.cases.assign(c.id, [other.id]);
  if (state === 'seated') return c.id;
  await acme.cases.vote(c.id, other, 'defer', 'one more quarter');
  if (state === 'voted') return c.id;
  await acme.cases.decide(c.id, 'defer', 'one more quarter');
  return c.id;
}

const accountOf: Record<Role, string> = {
  admin: 'root@acme.test',
  hr: 'hr@acme.test',
  manager: 'ben@acme.test',
  employee: 'cy@acme.test',
  committee: 'com@acme.test',
};

let workspace: Workspace;
let app: Awaited<ReturnType<typeof buildServer>>;
let acme: OrgRepositories;
let people: StoredPerson[];
const tokens = new Map<Role, string>();
const targets: number[] = [];
let openCycle: number;

beforeAll(async () => {
  workspace = await Workspace.open(join(tempDir(), 'org.sqlite'));
  acme = await newOrganisation(workspace, 'Acme', 'root@acme.test', 'test');
  const globex = await newOrganisation(workspace, 'Globex', 'root@globex.test', 'test');
  await acme.people.importCsv(
    csv([
      'Ana,ana@acme.test,director,,Core,2020-01-01,2022-01-01',
      'Ben,ben@acme.test,em,ana@acme.test,Core,2021-01-01,2021-01-01',
      'Cy,cy@acme.test,senior,ben@acme.test,Core,2022-01-01,2023-01-01',
      'Dee,dee@acme.test,senior,ana@acme.test,Web,2022-01-01,2023-01-01',
    ]),
    new Map(),
  );
  await globex.people.importCsv(csv(['Gil,gil@globex.test,senior,,Ops,2020-01-01,2020-01-01']), new Map());
  await acme.accounts.create('hr@acme.test', ['hr']);
  await acme.accounts.create('ben@acme.test', ['manager']);
  await acme.accounts.create('cy@acme.test', []);
  await acme.accounts.create('com@acme.test', ['committee']);
  const t = new ApiTokenRepository(acme.scope);
  for (const [role, email] of Object.entries(accountOf) as [Role, string][])
    tokens.set(role, (await t.create(email, role, role)).token);
  await acme.pay.setBands(bandsFile, 'pay.yaml');
  await acme.pay.importCsv(readCsvRecords(payCsv, 'pay.csv'));
  people = await acme.people.all();
  // Ana (above everyone), Ben (the manager himself), Cy (his report, the employee), Dee (nobody's
  // report but Ana's), Gil (another organisation), and an id nobody has.
  targets.push(...people.map((p) => p.id), (await globex.people.all())[0]!.id, 999_999);
  app = await buildServer({ workspace });
  openCycle = (await acme.cycles.open({ name: 'open', selfDue: '2026-12-10', managerDue: '2026-12-20' })).id;
  // Cy (the employee) is asked to rate everyone else of Acme; asked about himself, he is refused.
  const cy = people.find((p) => p.email === 'cy@acme.test')!;
  for (const other of people.filter((p) => p !== cy))
    await acme.reviews.request(openCycle, other, other, [cy], ['debugging']);
});
afterAll(async () => {
  await app.close();
  await workspace.close();
});

it('answers every /api/org route as the policy table says, for every role and nobody', async () => {
  const paths = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths as Record<
    string,
    object
  >;
  const routes = Object.entries(paths)
    .filter(([path]) => path.startsWith('/api/org'))
    .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
  expect(routes.sort()).toEqual(Object.keys(actionOf).sort());

  let calls = 0;
  for (const route of routes) {
    const {
      action,
      person,
      write,
      self: own,
      cycle,
      ok,
      refused,
      body,
      kase,
      listed,
      bodyPerson,
      query = '',
    } = actionOf[route]!;
    const [method, path] = route.split(' ') as [string, string];
    const over = person ? targets : kase ? [id('cy'), id('dee'), undefined] : [undefined];
    for (const target of over) {
      for (const role of [...Object.keys(accountOf), undefined] as (Role | undefined)[]) {
        const caseId = kase && (target === undefined ? 999_999 : await freshCase(target, kase));
        const cycleId =
          cycle === 'fresh'
            ? (
                await acme.cycles.open({
                  name: `fresh ${++cycles}`,
                  selfDue: '2026-12-10',
                  managerDue: '2026-12-20',
                })
              ).id
            : openCycle;
        const at = cycle
          ? path.replace('{id}', String(cycleId)).replace('{personId}', String(target))
          : kase
            ? path.replace('{id}', String(caseId))
            : bodyPerson
              ? path
              : target === undefined
                ? path.replace('{id}', '999999').replace('{name}', 'no-such-token')
                : path.replace('{id}', String(target));
        const url = `${at}${query}`;
        const payload =
          method === 'GET' || method === 'DELETE' ? undefined : (body?.(role ?? 'employee', target) ?? {});
        const response = await app.inject({
          method: method as 'GET' | 'PATCH' | 'PUT' | 'POST' | 'DELETE',
          url,
          headers: {
            ...(role && { authorization: `Bearer ${tokens.get(role)}` }),
            ...(method !== 'GET' && { 'content-type': 'application/json' }),
          },
          ...(payload !== undefined && { payload }),
        });
        calls++;
        let expected: number;
        if (role === undefined) expected = 401;
        else {
          const me = people.find((p) => p.email === accountOf[role]);
          const below = me ? subtreeOf(people, me.email) : new Set<string>();
          const subtreeIds = new Set(people.filter((p) => below.has(p.email)).map((p) => p.id));
          const actor = actorOf(
            {
              organisationId: acme.scope.organisationId,
              accountId: 0,
              email: accountOf[role],
              personId: me?.id,
              roles: [role],
              via: 'token',
              credentialId: 0,
            },
            // The oracle: the whole subtree, from the core's tree over everyone.
            subtreeIds,
            new Set(),
            await acme.cases.seatsOf(me?.id),
          );
          const resource = kase
            ? target === undefined
              ? undefined
              : { organisationId: acme.scope.organisationId, personId: target, caseId }
            : !person
              ? { organisationId: acme.scope.organisationId, ...(own && { personId: me?.id }) }
              : people.some((p) => p.id === target)
                ? { organisationId: acme.scope.organisationId, personId: target }
                : undefined;
          const asked = own ? { organisationId: acme.scope.organisationId, personId: me?.id } : resource;
          if (listed) expected = 200;
          else if (!can(actor, action, resource)) expected = person || kase ? 404 : 403;
          else if (write && !can(actor, write, asked)) expected = 403;
          else expected = refused?.(target) ?? ok ?? 200;
        }
        expect(response.statusCode, `${route} ${url} as ${role ?? 'nobody'}: ${response.body}`).toBe(
          expected,
        );
      }
    }
  }
  // 31 routes without a person's or case's id, 11 with a person's over 6 targets, 5 with a case's
  // over 3; each as 5 roles and nobody.
  expect(calls).toBe((31 + 11 * 6 + 5 * 3) * 6);
});

it("lets a manager read their subtree's pay only once the organisation turns managers-see-pay on", async () => {
  const ben = tokens.get('manager')!;
  const idOf = (email: string) => people.find((p) => p.email === email)!.id;
  const payOf = (email: string) =>
    app.inject({
      method: 'GET',
      url: `/api/org/pay/people/${idOf(email)}`,
      headers: { authorization: `Bearer ${ben}` },
    });
  expect((await payOf('cy@acme.test')).statusCode).toBe(404);
  await acme.settings.set('managers-see-pay', true);
  try {
    const cy = await payOf('cy@acme.test');
    expect(cy.statusCode).toBe(200);
    expect(cy.json().items).toEqual([{ period: '2026', currency: 'EUR', base: 70000, variable: 0, fte: 1 }]);
    // Not Dee, who is not below him, nor Ben himself (his own pay is the employee role's to read).
    expect((await payOf('dee@acme.test')).statusCode).toBe(404);
    expect((await payOf('ben@acme.test')).statusCode).toBe(404);
    // The pay-gap report stays hr's and admin's.
    const report = await app.inject({
      method: 'GET',
      url: '/api/org/reports/pay-gap?period=2026',
      headers: { authorization: `Bearer ${ben}` },
    });
    expect(report.statusCode).toBe(403);
  } finally {
    await acme.settings.set('managers-see-pay', false);
  }
});
