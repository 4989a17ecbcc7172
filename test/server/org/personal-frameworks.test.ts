import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/server/app.js';
import { readTextFile } from '../../../src/store/files.js';
import { Repositories } from '../../../src/store/repositories/all.js';
import { ApiTokenRepository } from '../../../src/store/repositories/org/tokens.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation } from '../../helpers/org.js';
import { stores } from '../../helpers/stores.js';

/**
 * `GET /api/frameworks` on a server holding several organisations: a signed-in account lists its
 * organisation's adopted versions and the frameworks its own assessments were made against, never
 * another organisation's ladders nor the command line's own; a personal workspace still lists all.
 */

const ladderV1 = readTextFile('examples/org/ladder-v1.yaml');
const ladderV2 = readTextFile('examples/org/ladder-v2.yaml');
/** Beta's own ladder: the minimal one under another id, in two versions. */
const beta1 = ladderV1.replace('id: minimal', 'id: beta-ladder');
const beta2 = beta1.replace('version: 1.0.0', 'version: 2.0.0');
/** The command line's person's own ladder, stored before any organisation. */
const cliLadder = ladderV1.replace('id: minimal', 'id: cli-ladder');

interface Row {
  id: number;
  frameworkId: string;
  version: string;
}
type Server = Awaited<ReturnType<typeof buildServer>>;

/** Every page of the list, `limit` rows at a time, and the id marked in use. */
async function listAll(app: Server, token: string, limit: number) {
  const rows: Row[] = [];
  let cursor: string | null = null;
  let active: number | undefined;
  do {
    const response = await app.inject({
      method: 'GET',
      url: `/api/frameworks?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { active: number; frameworks: Row[]; nextCursor: string | null };
    active = body.active;
    rows.push(...body.frameworks);
    cursor = body.nextCursor;
  } while (cursor);
  return { active, rows, names: rows.map((r) => `${r.frameworkId}@${r.version}`) };
}

describe.each(stores())('the personal framework list on $kind', (store) => {
  let workspace: Workspace;
  let app: Server;
  const tokens: Record<string, string> = {};
  let reference: string;

  beforeAll(async () => {
    workspace = await Workspace.open(await store.fresh());
    const shipped = (await workspace.activeFramework()).row;
    reference = `${shipped.frameworkId}@${shipped.version}`;
    await workspace.addFramework(cliLadder, 'cli-ladder.yaml', false);

    const acme = await newOrganisation(workspace, 'Acme', 'root@acme.test');
    const beta = await newOrganisation(workspace, 'Beta', 'root@beta.test');
    await acme.accounts.create('ana@acme.test', ['employee']);
    await acme.accounts.create('ben@acme.test', ['employee']);
    const t = new ApiTokenRepository(acme.scope);
    tokens.ana = (await t.create('ana@acme.test', 'employee', 'ana')).token;
    tokens.ben = (await t.create('ben@acme.test', 'employee', 'ben')).token;
    tokens.beta = (await new ApiTokenRepository(beta.scope).create('root@beta.test', 'admin', 'gil')).token;
    app = await buildServer({ workspace });

    await acme.adoptFramework(ladderV1, 'ladder-v1.yaml');
    await beta.adoptFramework(beta1, 'beta-v1.yaml');
    await beta.adoptFramework(beta2, 'beta-v2.yaml');
    // Beta's people use and list their ladders, so that all of Beta's versions are stored rows.
    expect((await listAll(app, tokens.beta!, 50)).names).toHaveLength(3);
    // Ana assesses herself against Acme's version 1, which then gives way to version 2.
    const assessed = await app.inject({
      method: 'POST',
      url: '/api/assessments',
      headers: { authorization: `Bearer ${tokens.ana}`, 'content-type': 'application/json' },
      payload: { date: '2026-01-06', current: 'senior', ratings: { craft: 3 } },
    });
    expect(assessed.statusCode, assessed.body).toBe(201);
    await acme.adoptFramework(ladderV2, 'ladder-v2.yaml');
    // And she holds an assessment against the command line's ladder (as her own import would bring).
    const anaId = (await acme.accounts.byEmail('ana@acme.test'))!.id;
    const cli = (await workspace.frameworks.list()).find((f) => f.frameworkId === 'cli-ladder')!;
    await new Repositories(workspace.db, anaId).assessments.create(
      { date: '2026-01-07', current: 'senior', ratings: { craft: 2 } },
      await workspace.frameworks.load(cli.id),
    );
  });
  afterAll(async () => {
    await app.close();
    await workspace.close();
  });

  it("lists Acme's adopted versions, current marked, and Ana's own assessments' frameworks: none of Beta's", async () => {
    // Listing stores Acme's version 2 (no one used it yet), so the table is read after.
    await listAll(app, tokens.ana!, 50);
    const stored = await workspace.frameworks.list();
    const idOf = (name: string) => stored.find((f) => `${f.frameworkId}@${f.version}` === name)!.id;
    const betaIds = ['beta-ladder@1.0.0', 'beta-ladder@2.0.0'].map(idOf);
    for (const limit of [50, 1]) {
      const ana = await listAll(app, tokens.ana!, limit);
      expect(ana.names.sort()).toEqual(
        ['cli-ladder@1.0.0', 'minimal@1.0.0', 'minimal@1.1.0', reference].sort(),
      );
      expect(ana.active).toBe(idOf('minimal@1.1.0'));
      for (const id of betaIds) expect(ana.rows.map((r) => r.id)).not.toContain(id);
    }
    // Ben has no assessments: the adopted versions alone.
    const ben = await listAll(app, tokens.ben!, 2);
    expect(ben.names.sort()).toEqual(['minimal@1.0.0', 'minimal@1.1.0', reference].sort());
    expect(ben.active).toBe(idOf('minimal@1.1.0'));
    // Beta's admin sees Beta's, never Acme's nor the command line's.
    const beta = await listAll(app, tokens.beta!, 50);
    expect(beta.names.sort()).toEqual(['beta-ladder@1.0.0', 'beta-ladder@2.0.0', reference].sort());
    expect(beta.active).toBe(idOf('beta-ladder@2.0.0'));
    // The stored table itself holds all of them: the list is what is filtered.
    expect(stored.map((f) => `${f.frameworkId}@${f.version}`).sort()).toEqual(
      [
        'beta-ladder@1.0.0',
        'beta-ladder@2.0.0',
        'cli-ladder@1.0.0',
        'minimal@1.0.0',
        'minimal@1.1.0',
        reference,
      ].sort(),
    );
  });

  it("refuses another organisation's text under an adopted id and version, and takes the same text", async () => {
    // Gamma adopts a ladder nobody's personal pages have stored yet, so only the adoption holds it.
    const gammaLadder = ladderV1.replace('id: minimal', 'id: gamma-ladder');
    const gamma = await newOrganisation(workspace, 'Gamma', 'root@gamma.test');
    const delta = await newOrganisation(workspace, 'Delta', 'root@delta.test');
    await gamma.adoptFramework(gammaLadder, 'gamma.yaml');
    const changed = gammaLadder.replace(/^name: .*$/m, 'name: Delta’s own words');
    await expect(delta.adoptFramework(changed, 'delta.yaml')).rejects.toMatchObject({
      problems: [
        expect.objectContaining({ code: 'duplicate-version', path: ['version'], file: 'delta.yaml' }),
      ],
    });
    // The very same text is one ladder: Delta adopts it, after the reference it began with.
    expect((await delta.adoptFramework(gammaLadder, 'gamma.yaml')).version.number).toBe(2);
  });

  it('still needs a session or token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/frameworks' })).statusCode).toBe(401);
  });
});

describe.each(stores())('the framework list of a personal workspace on $kind', (store) => {
  it('lists every stored framework, the one in use marked, as before', async () => {
    const workspace = await Workspace.open(await store.fresh());
    const app = await buildServer({ workspace });
    try {
      const shipped = (await workspace.activeFramework()).row;
      await workspace.addFramework(cliLadder, 'cli-ladder.yaml', false);
      const used = (await workspace.addFramework(ladderV1, 'ladder-v1.yaml')).row;
      const list = await listAll(app, '', 2);
      expect(list.names).toEqual([
        `${shipped.frameworkId}@${shipped.version}`,
        'cli-ladder@1.0.0',
        'minimal@1.0.0',
      ]);
      expect(list.active).toBe(used.id);
    } finally {
      await app.close();
      await workspace.close();
    }
  });
});
