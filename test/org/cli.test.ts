import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { repoRoot, tempDir, trellis, writeTemp } from '../helpers/cli.js';

/** `trellis org …` through the real built binary, on real SQLite files. */

// Every step starts a process; on a busy machine a few of them take longer than the default allows.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const fixtures = join(repoRoot, 'test', 'fixtures', 'org');
const minimal = join(repoRoot, 'test', 'fixtures', 'frameworks', 'minimal.yaml');
const people = join(fixtures, 'people.csv');
const hrisMap =
  'Employee Name=name,Work Email=email,Job Level=level,Department=team,Location=zone,Hire Date=start_date,Employment Status=status,Termination Date=leave_date';

interface Entry {
  kind: string;
  subject: string;
  actor: string;
  at: string;
}

describe('an organisation on the minimal ladder, step by step', () => {
  const db = join(tempDir(), 'org.sqlite');
  const json = <T>(...args: string[]) => JSON.parse(trellis([...args, '--json', '--db', db]).stdout) as T;

  beforeAll(() => {
    const password = writeTemp('password', 'a long enough passphrase\n');
    const init = trellis([
      ...['org', 'init', '--name', 'Acme', '--admin-email', 'mira@acme.test', '--framework', minimal],
      ...['--admin-password-file', password, '--db', db],
    ]);
    expect(init).toMatchObject({
      code: 0,
      stdout: `Created the organisation "Acme" (acme) with minimal 1.0.0 as framework version 1.\nAdmin: mira@acme.test\nThe admin's password is set from ${password}.\n`,
    });
    expect(trellis(['org', 'people', 'import', people, '--db', db])).toMatchObject({
      code: 0,
      stdout: `Imported ${people}: 4 added, 0 changed, 0 unchanged.\n`,
    });
  });

  it('audits every write, filtered by person, actor, kind and time, and never the password', () => {
    const all = json<Entry[]>('org', 'audit');
    expect(all.map((e) => e.kind)).toEqual([
      'organisation.create',
      'framework.adopt',
      'account.create',
      'account.password.set',
      'person.create',
      'account.link',
      'person.create',
      'person.create',
      'person.create',
      'people.import',
    ]);
    expect(all.every((e) => /^cli:/.test(e.actor))).toBe(true);
    expect(JSON.stringify(all)).not.toContain('passphrase');
    expect(json<Entry[]>('org', 'audit', '--person', 'SAM@acme.test').map((e) => e.kind)).toEqual([
      'person.create',
    ]);
    expect(json<Entry[]>('org', 'audit', '--kind', 'person.create', '--actor', all[0]!.actor)).toHaveLength(
      4,
    );
    expect(json<Entry[]>('org', 'audit', '--actor', 'cli:nobody')).toEqual([]);
    const today = all[0]!.at.slice(0, 10);
    expect(json<Entry[]>('org', 'audit', '--since', today, '--until', today)).toHaveLength(all.length);
    expect(json<Entry[]>('org', 'audit', '--since', '2999-01-01T00:00:00Z')).toEqual([]);
    expect(trellis(['org', 'audit', '--until', 'yesterday', '--db', db])).toMatchObject({
      code: 2,
      stderr: 'trellis: --until expects a date (YYYY-MM-DD) or an ISO 8601 date-time, got "yesterday"\n',
    });
  });

  it('imports nothing from a file with bad rows, and says where each is', () => {
    const bad = join(fixtures, 'people-bad.csv');
    const result = trellis(['org', 'people', 'import', bad, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      `${bad}:3:3: level: "principal" is not a level of minimal 1.0.0`,
      `${bad}:4:2: email: must be an email address`,
      `${bad}:5:11: leave_date: is required when status is left`,
    ]);
    expect(json<Entry[]>('org', 'audit', '--kind', 'people.import')).toHaveLength(1);
  });

  it('exports the same CSV it imported, and an import of the export changes nothing', () => {
    const exported = trellis(['org', 'people', 'export', '--db', db]);
    expect(exported.stdout).toBe(readFileSync(people, 'utf8'));
    const file = writeTemp('export.csv', exported.stdout);
    expect(trellis(['org', 'people', 'import', file, '--db', db]).stdout).toBe(
      `Imported ${file}: 0 added, 0 changed, 4 unchanged.\n`,
    );
  });

  it('lists by manager and by team', () => {
    const emails = (...args: string[]) =>
      json<{ email: string }[]>('org', 'people', 'list', ...args).map((p) => p.email);
    expect(emails('--manager', 'mira@acme.test')).toEqual([
      'sam@acme.test',
      'eva@acme.test',
      'omar@acme.test',
    ]);
    expect(emails('--team', 'Edge')).toEqual([]);
  });

  it('plans a new ladder version before adopting it, then adopts it keeping the old one', () => {
    const next = join(fixtures, 'minimal-v2.yaml');
    // Mira's level (manager) is renamed away; Sam's senior craft rating goes 3 → 4; Eva's engineer
    // level is untouched; Omar has left and is not counted.
    expect(json('org', 'framework', 'plan', next)).toEqual({
      to: { id: 'minimal', version: '1.1.0' },
      affected: [
        {
          ...{ email: 'sam@acme.test', name: 'Sam Senior', level: 'senior', version: 1 },
          ...{ change: 'expectations-changed', competencies: ['craft'], fields: [] },
        },
        {
          ...{ email: 'mira@acme.test', name: 'Mira Manager', level: 'manager', version: 1 },
          ...{ change: 'level-removed', competencies: [], fields: [] },
        },
      ],
      unaffected: 1,
      // Nobody here has a submitted assessment nor an open case yet (test/org/reviews/plan.test.ts has them).
      verdicts: [],
      cases: [],
    });
    expect(trellis(['org', 'framework', 'plan', next, '--db', db]).stdout).toContain(
      '0 people whose latest verdict would change.\n\n0 open promotion cases affected.\n',
    );
    expect(trellis(['org', 'framework', 'set', next, '--db', db]).stdout).toBe(
      'Adopted minimal 1.1.0 as framework version 2.\n3 people moved onto it.\nStill levelled in an earlier version (their level is not in this one): mira@acme.test\n',
    );
    // The same id and version with other text is a changed ladder under an old name: refused, and
    // nothing adopted, so every person's own pages keep working on the version they use.
    const renamed = writeTemp(
      'minimal-renamed.yaml',
      readFileSync(next, 'utf8').replace(/^name: .*$/m, 'name: Renamed without a new version'),
    );
    const refused = trellis(['org', 'framework', 'set', renamed, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `${renamed}:4:10: version: 1.1.0 is already in this workspace with different content`,
    );
    const versions = json<{ number: number; frameworkVersion: string }[]>('org', 'framework', 'versions');
    expect(versions.map((v) => [v.number, v.frameworkVersion])).toEqual([
      [1, '1.0.0'],
      [2, '1.1.0'],
    ]);
  });
});

describe('several organisations in one database', () => {
  it('prints a one-time sign-in link for a first admin, then needs --org, naming the choices', () => {
    const db = join(tempDir(), 'org.sqlite');
    const first = trellis([
      'org',
      'init',
      '--name',
      'Northwind Traders',
      '--admin-email',
      'Amara@Northwind.example',
      '--db',
      db,
    ]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^Created the organisation "Northwind Traders" \(northwind-traders\) with reference 1\.2\.0 as framework version 1\.\nAdmin: amara@northwind\.example\nSign-in link for amara@northwind\.example \(works once, until \S+\):\n {2}http:\/\/localhost:3000\/welcome#token=[\w-]{43}\n$/,
    );
    expect(
      trellis(['org', 'init', '--name', 'Globex', '--admin-email', 'hank@globex.test', '--db', db]).code,
    ).toBe(0);
    expect(trellis(['org', 'people', 'list', '--db', db])).toMatchObject({
      code: 2,
      stderr:
        'trellis: this workspace holds several organisations: choose one with --org (globex, northwind-traders)\n',
    });
    const hris = join(fixtures, 'northwind-hris.csv');
    expect(
      trellis(['org', 'people', 'import', hris, '--map', hrisMap, '--org', 'northwind-traders', '--db', db]),
    ).toMatchObject({
      code: 0,
      stdout: `Imported ${hris}: 7 added, 0 changed, 0 unchanged.\n`,
    });
    expect(trellis(['org', 'people', 'list', '--org', 'globex', '--db', db])).toMatchObject({
      code: 0,
      stdout: 'No people.\n',
    });
  });

  it('refuses organisation commands on a workspace that is not one', () => {
    const db = join(tempDir(), 'missing.sqlite');
    expect(trellis(['org', 'people', 'list', '--db', db]).code).toBe(2);
  });
});
