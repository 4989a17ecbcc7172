import { FRACTION_UNIT, vestPoints, type VestingSchedule } from './schedule.js';

export interface VestEvent {
  /** Months after the start of employment (year y covers months 12(y−1)+1 … 12y). */
  month: number;
  /** Shares vesting at this event. */
  shares: number;
  /** Shares vested so far, this event included. */
  cumulativeShares: number;
}

/**
 * The vest events of one grant. Cumulative shares are floor(grant × cumulative fraction), computed
 * exactly in integers, and each event vests the difference, so the events always add up to the grant.
 */
export function vestEvents(grantShares: number, schedule: VestingSchedule, grantMonth = 0): VestEvent[] {
  const events: VestEvent[] = [];
  let vested = 0;
  for (const point of vestPoints(schedule)) {
    const product = grantShares * point.cumulative;
    const cumulativeShares = (product - (product % FRACTION_UNIT)) / FRACTION_UNIT;
    if (cumulativeShares > vested) {
      events.push({ month: grantMonth + point.month, shares: cumulativeShares - vested, cumulativeShares });
      vested = cumulativeShares;
    }
  }
  return events;
}

/** Shares of a grant vested at or before `month` (months after the start of employment). */
export function vestedSharesAt(events: readonly VestEvent[], month: number): number {
  let vested = 0;
  for (const event of events) if (event.month <= month) vested = event.cumulativeShares;
  return vested;
}

/** The year of employment (1-based) that contains a month; month 12 is the last month of year 1. */
export function yearOfMonth(month: number): number {
  return Math.max(1, Math.ceil(month / 12));
}
