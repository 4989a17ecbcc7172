import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir, trellis } from '../helpers/cli.js';
import { json, startServer, testServer } from '../server/helpers.js';

/**
 * Faults named for what they are: a full disk (exit 1, 507), a file that is not a workspace, a
 * damaged one or one from a newer Trellis (exit 2, 503), a missing workspace for a command that
 * only reads (exit 2, nothing created), and output paths that are not plain files.
 */

// Most tests run the real binary several times: room for a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

const DISK_FULL = 'trellis: the disk is full; nothing was written\n';

/** A workspace with one evidence entry, written by the real binary (which closes it cleanly). */
function workspaceWithEntry(dir = tempDir()): string {
  const db = join(dir, 'trellis.sqlite');
  const added = trellis(['evidence', 'add', '--db', db, '--date', '2026-01-01', '--title', 'kept']);
  expect(added.code, added.stderr).toBe(0);
  return db;
}

/** Every byte of the file and of whatever SQLite keeps beside it (-wal, -shm). */
function snapshot(file: string): Record<string, string> {
  const dir = join(file, '..');
  const name = file.slice(dir.length + 1);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.startsWith(name))
      .map((f) => [f, readFileSync(join(dir, f)).toString('base64')]),
  );
}

const isRoot = process.getuid?.() === 0;

/** Mounts a small tmpfs where the machine allows it (root in a privileged container). */
function mountSmallDisk(): string | undefined {
  if (!isRoot) return undefined;
  const dir = tempDir();
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir]);
  return mounted.status === 0 ? dir : undefined;
}

describe('a full disk', () => {
  const disk = mountSmallDisk();
  if (!disk)
    console.log('faults.test.ts: SKIPPED the disk-full tests: this machine cannot mount a small tmpfs');
  afterAll(() => {
    if (disk) spawnSync('umount', [disk]);
  });

  /** Fills the disk to its last byte; returns a function that frees it again. */
  function fill(dir: string): () => void {
    const filler = join(dir, 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    return () => rmSync(filler);
  }

  it.skipIf(!disk)('a command exits 1 saying the disk is full, and nothing was written', () => {
    const db = workspaceWithEntry(disk);
    const before = trellis(['export', '--db', db]).stdout;
    const free = fill(disk!);
    const added = trellis(['evidence', 'add', '--db', db, '--date', '2026-02-01', '--title', 'lost']);
    expect(added).toMatchObject({ code: 1, stderr: DISK_FULL });
    const out = join(disk!, 'export.json');
    expect(trellis(['export', '--db', db, '-o', out])).toMatchObject({ code: 1, stderr: DISK_FULL });
    expect(readdirSync(disk!).filter((f) => f.includes('export'))).toEqual([]);
    free();
    expect(trellis(['export', '--db', db]).stdout).toBe(before);
  });

  it.skipIf(!disk)(
    'the server answers 507 with the same message, and the workspace is as it was',
    async () => {
      const db = join(disk!, 'served.sqlite');
      const server = await startServer(['--port', '0', '--db', db]);
      let free = () => {};
      try {
        const before = (await json(`${server.url}/api/export`)).body as { evidence: unknown[] };
        free = fill(disk!);
        // A large import cannot fit: it fails whole.
        const big = structuredClone(before);
        big.evidence = Array.from({ length: 500 }, (_, i) => ({
          id: i + 1,
          date: '2026-01-01',
          title: `entry ${i}`,
          description: 'x'.repeat(2000),
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        }));
        const refused = await json(`${server.url}/api/import`, { method: 'POST', body: big });
        expect(refused).toEqual({
          status: 507,
          body: {
            error: { code: 'disk-full', message: 'the disk is full; nothing was written', fields: [] },
          },
        });
        free();
        free = () => {};
        expect((await json(`${server.url}/api/export`)).body).toEqual(before);
      } finally {
        free();
        server.child.kill('SIGTERM');
        await server.exited;
      }
    },
  );
});

describe('a file that is not a Trellis workspace, or not one this Trellis can use', () => {
  const dir = tempDir();
  const random = join(dir, 'random.bin');
  writeFileSync(random, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
  const foreign = join(dir, 'foreign.db');
  const newer = join(dir, 'newer', 'trellis.sqlite');
  beforeAll(() => {
    const other = new Database(foreign);
    other.exec("create table users (id integer primary key, name text); insert into users values (1, 'ada')");
    other.close();
    mkdirSync(join(newer, '..'));
    workspaceWithEntry(join(newer, '..'));
    const raw = new Database(newer);
    raw
      .prepare("insert into kysely_migration (name, timestamp) values ('2099-01-01T0000-future', 'x')")
      .run();
    raw.close();
  });

  const cases = [
    [
      'random bytes',
      random,
      'not-a-workspace',
      /random\.bin is not a Trellis workspace: it is not an SQLite database/,
    ],
    [
      'another program’s SQLite database',
      foreign,
      'not-a-workspace',
      /foreign\.db is not a Trellis workspace: it is an SQLite database of another program \(tables users\)/,
    ],
    [
      'a workspace migrated by a newer Trellis',
      newer,
      'workspace-too-new',
      /trellis\.sqlite was migrated by a newer Trellis \(schema 2099-01-01T0000-future; .*Use that Trellis or a later one/,
    ],
  ] as const;

  for (const [what, file, , message] of cases)
    it(`${what}: every command exits 2 saying so, and the file is left byte for byte`, () => {
      const before = snapshot(file);
      for (const args of [
        ['export', '--db', file],
        ['backup', join(dir, 'copy.sqlite'), '--db', file],
        ['evidence', 'add', '--db', file, '--date', '2026-01-01', '--title', 'x'],
        ['serve', '--port', '0', '--db', file],
      ]) {
        const r = trellis(args);
        expect(r.code, `${args[0]}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toMatch(message);
      }
      expect(snapshot(file)).toEqual(before);
      expect(existsSync(join(dir, 'copy.sqlite'))).toBe(false);
    });
});

/** Overwrites the first page of the evidence table with bytes no b-tree page has. */
function damageEvidence(db: string): void {
  const raw = new Database(db, { readonly: true });
  const root = (
    raw.prepare("select rootpage from sqlite_master where name = 'evidence'").get() as { rootpage: number }
  ).rootpage;
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  raw.close();
  const fd = openSync(db, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (root - 1) * pageSize);
  closeSync(fd);
}

describe('a damaged workspace', () => {
  it('a command reading the damaged part exits 2 saying it is damaged and what to do', () => {
    const db = workspaceWithEntry();
    damageEvidence(db);
    const listed = trellis(['evidence', 'list', '--db', db]);
    expect(listed.code, listed.stderr).toBe(2);
    expect(listed.stderr).toMatch(
      /is damaged: SQLite reports a corrupt database\. .*restore the latest backup/,
    );
  });

  it('a server whose database becomes unreadable answers 503, and what is still readable works', async () => {
    const db = workspaceWithEntry();
    const server = await testServer(db);
    try {
      damageEvidence(db);
      const listed = await server.app.inject({ method: 'GET', url: '/api/evidence' });
      expect(listed.statusCode).toBe(503);
      expect(listed.json()).toMatchObject({ error: { code: 'workspace-corrupt', fields: [] } });
      expect((await server.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('commands that only read refuse a missing workspace', () => {
  it('export and backup exit 2 and create nothing', () => {
    const dir = tempDir();
    const db = join(dir, 'nowhere', 'trellis.sqlite');
    for (const args of [
      ['export', '--db', db],
      ['export', '--db', db, '-o', join(dir, 'out.json')],
      ['backup', join(dir, 'copy.sqlite'), '--db', db],
    ]) {
      const r = trellis(args);
      expect(r, args.join(' ')).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toBe(
        `trellis: no workspace at ${db}; nothing was created (check --db or TRELLIS_DB, or run \`trellis serve\` once to start one)\n`,
      );
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('output paths that are not plain files', () => {
  const db = workspaceWithEntry();

  it('-o and --log into a missing folder exit 2 and create nothing', () => {
    const dir = tempDir();
    const out = join(dir, 'missing', 'export.json');
    expect(trellis(['export', '--db', db, '-o', out])).toMatchObject({
      code: 2,
      stderr: `trellis: cannot write ${out}: the folder ${join(dir, 'missing')} does not exist (it is not created)\n`,
    });
    const log = join(dir, 'missing', 'evidence.yaml');
    const added = trellis(['evidence', 'add', '--log', log, '--date', '2026-01-01', '--title', 'x']);
    expect(added.code, added.stderr).toBe(2);
    expect(added.stderr).toContain('does not exist (it is not created)');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('backup into a missing folder, or onto a pipe, exits 2 and creates nothing', () => {
    const dir = tempDir();
    const copy = join(dir, 'missing', 'copy.sqlite');
    expect(trellis(['backup', copy, '--db', db])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `trellis: cannot write ${copy}: the folder ${join(dir, 'missing')} does not exist (it is not created)\n`,
    });
    expect(readdirSync(dir)).toEqual([]);
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(trellis(['backup', fifo, '--db', db])).toMatchObject({
      code: 2,
      stderr: `trellis: cannot write ${fifo}: it is a pipe or a device, not a file\n`,
    });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('a symbolic link stays a link; its target gets the whole file', () => {
    const dir = tempDir();
    const link = join(dir, 'latest.json');
    symlinkSync('real.json', link);
    const r = trellis(['export', '--db', db, '-o', link]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.json');
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8'))).toMatchObject({
      format: 'trellis-workspace',
    });
    expect(readdirSync(dir).sort()).toEqual(['latest.json', 'real.json']);
  });

  it('a named pipe is written into and stays a pipe', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const received = join(dir, 'received.json');
    const reader = spawn('sh', ['-c', `cat "${fifo}" > "${received}"`]);
    const done = new Promise((resolve) => reader.on('close', resolve));
    const r = trellis(['export', '--db', db, '-o', fifo]);
    expect(r.code, r.stderr).toBe(0);
    await done;
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(readFileSync(received, 'utf8'))).toMatchObject({ format: 'trellis-workspace' });
  });

  it.skipIf(!isRoot)(
    'a character device is written into, never replaced; a full one says the disk is full',
    () => {
      const dir = tempDir();
      const nul = join(dir, 'null');
      const full = join(dir, 'full');
      // Copies of /dev/null and /dev/full, so that a regression could never replace the real ones.
      expect(spawnSync('mknod', [nul, 'c', '1', '3']).status).toBe(0);
      expect(spawnSync('mknod', [full, 'c', '1', '7']).status).toBe(0);
      expect(trellis(['export', '--db', db, '-o', nul]).code).toBe(0);
      expect(lstatSync(nul).isCharacterDevice()).toBe(true);
      expect(trellis(['export', '--db', db, '-o', full])).toMatchObject({ code: 1, stderr: DISK_FULL });
      expect(lstatSync(full).isCharacterDevice()).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['full', 'null']);
    },
  );
});
