import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { repoRoot, tempDir, trellis, writeTemp } from '../helpers/cli.js';

/** `trellis org case …` through the real built binary, on a real SQLite file. */

// Every step starts a process; on a busy machine a few of them take longer than the default allows.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const minimal = join(repoRoot, 'test', 'fixtures', 'frameworks', 'minimal.yaml');
const people = join(repoRoot, 'test', 'fixtures', 'org', 'people.csv');

describe('a promotion case on the command line', () => {
  const db = join(tempDir(), 'org.sqlite');
  const run = (...args: string[]) => trellis([...args, '--db', db]);
  const ok = (...args: string[]) => {
    const result = run(...args);
    expect(result, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
    return result.stdout;
  };

  beforeAll(() => {
    const password = writeTemp('password', 'a long enough passphrase\n');
    ok(
      ...['org', 'init', '--name', 'Acme', '--admin-email', 'mira@acme.test', '--framework', minimal],
      ...['--admin-password-file', password],
    );
    ok('org', 'people', 'import', people);
    // Mira manages Sam and Eva; Sam sits outside Eva's reporting chain.
    ok('org', 'role', '--email', 'mira@acme.test', '--add', 'manager');
    ok('org', 'role', '--email', 'sam@acme.test', '--add', 'committee');
    ok('org', 'role', '--email', 'eva@acme.test', '--add', 'employee');
  });

  it('nominates, seats a committee, votes, approves, and shows the new level', () => {
    expect(
      ok(
        'org',
        'case',
        'nominate',
        '--person',
        'eva@acme.test',
        '--target',
        'senior',
        '--as',
        'mira@acme.test',
      ),
    ).toBe('Opened case 1: eva@acme.test for senior.\n');
    expect(ok('org', 'case', 'committee', '1', '--members', 'sam@acme.test')).toBe(
      'Case 1, round 1 committee: sam@acme.test.\n',
    );
    expect(
      ok(
        'org',
        'case',
        'vote',
        '1',
        '--vote',
        'approve',
        '--rationale',
        'Meets the rule',
        '--as',
        'sam@acme.test',
      ),
    ).toBe('Voted approve on case 1 in round 1.\n');
    expect(
      ok(
        ...['org', 'case', 'decide', '1', '--decision', 'approve'],
        ...['--rationale', 'The committee agrees', '--effective-date', '2027-01-01'],
      ),
    ).toBe('Decided case 1: decided, round 1, for senior; decided approve.\n');
    expect(ok('org', 'case', 'show', '1')).toBe(
      [
        'Eva Engineer, senior since 2027-01-01: case 1: decided, round 1, for senior; decided approve',
        '  nominated by mira@acme.test, sponsor mira@acme.test',
        '  readiness: no submitted assessment yet',
        '  committee: sam@acme.test (round 1)',
        '  votes this round: 1 approve, 0 decline, 0 defer',
        '  decision: approve from 2027-01-01: The committee agrees',
        '',
      ].join('\n'),
    );
    // The person reads their own case and its rationale, but not the votes.
    const own = JSON.parse(ok('org', 'case', 'show', '1', '--json', '--as', 'eva@acme.test')) as Record<
      string,
      unknown
    >;
    expect(own).toMatchObject({
      status: 'decided',
      person: { level: 'senior', levelStartDate: '2027-01-01' },
      tally: { approve: 1, decline: 0, defer: 0 },
      decision: { decision: 'approve', rationale: 'The committee agrees' },
    });
    expect(own).not.toHaveProperty('votes');
    const audit = JSON.parse(ok('org', 'audit', '--json')) as { kind: string }[];
    expect(audit.map((e) => e.kind).filter((k) => k.startsWith('case.'))).toEqual([
      'case.nominate',
      'case.assign',
      'case.vote',
      'case.decide',
    ]);
  });

  it('refuses a step the roles do not allow, through the same policy as the API', () => {
    // A person one may not read is answered as a person missing, as the API's 404.
    expect(
      run(
        'org',
        'case',
        'nominate',
        '--person',
        'sam@acme.test',
        '--target',
        'manager',
        '--as',
        'eva@acme.test',
      ),
    ).toEqual({
      code: 1,
      stdout: '',
      stderr: 'trellis: --person: no person "sam@acme.test" in the organisation\n',
    });
    expect(
      run('org', 'case', 'vote', '1', '--vote', 'approve', '--rationale', 'Me!', '--as', 'eva@acme.test'),
    ).toEqual({ code: 1, stdout: '', stderr: 'trellis: your roles do not allow voting on this case\n' });
  });
});
