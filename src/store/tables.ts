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

export interface ProfileTable {
  /** Always 1: one person per workspace in personal mode. */
  id: number;
  document: string;
  updated_at: string;
}

export interface EvidenceTable {
  id: Generated<number>;
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
  name: string;
  document: string;
  created_at: string;
  updated_at: string;
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
}
