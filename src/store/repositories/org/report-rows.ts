import type { Minor } from '../../../core/comp/money.js';
import type { Gender } from '../../../core/org/person.js';
import type { StructureCounts } from '../../../core/org/structure.js';
import { dialectOf } from '../../dialect/index.js';
import { payWithPeople } from './pay.js';
import { readingAs, type OrgScope } from './scope.js';

/**
 * What the organisation reports read, column by column: only the columns each figure needs, in one
 * query per table, as the driver answers them (no object per row beyond the driver's own), inside
 * one read-only transaction of the scope. At 100,000 people, reading every column of every row and
 * mapping each through the repositories cost more than the report's arithmetic.
 */

/** One person's pay in a period, as the pay-gap report groups it. */
export interface GapRow {
  gender: Gender | null;
  level: string;
  frameworkVersionId: number;
  base: Minor;
  variable: Minor;
  fte: number;
}

/** The period's pay rows and the currencies they are in (a report needs one). */
export function gapRows(scope: OrgScope, period: string): Promise<{ currencies: string[]; rows: GapRow[] }> {
  return readingAs(scope, async ({ db, organisationId }) => {
    const currencies = await db
      .selectFrom('pay')
      .select('currency')
      .distinct()
      .where('organisation_id', '=', organisationId)
      .where('period', '=', period)
      .orderBy('currency')
      .execute();
    const rows = (await payWithPeople(db)
      .select([
        'people.gender',
        'people.level',
        'people.framework_version_id as frameworkVersionId',
        'pay.base',
        'pay.variable',
        'pay.fte',
      ])
      .where('pay.organisation_id', '=', organisationId)
      .where('pay.period', '=', period)
      .execute()) as unknown as GapRow[];
    // PostgreSQL's driver answers bigint as text; SQLite's as a number already.
    if (dialectOf(db) === 'postgres')
      for (const row of rows) {
        row.base = Number(row.base) as Minor;
        row.variable = Number(row.variable) as Minor;
      }
    return { currencies: currencies.map((c) => c.currency), rows };
  });
}

/** A level held, as the promotion figures read it (level_history's columns). */
export interface HeldRow {
  personId: number;
  level: string;
  from: string;
  frameworkVersionId: number;
}

/**
 * The structure report's counts, grouped in SQL (headcount, leavers, spans, the days levels began),
 * the managers' own managers for the layers, and the level history with the leave dates.
 */
export function structureRows(
  scope: OrgScope,
): Promise<{ counts: StructureCounts; held: HeldRow[]; leaveDates: Map<number, string> }> {
  return readingAs(scope, async ({ db, organisationId }) => {
    const people = () => db.selectFrom('people').where('organisation_id', '=', organisationId);
    // One scan for the headcount, the leavers and the days levels began.
    const groups = await people()
      .select((eb) => ['status', 'level', 'level_start_date', eb.fn.countAll().as('people')])
      .groupBy(['status', 'level', 'level_start_date'])
      .execute();
    const active = new Map<string, number>();
    const left = new Map<string, number>();
    const levelStarts: StructureCounts['levelStarts'][number][] = [];
    for (const row of groups) {
      const n = Number(row.people);
      const into = row.status === 'active' ? active : row.status === 'left' ? left : undefined;
      into?.set(row.level, (into.get(row.level) ?? 0) + n);
      if (row.status === 'active')
        levelStarts.push({ level: row.level, from: row.level_start_date, people: n });
    }
    // One join for the spans and, with each manager, their own active manager (for the layers).
    const spans = await db
      .selectFrom('people as p')
      .innerJoin('people as m', (join) =>
        join.onRef('m.id', '=', 'p.manager_id').onRef('m.organisation_id', '=', 'p.organisation_id'),
      )
      .leftJoin('people as above', (join) =>
        join
          .onRef('above.id', '=', 'm.manager_id')
          .onRef('above.organisation_id', '=', 'm.organisation_id')
          .on('above.status', '=', 'active'),
      )
      .select((eb) => ['m.email as manager', 'above.email as above', eb.fn.countAll().as('reports')])
      .where('p.organisation_id', '=', organisationId)
      .where('p.status', '=', 'active')
      .where('m.status', '=', 'active')
      .groupBy(['m.email', 'above.email'])
      .execute();
    const managerOf = new Map<string, string>();
    for (const row of spans) if (row.above !== null) managerOf.set(row.manager, row.above);
    const held = (await db
      .selectFrom('level_history')
      .select([
        'person_id as personId',
        'level',
        'from_date as from',
        'framework_version_id as frameworkVersionId',
      ])
      .where('organisation_id', '=', organisationId)
      .orderBy('person_id')
      .orderBy('from_date')
      .orderBy('id')
      .execute()) as HeldRow[];
    const leaving = await people().select(['id', 'leave_date']).where('leave_date', 'is not', null).execute();
    return {
      counts: {
        active,
        left,
        reports: new Map(spans.map((row) => [row.manager, Number(row.reports)])),
        managerOf,
        levelStarts,
      },
      held,
      leaveDates: new Map(leaving.map((row) => [row.id, row.leave_date!])),
    };
  });
}
