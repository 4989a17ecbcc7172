import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { can, type Action, type Role } from '../../../src/core/org/policy.js';
import { buildServer } from '../../../src/server/app.js';
import { actorOf } from '../../../src/server/org/actor.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import type { StoredPerson } from '../../../src/store/repositories/org/person-rows.js';
import { ApiTokenRepository } from '../../../src/store/repositories/org/tokens.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation, peopleCsv } from '../../helpers/org.js';
import { tempDir } from '../../helpers/cli.js';

/**
 * Every /api/org route, as listed by the server itself (its OpenAPI document, generated from the
 * route table), called as every role and as nobody, on people of the organisation (self, a report,
 * someone else) and of another organisation: the status must be what the policy says.
 */

const csv = (rows: string[]) =>
  peopleCsv(rows, 'name,email,level,manager_email,team,start_date,level_start_date');

/**
 * The action each route asks the policy about; a route missing here fails the test. Writes on the
 * whole organisation are sent an empty body, or a missing id: allowed, they answer `allowed` (the
 * body's 400, the id's 404), so that the policy is seen to answer first and nothing is written.
 */
const actionOf: Record<string, { action: Action; person?: true; write?: Action; allowed?: number }> = {
  'GET /api/org/people': { action: 'directory.read' },
  'GET /api/org/people/{id}': { action: 'person.read', person: true },
  'PATCH /api/org/people/{id}': { action: 'person.read', person: true, write: 'person.write' },
  'POST /api/org/people/import': { action: 'people.import', allowed: 400 },
  'GET /api/org/people/export': { action: 'people.export' },
  'GET /api/org/audit': { action: 'audit.read' },
  'GET /api/org/frameworks': { action: 'framework.read' },
  'POST /api/org/frameworks': { action: 'framework.adopt', allowed: 400 },
  'POST /api/org/frameworks/plan': { action: 'framework.plan', allowed: 400 },
  'GET /api/org/accounts': { action: 'account.manage' },
  'POST /api/org/accounts': { action: 'account.manage', allowed: 400 },
  'PATCH /api/org/accounts/{id}': { action: 'account.manage', allowed: 400 },
  'POST /api/org/accounts/{id}/reset-link': { action: 'account.manage', allowed: 404 },
  'GET /api/org/tokens': { action: 'account.manage' },
  'POST /api/org/tokens': { action: 'account.manage', allowed: 400 },
  'DELETE /api/org/tokens/{name}': { action: 'account.manage', allowed: 404 },
};

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
  people = await acme.people.all();
  // Ana (above everyone), Ben (the manager himself), Cy (his report, the employee), Dee (nobody's
  // report but Ana's), Gil (another organisation), and an id nobody has.
  targets.push(...people.map((p) => p.id), (await globex.people.all())[0]!.id, 999_999);
  app = await buildServer({ workspace });
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
    const { action, person, write, allowed = 200 } = actionOf[route]!;
    const [method, path] = route.split(' ') as [string, string];
    const writing = method !== 'GET';
    for (const target of person ? targets : [undefined]) {
      const url =
        target === undefined
          ? path.replace('{id}', '999999').replace('{name}', 'no-such-token')
          : path.replace('{id}', String(target));
      for (const role of [...Object.keys(accountOf), undefined] as (Role | undefined)[]) {
        const response = await app.inject({
          method: method as 'GET' | 'PATCH' | 'POST' | 'DELETE',
          url,
          headers: {
            ...(role && { authorization: `Bearer ${tokens.get(role)}` }),
            ...(writing && { 'content-type': 'application/json' }),
          },
          ...(writing && method !== 'DELETE' && { payload: {} }),
        });
        calls++;
        let expected: number;
        if (role === undefined) expected = 401;
        else {
          const self = people.find((p) => p.email === accountOf[role]);
          const actor = actorOf(
            {
              organisationId: acme.scope.organisationId,
              accountId: 0,
              email: accountOf[role],
              personId: self?.id,
              roles: [role],
              via: 'token',
              credentialId: 0,
            },
            people,
          );
          const resource = !person
            ? { organisationId: acme.scope.organisationId }
            : people.some((p) => p.id === target)
              ? { organisationId: acme.scope.organisationId, personId: target }
              : undefined;
          if (!can(actor, action, resource)) expected = person ? 404 : 403;
          else if (write && !can(actor, write, resource)) expected = 403;
          else expected = allowed;
        }
        expect(response.statusCode, `${route} ${url} as ${role ?? 'nobody'}: ${response.body}`).toBe(
          expected,
        );
      }
    }
  }
  // 14 routes without a person's id and 2 with 6 targets, each as 5 roles and nobody.
  expect(calls).toBe((14 + 2 * 6) * 6);
});
