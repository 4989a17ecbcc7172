import { DomainError } from '../core/problems.js';
import type { WorkspaceExport } from './entities.js';
import { writeExport } from './export-write.js';
import { schemaVersion } from './migrations/index.js';
import { Repositories } from './repositories/all.js';
import { inReadTransaction, inTransaction, type Db } from './repositories/common.js';
import type { StoredFramework } from './entities.js';
import type { FrameworkInUse } from './repositories/frameworks.js';
import type { Page, PageRequest } from './repositories/common.js';

/** What the personal routes work on: the personal workspace itself, or one owner's part of it. */
export interface PersonalWorkspace extends Repositories {
  activeFramework(): Promise<FrameworkInUse>;
  addFramework(
    source: string,
    file: string,
    use?: boolean,
    origin?: 'custom' | 'imported',
  ): Promise<FrameworkInUse>;
  useFramework(id: number | null): Promise<void>;
  /** A page of the stored frameworks this person may see (`GET /api/frameworks`). */
  frameworkPage(request: PageRequest<number>): Promise<Page<StoredFramework, number>>;
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  export(): Promise<WorkspaceExport>;
  replaceWith(data: WorkspaceExport): Promise<void>;
}

/** The owner's personal tables, children before parents: what their import replaces. */
const OWNED_TABLES = ['assessments', 'evidence', 'offers', 'scenarios', 'learning_plans', 'profile'] as const;

/**
 * One account's personal data in an organisation workspace: every repository is bound to the
 * owner, the framework is the one the organisation gives them, and an export or import holds the
 * owner's rows alone.
 */
export class OwnedWorkspace extends Repositories implements PersonalWorkspace {
  constructor(
    db: Db,
    owner: number,
    private readonly framework: () => Promise<FrameworkInUse>,
    /** The stored rows of every framework version the organisation adopted. */
    private readonly adopted: () => Promise<readonly number[]>,
  ) {
    super(db, owner);
  }

  activeFramework(): Promise<FrameworkInUse> {
    return this.framework();
  }

  addFramework(): Promise<FrameworkInUse> {
    return Promise.reject(chosenByOrganisation());
  }

  useFramework(): Promise<void> {
    return Promise.reject(chosenByOrganisation());
  }

  /**
   * The organisation's adopted versions and the frameworks the owner's own assessments were made
   * against: never what another organisation adopted, nor another account's.
   */
  async frameworkPage(request: PageRequest<number>): Promise<Page<StoredFramework, number>> {
    return this.frameworks.page(request, { ids: await this.adopted(), assessedBy: this.owner });
  }

  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return inTransaction(this.db, (trx) => work(new Repositories(trx, this.owner)));
  }

  /** The owner's rows and the frameworks they were assessed against (and the one they use now). */
  async export(): Promise<WorkspaceExport> {
    const { row } = await this.activeFramework();
    return inReadTransaction(this.db, async (trx) => {
      const r = new Repositories(trx, this.owner);
      const assessments = await r.assessments.list();
      const used = new Set([
        `${row.frameworkId}@${row.version}`,
        ...assessments.map((a) => `${a.framework.id}@${a.framework.version}`),
      ]);
      return {
        format: 'trellis-workspace' as const,
        schema: schemaVersion,
        settings: {},
        frameworks: (await r.frameworks.list()).filter((f) => used.has(`${f.frameworkId}@${f.version}`)),
        profile: (await r.profile.get()) ?? null,
        evidence: await r.evidence.list(),
        assessments,
        offers: await r.offers.list(),
        scenarios: await r.scenarios.list(),
        learningPlans: await r.learningPlans.list(),
      };
    });
  }

  /**
   * Replaces the owner's rows with an export's, in one transaction; other owners' rows are not
   * touched, so the rows get new ids. Its framework choice is ignored: the organisation chooses.
   */
  async replaceWith(data: WorkspaceExport): Promise<void> {
    await this.transaction(async (r) => {
      const mine = r.db.selectFrom('assessments').select('id').where('owner', '=', this.owner);
      await r.db.deleteFrom('assessment_evidence').where('assessment_id', 'in', mine).execute();
      for (const table of OWNED_TABLES)
        await r.db.deleteFrom(table).where('owner', '=', this.owner).execute();
      await writeExport(r, data, { keepIds: false });
    });
  }
}

function chosenByOrganisation(): DomainError {
  return new DomainError(
    'conflict',
    'in an organisation the framework is the one the organisation adopted: an admin changes it (`trellis org framework set FILE`)',
  );
}
