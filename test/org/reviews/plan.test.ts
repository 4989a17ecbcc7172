import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../../src/store/spreadsheet.js';
import { readTextFile } from '../../../src/store/files.js';
import { initOrganisation, type OrgRepositories } from '../../../src/store/repositories/org/index.js';
import type { StoredPerson } from '../../../src/store/repositories/org/person-rows.js';
import { Workspace } from '../../../src/store/workspace.js';
import { stores } from '../../helpers/stores.js';

/**
 * A ladder change before it happens: the minimal ladder's next version raises the senior craft
 * expectation from 3 to 4 and renames the manager level. Sam (senior, rated craft 3, people 2 by
 * Mira) meets senior now and would not; Eva (engineer, the same ratings) meets senior now and
 * would meet engineer only; her open case for senior, on the same ratings, is ready
 * now and would not be.
 */

const ladderV1 = readTextFile('examples/org/ladder-v1.yaml');
const ladderV2 = readTextFile('examples/org/ladder-v2.yaml');

describe.each(stores())('the plan of a framework version, verdicts and cases ($kind)', (store) => {
  let workspace: Workspace;
  let acme: OrgRepositories;
  let person: (email: string) => StoredPerson;

  beforeEach(async () => {
    workspace = await Workspace.open(await store.fresh());
    acme = (
      await initOrganisation(workspace.db, {
        name: 'Acme',
        adminEmail: 'root@acme.test',
        framework: { source: ladderV1, file: 'ladder-v1.yaml' },
        actor: 'test',
      })
    ).repositories;
    await acme.people.importCsv(
      readCsvRecords(readTextFile('examples/org/people.csv'), 'people.csv'),
      new Map(),
    );
    const people = await acme.people.all();
    person = (email) => people.find((p) => p.email === email)!;
    const cycle = await acme.cycles.open({ name: '2026', selfDue: '2026-12-10', managerDue: '2026-12-20' });
    const ratings = { craft: { rating: 3 }, people: { rating: 2 } };
    for (const email of ['sam@acme.test', 'eva@acme.test'])
      await acme.reviews.write({
        cycleId: cycle.id,
        person: person(email),
        kind: 'manager',
        author: person('mira@acme.test'),
        write: { ratings, submit: true },
      });
    await acme.cases.nominate(person('eva@acme.test'), person('mira@acme.test'), 'senior');
  });
  afterEach(async () => workspace.close());

  it('lists whose latest verdict would change and the open cases it would touch', async () => {
    const plan = await acme.planFramework(ladderV2, 'ladder-v2.yaml');
    expect(plan.verdicts).toEqual([
      // Eva, an engineer, met senior on these ratings; under the new version only engineer.
      {
        email: 'eva@acme.test',
        name: 'Eva Engineer',
        level: 'engineer',
        version: 1,
        kind: 'manager',
        now: { level: 'senior', holdsHeld: true },
        next: { level: 'engineer', holdsHeld: true },
        change: 'loses',
      },
      {
        email: 'sam@acme.test',
        name: 'Sam Senior',
        level: 'senior',
        version: 1,
        kind: 'manager',
        now: { level: 'senior', holdsHeld: true },
        next: { level: 'engineer', holdsHeld: false },
        change: 'loses',
      },
    ]);
    expect(plan.cases).toEqual([
      {
        id: 1,
        email: 'eva@acme.test',
        name: 'Eva Engineer',
        level: 'engineer',
        version: 1,
        targetLevel: 'senior',
        reasons: ['expectations-changed', 'readiness-changed'],
        competencies: ['craft'],
        fields: [],
        readyNow: true,
        readyNext: false,
      },
    ]);
    // The same file planned against itself changes nobody's verdict and no case.
    const same = await acme.planFramework(ladderV1, 'ladder-v1.yaml');
    expect([same.verdicts, same.cases]).toEqual([[], []]);
  });

  it('shows an assessment made against an earlier version against the current one, with what changed', async () => {
    const sam = person('sam@acme.test');
    expect((await acme.comparisons.of(1, sam)).againstCurrent).toBeNull();
    await acme.adoptFramework(ladderV2, 'ladder-v2.yaml');
    const compared = await acme.comparisons.of(1, sam);
    expect(compared.frameworkVersion).toBe(1);
    expect(compared.manager?.level).toBe('senior');
    expect(compared.againstCurrent).toEqual({
      to: { number: 2, id: 'minimal', version: '1.1.0' },
      self: null,
      manager: { level: 'engineer', holdsHeld: false },
      competencies: { added: [], removed: [] },
      levels: [{ level: 'senior', removed: false, competencies: ['craft'], fields: [] }],
    });
  });
});
