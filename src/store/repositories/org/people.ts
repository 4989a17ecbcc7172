import { readPeopleCsv, checkMergedTree, type CsvRecords } from '../../../core/org/csv.js';
import {
  checkAgainstFramework,
  personSchema,
  type Person,
  type PersonField,
} from '../../../core/org/person.js';
import { subtreeOf } from '../../../core/org/tree.js';
import { validateValue, refuse, problem } from '../../../core/input/value.js';
import { DomainError } from '../../../core/problems.js';
import { inTransaction, now } from '../common.js';
import { refreshStatistics } from '../../dialect/index.js';
import { AuditRepository } from './audit.js';
import { OrgFrameworkRepository } from './frameworks.js';
import { directoryPage, isBelow, onePerson, type DirectoryQuery, type DirectoryRow } from './directory.js';
import type { LevelCause } from './level-history.js';
import { personOf, recordOf, type StoredPerson } from './person-rows.js';
import { writePeople, type ImportSummary } from './people-write.js';
import { over, type OrgScope } from './scope.js';

export interface PeopleFilter {
  team?: string | undefined;
  /** Everyone below this manager in the reporting tree. */
  manager?: string | undefined;
}

export type { ImportSummary } from './people-write.js';

/**
 * The people of one organisation. Every query filters by the organisation; every write checks the
 * reporting tree over the whole organisation as it would be after the write, and appends its audit
 * entry (the record before and after) in the same transaction.
 */
export class PeopleRepository {
  constructor(private readonly scope: OrgScope) {}

  /** Everyone, in the order they were added (the order an export writes them). */
  async all(): Promise<StoredPerson[]> {
    const rows = await this.scope.db
      .selectFrom('people')
      .selectAll()
      .where('organisation_id', '=', this.scope.organisationId)
      .orderBy('id')
      .execute();
    const emailOf = new Map(rows.map((r) => [r.id, r.email]));
    return rows.map((r) => personOf(r, emailOf));
  }

  async list(filter: PeopleFilter = {}): Promise<StoredPerson[]> {
    const everyone = await this.all();
    let people = everyone;
    if (filter.team !== undefined) people = people.filter((p) => p.team === filter.team);
    if (filter.manager !== undefined) {
      const manager = filter.manager.trim().toLowerCase();
      if (!everyone.some((p) => p.email === manager))
        throw new DomainError('not-found', `no person with email ${manager} in the organisation`);
      const below = subtreeOf(everyone, manager);
      people = people.filter((p) => below.has(p.email));
    }
    return people;
  }

  byEmail(email: string): Promise<StoredPerson | undefined> {
    return onePerson(this.scope.db, this.scope.organisationId, { email });
  }

  /** A person by row id, only within the organisation: another organisation's id finds nothing. */
  byId(id: number): Promise<StoredPerson | undefined> {
    return onePerson(this.scope.db, this.scope.organisationId, { id });
  }

  /** A page of the directory (see `directoryPage`): one query, whatever the organisation's size. */
  directory(query: DirectoryQuery): Promise<DirectoryRow[]> {
    return directoryPage(this.scope.db, this.scope.organisationId, query);
  }

  /** Whether the person `person` is below `manager` (row ids) in the reporting tree. */
  isBelow(person: number, manager: number): Promise<boolean> {
    return isBelow(this.scope.db, this.scope.organisationId, person, manager);
  }

  /**
   * Imports an HRIS export: people matched by email are updated, others added; people not in the
   * file stay as they are (a leaver is marked `left` in the file). Checked in full, the reporting
   * tree included, before anything is written: all or nothing.
   */
  async importCsv(records: CsvRecords, map: ReadonlyMap<string, PersonField>): Promise<ImportSummary> {
    const summary = await inTransaction(this.scope.db, async (trx) => {
      const scope = over(this.scope, trx);
      const version = await new OrgFrameworkRepository(scope).current();
      const file = readPeopleCsv(records, map, version.framework);
      const repository = new PeopleRepository(scope);
      const existing = await repository.all();
      checkMergedTree(existing, file, records, map);
      const summary = await repository.write(file.people, version.id, existing, 'import');
      await new AuditRepository(scope).append({
        kind: 'people.import',
        subject: records.file,
        after: { file: records.file, ...summary },
      });
      return summary;
    });
    if (summary.created > 0) {
      await refreshStatistics(this.scope.db, 'people');
      await refreshStatistics(this.scope.db, 'level_history');
    }
    return summary;
  }

  /**
   * Changes one person's record (given fields only), checked as an import is; a change of level is
   * recorded in the level history with `cause` (an edit, unless a promotion case moved them).
   */
  async update(
    email: string,
    changes: Partial<Record<keyof Person, unknown>>,
    cause: LevelCause = 'edit',
  ): Promise<StoredPerson> {
    return inTransaction(this.scope.db, async (trx) => {
      const scope = over(this.scope, trx);
      const repository = new PeopleRepository(scope);
      const existing = await repository.all();
      const before = existing.find((p) => p.email === email.trim().toLowerCase());
      if (!before) throw new DomainError('not-found', `no person with email ${email} in the organisation`);
      const merged = { ...recordOf(before), ...changes };
      for (const key of Object.keys(merged) as (keyof Person)[])
        if (merged[key] === undefined) delete merged[key];
      const person = validateValue(personSchema, merged, before.email);
      if (person.email !== before.email)
        refuse(`${before.email} cannot change email`, [
          problem(['email'], "is the person's key and cannot change"),
        ]);
      const version = await new OrgFrameworkRepository(scope).current();
      const levelled = person.level === before.level ? await versionOf(scope, before) : version;
      const framework = levelled.framework;
      const problems = checkAgainstFramework(person, framework);
      if (problems.length > 0) refuse(`${before.email} is not valid`, problems);
      await repository.write([person], levelled.id, existing, cause);
      return (await repository.byEmail(before.email))!;
    });
  }

  /** Marks a person as left on `date`; refused while anyone active still reports to them. */
  leave(email: string, date: string): Promise<StoredPerson> {
    return this.update(email, { status: 'left', leaveDate: date });
  }

  /**
   * Moves everyone whose level id is in the newly adopted version onto it; those whose level is not
   * stay on the version they were levelled in, until HR re-levels them.
   */
  async moveToVersion(
    versionId: number,
    levels: ReadonlySet<string>,
  ): Promise<{ moved: string[]; kept: string[] }> {
    const moved: string[] = [];
    const kept: string[] = [];
    for (const person of await this.all()) {
      if (levels.has(person.level)) {
        await this.scope.db
          .updateTable('people')
          .set({ framework_version_id: versionId, updated_at: now() })
          .where('organisation_id', '=', this.scope.organisationId)
          .where('id', '=', person.id)
          .execute();
        moved.push(person.email);
      } else kept.push(person.email);
    }
    return { moved, kept };
  }

  /** Writes checked records over `existing`, inside the caller's transaction (`writePeople`). */
  private write(
    people: readonly Person[],
    versionId: number,
    existing: readonly StoredPerson[],
    cause: LevelCause,
  ): Promise<ImportSummary> {
    return writePeople(this.scope, people, versionId, existing, cause);
  }
}

async function versionOf(scope: OrgScope, person: StoredPerson) {
  const version = await new OrgFrameworkRepository(scope).byId(person.frameworkVersionId);
  if (!version)
    throw new Error(`framework version ${person.frameworkVersionId} of ${person.email} is missing`);
  return version;
}
