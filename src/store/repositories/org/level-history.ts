import type { Person } from '../../../core/org/person.js';
import { now } from '../common.js';
import type { StoredPerson } from './person-rows.js';
import type { OrgScope } from './scope.js';

/** What moved a person onto a level: the HRIS import, an edit, or an approved promotion case. */
export type LevelCause = 'import' | 'edit' | 'promotion';

/** One level a person held, from the day it began (`levelStartDate`), recorded at `at`. */
export interface LevelHeld {
  at: string;
  level: string;
  levelStartDate: string;
  cause: LevelCause;
  frameworkVersionId: number;
}

/** A level held, with whose it is: what the structure report's promotion figures read. */
export interface PersonLevelHeld {
  personId: number;
  level: string;
  from: string;
  frameworkVersionId: number;
}

/** Rows to one INSERT: 7 columns each, within both stores' bound variables. */
const BATCH = 1000;

/**
 * The levels people held, as data (the `level_history` table), written in the transaction of every
 * change of a person's level: `writePeople` calls `recordChanges`, whatever the path (import,
 * edit, the person routes, a promotion's approval).
 */
export class LevelHistoryRepository {
  constructor(private readonly scope: OrgScope) {}

  /** One person's levels, oldest first. */
  async ofPerson(personId: number): Promise<LevelHeld[]> {
    const rows = await this.scope.db
      .selectFrom('level_history')
      .select(['level', 'from_date', 'cause', 'framework_version_id', 'recorded_at'])
      .where('organisation_id', '=', this.scope.organisationId)
      .where('person_id', '=', personId)
      .orderBy('from_date')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      at: r.recorded_at,
      level: r.level,
      levelStartDate: r.from_date,
      cause: r.cause as LevelCause,
      frameworkVersionId: r.framework_version_id,
    }));
  }

  /** Everyone's levels, by person then oldest first: one query. */
  async all(): Promise<PersonLevelHeld[]> {
    const rows = await this.scope.db
      .selectFrom('level_history')
      .select(['person_id', 'level', 'from_date', 'framework_version_id'])
      .where('organisation_id', '=', this.scope.organisationId)
      .orderBy('person_id')
      .orderBy('from_date')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      personId: r.person_id,
      level: r.level,
      from: r.from_date,
      frameworkVersionId: r.framework_version_id,
    }));
  }

  /**
   * Records what a write changed, inside its transaction: a new person's level, and a new row
   * whenever a person's level changes. A level change that keeps the old start date (an edit of
   * the level alone) begins today, since that date was the old level's. A change of the start date
   * alone corrects the current row's date rather than adding a level.
   */
  async recordChanges(
    changes: readonly { person: Person; id: number; before: StoredPerson | undefined }[],
    versionId: number,
    cause: LevelCause,
  ): Promise<void> {
    const { db, organisationId } = this.scope;
    const at = now();
    const today = at.slice(0, 10);
    const added: PersonLevelHeld[] = [];
    for (const { person, id, before } of changes) {
      if (before === undefined || before.level !== person.level) {
        const from =
          before !== undefined && person.levelStartDate === before.levelStartDate
            ? today
            : person.levelStartDate;
        added.push({ personId: id, level: person.level, from, frameworkVersionId: versionId });
      } else if (before.levelStartDate !== person.levelStartDate)
        await db
          .updateTable('level_history')
          .set({ from_date: person.levelStartDate })
          .where('organisation_id', '=', organisationId)
          .where('person_id', '=', id)
          .where('level', '=', person.level)
          .where('from_date', '=', before.levelStartDate)
          .execute();
    }
    for (let i = 0; i < added.length; i += BATCH)
      await db
        .insertInto('level_history')
        .values(
          added.slice(i, i + BATCH).map((h) => ({
            organisation_id: organisationId,
            person_id: h.personId,
            level: h.level,
            framework_version_id: h.frameworkVersionId,
            from_date: h.from,
            cause,
            recorded_at: at,
          })),
        )
        .execute();
  }
}
