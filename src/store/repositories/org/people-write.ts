import { problem, refuse } from '../../../core/input/value.js';
import type { Person } from '../../../core/org/person.js';
import { checkTree } from '../../../core/org/tree.js';
import { now } from '../common.js';
import { AccountRepository } from './accounts.js';
import { AuditRepository, type AuditRecord } from './audit.js';
import { LevelHistoryRepository, type LevelCause } from './level-history.js';
import { columnsOf, recordOf, sameRecord, type StoredPerson } from './person-rows.js';
import type { OrgScope } from './scope.js';

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/** People to one INSERT: 15 columns each, within SQLite's and PostgreSQL's bound variables. */
const PEOPLE_BATCH = 500;

/**
 * Writes checked records over `existing` (inside the caller's transaction): new rows a few hundred
 * to an INSERT, and the managers not known at their insert a few hundred to an UPDATE; changed rows
 * one by one;
 * the audit entries in the order of `people`, batched too. The tree is checked once more over the
 * result, so that no write path can leave a cycle behind. Every change of a level is added to the
 * level history in the same transaction, with `cause`.
 */
export async function writePeople(
  scope: OrgScope,
  people: readonly Person[],
  versionId: number,
  existing: readonly StoredPerson[],
  cause: LevelCause,
): Promise<ImportSummary> {
  const { db, organisationId } = scope;
  const byEmail = new Map(existing.map((p) => [p.email, p]));
  const merged = new Map<string, Person>(existing.map((p) => [p.email, recordOf(p)]));
  for (const p of people) merged.set(p.email, p);
  const issues = checkTree([...merged.values()]);
  if (issues.length > 0)
    refuse(
      'the change breaks the reporting tree',
      issues.map((i) => problem(['people', i.email, i.field], i.message, i.code)),
    );

  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
  const changed = people.filter((person) => {
    const before = byEmail.get(person.email);
    const same = before !== undefined && sameRecord(recordOf(before), person);
    if (same) summary.unchanged++;
    return !same;
  });
  const created = changed.filter((p) => !byEmail.has(p.email));
  const ids = new Map(existing.map((p) => [p.email, p.id]));
  /** The manager's row id: null for none, undefined while the manager's row is not written yet. */
  const managerId = (p: Person) => (p.managerEmail === undefined ? null : ids.get(p.managerEmail));
  const at = now();

  // New rows in the file's order (the order an export writes them back), each with its manager when
  // the manager's row is already there; the others get theirs once every row exists.
  const later: Person[] = [];
  for (let i = 0; i < created.length; i += PEOPLE_BATCH) {
    const batch = created.slice(i, i + PEOPLE_BATCH);
    const rows = await db
      .insertInto('people')
      .values(
        batch.map((person) => {
          const manager = managerId(person);
          if (manager === undefined) later.push(person);
          return {
            ...columnsOf(person),
            organisation_id: organisationId,
            email: person.email,
            framework_version_id: versionId,
            manager_id: manager ?? null,
            created_at: at,
            updated_at: at,
          };
        }),
      )
      .returning(['id', 'email'])
      .execute();
    for (const row of rows) ids.set(row.email, row.id);
  }
  for (let i = 0; i < later.length; i += PEOPLE_BATCH) {
    const batch = later.slice(i, i + PEOPLE_BATCH);
    await db
      .updateTable('people')
      .set((eb) => {
        let managers = eb.case('id').when(ids.get(batch[0]!.email)!).then(managerId(batch[0]!)!);
        for (const person of batch.slice(1))
          managers = managers.when(ids.get(person.email)!).then(managerId(person)!);
        return { manager_id: managers.end() };
      })
      .where('organisation_id', '=', organisationId)
      .where(
        'id',
        'in',
        batch.map((p) => ids.get(p.email)!),
      )
      .execute();
  }
  summary.created = created.length;

  for (const person of changed) {
    const before = byEmail.get(person.email);
    if (before === undefined) continue;
    await db
      .updateTable('people')
      .set({
        ...columnsOf(person),
        manager_id: managerId(person)!,
        framework_version_id: versionId,
        updated_at: at,
      })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', before.id)
      .execute();
    summary.updated++;
  }

  await new LevelHistoryRepository(scope).recordChanges(
    changed.map((person) => ({ person, id: ids.get(person.email)!, before: byEmail.get(person.email) })),
    versionId,
    cause,
  );

  // An account made before its person (the first admin) becomes theirs once they are added.
  const accounts = new AccountRepository(scope);
  const unlinked = new Set(
    created.length === 0
      ? []
      : (await accounts.list()).filter((a) => a.personId === undefined).map((a) => a.email),
  );
  const audit = new AuditRepository(scope);
  let entries: AuditRecord[] = [];
  for (const person of changed) {
    const before = byEmail.get(person.email);
    entries.push({
      kind:
        before === undefined
          ? 'person.create'
          : person.status === 'left' && before.status !== 'left'
            ? 'person.leave'
            : 'person.update',
      subject: person.email,
      ...(before === undefined ? {} : { before: recordOf(before) }),
      after: person,
    });
    if (before === undefined && unlinked.has(person.email)) {
      await audit.appendMany(entries);
      entries = [];
      await accounts.linkPerson(person.email, ids.get(person.email)!);
    }
  }
  await audit.appendMany(entries);
  return summary;
}
