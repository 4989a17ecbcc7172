import type { Framework, Level, PointsRule, PromotionRule } from '../framework/schema.js';
import type { LevelVerdict } from './evaluate.js';
import { levelVerdict } from './verdict.js';

/*
 * The `points` promotion rule (Medium's Snowflake): each rating is worth the points of a table,
 * optionally weighted per competency or group; a level is met when the sum reaches its threshold,
 * and titles are held within ranges of points.
 */

type Ratings = Readonly<Record<string, number>>;

export interface PointsTally {
  total: number;
  byGroup: Record<string, number>;
}

/** What the ratings are worth. An unrated competency, or a rating the table leaves out, is worth 0. */
export function tallyPoints(framework: Framework, points: PointsRule, ratings: Ratings): PointsTally {
  const byGroup: Record<string, number> = {};
  let total = 0;
  for (const c of framework.competencies) {
    const rating = ratings[c.id];
    const worth = rating === undefined ? 0 : (points.table[String(rating)] ?? 0);
    const earned = worth * (points.weights[c.id] ?? points.weights[c.group] ?? 1);
    byGroup[c.group] = (byGroup[c.group] ?? 0) + earned;
    total += earned;
  }
  return { total, byGroup };
}

/** The titles the points make one eligible for, in the order the rule lists them. */
export function eligibleTitles(points: PointsRule, tally: PointsTally): string[] {
  return points.titles
    .filter(
      (t) =>
        (t.minPoints === undefined || tally.total >= t.minPoints) &&
        (t.maxPoints === undefined || tally.total <= t.maxPoints) &&
        Object.entries(t.minPointsPerGroup).every(([group, min]) => (tally.byGroup[group] ?? 0) >= min),
    )
    .map((t) => t.title);
}

/** A points rule in plain words. */
export function describePointsRule(points: PointsRule): string {
  const table = Object.entries(points.table)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([rating, worth]) => `${rating} → ${worth}`)
    .join(', ');
  const weights = Object.entries(points.weights);
  return `the ratings' points (${table}${weights.length > 0 ? `; weighted ${weights.map(([id, w]) => `${id} ×${w}`).join(', ')}` : ''}) add up to at least the level's threshold`;
}

/**
 * One level under a points rule. `met` and `total` are the points held (up to the threshold) and
 * the threshold, so "45 of 50" reads as five points short.
 */
export function evaluatePointsLevel(
  framework: Framework,
  level: Level,
  rule: PromotionRule & { points: PointsRule },
  ruleText: string,
  ratings: Ratings,
): LevelVerdict & { points: number; threshold: number | null } {
  const tally = tallyPoints(framework, rule.points, ratings);
  const threshold = rule.points.thresholds[level.id];
  const holds = threshold !== undefined && tally.total >= threshold;
  const reason =
    threshold === undefined
      ? `the rule sets no threshold for ${level.id}`
      : holds
        ? `${tally.total} points reach the threshold of ${threshold}`
        : `${tally.total} points, ${threshold - tally.total} short of the threshold of ${threshold}`;
  return {
    ...levelVerdict(level, rule, ruleText, {
      holds,
      met: Math.min(tally.total, threshold ?? 0),
      total: threshold ?? 0,
      gaps: [],
      reasons: [reason],
    }),
    points: tally.total,
    threshold: threshold ?? null,
  };
}

export interface PointsSummary {
  rule: string;
  total: number;
  titles: string[];
}

/** For a framework with a points rule: the sum of points and the titles it makes one eligible for. */
export function pointsSummary(framework: Framework, ratings: Ratings): { points?: PointsSummary } {
  const rule = framework.promotionRules.find((r) => r.kind === 'points' && r.points);
  if (!rule?.points) return {};
  const tally = tallyPoints(framework, rule.points, ratings);
  return { points: { rule: rule.id, total: tally.total, titles: eligibleTitles(rule.points, tally) } };
}

/** What a frame of points rules needs beyond its schema, reported the way the semantic rules report. */
export interface PointsCheckInput {
  levels: { index: number; value: Pick<Level, 'id' | 'track' | 'rank'> }[];
  competencies: { value: { id: string; group: string } }[];
  groups: { value: { id: string } }[];
  promotionRules: { index: number; value: PromotionRule }[];
  governing: (level: Pick<Level, 'id' | 'track'>) => PromotionRule[];
}

/**
 * Thresholds and weights name real levels, competencies and groups; every level a points rule
 * governs has a threshold; thresholds do not fall as rank rises on a track.
 */
export function checkPointsRules(
  fw: PointsCheckInput,
  report: (path: (string | number)[], message: string, code: string, severity?: 'error' | 'warning') => void,
): void {
  const levels = new Set(fw.levels.map((l) => l.value.id));
  const competencies = new Set(fw.competencies.map((c) => c.value.id));
  const groups = new Set(fw.groups.map((g) => g.value.id));
  for (const { index, value: rule } of fw.promotionRules) {
    const points = rule.points;
    if (rule.kind !== 'points' || !points) continue;
    const at = ['promotionRules', index, 'points'];
    for (const id of Object.keys(points.thresholds))
      if (!levels.has(id))
        report(
          [...at, 'thresholds', id],
          `rule "${rule.id}" sets a threshold for unknown level "${id}"`,
          'unknown-reference',
        );
    for (const id of Object.keys(points.weights))
      if (!competencies.has(id) && !groups.has(id))
        report(
          [...at, 'weights', id],
          `rule "${rule.id}" weights "${id}", which is neither a competency nor a group`,
          'unknown-reference',
        );
    points.titles.forEach((t, i) => {
      for (const group of Object.keys(t.minPointsPerGroup))
        if (!groups.has(group))
          report(
            [...at, 'titles', i, 'minPointsPerGroup', group],
            `title "${t.title}" names unknown group "${group}"`,
            'unknown-reference',
          );
    });
  }
  const lastByTrack = new Map<string, { id: string; threshold: number }>();
  for (const { index, value: level } of [...fw.levels].sort((a, b) => a.value.rank - b.value.rank)) {
    const rule = fw.governing(level)[0];
    if (rule?.kind !== 'points' || !rule.points) continue;
    const threshold = rule.points.thresholds[level.id];
    if (threshold === undefined) {
      report(
        ['levels', index],
        `level "${level.id}" is governed by points rule "${rule.id}", which sets no threshold for it`,
        'missing-threshold',
      );
      continue;
    }
    const below = lastByTrack.get(level.track);
    if (below && threshold < below.threshold)
      report(
        [
          'promotionRules',
          fw.promotionRules.find((r) => r.value === rule)?.index ?? 0,
          'points',
          'thresholds',
          level.id,
        ],
        `the threshold of "${level.id}" (${threshold}) is below that of "${below.id}" (${below.threshold}), a lower rank`,
        'falling-threshold',
        'warning',
      );
    lastByTrack.set(level.track, { id: level.id, threshold });
  }
}
