import { z } from 'zod';
import { readEarningsValue } from '../../core/comp/earnings-schema.js';
import { readOffersValue } from '../../core/comp/offer-schema.js';
import { checkWithFile, problem, refuse, validateValue } from '../../core/input/value.js';
import type { Problem } from '../../core/problems.js';
import { learningPlanDocument, offerDocument, scenarioDocument } from '../entities.js';
import {
  inTransaction,
  notFound,
  now,
  pageOf,
  PERSONAL_OWNER,
  type Db,
  type Page,
  type PageRequest,
} from './common.js';

/**
 * Named input files stored whole (offer files, earnings scenarios, learning plans): the file as
 * checked, as JSON in one TEXT column. The file is checked once, by its own reader in the core, and
 * what the reader returns is what is stored.
 */

export interface StoredDocument<F> {
  id: number;
  name: string;
  file: F;
  createdAt: string;
  updatedAt: string;
}

/** A document that passed its checks: what the repository stores, as it is. */
export interface CheckedDocument<F> {
  name: string;
  file: F;
}

export interface Kind<F> {
  table: 'offers' | 'scenarios' | 'learning_plans';
  what: string;
  /** The body that stores one (`{ name?, file }`), for the API's documentation and types. */
  input: z.ZodType<{ name?: string | undefined; file: F }>;
  /**
   * The one check of the file, by the core's reader: the file as checked, or a DomainError with
   * paths inside the file. Takes the file as given, well formed or not: the reader salvages what it can.
   */
  read(file: unknown): F;
  defaultName(file: F): string;
}

/** `{ name?, file }` with the file left to its reader: the envelope is checked apart from the file. */
const envelope = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').optional(),
  file: z.unknown(),
});

/**
 * `{ name?, file }` as given: the document to store, or every problem (the envelope's and the file
 * reader's) with its path. Each part is checked once: the envelope by its schema, the file by its reader.
 */
export function checkDocument<F>(
  kind: Kind<F>,
  input: unknown,
): { value?: CheckedDocument<F>; problems: Problem[] } {
  const checked = checkWithFile(envelope, input, (file) => kind.read(file), kind.what);
  if (checked.value === undefined) return { problems: checked.problems };
  const file = checked.file;
  if (file === undefined)
    return { problems: [problem([], 'missing required field "file"', 'missing-field')] };
  return { value: { name: checked.value.name ?? kind.defaultName(file), file }, problems: [] };
}

/** The document to store, or an `invalid-input` DomainError with every problem. */
export function validateDocument<F>(kind: Kind<F>, input: unknown): CheckedDocument<F> {
  const { value, problems } = checkDocument(kind, input);
  if (value === undefined) refuse(`${kind.what} is not valid`, problems);
  return value;
}

/** One owner's stored documents of one kind: every query is the owner's alone. */
export class DocumentRepository<F> {
  constructor(
    private readonly db: Db,
    private readonly kind: Kind<F>,
    private readonly owner: number = PERSONAL_OWNER,
  ) {}

  /** The owner's rows: where every read starts. */
  private rows() {
    return this.db.selectFrom(this.kind.table).selectAll().where('owner', '=', this.owner);
  }

  async list(): Promise<StoredDocument<F>[]> {
    const rows = await this.rows().orderBy('id').execute();
    return rows.map((row) => this.toEntity(row));
  }

  /** A page of the stored documents in id order (the order `list` gives). */
  async page({ after, limit }: PageRequest<number>): Promise<Page<StoredDocument<F>, number>> {
    let select = this.rows();
    if (after !== undefined) select = select.where('id', '>', after);
    const rows = await select
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    return pageOf(
      rows.map((row) => this.toEntity(row)),
      limit,
      (document) => document.id,
    );
  }

  /** The ids stored, in ascending order (the last one is the most recently created). */
  async ids(): Promise<number[]> {
    const rows = await this.rows().orderBy('id').execute();
    return rows.map((row) => row.id);
  }

  async get(id: number): Promise<StoredDocument<F>> {
    const row = await this.rows().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(this.kind.what, id);
    return this.toEntity(row);
  }

  /** Checks `input` (`{ name?, file }`), then stores it. */
  async create(input: unknown): Promise<StoredDocument<F>> {
    return this.store(validateDocument(this.kind, input));
  }

  /** Stores a document as it was checked (by `validateDocument`, or by the file's reader): not again. */
  async store({ name, file }: CheckedDocument<F>): Promise<StoredDocument<F>> {
    const at = now();
    const row = await this.db
      .insertInto(this.kind.table)
      .values({ name, document: JSON.stringify(file), owner: this.owner, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return this.toEntity(row);
  }

  /** Checks `input` (`{ name?, file }`), then replaces document `id` with it. */
  async update(id: number, input: unknown): Promise<StoredDocument<F>> {
    return this.replace(id, validateDocument(this.kind, input));
  }

  /** Replaces document `id` with a document as it was checked: not again. */
  async replace(id: number, { name, file }: CheckedDocument<F>): Promise<StoredDocument<F>> {
    return inTransaction(this.db, async (trx) => {
      const row = await trx
        .updateTable(this.kind.table)
        .set({ name, document: JSON.stringify(file), updated_at: now() })
        .where('id', '=', id)
        .where('owner', '=', this.owner)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound(this.kind.what, id);
      return this.toEntity(row);
    });
  }

  async delete(id: number): Promise<void> {
    const result = await this.db
      .deleteFrom(this.kind.table)
      .where('id', '=', id)
      .where('owner', '=', this.owner)
      .executeTakeFirst();
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

export const offersKind: Kind<OffersFileValue> = {
  table: 'offers',
  what: 'offer file',
  input: offerDocument.input,
  read: (file) => readOffersValue(file).input,
  defaultName: (file) => file.offers.map((o) => o.name).join(' vs '),
};

export const scenariosKind: Kind<ScenarioFileValue> = {
  table: 'scenarios',
  what: 'earnings scenario',
  input: scenarioDocument.input,
  read: (file) => readEarningsValue(file).input,
  defaultName: (file) => `${file.years} years from ${file.start.salary} ${file.currency}`,
};

export const learningPlansKind: Kind<LearningPlanValue> = {
  table: 'learning_plans',
  what: 'learning plan',
  input: learningPlanDocument.input,
  read: (file) => validateValue(learningPlanDocument.input.shape.file, file, 'learning plan'),
  defaultName: () => 'learning plan',
};
