import { assess, evaluateLevel } from '../assessment/evaluate.js';
import { diffFrameworks, type FrameworkDiff } from '../framework/diff.js';
import type { Framework } from '../framework/schema.js';

/**
 * Before an organisation adopts a new framework version: who it touches. A person whose level id
 * is not in the new version has to be re-levelled; a person whose level keeps its id but whose
 * expectations (or the level's own fields) change should be told what changed. Each person is read
 * against the version their level was set in.
 */

export interface PlannedPerson {
  email: string;
  name: string;
  level: string;
  /** The organisation's version number the level refers to. */
  version: number;
}

export interface PlanEntry extends PlannedPerson {
  change: 'level-removed' | 'expectations-changed';
  /** For a changed level: the competencies whose expectation changed, and the level's own fields. */
  competencies: string[];
  fields: string[];
}

export interface FrameworkPlan {
  to: { id: string; version: string };
  affected: PlanEntry[];
  unaffected: number;
}

/** What changed for one level between two versions: its expectations' competencies, its own fields. */
export function levelChange(
  diff: FrameworkDiff,
  level: string,
): { competencies: string[]; fields: string[] } {
  const { sections } = diff;
  const prefix = `${level}/`;
  const competencies = [
    ...sections.expectations.added,
    ...sections.expectations.removed,
    ...sections.expectations.changed.map((c) => c.id),
  ]
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length))
    .sort();
  const fields = sections.levels.changed.find((c) => c.id === level)?.fields.map((f) => f.field) ?? [];
  return { competencies, fields };
}

/** One diff per earlier version, made once. */
function diffsTo(
  versions: ReadonlyMap<number, Framework>,
  next: Framework,
): (version: number) => FrameworkDiff {
  const diffs = new Map<number, FrameworkDiff>();
  return (version) => {
    let diff = diffs.get(version);
    if (diff === undefined) {
      diff = diffFrameworks(versions.get(version)!, next);
      diffs.set(version, diff);
    }
    return diff;
  };
}

export function planFramework(
  people: readonly PlannedPerson[],
  versions: ReadonlyMap<number, Framework>,
  next: Framework,
): FrameworkPlan {
  const diffOf = diffsTo(versions, next);
  const nextLevels = new Set(next.levels.map((l) => l.id));
  const affected: PlanEntry[] = [];
  for (const person of people) {
    if (!nextLevels.has(person.level)) {
      affected.push({ ...person, change: 'level-removed', competencies: [], fields: [] });
      continue;
    }
    const { competencies, fields } = levelChange(diffOf(person.version), person.level);
    if (competencies.length > 0 || fields.length > 0)
      affected.push({ ...person, change: 'expectations-changed', competencies, fields });
  }
  affected.sort((a, b) => a.change.localeCompare(b.change) || a.email.localeCompare(b.email));
  return {
    to: { id: next.id, version: next.version },
    affected,
    unaffected: people.length - affected.length,
  };
}

/** A person's latest submitted assessment: its ratings and the version it was made against. */
export interface PlannedAssessment extends PlannedPerson {
  kind: 'self' | 'manager';
  ratings: Readonly<Record<string, number>>;
}

/** The navigator's verdict on the held level's track: the level met, and whether the held one holds. */
export interface TrackVerdictNow {
  level: string | null;
  holdsHeld: boolean | null;
}

export interface VerdictChange extends PlannedPerson {
  kind: 'self' | 'manager';
  /** The verdict under the version the assessment was made against, and under the new one. */
  now: TrackVerdictNow;
  next: TrackVerdictNow;
  /** gains: a higher level met (or the held one now holds); loses: a lower one, or none. */
  change: 'gains' | 'loses';
}

/** The verdict of ratings under a framework, for a person holding `level`. */
export function verdictUnder(
  framework: Framework,
  level: string,
  ratings: Readonly<Record<string, number>>,
): TrackVerdictNow {
  const known = framework.levels.some((l) => l.id === level);
  const result = assess(framework, { ...(known && { current: level }), ratings });
  return { level: result.level, holdsHeld: result.held?.holds ?? null };
}

const rankIn = (framework: Framework, level: string | null) =>
  level === null ? -1 : (framework.levels.find((l) => l.id === level)?.rank ?? -1);

/**
 * The people whose latest verdict would change under `next`: the level met on their track moves
 * up or down (by rank), or the held level starts or stops holding.
 */
export function verdictChanges(
  assessments: readonly PlannedAssessment[],
  versions: ReadonlyMap<number, Framework>,
  next: Framework,
): VerdictChange[] {
  const changes: VerdictChange[] = [];
  for (const a of assessments) {
    const then = versions.get(a.version)!;
    const now = verdictUnder(then, a.level, a.ratings);
    const after = verdictUnder(next, a.level, a.ratings);
    const up = rankIn(next, after.level) - rankIn(then, now.level);
    const held = Number(after.holdsHeld === true) - Number(now.holdsHeld === true);
    if (up === 0 && held === 0 && now.level === after.level) continue;
    const { ratings: _r, ...person } = a;
    changes.push({
      ...person,
      now,
      next: after,
      change: up > 0 || (up === 0 && held > 0) ? 'gains' : 'loses',
    });
  }
  return changes.sort((x, y) => x.change.localeCompare(y.change) || x.email.localeCompare(y.email));
}

/** An open promotion case: its target level, the version it was opened against, the latest ratings. */
export interface PlannedCase extends PlannedPerson {
  id: number;
  targetLevel: string;
  ratings?: Readonly<Record<string, number>> | undefined;
}

export interface CaseImpact extends Omit<PlannedCase, 'ratings'> {
  /** Why the case is affected; one or more. */
  reasons: ('target-removed' | 'expectations-changed' | 'rule-changed' | 'readiness-changed')[];
  competencies: string[];
  fields: string[];
  /** Readiness for the target under the case's version and under the new one; null without ratings. */
  readyNow: boolean | null;
  readyNext: boolean | null;
}

/** The open cases a new version would touch: the target level gone, its expectations or rule changed, or readiness changed. */
export function caseImpacts(
  cases: readonly PlannedCase[],
  versions: ReadonlyMap<number, Framework>,
  next: Framework,
): CaseImpact[] {
  const diffOf = diffsTo(versions, next);
  return cases.flatMap(({ ratings, ...c }) => {
    const then = versions.get(c.version)!;
    const before = then.levels.find((l) => l.id === c.targetLevel);
    const after = next.levels.find((l) => l.id === c.targetLevel);
    const readyNow = before && ratings ? evaluateLevel(then, before, ratings).holds : null;
    if (!after)
      return [
        {
          ...c,
          reasons: ['target-removed' as const],
          competencies: [],
          fields: [],
          readyNow,
          readyNext: null,
        },
      ];
    const { competencies, fields } = levelChange(diffOf(c.version), c.targetLevel);
    const rule = (f: Framework, l: typeof after) => evaluateLevel(f, l, {}).rule;
    const readyNext = ratings ? evaluateLevel(next, after, ratings).holds : null;
    const reasons: CaseImpact['reasons'] = [];
    if (competencies.length > 0 || fields.length > 0) reasons.push('expectations-changed');
    if (before && rule(then, before) !== rule(next, after)) reasons.push('rule-changed');
    if (readyNow !== readyNext) reasons.push('readiness-changed');
    return reasons.length === 0 ? [] : [{ ...c, reasons, competencies, fields, readyNow, readyNext }];
  });
}

/** The plan as the command and the API give it: who is re-levelled, whose verdict changes, which cases. */
export interface FullPlan extends FrameworkPlan {
  verdicts: VerdictChange[];
  cases: CaseImpact[];
}
