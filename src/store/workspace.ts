import { loadFrameworkOrThrow } from '../core/framework/load.js';
import { DomainError, type Path, type Problem } from '../core/problems.js';
import { openSqlite, type Connection } from './dialect.js';
import { workspaceExportSchema, type WorkspaceExport } from './entities.js';
import { migrate, schemaVersion } from './migrations/index.js';
import { AssessmentRepository } from './repositories/assessments.js';
import { inTransaction, type Db } from './repositories/common.js';
import {
  DocumentRepository,
  learningPlansKind,
  offersKind,
  scenariosKind,
  validateDocument,
  type LearningPlanValue,
  type OffersFileValue,
  type ScenarioFileValue,
} from './repositories/documents.js';
import { EvidenceRepository } from './repositories/evidence.js';
import { FrameworkRepository, type FrameworkInUse } from './repositories/frameworks.js';
import { ProfileRepository } from './repositories/profile.js';
import { problem, refuse, under, validateValue } from '../core/input/value.js';

/** Where the workspace lives unless told otherwise: relative to the current directory. */
export const DEFAULT_DB = 'data/trellis.sqlite';

/** The repositories over one handle: the database, or a transaction. */
export class Repositories {
  readonly frameworks: FrameworkRepository;
  readonly profile: ProfileRepository;
  readonly evidence: EvidenceRepository;
  readonly assessments: AssessmentRepository;
  readonly offers: DocumentRepository<OffersFileValue>;
  readonly scenarios: DocumentRepository<ScenarioFileValue>;
  readonly learningPlans: DocumentRepository<LearningPlanValue>;

  constructor(readonly db: Db) {
    this.frameworks = new FrameworkRepository(db);
    this.profile = new ProfileRepository(db);
    this.evidence = new EvidenceRepository(db);
    this.assessments = new AssessmentRepository(db);
    this.offers = new DocumentRepository(db, offersKind);
    this.scenarios = new DocumentRepository(db, scenariosKind);
    this.learningPlans = new DocumentRepository(db, learningPlansKind);
  }
}

/** A person's workspace: one database, migrated, with the reference framework stored. */
export class Workspace extends Repositories {
  private constructor(
    readonly file: string,
    private readonly connection: Connection,
  ) {
    super(connection.db);
  }

  /** Opens (creating and migrating when needed) the workspace database at `file`. */
  static async open(file: string = DEFAULT_DB): Promise<Workspace> {
    const connection = openSqlite(file);
    try {
      await migrate(connection.db);
      const workspace = new Workspace(file, connection);
      await workspace.frameworks.ensureReference();
      return workspace;
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  private inUse: Promise<FrameworkInUse> | undefined;

  /** The framework in use, parsed once and kept until the choice of framework changes. */
  activeFramework(): Promise<FrameworkInUse> {
    this.inUse ??= this.frameworks.active().catch((error: unknown) => {
      this.inUse = undefined;
      throw error;
    });
    return this.inUse;
  }

  /** Stores a framework file and, unless told otherwise, makes it the one in use. */
  async addFramework(source: string, file: string, use = true): Promise<FrameworkInUse> {
    const row = await this.frameworks.add(source, 'custom', file);
    if (use) await this.useFramework(row.id);
    return this.frameworks.load(row.id);
  }

  async useFramework(id: number | null): Promise<void> {
    await this.frameworks.use(id);
    this.inUse = undefined;
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
    return this.transaction(async (r) => {
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
  async import(input: unknown): Promise<void> {
    const data = validateValue(workspaceExportSchema, input, 'workspace export');
    checkExport(data);
    await this.transaction(async (r) => {
      const db = r.db;
      // Children before parents, for the foreign keys.
      for (const table of [
        'assessment_evidence',
        'assessments',
        'evidence',
        'offers',
        'scenarios',
        'learning_plans',
        'profile',
        'settings',
        'frameworks',
      ] as const)
        await db.deleteFrom(table).execute();
      for (const f of data.frameworks)
        await db
          .insertInto('frameworks')
          .values({
            id: f.id,
            framework_id: f.frameworkId,
            version: f.version,
            name: f.name,
            origin: f.origin,
            source: f.source,
            created_at: f.createdAt,
          })
          .execute();
      for (const [key, value] of Object.entries(data.settings))
        await db.insertInto('settings').values({ key, value }).execute();
      if (data.profile) {
        const { updatedAt, ...profile } = data.profile;
        await db
          .insertInto('profile')
          .values({ id: 1, document: JSON.stringify(profile), updated_at: updatedAt })
          .execute();
      }
      for (let i = 0; i < data.evidence.length; i += 400)
        await db
          .insertInto('evidence')
          .values(
            data.evidence.slice(i, i + 400).map((e) => ({
              id: e.id,
              date: e.date,
              title: e.title,
              description: e.description ?? null,
              scope: e.scope ?? null,
              competencies: e.competencies ? JSON.stringify(e.competencies) : null,
              links: e.links ? JSON.stringify(e.links) : null,
              created_at: e.createdAt,
              updated_at: e.updatedAt,
            })),
          )
          .execute();
      const frameworkRow = new Map(data.frameworks.map((f) => [`${f.frameworkId}@${f.version}`, f.id]));
      for (const a of data.assessments) {
        await db
          .insertInto('assessments')
          .values({
            id: a.id,
            date: a.date,
            assessor: a.assessor,
            current_level: a.current,
            ratings: JSON.stringify(a.ratings),
            framework: frameworkRow.get(`${a.framework.id}@${a.framework.version}`)!,
            created_at: a.createdAt,
            updated_at: a.updatedAt,
          })
          .execute();
        const links = Object.entries(a.evidence).flatMap(([competency, ids]) =>
          ids.map((evidence_id) => ({ assessment_id: a.id, competency, evidence_id })),
        );
        if (links.length > 0) await db.insertInto('assessment_evidence').values(links).execute();
      }
      for (const [table, rows] of [
        ['offers', data.offers],
        ['scenarios', data.scenarios],
        ['learning_plans', data.learningPlans],
      ] as const)
        for (const d of rows)
          await db
            .insertInto(table)
            .values({
              id: d.id,
              name: d.name,
              document: JSON.stringify(d.file),
              created_at: d.createdAt,
              updated_at: d.updatedAt,
            })
            .execute();
    });
    this.inUse = undefined;
    // An export from an older release may predate the shipped reference version.
    await this.frameworks.ensureReference();
  }
}

/**
 * An export is checked for its shape (by the schema) and for its own consistency: ids unique per
 * collection, every framework file readable, the framework in use and every pinned framework version
 * present, every evidence link pointing at an entry of the export, every stored file passing its
 * parser. Stored data is never judged against a framework again: a profile or an evidence entry was
 * checked against the framework in use when it was saved, and choosing another framework later must
 * not make the workspace impossible to restore. Every problem is reported, in one error.
 */
function checkExport(data: WorkspaceExport): void {
  const problems: Problem[] = [];
  const collect = (base: Path, check: () => unknown) => {
    try {
      under(base, check);
    } catch (error) {
      if (!(error instanceof DomainError) || error.problems.length === 0) throw error;
      problems.push(...error.problems);
    }
  };

  for (const [what, rows] of [
    ['frameworks', data.frameworks],
    ['evidence', data.evidence],
    ['assessments', data.assessments],
    ['offers', data.offers],
    ['scenarios', data.scenarios],
    ['learningPlans', data.learningPlans],
  ] as const) {
    const seen = new Set<number>();
    rows.forEach((row, index) => {
      if (seen.has(row.id))
        problems.push(problem([what, index, 'id'], `id ${row.id} appears twice`, 'duplicate-id'));
      seen.add(row.id);
    });
  }

  const versions = new Set<string>();
  data.frameworks.forEach((f, index) => {
    collect(['frameworks', index, 'source'], () => loadFrameworkOrThrow(f.source, `frameworks[${index}]`));
    const key = `${f.frameworkId}@${f.version}`;
    if (versions.has(key))
      problems.push(
        problem(
          ['frameworks', index, 'version'],
          `framework ${f.frameworkId} version ${f.version} appears twice`,
          'duplicate-version',
        ),
      );
    versions.add(key);
  });

  const active = data.settings.framework;
  if (active !== undefined && !data.frameworks.some((f) => String(f.id) === active))
    problems.push(
      problem(['settings', 'framework'], `no framework with id ${active} in the export`, 'unknown-reference'),
    );

  const evidenceIds = new Set(data.evidence.map((e) => e.id));
  data.assessments.forEach((a, index) => {
    const base = ['assessments', index];
    if (!versions.has(`${a.framework.id}@${a.framework.version}`))
      problems.push(
        problem(
          [...base, 'framework'],
          `framework ${a.framework.id} version ${a.framework.version} is not in the export`,
          'unknown-reference',
        ),
      );
    for (const [competency, ids] of Object.entries(a.evidence))
      ids.forEach((id, i) => {
        if (!evidenceIds.has(id))
          problems.push(
            problem(
              [...base, 'evidence', competency, i],
              `no evidence entry with id ${id}`,
              'unknown-reference',
            ),
          );
      });
  });

  data.offers.forEach((d, index) =>
    collect(['offers', index], () => validateDocument(offersKind, { name: d.name, file: d.file })),
  );
  data.scenarios.forEach((d, index) =>
    collect(['scenarios', index], () => validateDocument(scenariosKind, { name: d.name, file: d.file })),
  );
  if (problems.length > 0) refuse('workspace export is not valid', problems);
}
