import { DomainError } from '../core/problems.js';
import { afterExplicitIds, openDatabase, type Connection, type OpenOptions } from './dialect/index.js';
import type { StoredFramework, WorkspaceExport } from './entities.js';
import { readWorkspaceExport } from './export-check.js';
import { checkMigratable, migrate, schemaVersion } from './migrations/index.js';
import { inReadTransaction, inTransaction, type Page, type PageRequest } from './repositories/common.js';
import { writeExport } from './export-write.js';
import { OwnedWorkspace } from './owned.js';
import { OrganisationRepository } from './repositories/org/organisations.js';
import { Repositories } from './repositories/all.js';
import { loaded, type FrameworkInUse } from './repositories/frameworks.js';
import { refuse } from '../core/input/value.js';

export { Repositories };

/** Where the workspace lives unless told otherwise: relative to the current directory. */
export const DEFAULT_DB = 'data/trellis.sqlite';

/** Something wrong with the workspace that does not stop it from working, and what to do about it. */
export interface WorkspaceWarning {
  code: 'reference-conflict';
  message: string;
}

/**
 * A person's workspace: one database, migrated, with the reference framework stored. Several
 * processes may open the same database at once (servers, commands): writes wait for each other, and
 * a change of framework made by one is seen by the others at their next request.
 */
export class Workspace extends Repositories {
  /** The database as it may be shown: the file, or the URL without its password. */
  readonly file: string;

  private constructor(private readonly connection: Connection) {
    super(connection.db);
    this.file = connection.name;
  }

  /**
   * Opens (creating and migrating when needed) the workspace database `target`: an SQLite file or a
   * `postgres://` URL (the database must exist; its tables are created). With `mustExist`, a missing
   * file or an empty database is refused rather than started. A workspace whose stored frameworks
   * conflict with the shipped reference framework still opens: `warnings()` says what is wrong.
   */
  static async open(target: string = DEFAULT_DB, options: OpenOptions = {}): Promise<Workspace> {
    const connection = await openDatabase(target, options);
    const file = connection.name;
    try {
      const { upToDate, empty } = await checkMigratable(connection.db, file);
      if (empty && options.mustExist && connection.dialect === 'postgres')
        throw new DomainError(
          'usage',
          `no workspace in ${file}; nothing was created (check --database-url or TRELLIS_DATABASE_URL, or run \`trellis serve\` once to start one)`,
        );
      connection.prepareForWrites();
      if (!upToDate) await migrate(connection.db);
      const workspace = new Workspace(connection);
      await workspace.frameworks.storeReference();
      return workspace;
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  /** What is wrong with the workspace without stopping it, each with what to do; read afresh each time. */
  async warnings(): Promise<WorkspaceWarning[]> {
    const conflict = await this.frameworks.referenceConflict();
    return conflict ? [{ code: 'reference-conflict', message: conflict.message }] : [];
  }

  /** The framework in use, and the database's change counter when it was looked up. */
  private inUse: { counter: number | string; value: Promise<FrameworkInUse> } | undefined;

  /**
   * The framework in use, parsed once and kept while the choice of framework stays the same. When
   * another process has committed since (the change counter moved), the choice is read again, and
   * the framework parsed again only if it is another one or its text changed.
   */
  async activeFramework(): Promise<FrameworkInUse> {
    const counter = await this.connection.changeCounter();
    if (this.inUse?.counter === counter) return this.inUse.value;
    const previous = this.inUse?.value;
    const value = this.frameworks.activeRow().then(async (row) => {
      const kept = await previous?.catch(() => undefined);
      return kept && sameFramework(kept.row, row) ? kept : loaded(row);
    });
    const entry = { counter, value };
    this.inUse = entry;
    value.catch(() => {
      if (this.inUse === entry) this.inUse = undefined;
    });
    return value;
  }

  /** Stores a framework file and, unless told otherwise, makes it the one in use. */
  async addFramework(
    source: string,
    file: string,
    use = true,
    origin: 'custom' | 'imported' = 'custom',
  ): Promise<FrameworkInUse> {
    const row = await this.frameworks.add(source, origin, file);
    if (use) await this.useFramework(row.id);
    return this.frameworks.load(row.id);
  }

  async useFramework(id: number | null): Promise<void> {
    await this.frameworks.use(id);
    this.inUse = undefined;
  }

  /** Every stored framework, a page: the personal workspace's one person sees them all. */
  frameworkPage(request: PageRequest<number>): Promise<Page<StoredFramework, number>> {
    return this.frameworks.page(request);
  }

  /** Runs `work` in one transaction over every repository: all of it is kept, or none. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return inTransaction(this.db, (trx) => work(new Repositories(trx)));
  }

  backup(target: string): Promise<void> {
    return this.connection.backup(target);
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  /** Everything, as one JSON document, read in one transaction so that it is consistent. */
  async export(): Promise<WorkspaceExport> {
    return inReadTransaction(this.db, async (trx) => {
      const r = new Repositories(trx);
      const settings = await r.db.selectFrom('settings').selectAll().orderBy('key').execute();
      return {
        format: 'trellis-workspace' as const,
        schema: schemaVersion,
        settings: Object.fromEntries(settings.map((s) => [s.key, s.value])),
        frameworks: await r.frameworks.list(),
        profile: (await r.profile.get()) ?? null,
        evidence: await r.evidence.list(),
        assessments: await r.assessments.list(),
        offers: await r.offers.list(),
        scenarios: await r.scenarios.list(),
        learningPlans: await r.learningPlans.list(),
      };
    });
  }

  /**
   * Replaces everything with an export's content, ids and timestamps included, so that exporting
   * again gives the same document. Checked in full first; one transaction, so a bad file changes nothing.
   */
  async import(input: unknown, file?: string): Promise<void> {
    const { value, problems } = readWorkspaceExport(input, file);
    if (value === undefined) refuse(`${file ?? 'workspace export'} is not valid`, problems);
    await this.replaceWith(value);
  }

  /** Replaces everything with an export already checked by `readWorkspaceExport`, in one transaction. */
  async replaceWith(data: WorkspaceExport): Promise<void> {
    await this.transaction(async (r) => {
      // Every owner's rows would go: in an organisation each account replaces only its own.
      if (await new OrganisationRepository(r.db).any())
        throw new DomainError(
          'usage',
          "this workspace holds an organisation: importing would replace every account's personal data; each account imports its own (POST /api/import, signed in)",
        );
      // Children before parents, for the foreign keys.
      for (const table of PERSONAL_TABLES) await r.db.deleteFrom(table).execute();
      await writeExport(r, data, { keepIds: true });
      // The ids came with the export: new rows continue after them.
      await afterExplicitIds(r.db, PERSONAL_TABLES);
      // An export from an older release may predate the shipped reference version: stored in the
      // same transaction, so that the import and it are kept together or not at all.
      await r.frameworks.ensureReference();
    });
    this.inUse = undefined;
  }

  /**
   * One owner's personal data in this workspace (an account of an organisation), with the
   * framework `framework` gives them: they choose no framework of their own.
   */
  forOwner(
    owner: number,
    framework: () => Promise<FrameworkInUse>,
    adopted: () => Promise<readonly number[]>,
  ): OwnedWorkspace {
    return new OwnedWorkspace(this.db, owner, framework, adopted);
  }
}

/** The personal workspace's tables, children before parents: what an export holds and an import replaces. */
const PERSONAL_TABLES = [
  'assessment_evidence',
  'assessments',
  'evidence',
  'offers',
  'scenarios',
  'learning_plans',
  'profile',
  'settings',
  'frameworks',
] as const;

/** The same stored framework, text included: a parsed copy of one stands for the other. */
function sameFramework(a: StoredFramework, b: StoredFramework): boolean {
  return a.id === b.id && a.frameworkId === b.frameworkId && a.version === b.version && a.source === b.source;
}
