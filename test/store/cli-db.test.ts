import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceEntry } from '../../src/core/evidence/schema.js';
import { Workspace } from '../../src/store/workspace.js';
import { repoRoot, tempDir, trellis } from '../helpers/cli.js';
import { testServer } from '../server/helpers.js';

/** `trellis evidence` on the workspace database (`--db`): the same store as `trellis serve`. */

const navigatorFramework = join(repoRoot, 'test', 'fixtures', 'navigator', 'framework.yaml');

const design = [
  '--date',
  '2026-03-10',
  '--title',
  'Led the storage redesign across three teams',
  '--scope',
  'multi-team',
  '--competency',
  'system-design',
  '--competency',
  'influence',
  '--link',
  'https://example.com/storage design',
  '--description',
  'Three teams, one schema.',
];
const review = [
  '--date',
  '2026-01-20',
  '--title',
  'Ran the incident review',
  '--scope',
  'team',
  '--competency',
  'debugging',
];

const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe('trellis evidence --db', () => {
  const saved = process.env.TRELLIS_DB;
  afterEach(() => {
    if (saved === undefined) delete process.env.TRELLIS_DB;
    else process.env.TRELLIS_DB = saved;
  });

  it('add twice, list, packet, and a server on the same file sees the entries', async () => {
    const db = join(tempDir(), 'workspace', 'trellis.sqlite');
    const first = trellis(['evidence', 'add', '--db', db, ...design, '--json']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(json(first.stdout)).toEqual({
      log: db,
      entry: {
        date: '2026-03-10',
        title: 'Led the storage redesign across three teams',
        scope: 'multi-team',
        competencies: ['system-design', 'influence'],
        links: ['https://example.com/storage%20design'],
        description: 'Three teams, one schema.',
      },
      entries: 1,
    });
    const second = trellis(['evidence', 'add', '--db', db, ...review]);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toBe(`Added 2026-01-20 "Ran the incident review" to ${db} (2 entries).\n`);

    // The same entries in a YAML log give the same output, shape for shape.
    const log = join(tempDir(), 'evidence.yaml');
    for (const flags of [design, review])
      expect(trellis(['evidence', 'add', '--log', log, ...flags]).code).toBe(0);
    const listed = trellis(['evidence', 'list', '--db', db, '--json']);
    expect(listed.code).toBe(0);
    const fromFile = trellis(['evidence', 'list', '--log', log, '--json']);
    expect(listed.stdout).toBe(fromFile.stdout);
    const entries = (json(listed.stdout).entries as EvidenceEntry[]).map((e) => e.title);
    expect(entries).toEqual(['Ran the incident review', 'Led the storage redesign across three teams']);

    const table = trellis(['evidence', 'list', '--db', db, '--competency', 'influence']);
    expect(table.stdout.trim().endsWith('1 of 2 entries')).toBe(true);

    const packet = trellis(['evidence', 'packet', '--db', db, '--for', 'staff', '--json']);
    expect(packet.code).toBe(0);
    expect(packet.stdout).toBe(
      trellis(['evidence', 'packet', '--log', log, '--for', 'staff', '--json']).stdout,
    );
    expect(json(packet.stdout).summary).toMatchObject({ entries: 2, atLevelScope: 1 });
    const markdown = trellis(['evidence', 'packet', '--db', db, '--for', 'staff']);
    expect(markdown.stdout).toContain('- **2026-03-10** Led the storage redesign across three teams');

    const server = await testServer(db);
    try {
      const response = await server.app.inject({ method: 'GET', url: '/api/evidence' });
      expect(response.statusCode).toBe(200);
      const body = response.json<{ entries: (EvidenceEntry & { id: number })[] }>();
      expect(
        body.entries.map(({ date, title, competencies, links }) => ({ date, title, competencies, links })),
      ).toEqual([
        {
          date: '2026-01-20',
          title: 'Ran the incident review',
          competencies: ['debugging'],
          links: undefined,
        },
        {
          date: '2026-03-10',
          title: 'Led the storage redesign across three teams',
          competencies: ['system-design', 'influence'],
          links: ['https://example.com/storage%20design'],
        },
      ]);
      // And the other way round, with the server still open: what it stores, the command lists.
      const posted = await server.app.inject({
        method: 'POST',
        url: '/api/evidence',
        payload: { date: '2026-04-02', title: 'Mentored a new engineer', competencies: ['mentoring'] },
      });
      expect(posted.statusCode).toBe(201);
      const after = trellis(['evidence', 'list', '--db', db, '--json', '--since', '2026-04-01']);
      expect(json(after.stdout)).toEqual({
        entries: [{ date: '2026-04-02', title: 'Mentored a new engineer', competencies: ['mentoring'] }],
      });
    } finally {
      await server.close();
    }
  });

  it('--db alone means TRELLIS_DB, else data/trellis.sqlite, as for trellis serve', () => {
    const dir = tempDir();
    delete process.env.TRELLIS_DB;
    expect(trellis(['evidence', 'add', '--db', ...review], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'data', 'trellis.sqlite'))).toBe(true);
    process.env.TRELLIS_DB = join(dir, 'other.sqlite');
    const r = trellis(['evidence', 'add', '--db', ...design], { cwd: dir });
    expect(r.stdout).toBe(
      `Added 2026-03-10 "Led the storage redesign across three teams" to ${process.env.TRELLIS_DB} (1 entry).\n`,
    );
    // Without --db, the commands still use the log file, whatever TRELLIS_DB says.
    expect(trellis(['evidence', 'add', ...review], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'evidence.yaml'), 'utf8')).toContain('title: Ran the incident review');
  });

  it('--log and --db together is a usage error, and nothing is written', () => {
    const dir = tempDir();
    for (const command of [['add', ...review], ['list'], ['packet', '--for', 'staff']]) {
      const r = trellis(['evidence', ...command, '--log', 'e.yaml', '--db', 'w.sqlite'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        'trellis: --log and --db name two different logs (a file and the workspace database): give one of them\n',
      );
    }
    expect(existsSync(join(dir, 'e.yaml')) || existsSync(join(dir, 'w.sqlite'))).toBe(false);
  });

  it("competencies are checked against the workspace's framework in use, or --framework FILE", async () => {
    const db = join(tempDir(), 'trellis.sqlite');
    const workspace = await Workspace.open(db);
    await workspace.addFramework(readFileSync(navigatorFramework, 'utf8'), navigatorFramework);
    await workspace.close();

    // The workspace uses the small framework: craft is known there, system-design is not.
    const add = (...flags: string[]) =>
      trellis(['evidence', 'add', '--db', db, '--date', '2026-02-01', '--title', 'Shipped it', ...flags]);
    expect(add('--competency', 'craft').code).toBe(0);
    const bad = add('--competency', 'crafts', '--date', '2026-02-30');
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toEqual([
      '--competency: unknown competency "crafts" (did you mean "craft"?)',
      '--date: "2026-02-30" is not a real calendar date',
    ]);
    expect(add('--competency', 'system-design').stderr).toContain('unknown competency "system-design"');
    // --framework FILE overrides the workspace's choice.
    const reference = join(repoRoot, 'frameworks', 'reference.yaml');
    expect(add('--competency', 'system-design', '--framework', reference).code).toBe(0);
    const packet = trellis(['evidence', 'packet', '--db', db, '--for', 'senior', '--json']);
    expect(json(packet.stdout).framework).toMatchObject({ id: 'navigator-fixture' });
    const listed = json(trellis(['evidence', 'list', '--db', db, '--json']).stdout)
      .entries as EvidenceEntry[];
    expect(listed.map((e) => e.competencies)).toEqual([['craft'], ['system-design']]);
  });
});
