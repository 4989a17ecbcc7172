import type { Minor } from '../comp/money.js';
import type { Gender } from '../org/person.js';
import { fullTime, gap, meanGapReaches, medianSorted, sum } from './stats.js';

/**
 * The gender pay-gap report of the EU Pay Transparency Directive (2023/970, Article 9), over one
 * period. Pay is FTE-adjusted (annual figure ÷ fte); a gap is (men's figure − women's figure) ÷
 * men's figure, as a fraction, so a positive gap means men are paid more. The report compares women
 * and men: people of another or no stated gender are not in its figures.
 */

/** One worker's pay in the period, with what the report groups them by. */
export interface PayWorker {
  gender: Gender | undefined;
  /** The category of work of equal value (a band, a level or a custom group). */
  category: string;
  base: Minor;
  variable: Minor;
  fte: number;
}

export interface GapPair {
  meanGap: number | null;
  medianGap: number | null;
}

export interface QuartileShare {
  quartile: 1 | 2 | 3 | 4;
  women: number | null;
  men: number | null;
}

export interface CategoryGap extends GapPair {
  category: string;
  women: number;
  men: number;
  flagged: boolean;
  suppressed: boolean;
  /** The objective, gender-neutral justification hr recorded, when there is one. */
  justification?: string;
}

export interface PayGapReport {
  period: string;
  currency: string;
  workers: { women: number; men: number };
  pay: GapPair;
  variable: GapPair & { share: { women: number | null; men: number | null } };
  quartiles: QuartileShare[];
  categories: CategoryGap[];
}

export interface PayGapOptions {
  period: string;
  currency: string;
  /** A category with fewer women or fewer men than this is suppressed: its gaps are null. */
  minGroup?: number;
  /** Category → justification. */
  justifications?: ReadonlyMap<string, string>;
}

export const DEFAULT_MIN_GROUP = 5;

interface Counted {
  man: boolean;
  pay: number;
  variable: number;
  category: string;
}

/** The report, exactly as `trellis org report pay-gap --json` prints it. */
export function payGapReport(workers: readonly PayWorker[], options: PayGapOptions): PayGapReport {
  const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
  const counted: Counted[] = [];
  for (const w of workers) {
    if (w.gender !== 'woman' && w.gender !== 'man') continue;
    counted.push({
      man: w.gender === 'man',
      pay: fullTime(w.base + w.variable, w.fte),
      variable: fullTime(w.variable, w.fte),
      category: w.category,
    });
  }
  counted.sort((a, b) => a.pay - b.pay);
  const women = counted.filter((w) => !w.man);
  const men = counted.filter((w) => w.man);
  const withVariable = (group: Counted[]) => group.filter((w) => w.variable > 0);
  const variableWomen = withVariable(women);
  const variableMen = withVariable(men);

  const byCategory = new Map<string, Counted[]>();
  for (const w of counted) {
    const list = byCategory.get(w.category);
    if (list) list.push(w);
    else byCategory.set(w.category, [w]);
  }
  const categories = [...byCategory.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([category, list]): CategoryGap => {
      const cw = list.filter((w) => !w.man);
      const cm = list.filter((w) => w.man);
      const suppressed = cw.length < minGroup || cm.length < minGroup;
      const gaps = suppressed ? { meanGap: null, medianGap: null } : gapsOf(cm, cw, (w) => w.pay);
      const sumOf = (group: Counted[]) => sum(group.map((w) => w.pay));
      const justification = options.justifications?.get(category);
      return {
        category,
        women: cw.length,
        men: cm.length,
        ...gaps,
        flagged: !suppressed && meanGapReaches(sumOf(cm), cm.length, sumOf(cw), cw.length),
        suppressed,
        ...(justification === undefined ? {} : { justification }),
      };
    });

  return {
    period: options.period,
    currency: options.currency,
    workers: { women: women.length, men: men.length },
    pay: gapsOf(men, women, (w) => w.pay),
    variable: {
      ...gapsOf(sortedBy(variableMen), sortedBy(variableWomen), (w) => w.variable),
      share: {
        women: women.length === 0 ? null : variableWomen.length / women.length,
        men: men.length === 0 ? null : variableMen.length / men.length,
      },
    },
    quartiles: quartiles(counted),
    categories,
  };
}

/** The groups sorted by variable pay (they come sorted by total pay). */
function sortedBy(group: Counted[]): Counted[] {
  return [...group].sort((a, b) => a.variable - b.variable);
}

/** Mean and median gaps of one figure, each group already sorted by that figure. */
function gapsOf(men: Counted[], women: Counted[], figure: (w: Counted) => number): GapPair {
  const figures = (group: Counted[]) => group.map(figure);
  const m = figures(men);
  const w = figures(women);
  const mean = (values: number[]) => (values.length === 0 ? null : sum(values) / values.length);
  return { meanGap: gap(mean(m), mean(w)), medianGap: gap(medianSorted(m), medianSorted(w)) };
}

/**
 * The pay quartiles: every worker ordered by pay and cut into four groups as equal as possible,
 * quartile q holding the positions floor((q − 1) × n ÷ 4) to floor(q × n ÷ 4) − 1 (quartile 1 the
 * lowest paid). Where people of equal pay straddle a cut, no one of them is placed above another
 * by the order they happen to come in: each quartile takes its seats of that tie in the tie's own
 * proportion of women and men. So the fractions depend on pay alone, never on the input's order.
 */
export function quartiles(sorted: readonly { man: boolean; pay: number }[]): QuartileShare[] {
  const n = sorted.length;
  const cut = [0, 1, 2, 3, 4].map((q) => Math.floor((q * n) / 4));
  const women = [0, 0, 0, 0];
  const men = [0, 0, 0, 0];
  for (let start = 0; start < n;) {
    let end = start;
    let menInTie = 0;
    while (end < n && sorted[end]!.pay === sorted[start]!.pay) {
      if (sorted[end]!.man) menInTie++;
      end++;
    }
    const size = end - start;
    for (let q = 0; q < 4; q++) {
      const seats = Math.max(0, Math.min(end, cut[q + 1]!) - Math.max(start, cut[q]!));
      if (seats === 0) continue;
      men[q]! += (seats * menInTie) / size;
      women[q]! += (seats * (size - menInTie)) / size;
    }
    start = end;
  }
  return ([1, 2, 3, 4] as const).map((quartile) => {
    const size = cut[quartile]! - cut[quartile - 1]!;
    return {
      quartile,
      women: size === 0 ? null : women[quartile - 1]! / size,
      men: size === 0 ? null : men[quartile - 1]! / size,
    };
  });
}
