import type { Framework } from '../../core/framework/schema.js';
import { checkEntry } from '../../core/evidence/log.js';
import type { EvidenceEntry, EvidenceScope } from '../../core/evidence/schema.js';
import type { Path, Problem } from '../../core/problems.js';
import type { StoredEvidence } from '../entities.js';
import type { EvidenceTable } from '../tables.js';
import { problem, refuse } from '../../core/input/value.js';
import {
  afterDated,
  inTransaction,
  notFound,
  PERSONAL_OWNER,
  now,
  pageOf,
  parseJson,
  type DatedKey,
  type Db,
  type Page,
  type PageRequest,
} from './common.js';

export interface EvidenceQuery {
  since?: string;
  until?: string;
  scope?: EvidenceScope;
  competency?: string;
}

type Row = Omit<EvidenceTable, 'id'> & { id: number };

function toEntity(row: Row): StoredEvidence {
  const entity: Record<string, unknown> = { id: row.id, date: row.date, title: row.title };
  if (row.scope !== null) entity.scope = row.scope;
  if (row.competencies !== null) entity.competencies = parseJson(row.competencies);
  if (row.links !== null) entity.links = parseJson(row.links);
  if (row.source !== null) entity.source = row.source;
  if (row.description !== null) entity.description = row.description;
  if (row.shared === 1) entity.shared = true;
  entity.createdAt = row.created_at;
  entity.updatedAt = row.updated_at;
  return entity as StoredEvidence;
}

/** An entry as stored: the log's entry and whether its owner shares it. */
export interface StoredEntry {
  entry: EvidenceEntry;
  shared: boolean;
}

/**
 * Checks an entry with the core's rules (the same as `trellis evidence add`) against the framework;
 * `shared`, which only a stored entry has, beside them.
 */
export function checkEvidence(input: unknown, framework: Framework, base: Path = []): StoredEntry {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    refuse('evidence entry is not valid', [problem(base, 'must be a mapping with date and title')]);
  const { shared, ...fields } = input as Record<string, unknown>;
  const { entry, issues } = checkEntry(fields, {
    competencies: framework.competencies.map((c) => c.id),
  });
  const problems = issues.map((issue) => problem([...base, ...issue.path], issue.message, issue.code));
  if (shared !== undefined && typeof shared !== 'boolean')
    problems.push(problem([...base, 'shared'], 'must be true or false'));
  if (!entry || problems.length > 0) refuse('evidence entry is not valid', problems);
  return { entry, shared: shared === true };
}

/**
 * The competencies an entry names that the framework does not know, judged on the entry as given
 * (well formed or not), for answers that report them beside the schema's problems.
 */
export function evidenceReferenceProblems(input: unknown, framework: Framework): Problem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  const { shared: _shared, ...fields } = input as Record<string, unknown>;
  const { issues } = checkEntry(fields, {
    competencies: framework.competencies.map((c) => c.id),
  });
  return issues
    .filter((issue) => issue.code === 'unknown-reference')
    .map((issue) => problem(issue.path, issue.message, issue.code));
}

function columns({ entry, shared }: StoredEntry) {
  return {
    shared: shared ? 1 : 0,
    date: entry.date,
    title: entry.title,
    description: entry.description ?? null,
    scope: entry.scope ?? null,
    competencies:
      entry.competencies && entry.competencies.length > 0 ? JSON.stringify(entry.competencies) : null,
    links: entry.links && entry.links.length > 0 ? JSON.stringify(entry.links) : null,
    source: entry.source ?? null,
  };
}

/**
 * Entries that name a competency, or every entry. Competencies are a JSON list: filtering here keeps
 * the SQL free of dialect-specific JSON functions.
 */
function naming(competency: string | undefined): (entry: StoredEvidence) => boolean {
  return competency === undefined ? () => true : (entry) => entry.competencies?.includes(competency) === true;
}

// 9 columns a row: 400 rows stay far below every dialect's limit on bound parameters.
const CHUNK = 400;

/** One owner's evidence log (brag document), oldest first: every query is that owner's alone. */
export class EvidenceRepository {
  constructor(
    private readonly db: Db,
    private readonly owner: number = PERSONAL_OWNER,
  ) {}

  /** The owner's rows: where every read, change and deletion starts. */
  private rows() {
    return this.db.selectFrom('evidence').selectAll().where('owner', '=', this.owner);
  }

  /**
   * The owner's shared entries, oldest first: what a promotion case shows of their log. No
   * framework is needed to read them.
   */
  async shared(): Promise<StoredEvidence[]> {
    const rows = await this.rows().where('shared', '=', 1).orderBy('date').orderBy('id').execute();
    return rows.map(toEntity);
  }

  async list(query: EvidenceQuery = {}): Promise<StoredEvidence[]> {
    const rows = await this.filtered(query).orderBy('date').orderBy('id').execute();
    return rows.map(toEntity).filter(naming(query.competency));
  }

  /**
   * A page of the entries `list` gives, in the same order. The competency filter runs on the rows
   * read, so a filtered page reads on until it is full or the log ends.
   */
  async page(
    query: EvidenceQuery,
    { after, limit }: PageRequest<DatedKey>,
  ): Promise<Page<StoredEvidence, DatedKey>> {
    const wanted = naming(query.competency);
    const entries: StoredEvidence[] = [];
    let from = after;
    for (;;) {
      let select = this.filtered(query);
      if (from !== undefined) select = select.where(afterDated('date', 'id', from));
      const rows = await select
        .orderBy('date')
        .orderBy('id')
        .limit(limit + 1)
        .execute();
      entries.push(...rows.map(toEntity).filter(wanted));
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length <= limit || entries.length > limit) break;
      from = [last.date, last.id];
    }
    return pageOf(entries, limit, (entry) => [entry.date, entry.id]);
  }

  private filtered(query: EvidenceQuery) {
    let select = this.rows();
    if (query.since !== undefined) select = select.where('date', '>=', query.since);
    if (query.until !== undefined) select = select.where('date', '<=', query.until);
    if (query.scope !== undefined) select = select.where('scope', '=', query.scope);
    return select;
  }

  async get(id: number): Promise<StoredEvidence> {
    const row = await this.rows().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('evidence entry', id);
    return toEntity(row);
  }

  async create(input: unknown, framework: Framework): Promise<StoredEvidence> {
    return (await this.createMany([input], framework))[0]!;
  }

  /** Adds many entries in one transaction: all of them or, if one is invalid, none. */
  async createMany(inputs: readonly unknown[], framework: Framework): Promise<StoredEvidence[]> {
    const entries = inputs.map((input, index) =>
      checkEvidence(input, framework, inputs.length === 1 ? [] : [index]),
    );
    const at = now();
    return inTransaction(this.db, async (trx) => {
      const created: StoredEvidence[] = [];
      for (let start = 0; start < entries.length; start += CHUNK) {
        const rows = await trx
          .insertInto('evidence')
          .values(
            entries
              .slice(start, start + CHUNK)
              .map((e) => ({ ...columns(e), owner: this.owner, created_at: at, updated_at: at })),
          )
          .returningAll()
          .execute();
        for (const row of rows) created.push(toEntity(row));
      }
      return created;
    });
  }

  async update(id: number, input: unknown, framework: Framework): Promise<StoredEvidence> {
    const entry = checkEvidence(input, framework);
    const row = await this.db
      .updateTable('evidence')
      .set({ ...columns(entry), updated_at: now() })
      .where('id', '=', id)
      .where('owner', '=', this.owner)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('evidence entry', id);
    return toEntity(row);
  }

  /** Deletes an entry; links from assessments to it go with it (the ratings stay). */
  async delete(id: number): Promise<void> {
    const result = await this.db
      .deleteFrom('evidence')
      .where('id', '=', id)
      .where('owner', '=', this.owner)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('evidence entry', id);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('evidence')
      .where('owner', '=', this.owner)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
