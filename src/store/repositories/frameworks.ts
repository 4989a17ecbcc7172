import { loadFrameworkOrThrow } from '../../core/framework/load.js';
import type { Framework } from '../../core/framework/schema.js';
import { parseSource } from '../../core/input/document.js';
import { DomainError } from '../../core/problems.js';
import type { StoredFramework } from '../entities.js';
import { readTextFile, referenceFrameworkPath } from '../files.js';
import type { FrameworkTable } from '../tables.js';
import { inTransaction, notFound, now, pageOf, type Db, type Page, type PageRequest } from './common.js';

/** The setting that names the framework in use; absent means the newest reference framework. */
const ACTIVE = 'framework';

export interface FrameworkInUse {
  row: StoredFramework;
  framework: Framework;
}

type Row = Omit<FrameworkTable, 'id'> & { id: number };

/** Which stored frameworks one account sees: these rows, and those its own assessments were made against. */
export interface VisibleFrameworks {
  ids: readonly number[];
  assessedBy: number;
}

function toEntity(row: Row): StoredFramework {
  return {
    id: row.id,
    frameworkId: row.framework_id,
    version: row.version,
    name: row.name,
    origin: row.origin as StoredFramework['origin'],
    source: row.source,
    createdAt: row.created_at,
  };
}

/** A stored framework with its source parsed. */
export function loaded(row: StoredFramework): FrameworkInUse {
  return { row, framework: loadFrameworkOrThrow(row.source, `${row.frameworkId}@${row.version}`) };
}

const REFERENCE_FILE = 'frameworks/reference.yaml';

let shipped: { source: string; framework: Framework } | undefined;

/** The reference framework this release ships, read and parsed once per process. */
export function shippedReference(): { source: string; framework: Framework } {
  if (!shipped) {
    const source = readTextFile(referenceFrameworkPath);
    shipped = { source, framework: loadFrameworkOrThrow(source, REFERENCE_FILE) };
  }
  return shipped;
}

/** A stored framework under the shipped reference's id and version, with other content. */
export interface ReferenceConflict {
  stored: StoredFramework;
  /** What is wrong and what to do about it, in one sentence for a person. */
  message: string;
}

/**
 * Which of `frameworks` (stored, or about to be imported) keeps the shipped reference framework
 * from being stored: one under its id and version with other content that is not itself a
 * shipped copy (a shipped copy is simply replaced by the newer shipped text).
 */
export function referenceConflictOf(frameworks: readonly StoredFramework[]): ReferenceConflict | undefined {
  const { source, framework } = shippedReference();
  const stored = frameworks.find(
    (f) =>
      f.frameworkId === framework.id &&
      f.version === framework.version &&
      f.origin !== 'reference' &&
      f.source !== source,
  );
  if (!stored) return undefined;
  return {
    stored,
    message: `framework "${stored.frameworkId}" version ${stored.version} (id ${stored.id}, stored as ${stored.origin}) differs from the reference framework this Trellis ships under the same id and version, so the shipped one cannot be stored beside it. To resolve it, export the workspace, give that framework another id or version in the export (and in the assessments that name it), and import the corrected file`,
  };
}

/**
 * The refusal of a framework text under an id and version that already name another text: `where`
 * says where the other one is, `advice` what to do. The problem is placed at the text's own
 * `version:` field, in its file.
 */
export function changedUnderSameVersion(
  framework: Pick<Framework, 'id' | 'version'>,
  text: { source: string; file: string },
  where: string,
  advice: string,
): DomainError {
  const message = `${framework.version} is already ${where} with different content`;
  return new DomainError(
    'invalid-input',
    `framework "${framework.id}" version ${framework.version} is already ${where} with different content; ${advice}`,
    [
      parseSource(text.source, text.file).problem(
        ['version'],
        message,
        'duplicate-version',
        'error',
        'value',
      ),
    ],
  );
}

/**
 * Frameworks are versioned: each (framework id, version) is stored once with its source text, and an
 * assessment points at the row it was made against, so a new version never changes an old verdict.
 */
export class FrameworkRepository {
  constructor(private readonly db: Db) {}

  async list(): Promise<StoredFramework[]> {
    const rows = await this.db.selectFrom('frameworks').selectAll().orderBy('id').execute();
    return rows.map(toEntity);
  }

  /** A page of the stored frameworks in id order (the order `list` gives), or of the `visible` ones. */
  async page(
    { after, limit }: PageRequest<number>,
    visible?: VisibleFrameworks,
  ): Promise<Page<StoredFramework, number>> {
    let select = this.db.selectFrom('frameworks').selectAll();
    if (after !== undefined) select = select.where('id', '>', after);
    if (visible)
      select = select.where((eb) =>
        eb.or([
          ...(visible.ids.length > 0 ? [eb('id', 'in', [...visible.ids])] : []),
          eb(
            'id',
            'in',
            eb.selectFrom('assessments').select('framework').where('owner', '=', visible.assessedBy),
          ),
        ]),
      );
    const rows = await select
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    return pageOf(rows.map(toEntity), limit, (framework) => framework.id);
  }

  async get(id: number): Promise<StoredFramework> {
    const row = await this.db.selectFrom('frameworks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('framework', id);
    return toEntity(row);
  }

  async load(id: number): Promise<FrameworkInUse> {
    return loaded(await this.get(id));
  }

  /**
   * Stores a framework file (validated first). The same id and version with the same text is the
   * same framework; with a different text it is refused: a changed ladder needs a new version.
   * `framework`: the text already loaded (the shipped reference, parsed once per process).
   */
  async add(
    source: string,
    origin: StoredFramework['origin'],
    file = 'framework',
    framework: Framework = loadFrameworkOrThrow(source, file),
  ): Promise<StoredFramework> {
    return inTransaction(this.db, async (trx) => {
      const existing = await trx
        .selectFrom('frameworks')
        .selectAll()
        .where('framework_id', '=', framework.id)
        .where('version', '=', framework.version)
        .executeTakeFirst();
      if (existing) {
        if (existing.source === source) return toEntity(existing);
        // The shipped file is the authority for its own version: a fix to its text replaces the copy.
        if (origin === 'reference' && existing.origin === 'reference') {
          const row = await trx
            .updateTable('frameworks')
            .set({ source, name: framework.name })
            .where('id', '=', existing.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          return toEntity(row);
        }
        throw changedUnderSameVersion(
          framework,
          { source, file },
          'stored',
          'give the changed framework a new version',
        );
      }
      const row = await trx
        .insertInto('frameworks')
        .values({
          framework_id: framework.id,
          version: framework.version,
          name: framework.name,
          origin,
          source,
          created_at: now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEntity(row);
    });
  }

  /** Makes sure the shipped reference framework, in its current version, is stored. */
  async ensureReference(): Promise<StoredFramework> {
    const { source, framework } = shippedReference();
    return this.add(source, 'reference', REFERENCE_FILE, framework);
  }

  /**
   * Stores the shipped reference framework unless a stored framework stands in its way; then the
   * conflict is returned, not thrown, so that a workspace in that state still opens. Reads first:
   * opening a workspace that is up to date takes no write lock.
   */
  async storeReference(): Promise<ReferenceConflict | undefined> {
    const stored = await this.storedAtShippedVersion();
    const conflict = stored && referenceConflictOf([stored]);
    if (conflict) return conflict;
    if (stored?.source !== shippedReference().source) await this.ensureReference();
    return undefined;
  }

  /** The stored framework that keeps the shipped reference from being stored, if there is one. */
  async referenceConflict(): Promise<ReferenceConflict | undefined> {
    const stored = await this.storedAtShippedVersion();
    return stored && referenceConflictOf([stored]);
  }

  /** The stored framework under the shipped reference's id and version, whatever its content. */
  private async storedAtShippedVersion(): Promise<StoredFramework | undefined> {
    const { framework } = shippedReference();
    const row = await this.db
      .selectFrom('frameworks')
      .selectAll()
      .where('framework_id', '=', framework.id)
      .where('version', '=', framework.version)
      .executeTakeFirst();
    return row && toEntity(row);
  }

  /** The framework in use: the one chosen with `use`, else the newest reference framework. */
  async active(): Promise<FrameworkInUse> {
    return loaded(await this.activeRow());
  }

  /**
   * The row of the framework in use, with its source, unparsed. Without a choice, and without a
   * stored reference framework because a stored copy conflicts with it, that copy is used.
   */
  async activeRow(): Promise<StoredFramework> {
    const setting = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', ACTIVE)
      .executeTakeFirst();
    if (setting) return this.get(Number(setting.value));
    const reference = await this.db
      .selectFrom('frameworks')
      .select('id')
      .where('origin', '=', 'reference')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (reference) return this.get(reference.id);
    const conflict = await this.referenceConflict();
    return conflict ? conflict.stored : this.ensureReference();
  }

  /** Chooses the framework in use; null goes back to the reference framework. */
  async use(id: number | null): Promise<void> {
    if (id === null) {
      await this.db.deleteFrom('settings').where('key', '=', ACTIVE).execute();
      return;
    }
    await this.get(id);
    await this.db
      .insertInto('settings')
      .values({ key: ACTIVE, value: String(id) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(id) }))
      .execute();
  }
}
