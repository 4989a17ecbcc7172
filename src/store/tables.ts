import type { Generated } from 'kysely';

/**
 * The workspace tables as Kysely sees them. Portable column types only: integers, text, and JSON
 * documents kept as TEXT (validated by the core schemas before they are written), so that the same
 * tables can live in Postgres. Timestamps are ISO 8601 text in UTC.
 */

export interface FrameworkTable {
  id: Generated<number>;
  /** The framework's own id and version, from its file. */
  framework_id: string;
  version: string;
  name: string;
  /** `reference` (shipped), `imported` or `custom`. */
  origin: string;
  /** The framework file's text, YAML or JSON, exactly as given. */
  source: string;
  created_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

/**
 * Whose a personal row is: the account id in an organisation workspace, `PERSONAL_OWNER` (0) for
 * the one person of a personal workspace. Required on insert, so that no row is written without one.
 */
type Owner = number;

export interface ProfileTable {
  /** One profile per owner. */
  owner: number;
  document: string;
  updated_at: string;
}

export interface EvidenceTable {
  id: Generated<number>;
  owner: Owner;
  /** 1 when the owner shares it (promotion cases show it), else 0. */
  shared: number;
  date: string;
  title: string;
  description: string | null;
  scope: string | null;
  /** JSON array of competency ids. */
  competencies: string | null;
  /** JSON array of URLs. */
  links: string | null;
  /** Where an accepted suggestion came from; null for entries written by hand. */
  source: string | null;
  created_at: string;
  updated_at: string;
}

export interface AssessmentTable {
  id: Generated<number>;
  owner: Owner;
  date: string;
  assessor: string;
  current_level: string | null;
  /** JSON object: competency id → rating. */
  ratings: string;
  /** The framework row the ratings were made against: its id and version. */
  framework: number;
  created_at: string;
  updated_at: string;
}

export interface AssessmentEvidenceTable {
  assessment_id: number;
  competency: string;
  evidence_id: number;
}

/** Offers and earnings scenarios: a named input file stored whole. */
export interface DocumentTable {
  id: Generated<number>;
  owner: Owner;
  name: string;
  document: string;
  created_at: string;
  updated_at: string;
}

export interface OrganisationTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: string;
}

/** Every framework version an organisation adopted, numbered 1, 2, 3 …, its file's text kept whole. */
export interface OrgFrameworkTable {
  id: Generated<number>;
  organisation_id: number;
  number: number;
  framework_id: string;
  framework_version: string;
  source: string;
  adopted_at: string;
  adopted_by: string;
}

export interface PersonTable {
  id: Generated<number>;
  organisation_id: number;
  email: string;
  name: string;
  /** The org_frameworks row the level is an id of. */
  framework_version_id: number;
  level: string;
  specialisation: string | null;
  manager_id: number | null;
  team: string | null;
  zone: string | null;
  start_date: string;
  level_start_date: string;
  gender: string | null;
  status: string;
  leave_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccountTable {
  id: Generated<number>;
  organisation_id: number;
  email: string;
  person_id: number | null;
  /** JSON array of roles. */
  roles: string;
  password_hash: string | null;
  /** 0 or 1. */
  disabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A sign-in or password-reset link: only the SHA-256 of its token is kept. */
export interface OneTimeLinkTable {
  id: Generated<number>;
  organisation_id: number;
  account_id: number;
  purpose: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Append-only: the code has no path that updates or deletes a row. */
export interface AuditTable {
  id: Generated<number>;
  organisation_id: number;
  at: string;
  actor: string;
  kind: string;
  subject: string;
  /** JSON, or null when there was nothing before (or is nothing after). */
  before: string | null;
  after: string | null;
}

/** A signed-in browser: only the SHA-256 of its cookie is kept. */
export interface SessionTable {
  id: Generated<number>;
  organisation_id: number;
  account_id: number;
  token_hash: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** One failed sign-in of one key (an account, an address): only the key's SHA-256 is kept. */
export interface SignInFailureTable {
  id: Generated<number>;
  key_hash: string;
  at: string;
}

/** A script's token, scoped to one role of its account: only its SHA-256 is kept. */
export interface ApiTokenTable {
  id: Generated<number>;
  organisation_id: number;
  account_id: number;
  name: string;
  role: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** An organisation's OpenID Connect provider: the secret is read by the sign-in only, never shown. */
export interface SsoTable {
  id: Generated<number>;
  organisation_id: number;
  issuer: string;
  client_id: string;
  client_secret: string;
  updated_at: string;
}

/** One pay-bands file an organisation set: every one is kept, the newest applies. */
export interface PayBandsTable {
  id: Generated<number>;
  organisation_id: number;
  number: number;
  file: string;
  /** The file's text, YAML or JSON, exactly as given (checked before it is written). */
  source: string;
  set_at: string;
  set_by: string;
}

/** A person's pay in one period: annual gross figures in minor units of `currency`. */
export interface PayTable {
  id: Generated<number>;
  organisation_id: number;
  person_id: number;
  period: string;
  currency: string;
  /** bigint: PostgreSQL returns it as a string, read back through Number. */
  base: number | string;
  variable: number | string;
  fte: number;
  updated_at: string;
}

export interface PayJustificationTable {
  id: Generated<number>;
  organisation_id: number;
  period: string;
  category: string;
  reason: string;
  recorded_at: string;
  recorded_by: string;
}

export interface OrgSettingTable {
  organisation_id: number;
  key: string;
  /** JSON. */
  value: string;
}

/** A review cycle; `scope` is JSON (a CycleScope). */
export interface ReviewCycleTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  framework_version_id: number;
  scope: string;
  self_due: string;
  manager_due: string;
  /** open or closed. */
  status: string;
  opened_at: string;
  opened_by: string;
  closed_at: string | null;
}

/** A self, manager or peer assessment in a cycle; `ratings` is JSON (competency → rating entry). */
export interface ReviewAssessmentTable {
  id: Generated<number>;
  organisation_id: number;
  cycle_id: number;
  person_id: number;
  kind: string;
  author_id: number;
  ratings: string;
  /** draft or submitted. */
  status: string;
  updated_at: string;
  submitted_at: string | null;
  /** Kept at submission for calibration (2026-12-02T0410): outcome, the level judged, why, mean rating. */
  outcome: string | null;
  outcome_level: string | null;
  outcome_explanation: string | null;
  rating_mean: number | null;
}

/** A peer asked to rate some competencies (JSON array) of a person. */
export interface PeerRequestTable {
  id: Generated<number>;
  organisation_id: number;
  cycle_id: number;
  person_id: number;
  peer_id: number;
  requested_by_id: number;
  competencies: string;
  created_at: string;
}

/** An outcome set in calibration, with its reason; the latest per person counts, all are kept. */
export interface CalibrationAdjustmentTable {
  id: Generated<number>;
  organisation_id: number;
  cycle_id: number;
  person_id: number;
  outcome: string;
  reason: string;
  adjusted_by: string;
  adjusted_at: string;
}

/** A promotion case; `decision` and `appeal` are JSON, null until given. */
export interface PromotionCaseTable {
  id: Generated<number>;
  organisation_id: number;
  person_id: number;
  target_level: string;
  framework_version_id: number;
  nominated_by_id: number;
  sponsor_id: number | null;
  summary: string | null;
  status: string;
  round: number;
  decision: string | null;
  appeal: string | null;
  created_at: string;
}

/** A committee member of a case, per round (1; 2 for the appeal). */
export interface CaseCommitteeTable {
  id: Generated<number>;
  organisation_id: number;
  case_id: number;
  round: number;
  person_id: number;
}

export interface CaseVoteTable {
  id: Generated<number>;
  organisation_id: number;
  case_id: number;
  round: number;
  person_id: number;
  vote: string;
  rationale: string;
  at: string;
}

/** A level a person held, from the day it began; `cause` is `import`, `edit` or `promotion`. */
export interface LevelHistoryTable {
  id: Generated<number>;
  organisation_id: number;
  person_id: number;
  level: string;
  framework_version_id: number;
  from_date: string;
  cause: string;
  recorded_at: string;
}

export interface Tables {
  frameworks: FrameworkTable;
  settings: SettingTable;
  profile: ProfileTable;
  evidence: EvidenceTable;
  assessments: AssessmentTable;
  assessment_evidence: AssessmentEvidenceTable;
  offers: DocumentTable;
  scenarios: DocumentTable;
  learning_plans: DocumentTable;
  organisations: OrganisationTable;
  org_frameworks: OrgFrameworkTable;
  people: PersonTable;
  accounts: AccountTable;
  one_time_links: OneTimeLinkTable;
  audit_log: AuditTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  sign_in_failures: SignInFailureTable;
  organisation_sso: SsoTable;
  pay_bands: PayBandsTable;
  pay: PayTable;
  pay_justifications: PayJustificationTable;
  org_settings: OrgSettingTable;
  review_cycles: ReviewCycleTable;
  review_assessments: ReviewAssessmentTable;
  peer_requests: PeerRequestTable;
  calibration_adjustments: CalibrationAdjustmentTable;
  promotion_cases: PromotionCaseTable;
  case_committee: CaseCommitteeTable;
  case_votes: CaseVoteTable;
  level_history: LevelHistoryTable;
}
