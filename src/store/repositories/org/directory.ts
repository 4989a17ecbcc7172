import { sql } from 'kysely';
import type { Db } from '../common.js';
import { personOf, type StoredPerson } from './person-rows.js';

/**
 * The people of one organisation as a request needs them, each by one query over the indexes
 * (`people_directory`, `people_team`, `people_manager`), never the whole organisation read into
 * memory: a page of the directory, one person, whether one person is below another.
 */

export interface DirectoryQuery {
  team?: string | undefined;
  /** Only the people below this person (row id) in the reporting tree, directly or not. */
  below?: number | undefined;
  /** Part of a name (in any case) or of an email. */
  q?: string | undefined;
  /** The page: rows after this id, up to `limit + 1` of them (the extra one says there is more). */
  after?: number | undefined;
  limit: number;
}

export interface DirectoryRow {
  id: number;
  name: string;
  email: string;
  team: string | null;
  manager_email: string | null;
  status: string;
}

/** `text` as a LIKE pattern matching it anywhere: its own `%`, `_` and `\` taken literally. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Everyone below `root` (row id), by a recursive query down `manager_id`; `union` ends even on a loop. */
function belowQuery(db: Db, organisationId: number, root: number) {
  return db
    .withRecursive('below(id)', (q) =>
      q
        .selectFrom('people')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('manager_id', '=', root)
        .union((eb) =>
          eb
            .selectFrom('people as p')
            .innerJoin('below', 'below.id', 'p.manager_id')
            .select('p.id')
            .where('p.organisation_id', '=', organisationId),
        ),
    )
    .selectFrom('below')
    .select('below.id');
}

/**
 * One page of the directory, in id order. Written as one SQL text rather than through the query
 * builder: the directory is the busiest read, and building its query took a tenth of its time.
 */
export async function directoryPage(
  db: Db,
  organisationId: number,
  query: DirectoryQuery,
): Promise<DirectoryRow[]> {
  const needle = query.q?.trim().toLowerCase();
  const pattern = needle !== undefined && needle !== '' ? containing(needle) : undefined;
  const none = sql``;
  const { rows } =
    await sql<DirectoryRow>`select p.id, p.name, p.email, p.team, m.email as manager_email, p.status
      from people as p left join people as m on m.id = p.manager_id
     where p.organisation_id = ${organisationId}
       ${query.team === undefined ? none : sql`and p.team = ${query.team}`}
       ${query.below === undefined ? none : sql`and p.id in (${belowQuery(db, organisationId, query.below)})`}
       ${pattern === undefined ? none : sql`and (lower(p.name) like ${pattern} escape '\\' or p.email like ${pattern} escape '\\')`}
       ${query.after === undefined ? none : sql`and p.id > ${query.after}`}
     order by p.id limit ${query.limit + 1}`.execute(db);
  return rows;
}

/** One person by row id or by email, with their manager's email, only within the organisation. */
export async function onePerson(
  db: Db,
  organisationId: number,
  key: { id: number } | { email: string },
): Promise<StoredPerson | undefined> {
  const row = await db
    .selectFrom('people as p')
    .leftJoin('people as m', 'm.id', 'p.manager_id')
    .selectAll('p')
    .select('m.email as manager_email')
    .where('p.organisation_id', '=', organisationId)
    .where((eb) =>
      'id' in key ? eb('p.id', '=', key.id) : eb('p.email', '=', key.email.trim().toLowerCase()),
    )
    .executeTakeFirst();
  if (!row) return undefined;
  const { manager_email, ...person } = row;
  const emailOf = new Map(
    person.manager_id === null || manager_email === null ? [] : [[person.manager_id, manager_email]],
  );
  return personOf(person, emailOf);
}

/**
 * Whether `person` is below `manager` (row ids) in the reporting tree: one recursive query up the
 * person's chain of managers, a handful of rows however large the organisation.
 */
export async function isBelow(
  db: Db,
  organisationId: number,
  person: number,
  manager: number,
): Promise<boolean> {
  const found = await db
    .withRecursive('above(id)', (q) =>
      q
        .selectFrom('people')
        .select('manager_id as id')
        .where('organisation_id', '=', organisationId)
        .where('id', '=', person)
        .union((eb) =>
          eb
            .selectFrom('people as p')
            .innerJoin('above', 'above.id', 'p.id')
            .select('p.manager_id as id')
            .where('p.organisation_id', '=', organisationId),
        ),
    )
    .selectFrom('above')
    .select('above.id')
    .where('above.id', '=', manager)
    .executeTakeFirst();
  return found !== undefined;
}
