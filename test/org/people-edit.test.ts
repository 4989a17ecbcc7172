import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { repoRoot, trellis, writeTemp } from '../helpers/cli.js';
import { stores } from '../helpers/stores.js';

/** `trellis org people edit` through the real built binary, on SQLite and on PostgreSQL. */

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const fixtures = join(repoRoot, 'test', 'fixtures', 'org');
const minimal = join(repoRoot, 'test', 'fixtures', 'frameworks', 'minimal.yaml');

describe.each(stores())('org people edit on $kind', (store) => {
  let flag: string[];
  const edit = (...args: string[]) => trellis(['org', 'people', 'edit', ...args, ...flag]);
  const person = (email: string) =>
    (
      JSON.parse(trellis(['org', 'people', 'list', '--json', ...flag]).stdout) as Record<string, unknown>[]
    ).find((p) => p.email === email);

  beforeAll(async () => {
    flag = store.flag(await store.fresh());
    const password = writeTemp('password', 'a long enough passphrase\n');
    const init = trellis([
      ...['org', 'init', '--name', 'Acme', '--admin-email', 'mira@acme.test', '--framework', minimal],
      ...['--admin-password-file', password, ...flag],
    ]);
    expect(init.code, init.stderr).toBe(0);
    const imported = trellis(['org', 'people', 'import', join(fixtures, 'people.csv'), ...flag]);
    expect(imported.code, imported.stderr).toBe(0);
  });

  it('changes the fields given, clears one given empty, and audits the change with before and after', () => {
    expect(edit('SAM@acme.test', '--team', 'Edge', '--zone', '', '--name', 'Sam Senior-Smith')).toEqual({
      code: 0,
      stdout:
        'Changed sam@acme.test: name Sam Senior → Sam Senior-Smith, team Core → Edge, zone uk → (none).\n',
      stderr: '',
    });
    expect(person('sam@acme.test')).toMatchObject({ name: 'Sam Senior-Smith', team: 'Edge' });
    expect(person('sam@acme.test')).not.toHaveProperty('zone');
    const audit = JSON.parse(
      trellis(['org', 'audit', '--person', 'sam@acme.test', '--kind', 'person.update', '--json', ...flag])
        .stdout,
    ) as { before: { team: string }; after: { team: string; zone?: string } }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { team: 'Core', zone: 'uk' }, after: { team: 'Edge' } });
    expect(audit[0]!.after).not.toHaveProperty('zone');
    expect(edit('sam@acme.test', '--team', 'Edge').stdout).toBe('sam@acme.test: nothing changed.\n');
  });

  it('marks a leaver with their date and back as active, the leave date then cleared', () => {
    expect(edit('eva@acme.test', '--status', 'left', '--leave-date', '2026-01-31').stdout).toBe(
      'Changed eva@acme.test: status active → left, leaveDate (none) → 2026-01-31.\n',
    );
    expect(
      JSON.parse(
        trellis(['org', 'audit', '--person', 'eva@acme.test', '--kind', 'person.leave', '--json', ...flag])
          .stdout,
      ),
    ).toHaveLength(1);
    expect(edit('eva@acme.test', '--status', 'active').stdout).toBe(
      'Changed eva@acme.test: status left → active, leaveDate 2026-01-31 → (none).\n',
    );
  });

  it('refuses a loop, a level not in the framework, a bad date or gender, located at the option; nothing changes', () => {
    expect(edit('sam@acme.test', '--manager', 'sam@acme.test')).toMatchObject({
      code: 1,
      stderr: 'sam@acme.test: --manager: a person cannot manage themselves\n',
    });
    expect(edit('mira@acme.test', '--manager', 'sam@acme.test')).toMatchObject({
      code: 1,
      stderr:
        'mira@acme.test: --manager: the reporting line loops: mira@acme.test → sam@acme.test → mira@acme.test\n' +
        'mira@acme.test: people.sam@acme.test.managerEmail: the reporting line loops: sam@acme.test → mira@acme.test → sam@acme.test\n',
    });
    expect(edit('sam@acme.test', '--manager', 'nobody@acme.test')).toMatchObject({
      code: 1,
      stderr: 'sam@acme.test: --manager: nobody@acme.test is not a person of the organisation\n',
    });
    expect(edit('mira@acme.test', '--status', 'left', '--leave-date', '2026-02-01').stderr).toMatch(
      /^mira@acme\.test: --status: mira@acme\.test has left but sam@acme\.test still reports to them/,
    );
    expect(edit('sam@acme.test', '--level', 'principal')).toMatchObject({
      code: 1,
      stderr: 'sam@acme.test: --level: "principal" is not a level of minimal 1.0.0\n',
    });
    expect(edit('sam@acme.test', '--status', 'left')).toMatchObject({
      code: 1,
      stderr: 'sam@acme.test: --leave-date: is required when status is left\n',
    });
    expect(edit('sam@acme.test', '--gender', 'robot')).toMatchObject({
      code: 1,
      stderr: 'sam@acme.test: --gender: "robot" is not one of "woman", "man", "non-binary", "undisclosed"\n',
    });
    expect(person('sam@acme.test')).toMatchObject({ managerEmail: 'mira@acme.test', level: 'senior' });
    expect(person('mira@acme.test')).toMatchObject({ status: 'active' });
  });

  it('answers a usage error with exit 2 and a missing person with exit 1', () => {
    expect(edit('sam@acme.test')).toMatchObject({
      code: 2,
      stderr:
        'trellis: nothing to change: give at least one of --name, --level, --manager, --team, --zone, --status, --leave-date, --gender\n',
    });
    expect(edit('sam@acme.test', '--status', 'gone').code).toBe(2);
    expect(edit('nobody@acme.test', '--team', 'X')).toMatchObject({
      code: 1,
      stderr: 'trellis: no person with email nobody@acme.test in the organisation\n',
    });
  });
});
