import type { Framework } from '../framework/schema.js';
import type { Assessment } from './schema.js';
import { own } from '../names.js';

export interface RatingChange {
  competency: string;
  name: string;
  /** The first assessment's rating; null when it did not rate the competency. */
  a: number | null;
  b: number | null;
  /** b − a; null when either is missing. */
  delta: number | null;
}

export interface AssessmentComparison {
  competencies: RatingChange[];
  summary: { higher: number; lower: number; same: number; unrated: number };
}

/** Two assessments side by side, competency by competency: self and manager, or this quarter and last. */
export function compareAssessments(framework: Framework, a: Assessment, b: Assessment): AssessmentComparison {
  const competencies = framework.competencies
    .filter((c) => own(a.ratings, c.id) !== undefined || own(b.ratings, c.id) !== undefined)
    .map((c) => {
      const ra = own(a.ratings, c.id) ?? null;
      const rb = own(b.ratings, c.id) ?? null;
      return {
        competency: c.id,
        name: c.name,
        a: ra,
        b: rb,
        delta: ra === null || rb === null ? null : rb - ra,
      };
    });
  const count = (test: (c: RatingChange) => boolean) => competencies.filter(test).length;
  return {
    competencies,
    summary: {
      higher: count((c) => c.delta !== null && c.delta > 0),
      lower: count((c) => c.delta !== null && c.delta < 0),
      same: count((c) => c.delta === 0),
      unrated: count((c) => c.delta === null),
    },
  };
}
