import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  OrganisationRepository,
  OrgRepositories,
  orgScope,
} from '../../../src/store/repositories/org/index.js';
import { Workspace } from '../../../src/store/workspace.js';
import { repoRoot, trellis } from '../../helpers/cli.js';
import { initCliOrganisation } from '../../helpers/org.js';
import { stores } from '../../helpers/stores.js';

/** `trellis org cycle open|status|close` through the real built binary, on each store. */

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const examples = join(repoRoot, 'examples', 'org');

describe.each(stores())('review cycles on the command line ($kind)', (store) => {
  it('opens a cycle, shows its status, closes it, and refuses to close it twice', async () => {
    const on = store.flag(await store.fresh());
    initCliOrganisation(on);

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

  it('shows a closed cycle against a newly adopted version, with what changed', async () => {
    const target = await store.fresh();
    const on = store.flag(target);
    const run = (...args: string[]) => {
      const result = trellis([...args, ...on]);
      expect(result, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
      return result.stdout;
    };
    initCliOrganisation(on, {
      framework: join(examples, 'ladder-v1.yaml'),
      people: join(examples, 'people.csv'),
    });
    run(
      ...['org', 'cycle', 'open', '--name', 'H2', '--self-due', '2026-12-10'],
      '--manager-due',
      '2026-12-20',
    );

    // Sam, a senior engineer, rates his craft 3 and people 2; Mira, his manager, craft 4 and people 2.
    const workspace = await Workspace.open(target);
    try {
      const organisation = await new OrganisationRepository(workspace.db).resolve(undefined);
      const r = new OrgRepositories(orgScope(workspace.db, organisation.id, 'test'));
      const people = await r.people.all();
      const sam = people.find((p) => p.email === 'sam@acme.test')!;
      const mira = people.find((p) => p.email === 'mira@acme.test')!;
      const rated = (craft: number, peopleRating: number) => ({
        ratings: { craft: { rating: craft }, people: { rating: peopleRating } },
        submit: true,
      });
      await r.reviews.write({ cycleId: 1, person: sam, kind: 'self', author: sam, write: rated(3, 2) });
      await r.reviews.write({ cycleId: 1, person: sam, kind: 'manager', author: mira, write: rated(4, 2) });
    } finally {
      await workspace.close();
    }
    run('org', 'cycle', 'close', 'H2');

    // Under version 1 (senior: craft 3, people 2, none below), both sides meet senior.
    const before = run('org', 'cycle', 'status', 'H2', '--person', 'sam@acme.test');
    expect(before).toContain(
      [
        'Sam Senior, senior, in cycle 1 (framework version 1)',
        '  self: senior',
        '  manager: senior',
        '',
      ].join('\n'),
    );
    expect(before).not.toContain('Against the current version');

    // Version 2 raises senior's craft to 4: Sam's own 3 falls short of it, and meets only engineer
    // (craft 2, people 1); Mira's 4 still meets senior.
    expect(run('org', 'framework', 'set', join(examples, 'ladder-v2.yaml'))).toContain(
      'Adopted minimal 1.1.0 as framework version 2.\n',
    );
    const after = run('org', 'cycle', 'status', 'H2', '--person', 'sam@acme.test');
    expect(after).toContain(
      [
        'Sam Senior, senior, in cycle 1 (framework version 1)',
        '  self: senior',
        '  manager: senior',
        'Against the current version 2 (minimal 1.1.0):',
        '  self: engineer (held level not met)',
        '  manager: senior',
        '  senior: craft expectation changed',
        '',
      ].join('\n'),
    );
    expect(after).toMatch(/Craft\s*│\s*3\s*│\s*4\s*│\s*\+1/);

    const json = JSON.parse(run('org', 'cycle', 'status', 'H2', '--person', 'sam@acme.test', '--json'));
    expect(json).toMatchObject({
      cycle: 1,
      frameworkVersion: 1,
      person: { name: 'Sam Senior', level: 'senior' },
    });
    expect(json.againstCurrent).toEqual({
      to: { number: 2, id: 'minimal', version: '1.1.0' },
      self: expect.objectContaining({ level: 'engineer', holdsHeld: false }),
      manager: expect.objectContaining({ level: 'senior', holdsHeld: true }),
      competencies: { added: [], removed: [] },
      levels: [{ level: 'senior', removed: false, competencies: ['craft'], fields: [] }],
    });
  });
});
