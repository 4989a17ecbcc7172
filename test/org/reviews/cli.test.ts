import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { repoRoot, trellis, writeTemp } from '../../helpers/cli.js';
import { stores } from '../../helpers/stores.js';

/** `trellis org cycle open|status|close` through the real built binary, on each store. */

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const minimal = join(repoRoot, 'test', 'fixtures', 'frameworks', 'minimal.yaml');
const people = join(repoRoot, 'test', 'fixtures', 'org', 'people.csv');

describe.each(stores())('review cycles on the command line ($kind)', (store) => {
  it('opens a cycle, shows its status, closes it, and refuses to close it twice', async () => {
    const on = store.flag(await store.fresh());
    const password = writeTemp('password', 'a long enough passphrase\n');
    expect(
      trellis([
        ...['org', 'init', '--name', 'Acme', '--admin-email', 'mira@acme.test', '--framework', minimal],
        ...['--admin-password-file', password, ...on],
      ]).code,
    ).toBe(0);
    expect(trellis(['org', 'people', 'import', people, ...on]).code).toBe(0);

    const bad = trellis([
      'org',
      'cycle',
      'open',
      '--name',
      'H2',
      '--self-due',
      '2026-12-32',
      '--manager-due',
      '2026-12-20',
      ...on,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('selfDue: must be a date as YYYY-MM-DD');
    const unknown = trellis([
      'org',
      'cycle',
      'open',
      '--name',
      'H2',
      '--levels',
      'senior,staff',
      '--self-due',
      '2026-12-10',
      '--manager-due',
      '2026-12-20',
      ...on,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('levels[1]: "staff" is not a level of minimal 1.0.0');

    expect(
      trellis([
        'org',
        'cycle',
        'open',
        '--name',
        'H2',
        '--teams',
        'Core',
        '--self-due',
        '2026-12-10',
        '--manager-due',
        '2026-12-20',
        ...on,
      ]),
    ).toMatchObject({
      code: 0,
      stdout:
        'Opened cycle 1 "H2" on framework version 1 for teams Core: 3 people, self-assessments due 2026-12-10, manager assessments due 2026-12-20.\n',
    });
    expect(trellis(['org', 'cycle', 'status', 'H2', ...on]).stdout).toBe(
      [
        'Cycle 1 "H2": open',
        '  framework version 1, for teams Core: 3 people',
        '  self-assessments (due 2026-12-10): 0 submitted, 0 draft, 3 missing',
        '  manager assessments (due 2026-12-20): 0 submitted, 0 draft, 3 missing',
        '  peer requests: 0 of 0 answered',
        '',
      ].join('\n'),
    );
    const listed = JSON.parse(trellis(['org', 'cycle', 'status', '--json', ...on]).stdout);
    expect(listed).toEqual([
      expect.objectContaining({
        id: 1,
        name: 'H2',
        status: 'open',
        progress: expect.objectContaining({ people: 3 }),
      }),
    ]);

    expect(trellis(['org', 'cycle', 'close', '1', ...on])).toMatchObject({
      code: 0,
      stdout: 'Closed cycle 1 "H2": it is frozen from now on.\n',
    });
    const again = trellis(['org', 'cycle', 'close', 'H2', ...on]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /cycle "H2" was closed on \d{4}-\d{2}-\d{2} and is frozen: nothing of it can change/,
    );
    expect(trellis(['org', 'cycle', 'status', 'H3', ...on])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no review cycle "H3" in the organisation'),
    });
    const kinds = JSON.parse(trellis(['org', 'audit', '--json', ...on]).stdout).map(
      (e: { kind: string }) => e.kind,
    );
    expect(kinds.slice(-2)).toEqual(['cycle.open', 'cycle.close']);
  });
});
