import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { WorkspaceExport } from '../../src/store/entities.js';
import { referenceFrameworkPath } from '../../src/store/files.js';
import { binary, tempDir, trellis } from '../helpers/cli.js';
import { json, startServer, type RunningServer } from '../server/helpers.js';
import { stores, type Store } from '../helpers/stores.js';

/**
 * Many processes on one workspace file: two real servers and fifteen real `trellis evidence add
 * --db` processes writing at once for a while give no error and lose no acknowledged write; a
 * framework chosen or imported by one process is used by the others without a restart.
 */

/** How long the writers run; TRELLIS_MULTIPROCESS_SECONDS shortens it for a quick local run. */
const SECONDS = Number(process.env.TRELLIS_MULTIPROCESS_SECONDS ?? 30);
const CLI_WRITERS = 15;
const HTTP_WRITERS_PER_SERVER = 4;

/** Runs the built binary without blocking the test's event loop (the servers' clients run on it). */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [binary, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The evidence as stored, read past Trellis: with a client of the database's own. */
async function storedTitlesIn(store: Store, db: string): Promise<Map<number, string>> {
  if (store.kind === 'sqlite') return storedTitles(db);
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number; title: string }>('select id, title from evidence');
    return new Map(rows.map((r) => [r.id, r.title]));
  } finally {
    await client.end();
  }
}

function storedTitles(db: string): Map<number, string> {
  const raw = new Database(db, { readonly: true });
  try {
    const rows = raw.prepare('select id, title from evidence').all() as { id: number; title: string }[];
    return new Map(rows.map((r) => [r.id, r.title]));
  } finally {
    raw.close();
  }
}

async function stop(server: RunningServer): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

describe.each(stores())('two servers and fifteen command-line writers on one $kind workspace', (store) => {
  it(
    `run ${SECONDS} s with no error and no lost acknowledged write, and see each other's framework choice`,
    async () => {
      const dir = tempDir();
      const db = await store.fresh();
      // Both servers create the new workspace at once: the first open is concurrent too.
      const servers = await Promise.all([
        startServer(['--port', '0', ...store.flag(db)]),
        startServer(['--port', '0', ...store.flag(db)]),
      ]);
      try {
        const errors: string[] = [];
        const acknowledged = new Map<number, string>();
        const cliAcknowledged: string[] = [];
        const deadline = Date.now() + SECONDS * 1000;

        const httpWriter = async (server: RunningServer, w: number) => {
          for (let i = 0; Date.now() < deadline; i++) {
            const title = `http ${server.url} ${w} ${i}`;
            try {
              const { status, body } = await json(`${server.url}/api/evidence`, {
                method: 'POST',
                body: { date: '2026-01-01', title },
              });
              if (status === 201) acknowledged.set((body as { id: number }).id, title);
              else errors.push(`${title}: ${status} ${JSON.stringify(body)}`);
            } catch (error) {
              errors.push(`${title}: ${String(error)}`);
            }
          }
        };
        const cliWriter = async (w: number) => {
          for (let i = 0; Date.now() < deadline; i++) {
            const title = `cli ${w} ${i}`;
            const r = await run([
              'evidence',
              'add',
              ...store.flag(db),
              '--date',
              '2026-01-02',
              '--title',
              title,
            ]);
            if (r.code === 0) cliAcknowledged.push(title);
            else errors.push(`${title}: exit ${r.code}: ${r.stderr}`);
          }
        };
        await Promise.all([
          ...servers.flatMap((server) =>
            Array.from({ length: HTTP_WRITERS_PER_SERVER }, (_, w) => httpWriter(server, w)),
          ),
          ...Array.from({ length: CLI_WRITERS }, (_, w) => cliWriter(w)),
        ]);

        expect(errors.slice(0, 5)).toEqual([]);
        const stored = await storedTitlesIn(store, db);
        for (const [id, title] of acknowledged) expect(stored.get(id), `entry ${id}`).toBe(title);
        const titles = new Set(stored.values());
        for (const title of cliAcknowledged) expect(titles.has(title), title).toBe(true);
        // Nothing but what was acknowledged: every write was answered.
        expect(stored.size).toBe(acknowledged.size + cliAcknowledged.length);
        expect(cliAcknowledged.length).toBeGreaterThanOrEqual(CLI_WRITERS);

        // A framework stored and chosen through one server is the other's at its next request.
        const [a, b] = servers as [RunningServer, RunningServer];
        const ladder = readFileSync(referenceFrameworkPath, 'utf8').replace(
          /^id: reference$/m,
          'id: our-ladder',
        );
        const added = await json(`${b.url}/api/frameworks`, { method: 'POST', body: { source: ladder } });
        expect(added.status).toBe(201);
        const health = async (server: RunningServer) =>
          ((await json(`${server.url}/api/health`)).body as { framework: { id: string } }).framework.id;
        expect(await health(a)).toBe('our-ladder');

        // An import by a command, with every framework under a new row id, is both servers' too,
        // and a write pinned to the framework in use succeeds on each without a restart.
        const exported = (await json(`${a.url}/api/export`)).body as WorkspaceExport;
        for (const f of exported.frameworks) f.id += 100;
        const reference = exported.frameworks.find((f) => f.frameworkId === 'reference')!;
        exported.settings.framework = String(reference.id);
        const file = join(dir, 'export.json');
        writeFileSync(file, JSON.stringify(exported));
        const imported = trellis(['import', file, ...store.flag(db)]);
        expect(imported.code, imported.stderr).toBe(0);
        for (const server of servers) {
          expect(await health(server)).toBe('reference');
          const assessed = await json(`${server.url}/api/assessments`, {
            method: 'POST',
            body: { date: '2026-05-01', assessor: 'self', ratings: { 'system-design': 3 } },
          });
          expect(assessed.status, JSON.stringify(assessed.body)).toBe(201);
          expect((assessed.body as { framework: { id: string } }).framework.id).toBe('reference');
        }
      } finally {
        await Promise.all(servers.map(stop));
      }
    },
    SECONDS * 1000 + 180_000,
  );
});

describe('a writer and another process holding the write lock', () => {
  /** A workspace, and a raw connection holding its write lock as a long write in another process would. */
  function lockedWorkspace(): { db: string; release: () => void } {
    const db = join(tempDir(), 'trellis.sqlite');
    expect(trellis(['evidence', 'add', '--db', db, '--date', '2026-01-01', '--title', 'first']).code).toBe(0);
    const raw = new Database(db);
    raw.prepare('begin immediate').run();
    return {
      db,
      release: () => {
        raw.prepare('rollback').run();
        raw.close();
      },
    };
  }
  const add = (db: string, title: string) =>
    run(['evidence', 'add', '--db', db, '--date', '2026-01-02', '--title', title]);

  it('waits for the lock and then writes', async () => {
    const { db, release } = lockedWorkspace();
    const writing = add(db, 'waited').then((r) => ({ ...r, endedAt: Date.now() }));
    // Held long enough for the command to start and reach its write on a loaded machine.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    release();
    const releasedAt = Date.now();
    const r = await writing;
    expect(r.code, r.stderr).toBe(0);
    // It ended after the lock was released: it waited rather than failing or writing past it.
    expect(r.endedAt).toBeGreaterThanOrEqual(releasedAt);
    expect([...storedTitles(db).values()]).toEqual(['first', 'waited']);
  }, 120_000);

  it('gives up after the busy timeout: exit 1 saying the workspace is busy, nothing written', async () => {
    const { db, release } = lockedWorkspace();
    try {
      const r = await add(db, 'gave up');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /trellis\.sqlite is busy: another process has held its write lock for longer than Trellis waits \(10 s\); nothing was written/,
      );
    } finally {
      release();
    }
    expect([...storedTitles(db).values()]).toEqual(['first']);
  }, 120_000);
});
