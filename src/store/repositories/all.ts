import { AssessmentRepository } from './assessments.js';
import { PERSONAL_OWNER, type Db } from './common.js';
import {
  DocumentRepository,
  learningPlansKind,
  offersKind,
  scenariosKind,
  type LearningPlanValue,
  type OffersFileValue,
  type ScenarioFileValue,
} from './documents.js';
import { EvidenceRepository } from './evidence.js';
import { FrameworkRepository } from './frameworks.js';
import { ProfileRepository } from './profile.js';

/** The repositories over one handle: the database, or a transaction. */
export class Repositories {
  readonly frameworks: FrameworkRepository;
  readonly profile: ProfileRepository;
  readonly evidence: EvidenceRepository;
  readonly assessments: AssessmentRepository;
  readonly offers: DocumentRepository<OffersFileValue>;
  readonly scenarios: DocumentRepository<ScenarioFileValue>;
  readonly learningPlans: DocumentRepository<LearningPlanValue>;

  /**
   * `owner`: whose personal rows every repository reads and writes (frameworks are shared by all);
   * the one person of a personal workspace unless told otherwise.
   */
  constructor(
    readonly db: Db,
    readonly owner: number = PERSONAL_OWNER,
  ) {
    this.frameworks = new FrameworkRepository(db);
    this.profile = new ProfileRepository(db, owner);
    this.evidence = new EvidenceRepository(db, owner);
    this.assessments = new AssessmentRepository(db, owner);
    this.offers = new DocumentRepository(db, offersKind, owner);
    this.scenarios = new DocumentRepository(db, scenariosKind, owner);
    this.learningPlans = new DocumentRepository(db, learningPlansKind, owner);
  }
}
