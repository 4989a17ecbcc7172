import { DEFAULT_MIN_GROUP } from '../pay/gap.js';
import { median } from '../pay/stats.js';

/**
 * Promotion rate and time to promotion by level, over a window of dates (`since` to `until`, both
 * ISO days). A promotion is a move to a level of a higher band: a switch of track at the same band
 * (a Staff engineer becoming an Engineering manager, the seed's parity) is not one, nor is a move
 * down. For each level: the people who held it on the window's first day (not left by then); how
 * many of them moved out of it to a higher band within the window, their next level beginning after
 * `since` and on or before `until` (the rate is that share); and the median time they had spent in
 * the level when they moved. A level held by fewer than `minGroup` people at the start is
 * suppressed: its people count shows, its promotions, rate and median do not.
 */

export interface PromotionHistory {
  /** Whose: one entry per person. */
  leaveDate?: string | undefined;
  /** The levels held, oldest first, each with its band. */
  held: readonly { level: string; band: number; from: string }[];
}

export interface PromotionRow {
  level: string;
  track: string;
  band: number;
  /** People who held the level on the window's first day. */
  people: number;
  promoted: number | null;
  rate: number | null;
  medianYearsToPromotion: number | null;
  suppressed: boolean;
}

export interface PromotionFigures {
  since: string;
  until: string;
  minGroup: number;
  levels: PromotionRow[];
}

const DAY = 86_400_000;
const years = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY / 365.25;

/** The day twelve months before `day` (ISO), the window's default start. */
export function yearBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - 1, m - 1, d));
  // 29 February less a year is 1 March; keep within the month instead.
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

export function promotionFigures(
  histories: readonly PromotionHistory[],
  levels: readonly { id: string; track: string; band: number }[],
  window: { since: string; until: string; minGroup?: number | undefined },
): PromotionFigures {
  const { since, until } = window;
  const minGroup = window.minGroup ?? DEFAULT_MIN_GROUP;
  const held = new Map<string, number>();
  const moved = new Map<string, number[]>();
  for (const h of histories) {
    if (h.leaveDate !== undefined && h.leaveDate <= since) continue;
    // The level held on `since`: the last one begun on or before it.
    let at = -1;
    for (let i = 0; i < h.held.length && h.held[i]!.from <= since; i++) at = i;
    if (at < 0) continue;
    const current = h.held[at]!;
    held.set(current.level, (held.get(current.level) ?? 0) + 1);
    const next = h.held[at + 1];
    if (next && next.from <= until && next.band > current.band) {
      const list = moved.get(current.level) ?? [];
      list.push(years(current.from, next.from));
      moved.set(current.level, list);
    }
  }
  const rows = levels
    .filter((l) => held.has(l.id))
    .map((l): PromotionRow => {
      const people = held.get(l.id)!;
      const times = moved.get(l.id) ?? [];
      const suppressed = people < minGroup;
      return {
        level: l.id,
        track: l.track,
        band: l.band,
        people,
        promoted: suppressed ? null : times.length,
        rate: suppressed ? null : times.length / people,
        medianYearsToPromotion: suppressed ? null : median(times),
        suppressed,
      };
    });
  return { since, until, minGroup, levels: rows };
}
