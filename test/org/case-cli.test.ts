import { beforeAll, describe, expect, it, vi } from 'vitest';
import { trellis, writeTemp } from '../helpers/cli.js';
import { initCliOrganisation } from '../helpers/org.js';
import { stores } from '../helpers/stores.js';

/** `trellis org case …` through the real built binary, on each store. */

// Every step starts a process; on a busy machine a few of them take longer than the default allows.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

describe.each(stores())('a promotion case on the command line ($kind)', (store) => {
  let on: string[] = [];
  const run = (...args: string[]) => trellis([...args, ...on]);
  const ok = (...args: string[]) => {
    const result = run(...args);
    expect(result, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
    return result.stdout;
  };

  beforeAll(async () => {
    on = store.flag(await store.fresh());
    initCliOrganisation(on);
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

  it('takes one appeal of a declined case, by the person only, decided by a different committee', () => {
    // Noa, an engineer Mira manages, and two people outside Noa's reporting chain for the two committees.
    const more = writeTemp(
      'more.csv',
      [
        'name,email,level,manager_email,team,start_date,level_start_date',
        'Noa New,noa@acme.test,engineer,mira@acme.test,Core,2023-01-09,2023-01-09',
        'Priya Peer,priya@acme.test,senior,mira@acme.test,Core,2022-01-03,2023-01-02',
        'Lee Lead,lee@acme.test,manager,,Platform,2020-03-02,2020-03-02',
      ].join('\n'),
    );
    ok('org', 'people', 'import', more);
    ok('org', 'role', '--email', 'priya@acme.test', '--add', 'committee');
    ok('org', 'role', '--email', 'lee@acme.test', '--add', 'committee');
    ok('org', 'role', '--email', 'noa@acme.test', '--add', 'employee');

    const opened = ok(
      ...['org', 'case', 'nominate', '--person', 'noa@acme.test', '--target', 'senior'],
      ...['--as', 'mira@acme.test'],
    );
    const id = /^Opened case (\d+): noa@acme\.test for senior\.\n$/.exec(opened)![1]!;
    const appeal = (as: string[]) =>
      run('org', 'case', 'appeal', id, '--reason', 'My people work was not read', ...as);
    // Nothing to appeal before a decision.
    expect(appeal(['--as', 'noa@acme.test'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `trellis: case ${id} is open: it cannot be appealed before it is decided\n`,
    });
    ok('org', 'case', 'committee', id, '--members', 'priya@acme.test');
    ok('org', 'case', 'vote', id, '--vote', 'decline', '--rationale', 'Not yet', '--as', 'priya@acme.test');
    expect(
      ok('org', 'case', 'decide', id, '--decision', 'decline', '--rationale', 'People rating below the rule'),
    ).toBe(`Decided case ${id}: decided, round 1, for senior; decided decline.\n`);

    // Only the person appeals: not hr (the command line's default), not their manager.
    const refused = { code: 1, stdout: '', stderr: 'trellis: your roles do not allow appealing this case\n' };
    expect(appeal([])).toEqual(refused);
    expect(appeal(['--as', 'mira@acme.test'])).toEqual(refused);
    expect(appeal(['--as', 'noa@acme.test'])).toEqual({
      code: 0,
      stdout: `Appealed case ${id}: appealed, round 2, for senior; decided decline.\n`,
      stderr: '',
    });
    // One appeal: a second, while the first is open, is refused.
    const once = {
      code: 1,
      stdout: '',
      stderr: `trellis: case ${id} was appealed already: a case has one appeal\n`,
    };
    expect(appeal(['--as', 'noa@acme.test'])).toEqual(once);

    // The appeal's committee: nobody of the first, nobody of Noa's chain, not Noa.
    for (const [member, why] of [
      [
        'priya@acme.test',
        'priya@acme.test sat on the first committee: the appeal is decided by a different one',
      ],
      [
        'mira@acme.test',
        "mira@acme.test is in noa@acme.test's reporting chain and cannot sit on the committee",
      ],
      ['noa@acme.test', 'noa@acme.test is the person the case is about'],
    ]) {
      const result = run('org', 'case', 'committee', id, '--members', member!);
      expect(result.code, member).toBe(1);
      expect(result.stderr, member).toContain(why!);
    }
    expect(ok('org', 'case', 'committee', id, '--members', 'lee@acme.test')).toBe(
      `Case ${id}, round 2 committee: lee@acme.test.\n`,
    );
    // The first committee has no say in the appeal.
    expect(
      run(
        'org',
        'case',
        'vote',
        id,
        '--vote',
        'decline',
        '--rationale',
        'Still no',
        '--as',
        'priya@acme.test',
      ),
    ).toMatchObject({
      code: 1,
      stderr: `trellis: priya@acme.test does not sit on the committee of round 2 of case ${id}\n`,
    });
    ok(
      'org',
      'case',
      'vote',
      id,
      '--vote',
      'approve',
      '--rationale',
      'The people work holds',
      '--as',
      'lee@acme.test',
    );
    expect(
      ok(
        ...['org', 'case', 'decide', id, '--decision', 'approve'],
        ...['--rationale', 'The appeal committee agrees', '--effective-date', '2027-02-01'],
      ),
    ).toBe(`Decided case ${id}: final, round 2, for senior; decided decline; appeal decided approve.\n`);
    expect(appeal(['--as', 'noa@acme.test'])).toEqual(once);

    const shown = ok('org', 'case', 'show', id);
    expect(shown).toContain(`Noa New, senior since 2027-02-01: case ${id}: final, round 2, for senior`);
    expect(shown).toContain('  committee: priya@acme.test (round 1), lee@acme.test (round 2)');
    expect(shown).toContain('  decision: approve from 2027-02-01: The appeal committee agrees');
    expect(shown).toContain('  appeal: My people work was not read');

    const audit = JSON.parse(ok('org', 'audit', '--json')) as {
      kind: string;
      subject: string;
      after: Record<string, unknown>;
    }[];
    const ofCase = audit.filter(
      (e) => e.subject === `case:${id}` || (e.kind === 'case.nominate' && e.after.case === Number(id)),
    );
    expect(ofCase.map((e) => [e.kind, e.after.round ?? null])).toEqual([
      ['case.nominate', null],
      ['case.assign', 1],
      ['case.vote', 1],
      ['case.decide', 1],
      ['case.appeal', null],
      ['case.assign', 2],
      ['case.vote', 2],
      ['case.decide', 2],
    ]);
    expect(ofCase.find((e) => e.kind === 'case.appeal')!.after).toEqual({
      reason: 'My people work was not read',
    });
  });
});
