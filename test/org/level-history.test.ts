import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as migration from '../../src/store/migrations/2026-12-02T0400-level-history.js';
import { structureOf } from '../../src/store/repositories/org/pay-reports.js';
import type { OrgRepositories } from '../../src/store/repositories/org/index.js';
import type { StoredPerson } from '../../src/store/repositories/org/person-rows.js';
import { Workspace } from '../../src/store/workspace.js';
import { newOrganisation, peopleCsv } from '../helpers/org.js';
import { stores } from '../helpers/stores.js';

const shape = (h: { level: string; levelStartDate: string; cause: string }) =>
  `${h.level} from ${h.levelStartDate} (${h.cause})`;

describe.each(stores())('level history as data ($kind)', (store) => {
  let workspace: Workspace;
  let acme: OrgRepositories;
  let person: (email: string) => Promise<StoredPerson>;
  const history = async (email: string) =>
    (await acme.levelHistory.ofPerson((await person(email)).id)).map(shape);

  beforeEach(async () => {
    workspace = await Workspace.open(await store.fresh());
    acme = await newOrganisation(workspace, 'Acme', 'root@acme.test', 'test:acme');
    await acme.people.importCsv(
      peopleCsv([
        'Ana,ana@acme.test,director,,Core,2020-01-01,2022-01-01,woman',
        'Ben,ben@acme.test,em,ana@acme.test,Core,2021-01-01,2021-01-01,man',
        'Cy,cy@acme.test,senior,ben@acme.test,Core,2022-01-01,2023-01-01,',
        'Dee,dee@acme.test,staff,ana@acme.test,Web,2022-01-01,2023-01-01,woman',
      ]),
      new Map(),
    );
    person = async (email) => (await acme.people.byEmail(email))!;
  });
  afterEach(async () => workspace.close());

  it('records the import, an edit of the level, a correction of its date and a promotion', async () => {
    expect(await history('cy@acme.test')).toEqual(['senior from 2023-01-01 (import)']);

    // An import that changes nothing adds nothing.
    await acme.people.importCsv(
      peopleCsv(['Cy,cy@acme.test,senior,ben@acme.test,Core,2022-01-01,2023-01-01,']),
      new Map(),
    );
    expect(await history('cy@acme.test')).toEqual(['senior from 2023-01-01 (import)']);

    // A correction of the start date moves the current row; it is not a new level.
    await acme.people.update('cy@acme.test', { levelStartDate: '2023-02-01' });
    expect(await history('cy@acme.test')).toEqual(['senior from 2023-02-01 (import)']);

    // A level edited with its date; then one edited alone begins on the day of the edit.
    await acme.people.update('dee@acme.test', { level: 'senior', levelStartDate: '2024-03-01' });
    await acme.people.update('dee@acme.test', { level: 'staff' });
    const today = new Date().toISOString().slice(0, 10);
    expect(await history('dee@acme.test')).toEqual([
      'staff from 2023-01-01 (import)',
      'senior from 2024-03-01 (edit)',
      `staff from ${today} (edit)`,
    ]);

    // An approved case moves the level from its effective date.
    const [ana, cy] = [await person('ana@acme.test'), await person('cy@acme.test')];
    const dee = await person('dee@acme.test');
    const c = await acme.cases.nominate(cy, cy, 'staff', 'led the storage migration');
    await acme.cases.assign(c.id, [dee.id]);
    await acme.cases.vote(c.id, dee, 'approve', 'yes');
    await acme.cases.decide(c.id, 'approve', 'The evidence holds.', '2026-07-01');
    expect(await history('cy@acme.test')).toEqual([
      'senior from 2023-02-01 (import)',
      'staff from 2026-07-01 (promotion)',
    ]);
    expect(ana.level).toBe('director');

    // The structure report reads it: on 2025-12-01 Cy and Dee held senior; Cy moved up a band in
    // the window (to staff, 2026-07-01), Dee's move back to staff began after it.
    const { promotions } = await structureOf(acme, { until: '2026-12-01', minGroup: 1 });
    expect(promotions.since).toBe('2025-12-01');
    expect(promotions.levels.find((l) => l.level === 'senior')).toMatchObject({
      people: 2,
      promoted: 1,
      rate: 0.5,
    });
    await expect(structureOf(acme, { since: '2026-13-01' })).rejects.toThrow('since expects a day');
    expect((await acme.levelHistory.all()).length).toBe(4 + 2 + 1);
  });

  it("backfills each existing person's current level from its start date", async () => {
    // As the migrator runs it: in one transaction, on an ordinary connection.
    await workspace.db.transaction().execute(async (trx) => {
      await sql`drop table level_history`.execute(trx);
      await migration.up(trx as never);
    });
    expect(await history('ana@acme.test')).toEqual(['director from 2022-01-01 (import)']);
    expect(await history('ben@acme.test')).toEqual(['em from 2021-01-01 (import)']);
    expect((await acme.levelHistory.all()).map((h) => h.level)).toEqual([
      'director',
      'em',
      'senior',
      'staff',
    ]);
  });
});
