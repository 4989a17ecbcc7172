import type { CalibrationEntry, OutcomeGroup } from './calibration.js';

/**
 * Rating drift: how far each manager's ratings run from the other managers' at the same level,
 * with the group sizes the difference rests on.
 */

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

/** A person's mean rating over the competencies rated; undefined when none is. */
export function meanRating(ratings: Readonly<Record<string, number>>): number | undefined {
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
  return driftOf(
    entries.map((e) => {
      const mean = meanRating(e.ratings);
      return { manager: e.manager, level: e.level, ratingSum: mean ?? 0, rated: mean === undefined ? 0 : 1 };
    }),
  );
}

/** The drift figures from groups: per level each manager's sum and count of person means. */
export function driftOf(
  groups: readonly Pick<OutcomeGroup, 'manager' | 'level' | 'ratingSum' | 'rated'>[],
): Drift[] {
  // Per level: each manager's sum and count of person means, and the level's totals, so that
  // "the others" at a level is the total less the manager's own: one pass, whatever the size.
  const byLevel = new Map<
    string,
    { sum: number; count: number; managers: Map<string, { sum: number; count: number }> }
  >();
  for (const g of groups) {
    if (g.rated === 0) continue;
    let level = byLevel.get(g.level);
    if (!level) byLevel.set(g.level, (level = { sum: 0, count: 0, managers: new Map() }));
    level.sum += g.ratingSum;
    level.count += g.rated;
    const mine = level.managers.get(g.manager);
    if (mine) {
      mine.sum += g.ratingSum;
      mine.count += g.rated;
    } else level.managers.set(g.manager, { sum: g.ratingSum, count: g.rated });
  }
  const sortedLevels = [...byLevel].sort(([a], [b]) => a.localeCompare(b));
  const managers = [...new Set(groups.map((g) => g.manager))].sort();
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
