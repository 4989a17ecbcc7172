import { plural } from '../plural.js';

/**
 * Vesting schedules: what share of a grant vests when. A schedule is data (so users can define
 * their own in an offer file); this module turns it into exact cumulative fractions.
 */

export const CADENCES = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export type Cadence = (typeof CADENCES)[number];

/** Vest events per year for each cadence. Each divides 12, so every event falls on a whole month. */
export const PERIODS_PER_YEAR: Record<Cadence, number> = {
  monthly: 12,
  quarterly: 4,
  semiannual: 2,
  annual: 1,
};

export interface VestingSchedule {
  /** Percentage of the grant vesting in each year; sums to 100. At most two decimals. */
  years: number[];
  /** One cadence for every year, or one per year. */
  cadence: Cadence | Cadence[];
  /** Nothing vests before this month; at the cliff everything scheduled up to then vests at once. */
  cliffMonths: number;
}

/** The built-in schedules by name: a Map, so that a name such as `toString` is only a name. */
export const NAMED_SCHEDULES: ReadonlyMap<string, VestingSchedule> = new Map(
  Object.entries({
    // 25% a year, monthly after a one-year cliff: the common US default.
    standard: { years: [25, 25, 25, 25], cadence: 'monthly', cliffMonths: 12 },
    // Back-loaded: 5% at month 12, 15% at month 24, then 20% every six months.
    amazon: {
      years: [5, 15, 40, 40],
      cadence: ['annual', 'annual', 'semiannual', 'semiannual'],
      cliffMonths: 0,
    },
    // Front-loaded since 2021, monthly, no cliff.
    google: { years: [33, 33, 22, 12], cadence: 'monthly', cliffMonths: 0 },
    // 1/16 every quarter.
    meta: { years: [25, 25, 25, 25], cadence: 'quarterly', cliffMonths: 0 },
  } satisfies Record<string, VestingSchedule>),
);

/**
 * Cumulative fractions are exact integers in units of 1/FRACTION_UNIT of the grant: percentages
 * carry at most two decimals (×100 → basis points of a percent) and every period count divides 12.
 */
export const FRACTION_UNIT = 100 * 100 * 12;

export interface VestPoint {
  /** Months after the grant date. */
  month: number;
  /** Cumulative vested fraction of the grant at this month, in units of 1/FRACTION_UNIT. */
  cumulative: number;
}

export function cadenceOfYear(schedule: VestingSchedule, yearIndex: number): Cadence {
  const cadence = Array.isArray(schedule.cadence) ? schedule.cadence[yearIndex] : schedule.cadence;
  if (cadence === undefined) throw new RangeError(`no cadence for year ${yearIndex + 1}`);
  return cadence;
}

/** Whether a percentage can be expressed exactly with two decimals. */
export function hasAtMostTwoDecimals(percent: number): boolean {
  return Math.abs(percent * 100 - Math.round(percent * 100)) < 1e-9;
}

/** What is wrong with a schedule, as messages relative to the schedule itself (empty when valid). */
export function scheduleProblems(
  schedule: VestingSchedule,
): { field: 'years' | 'cadence' | 'cliffMonths'; message: string }[] {
  const problems: { field: 'years' | 'cadence' | 'cliffMonths'; message: string }[] = [];
  const sum = schedule.years.reduce((total, percent) => total + Math.round(percent * 100), 0) / 100;
  if (schedule.years.length === 0) problems.push({ field: 'years', message: 'must list at least one year' });
  else if (sum !== 100)
    problems.push({ field: 'years', message: `percentages must sum to 100, they sum to ${sum}` });
  if (schedule.years.some((percent) => !hasAtMostTwoDecimals(percent))) {
    problems.push({ field: 'years', message: 'percentages may have at most two decimals' });
  }
  if (Array.isArray(schedule.cadence) && schedule.cadence.length !== schedule.years.length) {
    problems.push({
      field: 'cadence',
      message: `lists ${plural(schedule.cadence.length, 'cadence')} for ${plural(schedule.years.length, 'year')}; give one per year or a single cadence`,
    });
  }
  const vestingMonths = 12 * schedule.years.length;
  if (schedule.cliffMonths > vestingMonths) {
    problems.push({
      field: 'cliffMonths',
      message: `the cliff (${schedule.cliffMonths} months) is longer than the vesting (${vestingMonths} months)`,
    });
  }
  return problems;
}

/**
 * The months (after grant) at which something vests and the cumulative fraction vested by then.
 * Each year's percentage vests in equal parts at the end of each period of that year; events
 * before the cliff are held back and vest together at the cliff.
 */
export function vestPoints(schedule: VestingSchedule): VestPoint[] {
  const points: VestPoint[] = [];
  let cumulative = 0;
  schedule.years.forEach((percent, yearIndex) => {
    const periods = PERIODS_PER_YEAR[cadenceOfYear(schedule, yearIndex)];
    const yearUnits = Math.round(percent * 100) * 12;
    let vestedThisYear = 0;
    for (let period = 1; period <= periods; period++) {
      // Cumulative within the year, so that the year's parts add up to exactly its percentage.
      const upTo = (yearUnits * period) / periods;
      cumulative += upTo - vestedThisYear;
      vestedThisYear = upTo;
      const month = Math.max(12 * yearIndex + (12 / periods) * period, schedule.cliffMonths);
      const last = points[points.length - 1];
      if (last !== undefined && last.month === month) last.cumulative = cumulative;
      else points.push({ month, cumulative });
    }
  });
  return points.filter((point, index) => point.cumulative > (points[index - 1]?.cumulative ?? 0));
}
