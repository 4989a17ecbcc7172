import { amountTooLarge, isExact, minor, minorDigits, priceTimes, scale, type Minor } from './money.js';
import { rsuGrants, type Horizon, type Offer } from './offer.js';
import { vestEvents, yearOfMonth, type VestEvent } from './vesting.js';

/**
 * One year of an offer, in minor units while computing and in major units in a report (the unit is
 * part of the type, so that the two cannot be mixed). `total` is liquid pay only: illiquid equity is
 * never in it.
 */
export interface YearRow<Unit extends number = Minor> {
  year: number;
  base: Unit;
  bonus: Unit;
  signing: Unit;
  /** Liquid (public-company RSU) equity vesting this year, valued at vest. */
  equity: Unit;
  /** Options (at their paper value) and private-company RSUs vesting this year. */
  illiquid: Unit;
  total: Unit;
}

/** An RSU vest event with its value. */
export interface ValuedVest extends VestEvent {
  grant: number;
  value: Minor;
  liquid: boolean;
}

export interface Timeline {
  years: YearRow[];
  /** Liquid pay received in each month; index 0 is unused, month m covers the m-th month of employment. */
  monthly: Minor[];
  vests: ValuedVest[];
}

/**
 * Base salary in a year: the starting base raised once a year from year 2, rounded to the minor
 * unit. A raise that compounds past what can be held exactly is reported against the raise.
 */
export function baseInYear(offer: Offer, year: number): Minor {
  const base = scale(offer.base, (1 + offer.raise) ** (year - 1));
  if (isExact(base)) return base;
  throw amountTooLarge(
    [...offer.path, 'raise'],
    minorDigits(offer.currency),
    (max) => `over ${year} years the base grows past ${max}; lower the raise or the horizon`,
  );
}

export function bonusInYear(offer: Offer, year: number): Minor {
  const bonus = offer.bonus;
  if (bonus === null) return minor(0);
  if (bonus.kind === 'amount') return bonus.amount;
  const amount = scale(baseInYear(offer, year), bonus.target * bonus.multiplier);
  if (isExact(amount)) return amount;
  throw amountTooLarge(
    [...offer.path, 'bonus'],
    minorDigits(offer.currency),
    (max) => `in year ${year} the bonus comes to more than ${max}; lower the target or the multiplier`,
  );
}

/** Growth factor of a public share price after `month` months. */
export function growthFactor(stockGrowth: number, month: number): number {
  return (1 + stockGrowth) ** (month / 12);
}

/**
 * The RSU vest events, valued at vest, of every grant made within the horizon, up to `lastMonth`
 * (the end of the horizon by default). Private stock is valued without growth.
 */
export function valuedVests(offer: Offer, horizon: Horizon, lastMonth = 12 * horizon.years): ValuedVest[] {
  const digits = minorDigits(offer.currency);
  const vests: ValuedVest[] = [];
  rsuGrants(offer, horizon).forEach((grant, index) => {
    for (const event of vestEvents(grant.shares, grant.schedule, grant.grantMonth)) {
      if (event.month > lastMonth) continue;
      const grows = grant.liquid && horizon.stockGrowth !== 0;
      const value = priceTimes(
        event.shares,
        grant.price,
        digits,
        grows ? growthFactor(horizon.stockGrowth, event.month) : 1,
      );
      if (!isExact(value)) {
        throw amountTooLarge(
          grant.path,
          digits,
          (max) =>
            `${grows ? `with share prices growing ${percent(horizon.stockGrowth)} a year, ` : ''}the shares vesting in month ${event.month} are worth more than ${max}; lower the shares or the price${grows ? ', or the growth' : ''}`,
        );
      }
      vests.push({ ...event, grant: index, value, liquid: grant.liquid });
    }
  });
  return vests;
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(4))}%`;
}

/**
 * An offer month by month and year by year. Base is paid monthly (cumulatively rounded, so the
 * months add up to the year exactly), the bonus at the end of each year, each signing payment in
 * the first month of its year, and equity at its vest events.
 */
export function timeline(offer: Offer, horizon: Horizon): Timeline {
  const digits = minorDigits(offer.currency);
  const lastMonth = 12 * horizon.years;
  // Sums are built in plain numbers of minor units, then typed once each is known to be whole.
  const monthly = new Array<number>(lastMonth + 1).fill(0);
  const rows: YearRow<number>[] = [];
  for (let year = 1; year <= horizon.years; year++) {
    const base = baseInYear(offer, year);
    const bonus = bonusInYear(offer, year);
    const signing = offer.signing[year - 1] ?? minor(0);
    const first = 12 * (year - 1);
    for (let month = 1; month <= 12; month++) {
      monthly[first + month]! += scale(base, month / 12) - scale(base, (month - 1) / 12);
    }
    monthly[first + 1]! += signing;
    monthly[first + 12]! += bonus;
    rows.push({ year, base, bonus, signing, equity: 0, illiquid: 0, total: 0 });
  }
  const vests = valuedVests(offer, horizon);
  for (const vest of vests) {
    const row = rows[yearOfMonth(vest.month) - 1]!;
    if (vest.liquid) {
      row.equity += vest.value;
      monthly[vest.month]! += vest.value;
    } else row.illiquid += vest.value;
  }
  for (const grant of offer.options) {
    const paperPrice = Math.max(0, grant.preferredPrice - grant.strike);
    for (const event of vestEvents(grant.shares, grant.schedule)) {
      if (event.month > lastMonth) continue;
      const value = priceTimes(event.shares, paperPrice, digits);
      if (!isExact(value)) {
        throw amountTooLarge(
          grant.path,
          digits,
          (max) =>
            `the options vesting in month ${event.month} are worth more than ${max} at the preferred price; lower the shares or the preferred price`,
        );
      }
      rows[yearOfMonth(event.month) - 1]!.illiquid += value;
    }
  }
  let total = 0;
  let illiquid = 0;
  for (const row of rows) {
    row.total = row.base + row.bonus + row.signing + row.equity;
    total += row.total;
    illiquid += row.illiquid;
  }
  // Every part is at least 0, so when the sums over the horizon are exact, so is every partial sum.
  for (const [sum, what] of [
    [total, 'the pay'],
    [illiquid, 'the illiquid equity'],
  ] as const) {
    if (!isExact(sum)) {
      throw amountTooLarge(
        offer.path,
        digits,
        (max) =>
          `over ${horizon.years} years ${what} adds up to more than ${max}; lower the amounts or the horizon`,
      );
    }
  }
  return { years: rows.map(typedRow), monthly: monthly.map((amount) => minor(amount)), vests };
}

function typedRow(row: YearRow<number>): YearRow {
  return {
    year: row.year,
    base: minor(row.base),
    bonus: minor(row.bonus),
    signing: minor(row.signing),
    equity: minor(row.equity),
    illiquid: minor(row.illiquid),
    total: minor(row.total),
  };
}
