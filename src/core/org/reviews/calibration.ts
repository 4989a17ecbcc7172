import { evaluateLevel } from '../../assessment/evaluate.js';
import type { Framework } from '../../framework/schema.js';
import { driftOf, meanRating, type Drift } from './drift.js';

export { ratingDrift, type Drift } from './drift.js';

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

/** One person's outcome as calibration lists it. */
export interface CalibrationItem {
  personId: number;
  level: string;
  track: string;
  team: string | null;
  manager: string;
  outcome: Outcome;
  computed: Outcome;
  adjusted?: { outcome: Outcome; reason: string } | undefined;
  explanation: string;
}

export interface Judged extends CalibrationEntry, CalibrationItem {}

/** What a submitted assessment keeps for calibration: its verdict and its mean rating. */
export interface StoredOutcome {
  /** The level it was judged against (the person's level when it was submitted). */
  level: string;
  outcome: Outcome | null;
  explanation: string | null;
  /** The mean of its ratings, as the drift figures read a person; null when nothing was rated. */
  mean: number | null;
}

/** The verdict and mean rating an assessment keeps when it is submitted (outcome null for a level the framework lacks). */
export function storedOutcome(
  framework: Framework,
  levelId: string,
  ratings: Readonly<Record<string, number>>,
): StoredOutcome {
  const verdict = outcomeOf(framework, levelId, ratings);
  return {
    level: levelId,
    outcome: verdict?.outcome ?? null,
    explanation: verdict?.explanation ?? null,
    mean: meanRating(ratings) ?? null,
  };
}

/** The explanation calibration shows: the rules' own, or the adjustment and its reason. */
export function explained(
  computed: Outcome,
  explanation: string,
  adjusted: { outcome: Outcome; reason: string } | undefined,
): string {
  return adjusted
    ? `Adjusted from "${outcomeWords[computed]}" to "${outcomeWords[adjusted.outcome]}": ${adjusted.reason}`
    : explanation;
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
        explanation: explained(verdict.outcome, verdict.explanation, entry.adjusted),
      },
    ];
  });
}

/**
 * People sharing a manager, team, level, gender and outcome, counted: what the store's GROUP BY
 * answers, so that calibration never loads every assessment. `ratingSum` and `rated` add up the
 * people's mean ratings (those who rated anything) for the drift figures.
 */
export interface OutcomeGroup {
  manager: string;
  team: string | null;
  level: string;
  gender?: string | undefined;
  outcome: Outcome;
  people: number;
  adjusted: number;
  ratingSum: number;
  rated: number;
}

/** Judged people as groups of one, for `summarise` over entries already judged. */
export function groupsOf(
  entries: readonly (Pick<
    CalibrationEntry,
    'manager' | 'team' | 'level' | 'gender' | 'ratings' | 'adjusted'
  > & {
    outcome: Outcome;
  })[],
): OutcomeGroup[] {
  return entries.map((e) => {
    const mean = meanRating(e.ratings);
    return {
      manager: e.manager,
      team: e.team,
      level: e.level,
      ...(e.gender !== undefined && { gender: e.gender }),
      outcome: e.outcome,
      people: 1,
      adjusted: e.adjusted ? 1 : 0,
      ratingSum: mean ?? 0,
      rated: mean === undefined ? 0 : 1,
    };
  });
}

const empty = (): Counts => ({ below: 0, meets: 0, ready: 0, total: 0 });

function countBy(groups: readonly OutcomeGroup[], keyOf: (g: OutcomeGroup) => string): GroupCounts[] {
  const counted = new Map<string, Counts>();
  for (const g of groups) {
    const key = keyOf(g);
    let counts = counted.get(key);
    if (!counts) counted.set(key, (counts = empty()));
    counts[g.outcome] += g.people;
    counts.total += g.people;
  }
  return [...counted].map(([key, counts]) => ({ key, ...counts })).sort((a, b) => a.key.localeCompare(b.key));
}

/** Outcomes by gender, each group shown only when every group has at least FAIRNESS_MIN_GROUP people. */
export function fairnessOf(groups: readonly OutcomeGroup[]): Fairness {
  const counted = countBy(
    groups.filter((g) => g.gender !== undefined),
    (g) => g.gender!,
  );
  const shown = counted.length > 0 && counted.every((g) => g.total >= FAIRNESS_MIN_GROUP);
  return { attribute: 'gender', shown, note: shown ? null : TOO_FEW, groups: shown ? counted : [] };
}

/**
 * The calibration summary of outcome groups; groups at a level the framework lacks are left out.
 * The fairness view only when asked (for readers of gender).
 */
export function summariseGroups(
  framework: Framework,
  all: readonly OutcomeGroup[],
  options: { fairness?: boolean } = {},
): CalibrationSummary {
  const trackOf = new Map(framework.levels.map((l) => [l.id, l.track]));
  const groups = all.filter((g) => trackOf.has(g.level));
  const outcomesCount = empty();
  for (const g of groups) {
    outcomesCount[g.outcome] += g.people;
    outcomesCount.total += g.people;
  }
  return {
    people: outcomesCount.total,
    adjusted: groups.reduce((s, g) => s + g.adjusted, 0),
    outcomes: outcomesCount,
    byManager: countBy(groups, (g) => g.manager),
    byTeam: countBy(groups, (g) => g.team ?? '(no team)'),
    byLevel: countBy(groups, (g) => g.level),
    byTrack: countBy(groups, (g) => trackOf.get(g.level)!),
    drift: driftOf(groups),
    ...(options.fairness ? { fairness: fairnessOf(groups) } : {}),
  };
}

/** The calibration summary of judged entries. */
export function summarise(
  framework: Framework,
  judged: readonly Judged[],
  options: { fairness?: boolean } = {},
): CalibrationSummary {
  return summariseGroups(framework, groupsOf(judged), options);
}

/** The calibration summary of a cycle's entries. */
export function calibrate(
  framework: Framework,
  entries: readonly CalibrationEntry[],
  options: { fairness?: boolean } = {},
): CalibrationSummary {
  return summarise(framework, judge(framework, entries), options);
}
