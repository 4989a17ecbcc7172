import { DomainError, formatPath, type Path } from '../problems.js';
import { MAX_SHARES, minorDigits, toMajor, type Minor } from './money.js';
import type { VestingSchedule } from './schedule.js';

/**
 * The validated offer model the calculations work on. Amounts are integer minor units; share
 * prices stay in major units (they may have sub-cent digits) and only products are rounded.
 */

export interface RsuGrant {
  shares: number;
  /** Share price at grant, major units. */
  price: number;
  schedule: VestingSchedule;
  /** Public-company RSUs are liquid; private-company RSUs are reported with the illiquid equity. */
  liquid: boolean;
  /** Months after the start of employment at which the grant is made (0 for the sign-on grant). */
  grantMonth: number;
  /** Where the grant comes from in the file (the grant, or the offer's refreshers), for problems. */
  path: Path;
}

export type OptionKind = 'iso' | 'nso';

export interface OptionGrant {
  shares: number;
  strike: number;
  /** 409A fair market value per common share. */
  fmv: number;
  /** Price per preferred share in the latest round. */
  preferredPrice: number;
  fullyDilutedShares: number;
  kind: OptionKind;
  /** Whether the file said ISO or NSO; unstated grants are treated as NSO, the costlier case. */
  kindStated: boolean;
  exerciseWindowDays: number;
  windowStated: boolean;
  schedule: VestingSchedule;
  /** Where the grant is in the file, for problems. */
  path: Path;
}

export interface Refreshers {
  value: Minor;
  every: number;
  from: number;
  schedule: VestingSchedule;
  /** Price at the start of employment, grown with the stock to each refresher's grant date. */
  price: number;
  liquid: boolean;
}

export interface Company {
  dilutionPerRound: number;
  roundsToExit: number;
  exitValuation: number;
  exitProbability: number;
}

export type Bonus =
  { kind: 'target'; target: number; multiplier: number } | { kind: 'amount'; amount: Minor };

export interface Offer {
  name: string;
  /** ISO 4217 code; every amount of the offer is in minor units of this currency. */
  currency: string;
  /** Where the offer is in the file (`['offers', 2]`), so that problems found in computing can point at it. */
  path: Path;
  base: Minor;
  raise: number;
  bonus: Bonus | null;
  /** One payment per year, paid at the start of that year. */
  signing: Minor[];
  clawback: { months: number; prorated: boolean } | null;
  rsus: RsuGrant[];
  options: OptionGrant[];
  refreshers: Refreshers | null;
  company: Company | null;
}

export interface TaxRates {
  /** Marginal rate on ordinary income, applied to an NSO's spread at exercise. */
  incomeRate: number;
  /** AMT rate applied to an ISO's spread, which is an AMT preference item. */
  amtRate: number;
}

export interface OffersFile {
  currency: string;
  stockGrowth: number;
  years: number;
  tax: TaxRates;
  offers: Offer[];
}

/** Options on the calculations that the command line may override. */
export interface Horizon {
  years: number;
  stockGrowth: number;
}

/** Whole shares a value buys at a price; the tolerance keeps 100000 / 2000 from landing on 49.999…. */
export function sharesForValue(value: number, price: number): number {
  return Math.floor((value / price) * (1 + 8 * Number.EPSILON));
}

/** Every RSU grant of an offer within the horizon: the sign-on grants, then the refreshers in grant order. */
export function rsuGrants(offer: Offer, horizon: Horizon): RsuGrant[] {
  const grants = [...offer.rsus];
  const refreshers = offer.refreshers;
  if (refreshers === null) return grants;
  for (let year = refreshers.from; year <= horizon.years; year += refreshers.every) {
    const grantMonth = 12 * (year - 1);
    // Liquid stock has grown by the grant date; a private price is taken as it stands.
    const price = refreshers.liquid
      ? refreshers.price * (1 + horizon.stockGrowth) ** (grantMonth / 12)
      : refreshers.price;
    const shares = sharesForValue(toMajor(refreshers.value, minorDigits(offer.currency)), price);
    if (!(shares <= MAX_SHARES)) {
      const path = [...offer.path, 'refreshers'];
      const message = `the refresher granted in year ${year} buys more than ${MAX_SHARES.toLocaleString('en-US')} shares at ${price} a share; lower the value or raise the price`;
      throw new DomainError('invalid-input', `${formatPath(path)}: ${message}`, [
        { severity: 'error', code: 'amount-too-large', message, path },
      ]);
    }
    // Recorded at the start price, so that value at vest = shares × price × (1 + g)^(month / 12) for every grant.
    grants.push({
      shares,
      price: refreshers.price,
      schedule: refreshers.schedule,
      liquid: refreshers.liquid,
      grantMonth,
      path: [...offer.path, 'refreshers'],
    });
  }
  return grants;
}
