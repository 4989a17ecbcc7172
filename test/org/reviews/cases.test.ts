import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readinessOf } from '../../../src/core/org/cases/case.js';
import { loadFrameworkOrThrow } from '../../../src/core/framework/load.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import type { StoredPerson } from '../../../src/store/repositories/org/person-rows.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation, peopleCsv, reference } from '../../helpers/org.js';
import { stores } from '../../helpers/stores.js';

const framework = loadFrameworkOrThrow(reference.source, reference.file);

describe('readiness for a target level', () => {
  it('judges the target under its rule and counts time in level against the typical years', () => {
    const all4 = Object.fromEntries(framework.competencies.map((c) => [c.id, 4]));
    const r = readinessOf(framework, 'senior', 'staff', all4, '2023-01-01', '2026-01-01');
    expect(r).toMatchObject({ level: 'staff', holds: true, rule: 'staff-plus', yearsInLevel: 3 });
    expect(r.typicalYears).toEqual(framework.levels.find((l) => l.id === 'senior')!.years);
  });
});

describe.each(stores())('promotion cases in the store ($kind)', (store) => {
  let workspace: Workspace;
  let acme: OrgRepositories;
  let person: (email: string) => Promise<StoredPerson>;

  beforeEach(async () => {
    workspace = await Workspace.open(await store.fresh());
    acme = await newOrganisation(workspace, 'Acme', 'root@acme.test', 'test:acme');
    await acme.people.importCsv(
      peopleCsv([
        'Ana,ana@acme.test,director,,Core,2020-01-01,2022-01-01,woman',
        'Ben,ben@acme.test,em,ana@acme.test,Core,2021-01-01,2021-01-01,man',
        'Cy,cy@acme.test,senior,ben@acme.test,Core,2022-01-01,2023-01-01,',
        'Dee,dee@acme.test,staff,ana@acme.test,Web,2022-01-01,2023-01-01,woman',
        'Eve,eve@acme.test,staff,ana@acme.test,Web,2022-01-01,2023-01-01,woman',
        'Fay,fay@acme.test,staff,ana@acme.test,Web,2022-01-01,2023-01-01,woman',
      ]),
      new Map(),
    );
    person = async (email) => (await acme.people.byEmail(email))!;
  });
  afterEach(async () => workspace.close());

  it('runs a case from nomination through a deferral, one appeal by another committee, to approval', async () => {
    const [ana, ben, cy, dee, eve, fay] = (await Promise.all(
      ['ana', 'ben', 'cy', 'dee', 'eve', 'fay'].map((n) => person(`${n}@acme.test`)),
    )) as [StoredPerson, StoredPerson, StoredPerson, StoredPerson, StoredPerson, StoredPerson];
    await expect(acme.cases.nominate(cy, ben, 'mid')).rejects.toMatchObject({
      problems: [
        expect.objectContaining({
          path: ['targetLevel'],
          message: 'Mid-level engineer is not above Senior engineer, the level held',
        }),
      ],
    });
    const c = await acme.cases.nominate(cy, cy, 'staff', 'led the storage migration');
    expect(c).toMatchObject({ status: 'open', round: 1, sponsorId: ben.id, nominatedById: cy.id });

    await expect(acme.cases.assign(c.id, [ana.id, dee.id, cy.id])).rejects.toMatchObject({
      problems: [
        expect.objectContaining({
          path: ['members', 0],
          message: "ana@acme.test is in cy@acme.test's reporting chain and cannot sit on the committee",
        }),
        expect.objectContaining({
          path: ['members', 2],
          message: 'cy@acme.test is the person the case is about',
        }),
      ],
    });
    await acme.cases.assign(c.id, [dee.id]);
    await expect(acme.cases.decide(c.id, 'approve', 'x', '2027-01-01')).rejects.toThrow(
      'case 1 has no committee vote in round 1 yet'.replace('1 has', `${c.id} has`),
    );
    await expect(acme.cases.vote(c.id, eve, 'approve', 'yes')).rejects.toMatchObject({ code: 'conflict' });
    await acme.cases.vote(c.id, dee, 'defer', 'one more quarter of design reviews');
    await expect(acme.cases.vote(c.id, dee, 'approve', 'again')).rejects.toThrow('has voted');
    const deferred = await acme.cases.decide(c.id, 'defer', 'Design reviews are the gap; revisit in Q2.');
    expect(deferred).toMatchObject({
      status: 'decided',
      decision: { decision: 'defer', rationale: 'Design reviews are the gap; revisit in Q2.' },
    });

    const appealed = await acme.cases.appeal(c.id, 'the reviews happened, in another team');
    expect(appealed).toMatchObject({ status: 'appealed', round: 2 });
    await expect(acme.cases.appeal(c.id, 'again')).rejects.toThrow('a case has one appeal');
    await expect(acme.cases.assign(c.id, [dee.id])).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: 'same-committee' })],
    });
    await acme.cases.assign(c.id, [eve.id, fay.id]);
    await acme.cases.vote(c.id, eve, 'approve', 'the reviews are in the log');
    await acme.cases.vote(c.id, fay, 'approve', 'agreed');
    const approved = await acme.cases.decide(
      c.id,
      'approve',
      'Approved on appeal: the evidence shows the reviews.',
      '2027-01-01',
    );
    expect(approved.status).toBe('final');
    expect(approved.appeal?.decision).toMatchObject({ decision: 'approve', effectiveDate: '2027-01-01' });
    expect(await person('cy@acme.test')).toMatchObject({ level: 'staff', levelStartDate: '2027-01-01' });
    const history = (await acme.audit.list({ subject: 'cy@acme.test', kind: 'person.update' })).at(-1)!;
    expect(history).toMatchObject({
      before: { level: 'senior', levelStartDate: '2023-01-01' },
      after: { level: 'staff' },
    });
    expect(await acme.cases.seatsOf(eve.id)).toEqual(new Set([c.id]));
    expect((await acme.audit.list()).map((e) => e.kind).filter((k) => k.startsWith('case.'))).toEqual([
      'case.nominate',
      'case.assign',
      'case.vote',
      'case.decide',
      'case.appeal',
      'case.assign',
      'case.vote',
      'case.vote',
      'case.decide',
    ]);
  });
});
