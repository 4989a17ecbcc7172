import type { Framework } from '../framework/schema.js';
import { median } from '../pay/stats.js';
import type { Person } from './person.js';
import { promotionFigures, yearBefore, type PromotionFigures, type PromotionHistory } from './promotion.js';

/**
 * The organisation's shape: headcount by level and track (the pyramid), span of control per
 * manager (flagged under 3 or over 10 direct reports; the seed's manager leads five to ten),
 * management layers, time in level against the framework's typical years, and leavers by level.
 * Active people only, except for leavers. `asOf` is the day the times are measured to.
 */

export const SPAN_MIN = 3;
export const SPAN_MAX = 10;

export interface StructureReport {
  asOf: string;
  headcount: { level: string; track: string; band: number; people: number }[];
  spans: { manager: string; directReports: number; flag: 'under 3' | 'over 10' | null }[];
  /** The most managers above anyone, counting the top: 1 for a flat team under one lead. */
  layers: number;
  timeInLevel: {
    level: string;
    people: number;
    medianYears: number | null;
    typical: { min: number; max: number };
    /** People longer in the level than its typical maximum. */
    beyondTypical: number;
  }[];
  leavers: { level: string; people: number }[];
  /** Promotion rate and time to promotion by level over the window (`promotion.ts`). */
  promotions: PromotionFigures;
}

/** The promotion window (default: the twelve months to `asOf`) and the levels people held. */
export interface PromotionInput {
  histories: readonly PromotionHistory[];
  since?: string | undefined;
  until?: string | undefined;
  minGroup?: number | undefined;
}

type StructurePerson = Pick<Person, 'email' | 'level' | 'managerEmail' | 'status' | 'levelStartDate'>;

const DAY = 86_400_000;
const yearsBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY / 365.25;

export function structureReport(
  people: readonly StructurePerson[],
  framework: Framework,
  asOf: string,
  promotion: PromotionInput = { histories: [] },
): StructureReport {
  const active = people.filter((p) => p.status === 'active');
  const order = new Map(framework.levels.map((l, index) => [l.id, index]));
  const byOrder = (a: string, b: string) =>
    (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b);
  const count = (list: readonly StructurePerson[]) => {
    const counts = new Map<string, number>();
    for (const p of list) counts.set(p.level, (counts.get(p.level) ?? 0) + 1);
    return counts;
  };
  const activeCounts = count(active);
  const headcount = framework.levels
    .filter((l) => activeCounts.has(l.id))
    .map((l) => ({ level: l.id, track: l.track, band: l.band, people: activeCounts.get(l.id)! }));

  const reports = new Map<string, number>();
  const managerOf = new Map<string, string>();
  const emails = new Set(active.map((p) => p.email));
  for (const p of active)
    if (p.managerEmail !== undefined && emails.has(p.managerEmail)) {
      reports.set(p.managerEmail, (reports.get(p.managerEmail) ?? 0) + 1);
      managerOf.set(p.email, p.managerEmail);
    }
  const spans = [...reports.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([manager, directReports]) => ({
      manager,
      directReports,
      flag:
        directReports < SPAN_MIN
          ? ('under 3' as const)
          : directReports > SPAN_MAX
            ? ('over 10' as const)
            : null,
    }));

  // Managers above each person, memoised; the tree is checked acyclic on every write.
  const above = new Map<string, number>();
  const depth = (email: string): number => {
    const known = above.get(email);
    if (known !== undefined) return known;
    const manager = managerOf.get(email);
    const value = manager === undefined ? 0 : depth(manager) + 1;
    above.set(email, value);
    return value;
  };
  let layers = 0;
  for (const p of active) if (reports.has(p.email)) layers = Math.max(layers, depth(p.email) + 1);

  const yearsByLevel = new Map<string, number[]>();
  for (const p of active) {
    const list = yearsByLevel.get(p.level) ?? [];
    list.push(yearsBetween(p.levelStartDate, asOf));
    yearsByLevel.set(p.level, list);
  }
  const timeInLevel = framework.levels
    .filter((l) => yearsByLevel.has(l.id))
    .map((l) => {
      const years = yearsByLevel.get(l.id)!;
      return {
        level: l.id,
        people: years.length,
        medianYears: median(years),
        typical: { min: l.years.min, max: l.years.max },
        beyondTypical: years.filter((y) => y > l.years.max).length,
      };
    });

  const leaverCounts = count(people.filter((p) => p.status === 'left'));
  const leavers = [...leaverCounts.keys()]
    .sort(byOrder)
    .map((level) => ({ level, people: leaverCounts.get(level)! }));
  const until = promotion.until ?? asOf;
  const promotions = promotionFigures(promotion.histories, framework.levels, {
    since: promotion.since ?? yearBefore(until),
    until,
    minGroup: promotion.minGroup,
  });
  return { asOf, headcount, spans, layers, timeInLevel, leavers, promotions };
}

/** Each table of the report as CSV rows, header first, by name. */
export function structureTables(report: StructureReport): Record<string, string[][]> {
  const round = (n: number | null) => (n === null ? '' : n.toFixed(2));
  return {
    headcount: [
      ['level', 'track', 'band', 'people'],
      ...report.headcount.map((h) => [h.level, h.track, String(h.band), String(h.people)]),
    ],
    spans: [
      ['manager', 'direct_reports', 'flag'],
      ...report.spans.map((s) => [s.manager, String(s.directReports), s.flag ?? '']),
    ],
    layers: [['layers'], [String(report.layers)]],
    'time-in-level': [
      ['level', 'people', 'median_years', 'typical_min', 'typical_max', 'beyond_typical'],
      ...report.timeInLevel.map((t) => [
        t.level,
        String(t.people),
        round(t.medianYears),
        String(t.typical.min),
        String(t.typical.max),
        String(t.beyondTypical),
      ]),
    ],
    leavers: [['level', 'people'], ...report.leavers.map((l) => [l.level, String(l.people)])],
    promotions: [
      ['level', 'track', 'band', 'people', 'promoted', 'rate', 'median_years_to_promotion', 'suppressed'],
      ...report.promotions.levels.map((p) => [
        p.level,
        p.track,
        String(p.band),
        String(p.people),
        p.promoted === null ? '' : String(p.promoted),
        p.rate === null ? '' : p.rate.toFixed(4),
        round(p.medianYearsToPromotion),
        p.suppressed ? 'yes' : '',
      ]),
    ],
  };
}
