import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/server/app.js';
import { ApiTokenRepository } from '../../../src/store/repositories/org/tokens.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation, peopleCsv as csv } from '../../helpers/org.js';
import { stores } from '../../helpers/stores.js';

/**
 * Private by default, shared on purpose, on each store: a person's evidence entries are theirs
 * until they mark them shared, and the promotion case shows the packet built from the shared ones
 * to whoever may read the case, never an unshared entry.
 */

type Method = 'GET' | 'POST' | 'PUT';

describe.each(stores())('the packet in a promotion case ($kind)', (store) => {
  let workspace: Workspace;
  let app: Awaited<ReturnType<typeof buildServer>>;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  let caseId: number;
  const call = (who: string, method: Method, url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(method !== 'GET' && { 'content-type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { payload }),
    });

  beforeAll(async () => {
    workspace = await Workspace.open(await store.fresh());
    const acme = await newOrganisation(workspace, 'Acme', 'root@acme.test');
    await acme.people.importCsv(
      csv([
        'Ana,ana@acme.test,director,,Core,2020-01-01,2022-01-01,',
        'Ben,ben@acme.test,em,ana@acme.test,Core,2021-01-01,2021-01-01,',
        'Cy,cy@acme.test,senior,ben@acme.test,Core,2022-01-01,2023-01-01,',
        'Dee,dee@acme.test,staff,ana@acme.test,Web,2022-01-01,2023-01-01,',
      ]),
      new Map(),
    );
    for (const p of await acme.people.all()) ids[p.email.split('@')[0]!] = p.id;
    await acme.accounts.create('hr@acme.test', ['hr']);
    await acme.accounts.create('ben@acme.test', ['manager']);
    await acme.accounts.create('cy@acme.test', ['employee']);
    await acme.accounts.create('dee@acme.test', ['committee']);
    const t = new ApiTokenRepository(acme.scope);
    tokens.admin = (await t.create('root@acme.test', 'admin', 'admin')).token;
    tokens.hr = (await t.create('hr@acme.test', 'hr', 'hr')).token;
    tokens.manager = (await t.create('ben@acme.test', 'manager', 'manager')).token;
    tokens.employee = (await t.create('cy@acme.test', 'employee', 'cy')).token;
    tokens.committee = (await t.create('dee@acme.test', 'committee', 'dee')).token;
    app = await buildServer({ workspace });

    const entry = (title: string, shared?: boolean) =>
      call('employee', 'POST', '/api/evidence', {
        date: '2026-01-05',
        title,
        competencies: ['delivery'],
        ...(shared === undefined ? {} : { shared }),
      });
    expect((await entry('Private draft notes')).statusCode).toBe(201);
    expect((await entry('Said no to sharing', false)).statusCode).toBe(201);
    const later = await entry('Shared later');
    const shared = await entry('Led the importer rewrite', true);
    expect(shared.json()).toMatchObject({ title: 'Led the importer rewrite', shared: true });
    // Sharing an entry afterwards: the same evidence route, the field set.
    const changed = await call('employee', 'PUT', `/api/evidence/${later.json().id}`, {
      date: '2026-01-05',
      title: 'Shared later',
      competencies: ['delivery'],
      shared: true,
    });
    expect(changed.json().shared).toBe(true);
    // Ben, Cy's manager, nominates; HR seats Dee, outside Cy's chain.
    const opened = await call('manager', 'POST', '/api/org/cases', {
      personId: ids.cy,
      targetLevel: 'staff',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().id;
    const seated = await call('hr', 'POST', `/api/org/cases/${caseId}/committee`, { members: [ids.dee] });
    expect(seated.statusCode, seated.body).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await workspace.close();
  });

  it('shows the shared entries only, to every role that may read the case', async () => {
    for (const role of ['admin', 'hr', 'manager', 'committee', 'employee']) {
      const response = await call(role, 'GET', `/api/org/cases/${caseId}`);
      expect(response.statusCode, role).toBe(200);
      const { packet } = response.json();
      expect(packet.level.id, role).toBe('staff');
      expect(packet.summary.entries, role).toBe(2);
      const delivery = packet.sections.find((s: { competency: string }) => s.competency === 'delivery');
      // Oldest first, as the packet orders them: one date, so in the order they were written.
      expect(delivery.evidence.map((e: { title: string }) => e.title)).toEqual([
        'Shared later',
        'Led the importer rewrite',
      ]);
      expect(response.body, role).not.toContain('Private draft notes');
      expect(response.body, role).not.toContain('Said no to sharing');
    }
  });

  it('keeps entries private by default: stored without the flag, and no one else lists them', async () => {
    const own = (await call('employee', 'GET', '/api/evidence')).json().entries;
    expect(own.map((e: { title: string; shared?: boolean }) => [e.title, e.shared ?? false])).toEqual([
      ['Private draft notes', false],
      ['Said no to sharing', false],
      ['Shared later', true],
      ['Led the importer rewrite', true],
    ]);
    // Another account's own evidence log is its own: Cy's entries are not there, shared or not.
    expect((await call('manager', 'GET', '/api/evidence')).json().entries).toEqual([]);
  });

  it('refuses a shared flag that is not true or false, locating it', async () => {
    const response = await call('employee', 'POST', '/api/evidence', {
      date: '2026-01-05',
      title: 'x',
      shared: 'yes',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.shared']);
  });
});
