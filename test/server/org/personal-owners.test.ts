import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/server/app.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import { ApiTokenRepository } from '../../../src/store/repositories/org/tokens.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation } from '../../helpers/org.js';
import { stores } from '../../helpers/stores.js';

/**
 * Each signed-in account's own personal data in an organisation workspace, on each store: person A
 * never reads or changes person B's rows, whatever ids are forged; the CLI's person (owner 0) keeps
 * theirs; the framework is the organisation's.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const write = { origin: 'http://localhost', 'content-type': 'application/json' };

describe.each(stores())('personal data per account ($kind)', (store) => {
  let workspace: Workspace;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let acme: OrgRepositories;
  const tokens: Record<string, string> = {};
  const call = (who: string, method: Method, url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { ...write, authorization: `Bearer ${tokens[who]}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  /** B's rows, made through the API: an entry, an assessment linking it, an offer, a profile. */
  const b: Record<string, number> = {};

  beforeAll(async () => {
    workspace = await Workspace.open(await store.fresh());
    // The one person of the workspace, as the command line writes: owner 0.
    await workspace.evidence.create(
      { date: '2025-01-01', title: 'CLI entry' },
      (await workspace.activeFramework()).framework,
    );
    acme = await newOrganisation(workspace, 'Acme', 'root@acme.test');
    const globex = await newOrganisation(workspace, 'Globex', 'root@globex.test');
    await acme.accounts.create('ana@acme.test', ['employee']);
    await acme.accounts.create('ben@acme.test', ['employee']);
    const t = new ApiTokenRepository(acme.scope);
    tokens.ana = (await t.create('ana@acme.test', 'employee', 'ana')).token;
    tokens.ben = (await t.create('ben@acme.test', 'employee', 'ben')).token;
    tokens.gil = (
      await new ApiTokenRepository(globex.scope).create('root@globex.test', 'admin', 'gil')
    ).token;
    app = await buildServer({ workspace });

    const entry = await call('ben', 'POST', '/api/evidence', { date: '2026-01-05', title: 'Ben shipped' });
    expect(entry.statusCode).toBe(201);
    b.evidence = entry.json().id;
    const assessment = await call('ben', 'POST', '/api/assessments', {
      date: '2026-01-06',
      current: 'senior',
      ratings: { delivery: 3 },
      evidence: { delivery: [b.evidence] },
    });
    expect(assessment.statusCode, assessment.body).toBe(201);
    b.assessment = assessment.json().id;
    const profile = await call('ben', 'PUT', '/api/profile', { current: 'senior' });
    expect(profile.statusCode, profile.body).toBe(201);
  });
  afterAll(async () => {
    await app.close();
    await workspace.close();
  });

  it("never shows one account another's rows or the command line's", async () => {
    expect((await call('ana', 'GET', '/api/evidence')).json().entries).toEqual([]);
    expect((await call('ana', 'GET', '/api/assessments')).json().assessments).toEqual([]);
    expect((await call('ana', 'GET', '/api/profile')).json()).toBeNull();
    expect((await call('gil', 'GET', '/api/evidence')).json().entries).toEqual([]);
    expect(
      (await call('ben', 'GET', '/api/evidence')).json().entries.map((e: { title: string }) => e.title),
    ).toEqual(['Ben shipped']);
    expect((await workspace.evidence.list()).map((e) => e.title)).toEqual(['CLI entry']);
    expect(await workspace.profile.get()).toBeUndefined();
  });

  it("answers 404 for another account's ids, on every verb, and changes nothing", async () => {
    for (const [method, url, payload] of [
      ['GET', `/api/evidence/${b.evidence}`],
      ['PUT', `/api/evidence/${b.evidence}`, { date: '2026-01-05', title: 'Ana was here' }],
      ['DELETE', `/api/evidence/${b.evidence}`],
      ['GET', `/api/assessments/${b.assessment}`],
      ['PUT', `/api/assessments/${b.assessment}`, { date: '2026-01-06', ratings: { delivery: 1 } }],
      ['DELETE', `/api/assessments/${b.assessment}`],
    ] as [Method, string, unknown?][]) {
      const response = await call('ana', method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    // Linking B's entry from A's assessment: an unknown entry, as any id A has not got.
    const link = await call('ana', 'POST', '/api/assessments', {
      date: '2026-01-07',
      ratings: { delivery: 2 },
      evidence: { delivery: [b.evidence] },
    });
    expect(link.statusCode).toBe(400);
    expect(link.json().error.fields).toContainEqual({
      path: 'body.evidence.delivery[0]',
      message: `no evidence entry with id ${b.evidence}`,
    });
    const ben = await call('ben', 'GET', `/api/assessments/${b.assessment}`);
    expect(ben.json()).toMatchObject({ ratings: { delivery: 3 }, evidence: { delivery: [b.evidence] } });
    expect((await call('ben', 'GET', `/api/evidence/${b.evidence}`)).json().title).toBe('Ben shipped');
  });

  it("uses the organisation's framework and refuses choosing another", async () => {
    const stored = await call('ben', 'GET', `/api/assessments/${b.assessment}`);
    expect(stored.json().framework.id).toBe('reference');
    for (const [method, url, payload] of [
      ['POST', '/api/frameworks', { source: 'id: x' }],
      ['PUT', '/api/frameworks/active', { id: null }],
    ] as [Method, string, unknown][]) {
      const response = await call('ana', method, url, payload);
      expect(response.statusCode, url).toBe(409);
      expect(response.json().error.message).toContain('the organisation adopted');
    }
  });

  it("exports and imports the signed-in account's own data only", async () => {
    const exported = await call('ben', 'GET', '/api/export');
    expect(exported.statusCode).toBe(200);
    const data = exported.json();
    expect(data.evidence.map((e: { title: string }) => e.title)).toEqual(['Ben shipped']);
    expect(data.assessments).toHaveLength(1);
    expect(data.settings).toEqual({});
    // Ana imports Ben's export: her own copy, new ids, links renumbered; Ben's rows are as they were.
    const imported = await call('ana', 'POST', '/api/import', data);
    expect(imported.statusCode, imported.body).toBe(204);
    const anas = (await call('ana', 'GET', '/api/evidence')).json().entries;
    expect(anas.map((e: { title: string }) => e.title)).toEqual(['Ben shipped']);
    expect(anas[0].id).not.toBe(b.evidence);
    const anaAssessments = (await call('ana', 'GET', '/api/assessments')).json().assessments;
    expect(anaAssessments[0].evidence).toEqual({ delivery: [anas[0].id] });
    // Importing again replaces Ana's rows, not adds to them; Ben and the command line keep theirs.
    expect((await call('ana', 'POST', '/api/import', data)).statusCode).toBe(204);
    expect((await call('ana', 'GET', '/api/evidence')).json().entries).toHaveLength(1);
    expect((await call('ben', 'GET', `/api/evidence/${b.evidence}`)).statusCode).toBe(200);
    expect((await call('ben', 'GET', `/api/assessments/${b.assessment}`)).statusCode).toBe(200);
    expect((await workspace.evidence.list()).map((e) => e.title)).toEqual(['CLI entry']);
  });

  it("refuses the whole-workspace import (`trellis import`), which would replace every account's data", async () => {
    await expect(workspace.replaceWith(await workspace.export())).rejects.toThrow(/holds an organisation/);
    expect((await call('ben', 'GET', `/api/evidence/${b.evidence}`)).statusCode).toBe(200);
  });
});
