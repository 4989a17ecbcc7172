import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFrameworkOrThrow } from '../../../src/core/framework/load.js';
import { ratingsOf } from '../../../src/core/org/reviews/assessment.js';
import { calibrate, judge } from '../../../src/core/org/reviews/calibration.js';
import { DomainError } from '../../../src/core/problems.js';
import type { OrgRepositories } from '../../../src/store/repositories/org/index.js';
import type { StoredPerson } from '../../../src/store/repositories/org/person-rows.js';
import { asOrganisation } from '../../../src/store/dialect/index.js';
import { Workspace } from '../../../src/store/workspace.js';
import { newOrganisation, peopleCsv, reference } from '../../helpers/org.js';
import { stores } from '../../helpers/stores.js';

const framework = loadFrameworkOrThrow(reference.source, reference.file);
const all = (n: number) => Object.fromEntries(framework.competencies.map((c) => [c.id, { rating: n }]));

describe.each(stores())('review cycles in the store ($kind)', (store) => {
  let workspace: Workspace;
  let acme: OrgRepositories;
  let globex: OrgRepositories;
  let person: (email: string) => StoredPerson;

  beforeEach(async () => {
    workspace = await Workspace.open(await store.fresh());
    acme = await newOrganisation(workspace, 'Acme', 'root@acme.test', 'test:acme');
    globex = await newOrganisation(workspace, 'Globex', 'root@globex.test', 'test:globex');
    await acme.people.importCsv(
      peopleCsv([
        'Ana,ana@acme.test,director,,Core,2020-01-01,2022-01-01,woman',
        'Ben,ben@acme.test,em,ana@acme.test,Core,2021-01-01,2021-01-01,man',
        'Cy,cy@acme.test,senior,ben@acme.test,Core,2022-01-01,2023-01-01,',
        'Dee,dee@acme.test,senior,ben@acme.test,Web,2022-01-01,2023-01-01,woman',
      ]),
      new Map(),
    );
    const people = await acme.people.all();
    person = (email) => people.find((p) => p.email === email)!;
  });
  afterEach(async () => workspace.close());

  const open = (repositories: OrgRepositories, more = {}) =>
    repositories.cycles.open({ name: '2026 H2', selfDue: '2026-12-10', managerDue: '2026-12-20', ...more });

  it('opens a cycle on the current version, audited, and keeps it to its organisation', async () => {
    const cycle = await open(acme, { teams: ['Core'] });
    expect(cycle).toMatchObject({
      name: '2026 H2',
      frameworkVersion: 1,
      scope: { kind: 'teams', teams: ['Core'] },
      status: 'open',
    });
    expect(await globex.cycles.byId(cycle.id)).toBeUndefined();
    expect((await acme.audit.list({ kind: 'cycle.open' }))[0]).toMatchObject({
      subject: `cycle:${cycle.id}`,
      actor: 'test:acme',
    });
    await expect(open(acme)).rejects.toThrow(DomainError);
    await expect(open(acme, { name: 'x', frameworkVersion: 7 })).rejects.toMatchObject({
      problems: [
        expect.objectContaining({
          path: ['frameworkVersion'],
          message: 'the organisation has no framework version 7 (it has 1)',
        }),
      ],
    });
  });

  it('writes a draft, then submits; a submitted one is final; out of scope is refused', async () => {
    const cycle = await open(acme, { teams: ['Core'] });
    const cy = person('cy@acme.test');
    const ben = person('ben@acme.test');
    await acme.reviews.write({
      cycleId: cycle.id,
      person: cy,
      kind: 'self',
      author: cy,
      write: { ratings: all(3), submit: false },
    });
    const submitted = await acme.reviews.write({
      cycleId: cycle.id,
      person: cy,
      kind: 'self',
      author: cy,
      write: { ratings: all(4), submit: true },
    });
    expect(submitted).toMatchObject({ status: 'submitted', ratings: all(4) });
    await expect(
      acme.reviews.write({
        cycleId: cycle.id,
        person: cy,
        kind: 'self',
        author: cy,
        write: { ratings: all(2), submit: true },
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'the self assessment was submitted and is final: it cannot be rewritten',
    });
    const dee = person('dee@acme.test');
    await expect(
      acme.reviews.write({
        cycleId: cycle.id,
        person: dee,
        kind: 'manager',
        author: ben,
        write: { ratings: all(3), submit: true },
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'dee@acme.test is not in the scope of cycle "2026 H2"',
    });
    await expect(
      acme.reviews.write({
        cycleId: cycle.id,
        person: cy,
        kind: 'manager',
        author: ben,
        write: { ratings: { debugging: { rating: 9 } }, submit: true },
      }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      problems: [expect.objectContaining({ path: ['ratings', 'debugging'] })],
    });
    expect((await acme.audit.list({ subject: 'cy@acme.test' })).map((e) => e.kind).slice(-2)).toEqual([
      'assessment.draft',
      'assessment.submit',
    ]);
  });

  it('asks peers for chosen competencies and takes only those from them', async () => {
    const cycle = await open(acme);
    const [cy, dee, ben] = [person('cy@acme.test'), person('dee@acme.test'), person('ben@acme.test')];
    const requests = await acme.reviews.request(cycle.id, cy, ben, [dee], ['debugging', 'delivery']);
    expect(requests).toEqual([expect.objectContaining({ personId: cy.id, peerId: dee.id, answered: false })]);
    await expect(acme.reviews.request(cycle.id, cy, ben, [dee, cy], ['debugging'])).rejects.toMatchObject({
      problems: [
        expect.objectContaining({ path: ['peers', 0], message: 'dee@acme.test was asked already' }),
        expect.objectContaining({ path: ['peers', 1], message: 'a person is not their own peer' }),
      ],
    });
    await expect(
      acme.reviews.write({
        cycleId: cycle.id,
        person: cy,
        kind: 'peer',
        author: dee,
        write: { ratings: { strategy: { rating: 3 } }, submit: true },
      }),
    ).rejects.toMatchObject({
      problems: [expect.objectContaining({ path: ['ratings', 'strategy'], code: 'not-requested' })],
    });
    await acme.reviews.write({
      cycleId: cycle.id,
      person: cy,
      kind: 'peer',
      author: dee,
      write: { ratings: { debugging: { rating: 4, comment: 'found the leak' } }, submit: true },
    });
    expect((await acme.reviews.requests(cycle.id))[0]!.answered).toBe(true);
    await expect(
      acme.reviews.write({
        cycleId: cycle.id,
        person: dee,
        kind: 'peer',
        author: cy,
        write: { ratings: {}, submit: true },
      }),
    ).rejects.toThrow('cy@acme.test was not asked to rate dee@acme.test in this cycle');
  });

  it('counts kept outcomes with SQL and judges a row kept before, or whose person moved level, as the core does', async () => {
    const cycle = await open(acme);
    const [cy, dee, ben] = [person('cy@acme.test'), person('dee@acme.test'), person('ben@acme.test')];
    for (const [who, rating] of [
      [cy, 4],
      [dee, 2],
    ] as const)
      await acme.reviews.write({
        cycleId: cycle.id,
        person: who,
        kind: 'manager',
        author: ben,
        write: { ratings: all(rating), submit: true },
      });
    const kept = await asOrganisation(workspace.db, acme.scope.organisationId, (trx) =>
      trx
        .selectFrom('review_assessments')
        .select(['person_id', 'outcome', 'outcome_level', 'rating_mean'])
        .orderBy('person_id')
        .execute(),
    );
    // Kept at submission: both senior; all 4s are ready for staff, all 2s below senior.
    expect(kept.map((k) => [k.outcome, k.outcome_level, k.rating_mean])).toEqual([
      ['ready', 'senior', 4],
      ['below', 'senior', 2],
    ]);
    await acme.cycles.adjust(cycle.id, dee, 'meets', 'rated before her project shipped');
    // Dee's row as one submitted before outcomes were kept; Cy moved to staff since.
    await asOrganisation(workspace.db, acme.scope.organisationId, async (trx) => {
      await trx
        .updateTable('review_assessments')
        .set({ outcome: null, outcome_level: null, outcome_explanation: null, rating_mean: null })
        .where('person_id', '=', dee.id)
        .execute();
      await trx.updateTable('people').set({ level: 'staff' }).where('id', '=', cy.id).execute();
    });
    const entries = [
      { personId: cy.id, level: 'staff', team: 'Core', manager: 'ben@acme.test', ratings: ratingsOf(all(4)) },
      {
        personId: dee.id,
        level: 'senior',
        team: 'Web',
        manager: 'ben@acme.test',
        gender: 'woman',
        ratings: ratingsOf(all(2)),
        adjusted: { outcome: 'meets' as const, reason: 'rated before her project shipped' },
      },
    ];
    expect(await acme.calibration.summary(cycle.id, true)).toEqual(
      calibrate(framework, entries, { fairness: true }),
    );
    const items = await acme.calibration.items(cycle.id);
    expect(items.map((i) => [i.level, i.computed, i.outcome])).toEqual(
      judge(framework, entries).map((j) => [j.level, j.computed, j.outcome]),
    );
    expect(items[1]!.explanation).toBe(
      'Adjusted from "below the held level" to "meets the held level": rated before her project shipped',
    );
  });

  it('calibrates from submitted manager assessments with adjustments, and freezes on close', async () => {
    const cycle = await open(acme);
    const [cy, dee, ben] = [person('cy@acme.test'), person('dee@acme.test'), person('ben@acme.test')];
    await acme.reviews.write({
      cycleId: cycle.id,
      person: cy,
      kind: 'manager',
      author: ben,
      write: { ratings: all(4), submit: true },
    });
    await acme.reviews.write({
      cycleId: cycle.id,
      person: dee,
      kind: 'manager',
      author: ben,
      write: { ratings: all(2), submit: true },
    });
    await acme.cycles.adjust(cycle.id, dee, 'meets', 'two ratings were given before her project shipped');
    const summary = await acme.calibration.summary(cycle.id, true);
    expect(summary.outcomes).toEqual({ below: 0, meets: 1, ready: 1, total: 2 });
    expect(summary.adjusted).toBe(1);
    expect(summary.fairness).toEqual({
      attribute: 'gender',
      shown: false,
      note: 'too few to show',
      groups: [],
    });
    expect((await acme.audit.list({ kind: 'calibration.adjust' }))[0]).toMatchObject({
      subject: 'dee@acme.test',
      after: {
        cycle: cycle.id,
        outcome: 'meets',
        reason: 'two ratings were given before her project shipped',
      },
    });

    const closed = await acme.cycles.close(cycle.id);
    expect(closed.status).toBe('closed');
    const frozen = `cycle "2026 H2" was closed on ${closed.closedAt!.slice(0, 10)} and is frozen: nothing of it can change`;
    await expect(acme.cycles.close(cycle.id)).rejects.toMatchObject({ code: 'conflict', message: frozen });
    await expect(acme.cycles.adjust(cycle.id, cy, 'meets', 'late')).rejects.toThrow(frozen);
    await expect(
      acme.reviews.write({
        cycleId: cycle.id,
        person: cy,
        kind: 'self',
        author: cy,
        write: { ratings: all(3), submit: false },
      }),
    ).rejects.toThrow(frozen);
    await expect(acme.reviews.request(cycle.id, cy, ben, [dee], ['debugging'])).rejects.toThrow(frozen);
  });
});
