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

/**
 * The action each route asks the policy about; a route missing here fails the test. Writes are sent
 * `body` when they have one, else an empty body or a missing id: allowed, those answer `allowed`
 * (the body's 400, the id's 404), so that the policy is seen to answer first and nothing is written.
 */
const actionOf: Record<
  string,
  { action: Action; person?: true; write?: Action; query?: string; body?: () => object; allowed?: number }
> = {
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
  'GET /api/org/reports/pay-gap': { action: 'pay.report', query: '?period=2026' },
  'GET /api/org/reports/bands': { action: 'pay.report' },
  'GET /api/org/reports/structure': { action: 'structure.read' },
  'POST /api/org/people/import': { action: 'people.import', allowed: 400 },
  'GET /api/org/people/export': { action: 'people.export' },
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

const bandsFile = readTextFile(join(repoRoot, 'examples', 'pay.yaml'));
const payCsv = [
  'email,period,base,variable,fte',
  'ana@acme.test,2026,150000,20000,',
  'ben@acme.test,2026,100000,,',
  'cy@acme.test,2026,70000,,',
  'dee@acme.test,2026,72000,,0.9',
].join('\n');

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
  await acme.pay.setBands(bandsFile, 'pay.yaml');
  await acme.pay.importCsv(readCsvRecords(payCsv, 'pay.csv'));
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
    const { action, person, write, query = '', body, allowed = 200 } = actionOf[route]!;
    const [method, path] = route.split(' ') as [string, string];
    const payload = body ? body() : method !== 'GET' && method !== 'DELETE' ? {} : undefined;
    for (const target of person ? targets : [undefined]) {
      const at =
        target === undefined
          ? path.replace('{id}', '999999').replace('{name}', 'no-such-token')
          : path.replace('{id}', String(target));
      const url = `${at}${query}`;
      for (const role of [...Object.keys(accountOf), undefined] as (Role | undefined)[]) {
        const response = await app.inject({
          method: method as 'GET' | 'PATCH' | 'PUT' | 'POST' | 'DELETE',
          url,
          headers: {
            ...(role && { authorization: `Bearer ${tokens.get(role)}` }),
            ...(payload && { 'content-type': 'application/json' }),
          },
          ...(payload && { payload }),
        });
        calls++;
        let expected: number;
        if (role === undefined) expected = 401;
        else {
          const self = people.find((p) => p.email === accountOf[role]);
          const below = self ? subtreeOf(people, self.email) : new Set<string>();
          const subtreeIds = new Set(people.filter((p) => below.has(p.email)).map((p) => p.id));
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
            // The oracle: the whole subtree, from the core's tree over everyone.
            subtreeIds,
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
  // 22 routes without a person's id and 4 with 6 targets, each as 5 roles and nobody.
  expect(calls).toBe((22 + 4 * 6) * 6);
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
