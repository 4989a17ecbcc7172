import type { Selectable } from 'kysely';
import type { Person } from '../../../core/org/person.js';
import type { PersonTable } from '../../tables.js';

/** A person as stored: the record, its row id and the framework version its level is read in. */
export interface StoredPerson extends Person {
  id: number;
  /** The row id of the organisation's framework version the level is an id of. */
  frameworkVersionId: number;
}

/** Optional fields are absent, not null, so that a stored person reads like a checked one. */
export function personOf(row: Selectable<PersonTable>, emailOf: ReadonlyMap<number, string>): StoredPerson {
  const person: StoredPerson = {
    id: row.id,
    frameworkVersionId: row.framework_version_id,
    name: row.name,
    email: row.email,
    level: row.level,
    startDate: row.start_date,
    levelStartDate: row.level_start_date,
    status: row.status as Person['status'],
  };
  if (row.specialisation !== null) person.specialisation = row.specialisation;
  const manager = row.manager_id === null ? undefined : emailOf.get(row.manager_id);
  if (manager !== undefined) person.managerEmail = manager;
  if (row.team !== null) person.team = row.team;
  if (row.zone !== null) person.zone = row.zone;
  if (row.gender !== null) person.gender = row.gender as Person['gender'];
  if (row.leave_date !== null) person.leaveDate = row.leave_date;
  return person;
}

/** The columns of a person's record, without its manager (set once every person has a row). */
export function columnsOf(person: Person) {
  return {
    name: person.name,
    level: person.level,
    specialisation: person.specialisation ?? null,
    team: person.team ?? null,
    zone: person.zone ?? null,
    start_date: person.startDate,
    level_start_date: person.levelStartDate,
    gender: person.gender ?? null,
    status: person.status,
    leave_date: person.leaveDate ?? null,
  };
}

/** The record alone, as the audit log keeps it: no row ids, which mean nothing outside the database. */
export function recordOf({ id: _id, frameworkVersionId: _v, ...person }: StoredPerson): Person {
  return person;
}

/** Whether two records say the same, field by field. */
export function sameRecord(a: Person, b: Person): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Person>;
  return [...keys].every((k) => a[k] === b[k]);
}
