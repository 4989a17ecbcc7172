import { slugify } from '../../../core/framework/import/slug.js';
import { loadFrameworkOrThrow } from '../../../core/framework/load.js';
import type { Framework } from '../../../core/framework/schema.js';
import { caseImpacts, planFramework, verdictChanges, type FullPlan } from '../../../core/org/plan.js';
import { ratingsOf } from '../../../core/org/reviews/assessment.js';
import { emailSchema } from '../../../core/org/person.js';
import { validateValue } from '../../../core/input/value.js';
import { DomainError } from '../../../core/problems.js';
import { asOrganisation } from '../../dialect/index.js';
import { inTransaction, type Db } from '../common.js';
import { AccountRepository, type Account } from './accounts.js';
import { AuditRepository } from './audit.js';
import { CalibrationRepository } from './calibration.js';
import { CaseRepository } from './cases.js';
import { ComparisonRepository } from './comparison.js';
import { CycleRepository } from './cycles.js';
import { OrgFrameworkRepository, type LoadedVersion } from './frameworks.js';
import { LevelHistoryRepository } from './level-history.js';
import { LinkRepository } from './links.js';
import { OrganisationRepository, type Organisation } from './organisations.js';
import { PayRepository } from './pay.js';
import { PeopleRepository } from './people.js';
import type { StoredPerson } from './person-rows.js';
import { ReviewRepository } from './reviews.js';
import { SettingsRepository } from './settings.js';
import { orgScope, over, type OrgScope } from './scope.js';

/** Every repository of one organisation, over one handle and one actor. */
export class OrgRepositories {
  readonly people: PeopleRepository;
  readonly frameworks: OrgFrameworkRepository;
  readonly accounts: AccountRepository;
  readonly links: LinkRepository;
  readonly audit: AuditRepository;
  readonly pay: PayRepository;
  readonly settings: SettingsRepository;
  readonly cycles: CycleRepository;
  readonly reviews: ReviewRepository;
  readonly cases: CaseRepository;
  readonly calibration: CalibrationRepository;
  readonly comparisons: ComparisonRepository;
  readonly levelHistory: LevelHistoryRepository;

  constructor(readonly scope: OrgScope) {
    this.people = new PeopleRepository(scope);
    this.frameworks = new OrgFrameworkRepository(scope);
    this.accounts = new AccountRepository(scope);
    this.links = new LinkRepository(scope);
    this.audit = new AuditRepository(scope);
    this.pay = new PayRepository(scope);
    this.settings = new SettingsRepository(scope);
    this.cycles = new CycleRepository(scope);
    this.reviews = new ReviewRepository(scope);
    this.cases = new CaseRepository(scope);
    this.calibration = new CalibrationRepository(scope);
    this.comparisons = new ComparisonRepository(scope);
    this.levelHistory = new LevelHistoryRepository(scope);
  }

  transaction<T>(work: (repositories: OrgRepositories) => Promise<T>): Promise<T> {
    return inTransaction(this.scope.db, (trx) => work(new OrgRepositories(over(this.scope, trx))));
  }

  /**
   * Before adopting: which active people a framework file would touch, each read against the
   * version their level is in; whose latest submitted verdict it would change (judged against the
   * version of the assessment's cycle); and which open promotion cases it would affect. The file
   * is checked as adopting it would check it.
   */
  async planFramework(source: string, file: string): Promise<FullPlan> {
    const next = loadFrameworkOrThrow(source, file);
    const versions = await this.frameworks.all();
    const byNumber = new Map<number, Framework>([...versions.values()].map((v) => [v.number, v.framework]));
    const active = (await this.people.all()).filter((p) => p.status === 'active');
    const planned = (p: StoredPerson, versionId = p.frameworkVersionId) => ({
      email: p.email,
      name: p.name,
      level: p.level,
      version: versions.get(versionId)!.number,
    });
    const latest = await this.reviews.latestEach();
    const assessed = active.flatMap((p) => {
      const last = latest.get(p.id);
      if (!last) return [];
      const { kind, ratings } = last.assessment;
      return [
        {
          ...planned(p, last.frameworkVersionId),
          kind: kind as 'self' | 'manager',
          ratings: ratingsOf(ratings),
        },
      ];
    });
    const byId = new Map(active.map((p) => [p.id, p]));
    const open = (await this.cases.list()).flatMap((c) => {
      const person = byId.get(c.personId);
      if (!person || (c.status !== 'open' && c.status !== 'appealed')) return [];
      const last = latest.get(c.personId);
      return [
        {
          ...planned(person, c.frameworkVersionId),
          id: c.id,
          targetLevel: c.targetLevel,
          ...(last && { ratings: ratingsOf(last.assessment.ratings) }),
        },
      ];
    });
    return {
      ...planFramework(
        active.map((p) => planned(p)),
        byNumber,
        next,
      ),
      verdicts: verdictChanges(assessed, byNumber, next),
      cases: caseImpacts(open, byNumber, next),
    };
  }

  /**
   * Adopts a framework file as the next version and moves onto it everyone whose level id it keeps;
   * the others stay levelled in their version until re-levelled. One transaction, one audit entry
   * for the version and one for the move.
   */
  adoptFramework(
    source: string,
    file: string,
  ): Promise<{ version: LoadedVersion; moved: string[]; kept: string[] }> {
    return this.transaction(async (r) => {
      const version = await r.frameworks.adopt(source, file);
      const levels = new Set(version.framework.levels.map((l) => l.id));
      const { moved, kept } = await r.people.moveToVersion(version.id, levels);
      if (moved.length + kept.length > 0)
        await r.audit.append({
          kind: 'people.relevel',
          subject: `framework:${version.number}`,
          after: { moved, kept },
        });
      return { version, moved, kept };
    });
  }
}

export interface InitOptions {
  name: string;
  slug?: string | undefined;
  adminEmail: string;
  framework: { source: string; file: string };
  actor: string;
}

/**
 * Makes a new organisation in the database: the organisation, its first framework version and the
 * first admin account, in one transaction.
 */
export async function initOrganisation(
  db: Db,
  options: InitOptions,
): Promise<{ organisation: Organisation; admin: Account; repositories: OrgRepositories }> {
  const name = options.name.trim();
  if (name === '') throw new DomainError('usage', '--name must not be empty');
  const slug = options.slug ?? slugify(name);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug))
    throw new DomainError(
      'usage',
      `"${slug}" cannot be an organisation's slug: use lowercase letters, digits and "-"`,
    );
  const email = validateValue(emailSchema, options.adminEmail, '--admin-email');
  const made = await inTransaction(db, async (trx) => {
    const organisation = await new OrganisationRepository(trx).create(slug, name);
    // The rest of this transaction works for the new organisation (row-level security lets it).
    return asOrganisation(trx, organisation.id, async (own) => {
      const repositories = new OrgRepositories(orgScope(own, organisation.id, options.actor));
      await repositories.audit.append({ kind: 'organisation.create', subject: slug, after: { slug, name } });
      await repositories.frameworks.adopt(options.framework.source, options.framework.file);
      const admin = await repositories.accounts.create(email, ['admin']);
      return { organisation, admin };
    });
  });
  // Over the caller's handle, not the transaction, which has ended unless it was the caller's own.
  return { ...made, repositories: new OrgRepositories(orgScope(db, made.organisation.id, options.actor)) };
}

export {
  AccountRepository,
  AuditRepository,
  CaseRepository,
  CycleRepository,
  LinkRepository,
  OrganisationRepository,
  OrgFrameworkRepository,
  PayRepository,
  PeopleRepository,
  SettingsRepository,
  ReviewRepository,
};
export { orgScope };
export type { OrgScope };
