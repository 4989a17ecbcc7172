import type { Strategy } from './earnings.js';
import type { PayLadder } from './ladder.js';
import { roundHalfAwayFromZero } from './money.js';
import type { Random } from './random.js';
import { NAMED_SCHEDULES } from './schedule.js';
import { vestEvents, vestedSharesAt, type VestEvent } from './vesting.js';

/**
 * One career walking a pay ladder. Each year pays the package held: base, bonus target and the
 * yearly value of its equity. A promotion comes once the level's typical years (drawn within its
 * min–max on arrival) are served; a job change raises the package but never past the target
 * level's p75 (its floor is the target's p25), and may carry the promotion that is due. Merit
 * raises stop at the level's p75. From the track's career level on, a career moves up only with the
 * level's chance of climbing (the shares of engineers above it), drawn on arrival. Equity is granted on the offers' standard schedule (four years,
 * one-year cliff): four years' worth at hire, the rise at a promotion, each grant renewed once
 * vested; at a change, what is unvested is forfeited and subtracted from that year's pay.
 * Market figures rise with inflation from year 1.
 */

const SCHEDULE = NAMED_SCHEDULES.get('standard')!;
const GRANT_MONTHS = 12 * SCHEDULE.years.length;

interface Grant {
  /** Value granted, in minor units (one share per minor unit, at a flat price). */
  size: number;
  /** Month of the career the grant was made in. */
  month: number;
  events: VestEvent[];
}

const grant = (size: number, month: number): Grant => ({ size, month, events: vestEvents(size, SCHEDULE) });

/** What of the grants is unvested at `month`; a grant renews itself each time it has fully vested. */
export function unvested(grants: readonly Grant[], month: number): number {
  let left = 0;
  for (const g of grants) {
    const held = (month - g.month) % GRANT_MONTHS;
    if (held > 0 || month === g.month) left += g.size - vestedSharesAt(g.events, held);
  }
  return left;
}

export interface Draws {
  merit: () => number;
  change: () => number;
  promotion: () => number;
}

export interface WalkYear {
  pay: number;
  forfeited: number;
  rung: number;
}

/** How a strategy's years go on a ladder; `switches` marks the job-change years (year 2 onwards). */
export function walkCareer(
  ladder: PayLadder,
  strategy: Strategy,
  salary: number,
  years: number,
  switches: Uint8Array,
  draws: Draws,
  random: Random,
  inflation: number,
): WalkYear[] {
  const { rungs } = ladder;
  // On arrival at a level: the years it takes, or never when this career stops climbing there.
  const drawYears = (rung: number) => {
    const { min, max } = rungs[rung]!.years;
    const years = min + (max - min) * random();
    return random() < rungs[rung]!.climb ? years : Infinity;
  };
  let rung = ladder.start;
  let due = drawYears(rung);
  let served = 0;
  let promotionsLeft = strategy.promotions === undefined ? 0 : (strategy.promotions.max ?? Infinity);
  let total = salary;
  let equity = roundHalfAwayFromZero(total * rungs[rung]!.equityShare);
  let grants = [grant(4 * equity, 0)];
  const out: WalkYear[] = [{ pay: total, forfeited: 0, rung }];
  for (let year = 2; year <= years; year++) {
    const prices = (1 + inflation) ** (year - 1);
    const cap = (r: number) => rungs[r]!.p75 * prices;
    const floor = (r: number) => rungs[r]!.p25 * prices;
    const month = 12 * (year - 1);
    served += 1;
    // Draws happen in a fixed order every year, so that runs are reproducible.
    const merit = draws.merit();
    const change = draws.change();
    const promotion = draws.promotion();
    const ready = served >= due && rung + 1 < rungs.length;
    let forfeited = 0;
    if (switches[year] === 1) {
      const target = ready ? rung + 1 : rung;
      forfeited = unvested(grants, month);
      total = bounded(total * (1 + change), floor(target), cap(target), total);
      if (target !== rung) [rung, served, due] = [target, 0, drawYears(target)];
      equity = roundHalfAwayFromZero(total * rungs[rung]!.equityShare);
      grants = [grant(4 * equity, month)];
    } else if (ready && promotionsLeft > 0) {
      promotionsLeft -= 1;
      rung += 1;
      [served, due] = [0, drawYears(rung)];
      total = bounded(total * (1 + promotion), floor(rung), cap(rung), total);
      const target = roundHalfAwayFromZero(total * rungs[rung]!.equityShare);
      if (target > equity) {
        grants.push(grant(4 * (target - equity), month));
        equity = target;
      }
    } else total = bounded(total * (1 + merit), 0, cap(rung), total);
    out.push({ pay: total - forfeited, forfeited, rung });
  }
  return out;
}

/**
 * A raised package within the target's band: at least its floor, at most its cap, and never a
 * cut for one already above the cap.
 */
function bounded(raised: number, floor: number, cap: number, held: number): number {
  return roundHalfAwayFromZero(Math.min(Math.max(raised, floor), Math.max(cap, held)));
}
