import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.js';
import type { WorkspaceExport } from '../../src/store/entities.js';
import { referenceFrameworkPath } from '../../src/store/files.js';
import { Workspace } from '../../src/store/workspace.js';
import { tempDir, trellis } from '../helpers/cli.js';
import { json, startServer } from '../server/helpers.js';
import { stores } from '../helpers/stores.js';

/**
 * An import is all or nothing, the conflict with the shipped reference framework included, and a
 * workspace that already holds such a conflict still opens, serves, exports, imports and backs up.
 */

const shippedSource = readFileSync(referenceFrameworkPath, 'utf8');
const shippedVersion = /^version: (.+)$/m.exec(shippedSource)![1]!;
/** The reference framework with one line changed: still a valid framework, not the shipped text. */
const editedSource = shippedSource.replace(/^name: .*$/m, 'name: My own copy of the reference ladder');

/** A workspace with evidence, a profile, an assessment linked to the evidence, and an offer file. */
async function filledWorkspace(file: string): Promise<Workspace> {
  const workspace = await Workspace.open(file);
  const { framework } = await workspace.activeFramework();
  const entry = await workspace.evidence.create(
    { date: '2026-03-01', title: 'Led the storage migration', competencies: ['system-design'] },
    framework,
  );
  await workspace.offers.create({
    file: {
      offers: [
        { name: 'Bigco', base: 145000 },
        { name: 'Seedling', base: 160000 },
      ],
    },
  });
  const exported = await workspace.export();
  const frameworkRef = { id: 'reference', version: shippedVersion };
  // An assessment with a link to the entry, written through an import so that ids are known.
  exported.assessments.push({
    id: 1,
    date: '2026-03-02',
    assessor: 'self',
    current: null,
    ratings: { 'system-design': 3 },
    evidence: { 'system-design': [entry.id] },
    framework: frameworkRef,
    createdAt: '2026-03-02T00:00:00.000Z',
    updatedAt: '2026-03-02T00:00:00.000Z',
  });
  await workspace.import(exported);
  return workspace;
}

/** Three ways an export can be wrong, each found only by a different check. */
function badExports(good: WorkspaceExport): Record<string, WorkspaceExport> {
  const conflicting = structuredClone(good);
  // A copy of the reference stored by an older release under the version this one ships.
  conflicting.frameworks[0] = { ...conflicting.frameworks[0]!, origin: 'custom', source: editedSource };
  const invalidFramework = structuredClone(good);
  invalidFramework.frameworks.push({
    ...good.frameworks[0]!,
    id: 99,
    frameworkId: 'broken',
    version: '1.0.0',
    origin: 'custom',
    source: 'id: broken\nversion: 1.0.0\nlevels: nope\n',
  });
  const badLink = structuredClone(good);
  badLink.assessments[0]!.evidence = { 'system-design': [4242] };
  return { conflicting, invalidFramework, badLink };
}

describe.each(stores())('a failed import changes nothing ($kind)', (store) => {
  let dir: string;
  let db: string;
  let workspace: Workspace;
  let before: WorkspaceExport;

  beforeEach(async () => {
    dir = tempDir();
    db = await store.fresh();
    workspace = await filledWorkspace(db);
    before = await workspace.export();
  });
  afterEach(async () => workspace.close());

  it('refuses each bad export with a located problem, and the export after equals the export before', async () => {
    const expected: Record<string, string> = {
      conflicting: 'frameworks.0.version',
      invalidFramework: 'frameworks.1.source',
      badLink: 'assessments.0.evidence.system-design.0',
    };
    for (const [kind, bad] of Object.entries(badExports(before))) {
      const error = await workspace.import(bad).then(
        () => undefined,
        (e: unknown) => e as { code: string; problems: { path: (string | number)[]; code: string }[] },
      );
      expect(error, kind).toBeDefined();
      expect(error!.code, kind).toBe('invalid-input');
      expect(
        error!.problems.some((p) => p.path.join('.').startsWith(expected[kind]!)),
        `${kind}: ${JSON.stringify(error!.problems)}`,
      ).toBe(true);
      expect(await workspace.export(), kind).toEqual(before);
    }
  });

  it('over the API: 400 naming the conflicting framework, and GET /api/export unchanged', async () => {
    const app = await buildServer({ workspace });
    try {
      const exported = (await app.inject({ method: 'GET', url: '/api/export' })).json<WorkspaceExport>();
      const refused = await app.inject({
        method: 'POST',
        url: '/api/import',
        payload: badExports(exported).conflicting,
      });
      expect(refused.statusCode).toBe(400);
      const body = refused.json<{ error: { code: string; fields: { path: string; message: string }[] } }>();
      expect(body.error.code).toBe('invalid-input');
      expect(body.error.fields.map((f) => f.path)).toEqual(['body.frameworks[0].version']);
      expect(body.error.fields[0]!.message).toContain('another id or version');
      expect((await app.inject({ method: 'GET', url: '/api/export' })).json()).toEqual(exported);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('with the CLI: exit 1, and `trellis export` before and after are the same text', async () => {
    await workspace.close();
    const exportBefore = trellis(['export', ...store.flag(db)]);
    expect(exportBefore.code, exportBefore.stderr).toBe(0);
    for (const [kind, bad] of Object.entries(badExports(before))) {
      const file = join(dir, `${kind}.json`);
      writeFileSync(file, JSON.stringify(bad));
      const imported = trellis(['import', file, ...store.flag(db)]);
      expect(imported.code, `${kind}: ${imported.stderr}`).toBe(1);
      expect(imported.stderr, kind).toContain(`${file}: `);
    }
    expect(trellis(['export', ...store.flag(db)]).stdout).toBe(exportBefore.stdout);
    workspace = await Workspace.open(db);
  }, 120_000);
});

/**
 * What an older release could leave behind: a custom copy of the reference framework stored under
 * the version this release ships, and no stored copy of the shipped text.
 */
async function conflictedDatabase(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = join(dir, 'trellis.sqlite');
  await (await filledWorkspace(db)).close();
  const raw = new Database(db);
  raw
    .prepare("update frameworks set origin = 'custom', source = ? where origin = 'reference'")
    .run(editedSource);
  raw.close();
  return { dir, db };
}

describe('a workspace whose stored framework conflicts with the shipped reference', () => {
  it('opens, says what is wrong and what to do, and keeps using the stored copy', async () => {
    const { db } = await conflictedDatabase();
    const workspace = await Workspace.open(db);
    try {
      const warnings = await workspace.warnings();
      expect(warnings.map((w) => w.code)).toEqual(['reference-conflict']);
      expect(warnings[0]!.message).toContain(`framework "reference" version ${shippedVersion}`);
      expect(warnings[0]!.message).toContain('import the corrected file');
      const { row } = await workspace.activeFramework();
      expect(row).toMatchObject({ frameworkId: 'reference', origin: 'custom', source: editedSource });
      expect((await workspace.evidence.list()).map((e) => e.title)).toEqual(['Led the storage migration']);
    } finally {
      await workspace.close();
    }
  });

  it('export, backup and import work from the CLI with a warning on stderr; a corrected import clears it', async () => {
    const { dir, db } = await conflictedDatabase();
    const out = join(dir, 'export.json');
    const exported = trellis(['export', '--db', db, '-o', out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/^trellis: warning: .*differs from the reference framework/m);

    const backup = trellis(['backup', join(dir, 'copy.sqlite'), '--db', db]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toContain('trellis: warning: ');

    // The export as it is repeats the conflict: refused, located, nothing changed.
    const same = trellis(['import', out, '--db', db]);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('another id or version');

    // Corrected as the warning says: the copy gets a version of its own, and so do its assessments.
    const corrected = JSON.parse(readFileSync(out, 'utf8')) as WorkspaceExport;
    corrected.frameworks[0]!.version = `${shippedVersion}-mine`;
    for (const a of corrected.assessments) a.framework.version = `${shippedVersion}-mine`;
    writeFileSync(out, JSON.stringify(corrected));
    const fixed = trellis(['import', out, '--db', db]);
    expect(fixed.code, fixed.stderr).toBe(0);
    const after = trellis(['export', '--db', db]);
    expect(after.code).toBe(0);
    expect(after.stderr).toBe('');
    const frameworks = (JSON.parse(after.stdout) as WorkspaceExport).frameworks;
    expect(frameworks.map((f) => [f.version, f.origin])).toEqual([
      [`${shippedVersion}-mine`, 'custom'],
      [shippedVersion, 'reference'],
    ]);
  }, 120_000);

  it('serves: GET /api/health answers 200 with the warning, and the data is there', async () => {
    const { db } = await conflictedDatabase();
    const server = await startServer(['--port', '0', '--db', db]);
    try {
      const health = await json(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      const body = health.body as { status: string; warnings: { code: string; message: string }[] };
      expect(body.status).toBe('ok');
      expect(body.warnings.map((w) => w.code)).toEqual(['reference-conflict']);
      expect(server.stderr()).toContain('trellis: warning: ');
      const evidence = await json(`${server.url}/api/evidence`);
      expect(evidence.status).toBe(200);
      const added = await json(`${server.url}/api/evidence`, {
        method: 'POST',
        body: { date: '2026-04-01', title: 'still writable' },
      });
      expect(added.status).toBe(201);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
