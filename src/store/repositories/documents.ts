import type { z } from 'zod';
import { parseEarningsFile } from '../../core/comp/earnings-schema.js';
import { parseOffersFile } from '../../core/comp/offer-schema.js';
import { learningPlanDocument, offerDocument, scenarioDocument } from '../entities.js';
import { checkSchema } from '../../core/input/document.js';
import type { Problem } from '../../core/problems.js';
import { mergeProblems, plainSource, problemsOf, refuse, under } from '../../core/input/value.js';
import { inTransaction, notFound, now, type Db } from './common.js';

/**
 * Named input files stored whole (offer files, earnings scenarios, learning plans): the JSON of the
 * file in one TEXT column, checked on the way in by the same parser the CLI reads files with.
 */

export interface StoredDocument<F> {
  id: number;
  name: string;
  file: F;
  createdAt: string;
  updatedAt: string;
}

export interface Kind<F> {
  table: 'offers' | 'scenarios' | 'learning_plans';
  what: string;
  input: z.ZodType<{ name?: string | undefined; file: F }>;
  /**
   * Checks beyond the schema, by the file's own parser; throws a DomainError with paths inside the
   * file. Takes the file as given, well formed or not: the parser salvages what it can.
   */
  check(file: unknown): void;
  defaultName(file: F): string;
}

/**
 * What the file's parser finds in `{ name?, file }` as given (well formed or not), with paths from
 * the document: for answers that report them beside the schema's problems.
 */
export function documentFileProblems<F>(kind: Kind<F>, input: unknown): Problem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  const file = (input as { file?: unknown }).file;
  return file === undefined ? [] : problemsOf(() => under(['file'], () => kind.check(file)));
}

/** The input validated: `{ name?, file }`, every problem (the schema's and the parser's) with its path. */
export function validateDocument<F>(kind: Kind<F>, input: unknown): { name: string; file: F } {
  const checked = checkSchema(plainSource(input, kind.what), kind.input);
  const problems = mergeProblems(checked.problems, documentFileProblems(kind, input));
  const value = checked.value;
  if (problems.length > 0 || value === undefined) refuse(`${kind.what} is not valid`, problems);
  return { name: value.name ?? kind.defaultName(value.file), file: value.file };
}

export class DocumentRepository<F> {
  constructor(
    private readonly db: Db,
    private readonly kind: Kind<F>,
  ) {}

  async list(): Promise<StoredDocument<F>[]> {
    const rows = await this.db.selectFrom(this.kind.table).selectAll().orderBy('id').execute();
    return rows.map((row) => this.toEntity(row));
  }

  /** The ids stored, in ascending order (the last one is the most recently created). */
  async ids(): Promise<number[]> {
    const rows = await this.db.selectFrom(this.kind.table).select('id').orderBy('id').execute();
    return rows.map((row) => row.id);
  }

  async get(id: number): Promise<StoredDocument<F>> {
    const row = await this.db.selectFrom(this.kind.table).selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(this.kind.what, id);
    return this.toEntity(row);
  }

  async create(input: unknown): Promise<StoredDocument<F>> {
    const { name, file } = validateDocument(this.kind, input);
    const at = now();
    const row = await this.db
      .insertInto(this.kind.table)
      .values({ name, document: JSON.stringify(file), created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return this.toEntity(row);
  }

  async update(id: number, input: unknown): Promise<StoredDocument<F>> {
    const { name, file } = validateDocument(this.kind, input);
    return inTransaction(this.db, async (trx) => {
      const row = await trx
        .updateTable(this.kind.table)
        .set({ name, document: JSON.stringify(file), updated_at: now() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound(this.kind.what, id);
      return this.toEntity(row);
    });
  }

  async delete(id: number): Promise<void> {
    const result = await this.db.deleteFrom(this.kind.table).where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound(this.kind.what, id);
  }

  private toEntity(row: {
    id: number;
    name: string;
    document: string;
    created_at: string;
    updated_at: string;
  }): StoredDocument<F> {
    return {
      id: row.id,
      name: row.name,
      file: JSON.parse(row.document) as F,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}

export type OffersFileValue = z.output<typeof offerDocument.input>['file'];
export type ScenarioFileValue = z.output<typeof scenarioDocument.input>['file'];
export type LearningPlanValue = z.output<typeof learningPlanDocument.input>['file'];

// JSON is YAML: the file parsers read the stored JSON text exactly as they read a file.
export const offersKind: Kind<OffersFileValue> = {
  table: 'offers',
  what: 'offer file',
  input: offerDocument.input,
  check: (file) => void parseOffersFile(JSON.stringify(file), 'offers'),
  defaultName: (file) => file.offers.map((o) => o.name).join(' vs '),
};

export const scenariosKind: Kind<ScenarioFileValue> = {
  table: 'scenarios',
  what: 'earnings scenario',
  input: scenarioDocument.input,
  check: (file) => void parseEarningsFile(JSON.stringify(file), 'scenario'),
  defaultName: (file) => `${file.years} years from ${file.start.salary} ${file.currency}`,
};

export const learningPlansKind: Kind<LearningPlanValue> = {
  table: 'learning_plans',
  what: 'learning plan',
  input: learningPlanDocument.input,
  check: () => undefined,
  defaultName: () => 'learning plan',
};
