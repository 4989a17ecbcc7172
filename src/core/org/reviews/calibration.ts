import { evaluateLevel } from '../../assessment/evaluate.js';
import type { Framework } from '../../framework/schema.js';

/**
 * Calibration of one cycle: each person's outcome under the framework's promotion rules (the
 * manager's submitted ratings judged by the navigator's own `evaluateLevel`), unless hr or a manager
 * adjusted it with a reason; the outcomes counted by manager, team, level and track; how far each
 * manager's ratings run from the other managers' at the same level; and the outcomes by a recorded
 * attribute, shown only when every group compared is large enough not to point at anyone.
 */

export const outcomes = ['below', 'meets', 'ready'] as const;
export type Outcome = (typeof outcomes)[number];

export const outcomeWords: Record<Outcome, string> = {
  below: 'below the held level',
  meets: 'meets the held level',
  ready: 'ready for the next level',
};

/** The smallest group the fairness view shows; with any group smaller, it shows none. */
export const FAIRNESS_MIN_GROUP = 5;
export const TOO_FEW = 'too few to show';

export interface OutcomeVerdict {
  outcome: Outcome;
  /** The next level up the track, when there is one. */
  next: string | null;
  explanation: string;
}

/**
 * Below the held level when its rule does not hold; ready when it holds and so does the rule of
 * the next level up the same track; otherwise meets. Undefined when the level is not one of the
 * framework's (a person levelled in another version).
 */
export function outcomeOf(
  framework: Framework,
  levelId: string,
  ratings: Readonly<Record<string, number>>,
): OutcomeVerdict | undefined {
  const level = framework.levels.find((l) => l.id === levelId);
  if (!level) return undefined;
  const held = evaluateLevel(framework, level, ratings);
  const up = framework.levels.find((l) => l.track === level.track && l.rank === level.rank + 1);
  if (!held.holds) return { outcome: 'below', next: up?.id ?? null, explanation: held.explanation };
  if (up) {
    const next = evaluateLevel(framework, up, ratings);
    if (next.holds) return { outcome: 'ready', next: up.id, explanation: next.explanation };
  }
  return { outcome: 'meets', next: up?.id ?? null, explanation: held.explanation };
}

/** One person as calibration reads them: their record, the manager's ratings, any adjustment. */
export interface CalibrationEntry {
  personId: number;
  level: string;
  team: string | null;
  /** Who wrote the manager assessment (their email). */
  manager: string;
  /** A recorded attribute, only for readers who may see it (gender). */
  gender?: string | undefined;
  /** The manager's submitted ratings. */
  ratings: Readonly<Record<string, number>>;
  adjusted?: { outcome: Outcome; reason: string } | undefined;
}

export interface Counts {
  below: number;
  meets: number;
  ready: number;
  total: number;
}

export interface GroupCounts extends Counts {
  key: string;
}

export interface Drift {
  manager: string;
  /** The manager's people at the levels where other managers rated someone too. */
  people: number;
  /** The other managers' people at those levels. */
  others: number;
  /** Mean rating of the manager's people minus the others' at the same level, weighted by the manager's people per level; null when no level is shared. */
  difference: number | null;
  levels: { level: string; people: number; mean: number; others: number; othersMean: number }[];
}

export interface Fairness {
  attribute: 'gender';
  shown: boolean;
  /** TOO_FEW when any group is smaller than FAIRNESS_MIN_GROUP; then no group is given. */
  note: string | null;
  groups: GroupCounts[];
}

export interface CalibrationSummary {
  people: number;
  adjusted: number;
  outcomes: Counts;
  byManager: GroupCounts[];
  byTeam: GroupCounts[];
  byLevel: GroupCounts[];
  byTrack: GroupCounts[];
  drift: Drift[];
  fairness?: Fairness;
}

export interface Judged extends CalibrationEntry {
  track: string;
  outcome: Outcome;
  computed: Outcome;
  explanation: string;
}

/** Every entry judged; entries whose level the framework does not have are left out. */
export function judge(framework: Framework, entries: readonly CalibrationEntry[]): Judged[] {
  const trackOf = new Map(framework.levels.map((l) => [l.id, l.track]));
  return entries.flatMap((entry) => {
    const verdict = outcomeOf(framework, entry.level, entry.ratings);
    if (!verdict) return [];
    return [
      {
        ...entry,
        track: trackOf.get(entry.level)!,
        computed: verdict.outcome,
        outcome: entry.adjusted?.outcome ?? verdict.outcome,
        explanation: entry.adjusted
          ? `Adjusted from "${outcomeWords[verdict.outcome]}" to "${outcomeWords[entry.adjusted.outcome]}": ${entry.adjusted.reason}`
          : verdict.explanation,
      },
    ];
  });
}

const empty = (): Counts => ({ below: 0, meets: 0, ready: 0, total: 0 });

function countBy(judged: readonly Judged[], keyOf: (j: Judged) => string): GroupCounts[] {
  const groups = new Map<string, Counts>();
  for (const j of judged) {
    const key = keyOf(j);
    let counts = groups.get(key);
    if (!counts) groups.set(key, (counts = empty()));
    counts[j.outcome]++;
    counts.total++;
  }
  return [...groups].map(([key, counts]) => ({ key, ...counts })).sort((a, b) => a.key.localeCompare(b.key));
}

/** A person's mean rating over the competencies rated; undefined when none is. */
function meanRating(ratings: Readonly<Record<string, number>>): number | undefined {
  const values = Object.values(ratings);
  return values.length === 0 ? undefined : values.reduce((s, v) => s + v, 0) / values.length;
}

/**
 * For each manager: at each level where they and other managers rated people, the mean of their
 * people's mean ratings minus the mean of the others' people's; overall, those differences weighted
 * by the manager's people at each level.
 */
export function ratingDrift(
  entries: readonly Pick<CalibrationEntry, 'manager' | 'level' | 'ratings'>[],
): Drift[] {
  // Per level: each manager's sum and count of person means, and the level's totals, so that
  // "the others" at a level is the total less the manager's own: one pass, whatever the size.
  const byLevel = new Map<
    string,
    { sum: number; count: number; managers: Map<string, { sum: number; count: number }> }
  >();
  for (const e of entries) {
    const m = meanRating(e.ratings);
    if (m === undefined) continue;
    let level = byLevel.get(e.level);
    if (!level) byLevel.set(e.level, (level = { sum: 0, count: 0, managers: new Map() }));
    level.sum += m;
    level.count++;
    const mine = level.managers.get(e.manager);
    if (mine) {
      mine.sum += m;
      mine.count++;
    } else level.managers.set(e.manager, { sum: m, count: 1 });
  }
  const sortedLevels = [...byLevel].sort(([a], [b]) => a.localeCompare(b));
  const managers = [...new Set(entries.map((e) => e.manager))].sort();
  return managers.map((manager) => {
    const levels: Drift['levels'] = [];
    for (const [level, totals] of sortedLevels) {
      const mine = totals.managers.get(manager);
      const others = totals.count - (mine?.count ?? 0);
      if (!mine || others === 0) continue;
      levels.push({
        level,
        people: mine.count,
        mean: mine.sum / mine.count,
        others,
        othersMean: (totals.sum - mine.sum) / others,
      });
    }
    const people = levels.reduce((s, l) => s + l.people, 0);
    return {
      manager,
      people,
      others: levels.reduce((s, l) => s + l.others, 0),
      difference:
        people === 0 ? null : levels.reduce((s, l) => s + l.people * (l.mean - l.othersMean), 0) / people,
      levels,
    };
  });
}

/** Outcomes by gender, each group shown only when every group has at least FAIRNESS_MIN_GROUP people. */
export function fairnessOf(judged: readonly Judged[]): Fairness {
  const groups = countBy(
    judged.filter((j) => j.gender !== undefined),
    (j) => j.gender!,
  );
  const shown = groups.length > 0 && groups.every((g) => g.total >= FAIRNESS_MIN_GROUP);
  return { attribute: 'gender', shown, note: shown ? null : TOO_FEW, groups: shown ? groups : [] };
}

/** The calibration summary of judged entries; the fairness view only when asked (for readers of gender). */
export function summarise(
  judged: readonly Judged[],
  options: { fairness?: boolean } = {},
): CalibrationSummary {
  const outcomesCount = empty();
  for (const j of judged) {
    outcomesCount[j.outcome]++;
    outcomesCount.total++;
  }
  return {
    people: judged.length,
    adjusted: judged.filter((j) => j.adjusted !== undefined).length,
    outcomes: outcomesCount,
    byManager: countBy(judged, (j) => j.manager),
    byTeam: countBy(judged, (j) => j.team ?? '(no team)'),
    byLevel: countBy(judged, (j) => j.level),
    byTrack: countBy(judged, (j) => j.track),
    drift: ratingDrift(judged),
    ...(options.fairness ? { fairness: fairnessOf(judged) } : {}),
  };
}

/** The calibration summary of a cycle's entries. */
export function calibrate(
  framework: Framework,
  entries: readonly CalibrationEntry[],
  options: { fairness?: boolean } = {},
): CalibrationSummary {
  return summarise(judge(framework, entries), options);
}
