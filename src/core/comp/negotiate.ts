import { bestOf, Problems, sum } from './compare.js';
import { formatMoney, minor, minorDigits, sumMinor, toMajor, type Major, type Minor } from './money.js';
import type { Horizon, Offer, OffersFile } from './offer.js';
import { ISO_POST_EMPLOYMENT_DAYS } from './options.js';
import { timeline } from './timeline.js';

export interface EquityQuestion {
  question: string;
  /** What the offer file already says, or null when it is still to be asked. */
  known: string | null;
}

export interface NegotiationBrief {
  offer: string;
  currency: string;
  /** The competing offer with the largest total, or null when there is none. */
  against: string | null;
  /** Per year: how far this offer trails the competitor (negative when it is ahead). */
  gaps: { year: number; offer: Major; against: Major; gap: Major }[];
  totalGap: Major;
  /** A signing bonus (added to any already offered) that would make year one match the competitor. */
  signingToCloseYearOne: Major;
  openComponents: string[];
  equityQuestions: EquityQuestion[];
  principles: string[];
}

/** The principles the brief is built on, restated from the seed's advice on negotiation. */
export const PRINCIPLES = [
  'Let the company put the first number on the table; if pressed, ask to see the whole package before naming figures.',
  'Negotiate the package, not only the base: equity, signing bonus, relocation, remote work and start date often move when base is pinned to a band.',
  'Competing offers are leverage: say that you have them and what they are worth, even if you prefer this one.',
  'Understand the equity before you sign: dilution, taxes and the odds of ever selling decide what it is worth.',
];

/** A negotiation brief for one offer of a file, against the best of the others. */
export function negotiationBrief(
  file: OffersFile,
  offer: Offer,
  overrides: Partial<Horizon> = {},
): NegotiationBrief {
  const horizon: Horizon = {
    years: overrides.years ?? file.years,
    stockGrowth: overrides.stockGrowth ?? file.stockGrowth,
  };
  const digits = minorDigits(file.currency);
  const toMajorUnits = (amount: Minor) => toMajor(amount, digits);
  const problems = new Problems();
  const years = new Map(
    file.offers.map((candidate) => [candidate, problems.collect(() => timeline(candidate, horizon).years)]),
  );
  problems.throwIfAny();
  const mine = years.get(offer) ?? timeline(offer, horizon).years;
  const others = file.offers
    .filter((candidate) => candidate !== offer)
    .map((candidate) => ({ offer: candidate, years: years.get(candidate)! }));
  const best =
    others.length === 0
      ? undefined
      : bestOf(others.map((o) => ({ name: o.offer.name, total: sum(o.years.map((row) => row.total)) })));
  const rival = others.find((o) => o.offer.name === best);
  const gaps =
    rival === undefined
      ? []
      : mine.map((row, index) => {
          const theirs = rival.years[index]?.total ?? minor(0);
          return {
            year: row.year,
            offer: toMajorUnits(row.total),
            against: toMajorUnits(theirs),
            gap: toMajorUnits(minor(theirs - row.total)),
          };
        });
  const yearOneGap = minor(rival === undefined ? 0 : (rival.years[0]?.total ?? 0) - (mine[0]?.total ?? 0));
  return {
    offer: offer.name,
    currency: file.currency,
    against: rival?.offer.name ?? null,
    gaps,
    totalGap: toMajorUnits(
      minor(
        rival === undefined
          ? 0
          : sumMinor(rival.years.map((row) => row.total)) - sumMinor(mine.map((row) => row.total)),
      ),
    ),
    signingToCloseYearOne: toMajorUnits(minor(Math.max(0, yearOneGap))),
    openComponents: openComponents(offer, minor(Math.max(0, yearOneGap))),
    equityQuestions: equityQuestions(offer),
    principles: PRINCIPLES,
  };
}

/** The parts of the package still worth asking about, given what the offer already contains. */
function openComponents(offer: Offer, yearOneGap: Minor): string[] {
  const open: string[] = [];
  const close =
    yearOneGap > 0
      ? ` (${formatMoney(yearOneGap, minorDigits(offer.currency))} would close the year-one gap)`
      : '';
  open.push(
    offer.signing.length === 0
      ? `signing bonus: none offered yet${close}`
      : `signing bonus: can be raised${close}`,
  );
  if (offer.clawback !== null && !offer.clawback.prorated)
    open.push('clawback: ask for it to be prorated by month rather than owed in full');
  if (offer.rsus.length + offer.options.length === 0) open.push('equity: none offered; ask for a grant');
  else open.push('equity: a larger initial grant');
  if (offer.rsus.length > 0 && offer.refreshers === null)
    open.push('refreshers: ask how yearly refresher grants are decided and sized');
  if (offer.bonus === null) open.push('annual bonus: ask whether there is a target');
  if (offer.options.some((grant) => grant.exerciseWindowDays <= ISO_POST_EMPLOYMENT_DAYS)) {
    open.push('exercise window: ask for years rather than 90 days after leaving');
  }
  open.push('base: often fixed by the band; ask where in the band the offer sits');
  open.push('relocation, remote work flexibility and start date');
  return open;
}

/** The equity questions from the seed, with what the file already answers. */
function equityQuestions(offer: Offer): EquityQuestion[] {
  if (offer.options.length === 0) {
    return [
      {
        question: 'Which vesting schedule applies, and is there a cliff?',
        known: offer.rsus.length > 0 ? 'stated in the offer' : null,
      },
      {
        question: 'How are refresher grants decided and how large are they?',
        known: offer.refreshers === null ? null : 'stated in the offer',
      },
    ];
  }
  const grant = offer.options[0]!;
  return [
    {
      question: 'How many shares are outstanding, fully diluted?',
      known: `${grant.fullyDilutedShares.toLocaleString('en-US')} (the grant is ${formatPercent(grant.shares / grant.fullyDilutedShares)})`,
    },
    {
      question:
        'What is the latest valuation: the 409A price of common and the preferred price of the last round?',
      known: `409A ${formatPrice(grant.fmv, offer.currency)}, preferred ${formatPrice(grant.preferredPrice, offer.currency)} per share`,
    },
    {
      question: 'How long is the exercise window after leaving?',
      known: grant.windowStated ? `${grant.exerciseWindowDays} days` : null,
    },
    {
      question: 'Are the options ISOs or NSOs, and how will exercise be taxed?',
      known: grant.kindStated ? grant.kind.toUpperCase() : null,
    },
  ];
}

function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(3))}%`;
}

/** A share price: at least the currency's minor unit (cents, or whole yen), and any finer digits it has. */
function formatPrice(price: number, currency: string): string {
  const digits = minorDigits(currency);
  return price.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: Math.max(6, digits),
  });
}
