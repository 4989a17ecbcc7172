import type { Framework } from '../framework/schema.js';
import { medianCounted } from '../pay/stats.js';
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

/**
 * What the report is made of, counted: a store may count it in SQL (GROUP BY), and
 * `structureCounts` counts it from people's records, so that each figure has one implementation
 * (`structureFrom`) whichever way its counts came.
 */
export interface StructureCounts {
  /** Active people by level. */
  active: ReadonlyMap<string, number>;
  /** People who left, by the level they left from. */
  left: ReadonlyMap<string, number>;
  /** Each active manager's active direct reports, by the manager's email. */
  reports: ReadonlyMap<string, number>;
  /** The active manager of each active manager at least (of anyone else too, if at hand), by email. */
  managerOf: ReadonlyMap<string, string>;
  /** Active people by level and the day the level began. */
  levelStarts: readonly { level: string; from: string; people: number }[];
}

const DAY = 86_400_000;
const yearsBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY / 365.25;

/** The counts of `people`'s records, as a store's GROUP BY queries count them. */
export function structureCounts(people: readonly StructurePerson[]): StructureCounts {
  const active = people.filter((p) => p.status === 'active');
  const count = (list: readonly StructurePerson[]) => {
    const counts = new Map<string, number>();
    for (const p of list) counts.set(p.level, (counts.get(p.level) ?? 0) + 1);
    return counts;
  };
  const reports = new Map<string, number>();
  const managerOf = new Map<string, string>();
  const emails = new Set(active.map((p) => p.email));
  for (const p of active)
    if (p.managerEmail !== undefined && emails.has(p.managerEmail)) {
      reports.set(p.managerEmail, (reports.get(p.managerEmail) ?? 0) + 1);
      managerOf.set(p.email, p.managerEmail);
    }
  const starts = new Map<string, { level: string; from: string; people: number }>();
  for (const p of active) {
    const key = `${p.level} ${p.levelStartDate}`;
    const known = starts.get(key);
    if (known) known.people++;
    else starts.set(key, { level: p.level, from: p.levelStartDate, people: 1 });
  }
  return {
    active: count(active),
    left: count(people.filter((p) => p.status === 'left')),
    reports,
    managerOf,
    levelStarts: [...starts.values()],
  };
}

export function structureReport(
  people: readonly StructurePerson[],
  framework: Framework,
  asOf: string,
  promotion: PromotionInput = { histories: [] },
): StructureReport {
  return structureFrom(structureCounts(people), framework, asOf, promotion);
}

/** The report from its counts (`structureCounts`, or a store's SQL over the same definitions). */
export function structureFrom(
  counts: StructureCounts,
  framework: Framework,
  asOf: string,
  promotion: PromotionInput = { histories: [] },
): StructureReport {
  const order = new Map(framework.levels.map((l, index) => [l.id, index]));
  const byOrder = (a: string, b: string) =>
    (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b);
  const headcount = framework.levels
    .filter((l) => counts.active.has(l.id))
    .map((l) => ({ level: l.id, track: l.track, band: l.band, people: counts.active.get(l.id)! }));

  const spans = [...counts.reports.entries()]
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

  // Managers above each manager, memoised; the tree is checked acyclic on every write.
  const { managerOf } = counts;
  const above = new Map<string, number>();
  const depth = (person: string): number => {
    const known = above.get(person);
    if (known !== undefined) return known;
    const manager = managerOf.get(person);
    const value = manager === undefined ? 0 : depth(manager) + 1;
    above.set(person, value);
    return value;
  };
  let layers = 0;
  for (const manager of counts.reports.keys()) layers = Math.max(layers, depth(manager) + 1);

  const yearsByLevel = new Map<string, { value: number; count: number }[]>();
  for (const start of counts.levelStarts) {
    const list = yearsByLevel.get(start.level) ?? [];
    list.push({ value: yearsBetween(start.from, asOf), count: start.people });
    yearsByLevel.set(start.level, list);
  }
  const timeInLevel = framework.levels
    .filter((l) => yearsByLevel.has(l.id))
    .map((l) => {
      const years = yearsByLevel.get(l.id)!.sort((a, b) => a.value - b.value);
      let people = 0;
      let beyondTypical = 0;
      for (const y of years) {
        people += y.count;
        if (y.value > l.years.max) beyondTypical += y.count;
      }
      return {
        level: l.id,
        people,
        medianYears: medianCounted(years),
        typical: { min: l.years.min, max: l.years.max },
        beyondTypical,
      };
    });

  const leavers = [...counts.left.keys()]
    .sort(byOrder)
    .map((level) => ({ level, people: counts.left.get(level)! }));
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
