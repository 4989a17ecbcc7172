import { loadFrameworkOrThrow } from '../../core/framework/load.js';
import type { Framework } from '../../core/framework/schema.js';
import { DomainError } from '../../core/problems.js';
import type { StoredFramework } from '../entities.js';
import { readTextFile, referenceFrameworkPath } from '../files.js';
import type { FrameworkTable } from '../tables.js';
import { inTransaction, notFound, now, type Db } from './common.js';

/** The setting that names the framework in use; absent means the newest reference framework. */
const ACTIVE = 'framework';

export interface FrameworkInUse {
  row: StoredFramework;
  framework: Framework;
}

type Row = Omit<FrameworkTable, 'id'> & { id: number };

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

function parse(row: StoredFramework): Framework {
  return loadFrameworkOrThrow(row.source, `${row.frameworkId}@${row.version}`);
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

  async get(id: number): Promise<StoredFramework> {
    const row = await this.db.selectFrom('frameworks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('framework', id);
    return toEntity(row);
  }

  async load(id: number): Promise<FrameworkInUse> {
    const row = await this.get(id);
    return { row, framework: parse(row) };
  }

  /**
   * Stores a framework file (validated first). The same id and version with the same text is the
   * same framework; with a different text it is refused: a changed ladder needs a new version.
   */
  async add(source: string, origin: StoredFramework['origin'], file = 'framework'): Promise<StoredFramework> {
    const framework = loadFrameworkOrThrow(source, file);
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
        throw new DomainError(
          'invalid-input',
          `framework "${framework.id}" version ${framework.version} is already stored with different content; give the changed framework a new version`,
          [
            {
              severity: 'error',
              code: 'duplicate-version',
              message: `${framework.version} is already stored with different content`,
              path: ['version'],
            },
          ],
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
    return this.add(readTextFile(referenceFrameworkPath), 'reference', 'frameworks/reference.yaml');
  }

  /** The framework in use: the one chosen with `use`, else the newest reference framework. */
  async active(): Promise<FrameworkInUse> {
    const setting = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', ACTIVE)
      .executeTakeFirst();
    if (setting) return this.load(Number(setting.value));
    const reference = await this.db
      .selectFrom('frameworks')
      .select('id')
      .where('origin', '=', 'reference')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (reference) return this.load(reference.id);
    return this.load((await this.ensureReference()).id);
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
