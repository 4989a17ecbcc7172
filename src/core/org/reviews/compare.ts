import { compareAssessments } from '../../assessment/compare.js';
import { assess, type AssessmentResult } from '../../assessment/evaluate.js';
import { diffFrameworks } from '../../framework/diff.js';
import type { Framework } from '../../framework/schema.js';
import { own } from '../../names.js';
import { levelChange, verdictUnder, type TrackVerdictNow } from '../plan.js';
import { ratingsOf, type ReviewAssessment } from './assessment.js';

export interface SideVerdict {
  status: ReviewAssessment['status'];
  /** The level met on the held level's track, the held level judged, the next levels: the navigator's verdict. */
  level: string | null;
  belowHeld: boolean;
  holdsHeld: boolean | null;
  readyFor: string[];
  explanation: string;
}

export interface ComparedRating {
  competency: string;
  name: string;
  self: number | null;
  manager: number | null;
  /** manager − self; null when either side did not rate it. */
  delta: number | null;
  /** True when the two sides differ, or only one rated it. */
  differs: boolean;
  selfComment: string | null;
  managerComment: string | null;
  evidence: string[];
}

export interface SelfVsManager {
  level: string;
  competencies: ComparedRating[];
  summary: { higher: number; lower: number; same: number; unrated: number };
  self: SideVerdict | null;
  manager: SideVerdict | null;
}

function verdictOf(result: AssessmentResult, status: ReviewAssessment['status']): SideVerdict {
  return {
    status,
    level: result.level,
    belowHeld: result.belowHeld,
    holdsHeld: result.held?.holds ?? null,
    readyFor: result.next.filter((n) => n.holds && n.relation === 'up').map((n) => n.level),
    explanation: result.explanation,
  };
}

/**
 * One person's self and manager assessments side by side: the differences marked, and each side's
 * verdict under the framework's promotion rules, as the navigator gives it.
 */
export function selfVsManager(
  framework: Framework,
  level: string,
  self: ReviewAssessment | undefined,
  manager: ReviewAssessment | undefined,
): SelfVsManager {
  const a = { current: level, ratings: ratingsOf(self?.ratings ?? {}) };
  const b = { current: level, ratings: ratingsOf(manager?.ratings ?? {}) };
  const compared = compareAssessments(framework, a, b);
  return {
    level,
    competencies: compared.competencies.map((c) => ({
      competency: c.competency,
      name: c.name,
      self: c.a,
      manager: c.b,
      delta: c.delta,
      differs: c.delta !== 0,
      selfComment: own(self?.ratings, c.competency)?.comment ?? null,
      managerComment: own(manager?.ratings, c.competency)?.comment ?? null,
      evidence: [
        ...(own(self?.ratings, c.competency)?.evidence ?? []),
        ...(own(manager?.ratings, c.competency)?.evidence ?? []),
      ],
    })),
    summary: compared.summary,
    self: self ? verdictOf(assess(framework, a), self.status) : null,
    manager: manager ? verdictOf(assess(framework, b), manager.status) : null,
  };
}

/** What changed between the version an assessment was made against and the current one, for the levels involved. */
export interface AgainstCurrent {
  /** The organisation's current version: its number, the framework's id and version. */
  to: { number: number; id: string; version: string };
  self: TrackVerdictNow | null;
  manager: TrackVerdictNow | null;
  competencies: { added: string[]; removed: string[] };
  /** The held level, the levels met under either version, the next one up: what changed for each. */
  levels: { level: string; removed: boolean; competencies: string[]; fields: string[] }[];
}

/**
 * Assessments made against an earlier version, shown against the current one: each side's verdict
 * under it, and what changed (the framework plan's own diff) for the levels the verdicts involve.
 */
export function againstCurrent(
  then: Framework,
  current: Framework,
  to: { number: number },
  level: string,
  self: ReviewAssessment | undefined,
  manager: ReviewAssessment | undefined,
): AgainstCurrent {
  const diff = diffFrameworks(then, current);
  const sides = [self, manager].map((a) =>
    a
      ? {
          then: verdictUnder(then, level, ratingsOf(a.ratings)),
          now: verdictUnder(current, level, ratingsOf(a.ratings)),
        }
      : null,
  );
  const held = current.levels.find((l) => l.id === level);
  const up = held && current.levels.find((l) => l.track === held.track && l.rank === held.rank + 1);
  const involved = new Set<string>([level, ...(up ? [up.id] : [])]);
  for (const side of sides) for (const id of [side?.then.level, side?.now.level]) if (id) involved.add(id);
  const levels = [...involved]
    .sort()
    .map((id) => ({
      level: id,
      removed: !current.levels.some((l) => l.id === id),
      ...levelChange(diff, id),
    }))
    .filter((l) => l.removed || l.competencies.length > 0 || l.fields.length > 0);
  return {
    to: { number: to.number, id: current.id, version: current.version },
    self: sides[0]?.now ?? null,
    manager: sides[1]?.now ?? null,
    competencies: {
      added: diff.sections.competencies.added,
      removed: diff.sections.competencies.removed,
    },
    levels,
  };
}
