import {
  amountTooLarge,
  formatMoney,
  isExact,
  major,
  minor,
  minorDigits,
  priceTimes,
  scale,
  sumMinor,
  toMajor,
  toMinor,
  type Minor,
} from './money.js';
import type { Company, Offer, OptionGrant, TaxRates } from './offer.js';
import { vestEvents, yearOfMonth } from './vesting.js';

/** The ISO limit is US law, set in US dollars: it applies only to offers in this currency. */
export const ISO_LIMIT_CURRENCY = 'USD';
const USD_DIGITS = 2;
/** ISOs first exercisable in one year beyond this grant-date value are treated as NSOs (US §422(d)), in US cents. */
export const ISO_ANNUAL_LIMIT = toMinor(major(100_000), USD_DIGITS);
/** Exercising an ISO more than three months after leaving makes it an NSO (US §422(a)). */
export const ISO_POST_EMPLOYMENT_DAYS = 90;

export interface OptionTax {
  /** How the spread at exercise is taxed: as wages (NSO) or as an AMT preference item (ISO). */
  treatment: 'ordinary-income' | 'amt-preference' | 'mixed';
  /** Shares taxed as ISO and, past the $100k limit, as NSO. */
  isoShares: number;
  nsoShares: number;
  /** Spread at the 409A price counted as ordinary income, and as AMT preference. */
  ordinaryIncome: number;
  amtPreference: number;
  /** Rough tax on exercising everything at today's 409A price, from the file's rates. */
  estimate: number;
}

/** One option grant, in major units, as reported by `offers compare`. */
export interface OptionReport {
  shares: number;
  kind: 'iso' | 'nso';
  exerciseCost: number;
  paperValue: number;
  spreadAtFmv: number;
  ownership: number;
  ownershipAtExit: number | null;
  exitValue: number | null;
  exitValueNet: number | null;
  expectedValue: number | null;
  tax: OptionTax;
  flags: string[];
}

/** Ownership after `rounds` rounds that each dilute existing holders by `dilution`. */
export function dilutedOwnership(ownership: number, dilution: number, rounds: number): number {
  return ownership * (1 - dilution) ** rounds;
}

/**
 * ISO shares that fit under the annual limit, grant by grant in grant order, by the year in which
 * they first become exercisable (the year they vest). Returns the NSO excess of each grant. The
 * grants' prices are US dollars: the limit is not applied to other currencies (see optionReports).
 */
export function isoExcessShares(grants: readonly OptionGrant[]): number[] {
  const usedByYear = new Map<number, number>();
  return grants.map((grant) => {
    if (grant.kind !== 'iso') return 0;
    let excess = 0;
    for (const event of vestEvents(grant.shares, grant.schedule)) {
      const year = yearOfMonth(event.month);
      const used = usedByYear.get(year) ?? 0;
      const unit = priceTimes(1, grant.fmv, USD_DIGITS);
      const room = unit === 0 ? event.shares : Math.max(0, Math.floor((ISO_ANNUAL_LIMIT - used) / unit));
      const iso = Math.min(event.shares, room);
      usedByYear.set(year, used + priceTimes(iso, grant.fmv, USD_DIGITS));
      excess += event.shares - iso;
    }
    return excess;
  });
}

/**
 * Everything worth knowing about each option grant of an offer. The $100,000 ISO limit is applied
 * only to offers in US dollars; in any other currency the grants are not split, and each ISO grant
 * is flagged instead, as converting at some exchange rate would be a guess.
 */
export function optionReports(offer: Offer, tax: TaxRates): OptionReport[] {
  const inDollars = offer.currency === ISO_LIMIT_CURRENCY;
  const excess = inDollars ? isoExcessShares(offer.options) : offer.options.map(() => 0);
  const digits = minorDigits(offer.currency);
  return offer.options.map((grant, index) => {
    const report = optionReport(grant, offer.company, tax, excess[index] ?? 0, digits);
    if (!inDollars && grant.kind === 'iso') {
      report.flags.unshift(
        `the $100,000 ISO first-exercisable-per-year limit is set in US dollars and was not applied to this ${offer.currency} grant: check the grant-date value of each year's vesting in dollars`,
      );
    }
    return report;
  });
}

function optionReport(
  grant: OptionGrant,
  company: Company | null,
  tax: TaxRates,
  nsoExcess: number,
  digits: number,
): OptionReport {
  const toMajorUnits = (amount: Minor) => toMajor(amount, digits);
  const exerciseCost = priceTimes(grant.shares, grant.strike, digits);
  // An option under water is simply not exercised: its value is zero, never negative.
  const paperValue = priceTimes(grant.shares, Math.max(0, grant.preferredPrice - grant.strike), digits);
  const spreadPerShare = Math.max(0, grant.fmv - grant.strike);
  const spreadAtFmv = priceTimes(grant.shares, spreadPerShare, digits);
  // Every other amount is a part of these three, or at most the exit valuation.
  for (const [amount, what, lower] of [
    [exerciseCost, 'exercising the grant (shares × strike) costs', 'strike'],
    [paperValue, "the grant's paper value (shares × (preferredPrice − strike)) is", 'preferred price'],
    [spreadAtFmv, "the grant's spread at the 409A price (shares × (fmv − strike)) is", 'fmv'],
  ] as const) {
    if (!isExact(amount))
      throw amountTooLarge(
        grant.path,
        digits,
        (max) => `${what} more than ${max}; lower the shares or the ${lower}`,
      );
  }
  const ownership = grant.shares / grant.fullyDilutedShares;

  const isoShares = grant.kind === 'iso' ? grant.shares - nsoExcess : 0;
  const nsoShares = grant.shares - isoShares;
  const ordinaryIncome = priceTimes(nsoShares, spreadPerShare, digits);
  const amtPreference = priceTimes(isoShares, spreadPerShare, digits);
  const estimate = sumMinor([scale(ordinaryIncome, tax.incomeRate), scale(amtPreference, tax.amtRate)]);
  const treatment = isoShares === 0 ? 'ordinary-income' : nsoShares === 0 ? 'amt-preference' : 'mixed';

  let ownershipAtExit: number | null = null;
  let exitValue: Minor | null = null;
  let exitValueNet: Minor | null = null;
  let expectedValue: Minor | null = null;
  if (company !== null) {
    ownershipAtExit = dilutedOwnership(ownership, company.dilutionPerRound, company.roundsToExit);
    exitValue = priceTimes(ownershipAtExit, company.exitValuation, digits);
    exitValueNet = minor(exitValue - exerciseCost);
    // Exercised at exit only if that pays: a negative net is a loss nobody would choose.
    expectedValue = scale(minor(Math.max(0, exitValueNet)), company.exitProbability);
  }

  const flags: string[] = [];
  if (nsoExcess > 0) {
    flags.push(
      `${nsoExcess} ISO shares exceed the $100,000 first-exercisable-per-year limit and are treated as NSOs`,
    );
  }
  if (grant.exerciseWindowDays <= ISO_POST_EMPLOYMENT_DAYS) {
    flags.push(
      `${grant.exerciseWindowDays}-day exercise window: on leaving, vested options must be bought within ${grant.exerciseWindowDays} days or are lost (${formatMoney(exerciseCost, digits)} for the whole grant)`,
    );
  } else if (grant.kind === 'iso') {
    flags.push(`ISOs exercised more than ${ISO_POST_EMPLOYMENT_DAYS} days after leaving are taxed as NSOs`);
  }
  if (!grant.kindStated) flags.push('the offer does not say ISO or NSO; assumed NSO (taxed at exercise)');
  if (!grant.windowStated) flags.push('the offer does not state the exercise window; assumed 90 days');

  return {
    shares: grant.shares,
    kind: grant.kind,
    exerciseCost: toMajorUnits(exerciseCost),
    paperValue: toMajorUnits(paperValue),
    spreadAtFmv: toMajorUnits(spreadAtFmv),
    ownership: fractionOut(ownership),
    ownershipAtExit: ownershipAtExit === null ? null : fractionOut(ownershipAtExit),
    exitValue: exitValue === null ? null : toMajorUnits(exitValue),
    exitValueNet: exitValueNet === null ? null : toMajorUnits(exitValueNet),
    expectedValue: expectedValue === null ? null : toMajorUnits(expectedValue),
    tax: {
      treatment,
      isoShares,
      nsoShares,
      ordinaryIncome: toMajorUnits(ordinaryIncome),
      amtPreference: toMajorUnits(amtPreference),
      estimate: toMajorUnits(estimate),
    },
    flags,
  };
}

/** A fraction for output: twelve significant digits hide the binary noise of 0.001 × 0.8². */
function fractionOut(fraction: number): number {
  return Number(fraction.toPrecision(12));
}
