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

/** One group's figures, from its values sorted ascending: each list is sorted once. */
interface Figures {
  n: number;
  /** Exact while the values are integer minor units (below 2^53 in all). */
  sum: number;
  mean: number | null;
  median: number | null;
}

function figuresOf(values: readonly number[]): Figures & { sorted: Float64Array } {
  const sorted = Float64Array.from(values).sort();
  const total = sum(sorted);
  const n = sorted.length;
  return { n, sum: total, mean: n === 0 ? null : total / n, median: medianSorted(sorted), sorted };
}

const gapsOf = (men: Figures, women: Figures): GapPair => ({
  meanGap: gap(men.mean, women.mean),
  medianGap: gap(men.median, women.median),
});

/** The report, exactly as `trellis org report pay-gap --json` prints it. */
export function payGapReport(workers: readonly PayWorker[], options: PayGapOptions): PayGapReport {
  const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
  // Each gender's FTE-adjusted pay, overall and per category, and variable pay among those with any.
  const pay = { women: [] as number[], men: [] as number[] };
  const variable = { women: [] as number[], men: [] as number[] };
  const byCategory = new Map<string, { women: number[]; men: number[] }>();
  for (const w of workers) {
    if (w.gender !== 'woman' && w.gender !== 'man') continue;
    const group = w.gender === 'man' ? 'men' : 'women';
    const total = fullTime(w.base + w.variable, w.fte);
    const extra = fullTime(w.variable, w.fte);
    pay[group].push(total);
    if (extra > 0) variable[group].push(extra);
    let category = byCategory.get(w.category);
    if (!category) byCategory.set(w.category, (category = { women: [], men: [] }));
    category[group].push(total);
  }
  const women = figuresOf(pay.women);
  const men = figuresOf(pay.men);
  const variableWomen = figuresOf(variable.women);
  const variableMen = figuresOf(variable.men);

  const categories = [...byCategory.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([category, list]): CategoryGap => {
      const cw = figuresOf(list.women);
      const cm = figuresOf(list.men);
      const suppressed = cw.n < minGroup || cm.n < minGroup;
      const justification = options.justifications?.get(category);
      return {
        category,
        women: cw.n,
        men: cm.n,
        ...(suppressed ? { meanGap: null, medianGap: null } : gapsOf(cm, cw)),
        flagged: !suppressed && meanGapReaches(cm.sum, cm.n, cw.sum, cw.n),
        suppressed,
        ...(justification === undefined ? {} : { justification }),
      };
    });

  return {
    period: options.period,
    currency: options.currency,
    workers: { women: women.n, men: men.n },
    pay: gapsOf(men, women),
    variable: {
      ...gapsOf(variableMen, variableWomen),
      share: {
        women: women.n === 0 ? null : variableWomen.n / women.n,
        men: men.n === 0 ? null : variableMen.n / men.n,
      },
    },
    quartiles: quartilesOf(women.sorted, men.sorted),
    categories,
  };
}

/**
 * The pay quartiles: every worker ordered by pay and cut into four groups as equal as possible,
 * quartile q holding the positions floor((q − 1) × n ÷ 4) to floor(q × n ÷ 4) − 1 (quartile 1 the
 * lowest paid). Where people of equal pay straddle a cut, no one of them is placed above another
 * by the order they happen to come in: each quartile takes its seats of that tie in the tie's own
 * proportion of women and men. So the fractions depend on pay alone, never on the input's order.
 */
export function quartiles(sorted: readonly { man: boolean; pay: number }[]): QuartileShare[] {
  const of = (man: boolean) =>
    Float64Array.from(sorted.filter((w) => w.man === man).map((w) => w.pay)).sort();
  return quartilesOf(of(false), of(true));
}

/** The quartiles in one pass over women's and men's pay, each sorted ascending, merged tie by tie. */
function quartilesOf(womenPay: Float64Array, menPay: Float64Array): QuartileShare[] {
  const n = womenPay.length + menPay.length;
  const cut = [0, 1, 2, 3, 4].map((q) => Math.floor((q * n) / 4));
  const women = [0, 0, 0, 0];
  const men = [0, 0, 0, 0];
  let w = 0;
  let m = 0;
  for (let start = 0; start < n;) {
    const pay = Math.min(womenPay[w] ?? Infinity, menPay[m] ?? Infinity);
    let womenInTie = 0;
    let menInTie = 0;
    while (w + womenInTie < womenPay.length && womenPay[w + womenInTie] === pay) womenInTie++;
    while (m + menInTie < menPay.length && menPay[m + menInTie] === pay) menInTie++;
    w += womenInTie;
    m += menInTie;
    const size = womenInTie + menInTie;
    const end = start + size;
    for (let q = 0; q < 4; q++) {
      const seats = Math.max(0, Math.min(end, cut[q + 1]!) - Math.max(start, cut[q]!));
      if (seats === 0) continue;
      men[q]! += (seats * menInTie) / size;
      women[q]! += (seats * womenInTie) / size;
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
