import { offersFileSchema, readOffersValue, type ParsedOffers } from '../../../src/core/comp/offer-schema.js';
import { DomainError, formatPath } from '../../../src/core/problems.js';
import {
  check,
  NumberReader,
  percentText,
  plainMessage,
  readNumber,
  type FieldErrors,
  type Plausible,
} from './validate.js';

/** Past these a rate is most likely a slip: the field warns beside it. */
export const PLAUSIBLE: Record<'raise' | 'bonusTarget' | 'stockGrowth', Plausible> = {
  raise: { max: 100, of: 'a year' },
  bonusTarget: { max: 200, of: 'of base' },
  stockGrowth: { max: 100, of: 'a year' },
};

/** One equity grant as typed. Fields keep the offer file's names so that problems land on them. */
export interface GrantForm {
  type: 'rsu' | 'option';
  shares: string;
  value: string;
  price: string;
  vesting: string;
  strike: string;
  fmv: string;
  preferredPrice: string;
  fullyDilutedShares: string;
  kind: '' | 'iso' | 'nso';
  exerciseWindowDays: string;
}

export interface OfferForm {
  name: string;
  base: string;
  raise: string;
  bonusTarget: string;
  signing: string;
  clawbackMonths: string;
  clawbackProrated: boolean;
  equity: GrantForm[];
  refresherValue: string;
  refresherEvery: string;
  refresherVesting: string;
  exitValuation: string;
  exitProbability: string;
  dilutionPerRound: string;
  roundsToExit: string;
}

export interface OffersForm {
  name: string;
  currency: string;
  years: string;
  stockGrowth: string;
  offers: OfferForm[];
}

export const emptyGrant = (type: GrantForm['type']): GrantForm => ({
  type,
  shares: '',
  value: '',
  price: '',
  vesting: 'standard',
  strike: '',
  fmv: '',
  preferredPrice: '',
  fullyDilutedShares: '',
  kind: '',
  exerciseWindowDays: '',
});

export const emptyOffer = (name = ''): OfferForm => ({
  name,
  base: '',
  raise: '',
  bonusTarget: '',
  signing: '',
  clawbackMonths: '',
  clawbackProrated: true,
  equity: [],
  refresherValue: '',
  refresherEvery: '1',
  refresherVesting: 'standard',
  exitValuation: '',
  exitProbability: '',
  dilutionPerRound: '',
  roundsToExit: '',
});

export const emptyOffersForm = (): OffersForm => ({
  name: '',
  currency: 'USD',
  years: '4',
  stockGrowth: '0',
  offers: [emptyOffer('Offer A'), emptyOffer('Offer B')],
});

/** Two offers to start from: a public company's back-loaded RSUs against a seed-stage startup's options. */
export function exampleOffersForm(): OffersForm {
  const bigco: OfferForm = {
    ...emptyOffer('Bigco'),
    base: '145000',
    raise: '3',
    bonusTarget: '15',
    signing: '30000, 20000',
    clawbackMonths: '12',
    equity: [{ ...emptyGrant('rsu'), shares: '50', price: '2000', vesting: 'amazon' }],
    refresherValue: '50000',
  };
  const seedling: OfferForm = {
    ...emptyOffer('Seedling'),
    base: '160000',
    equity: [
      {
        ...emptyGrant('option'),
        shares: '10000',
        strike: '1',
        fmv: '1.5',
        preferredPrice: '5',
        fullyDilutedShares: '10000000',
        kind: 'nso',
        exerciseWindowDays: '90',
      },
    ],
    exitValuation: '1000000000',
    exitProbability: '10',
    dilutionPerRound: '20',
    roundsToExit: '2',
  };
  return {
    name: 'Bigco or Seedling',
    currency: 'USD',
    years: '4',
    stockGrowth: '0',
    offers: [bigco, seedling],
  };
}

/** Only the fields that were typed: an empty optional field is left out, never sent as 0. */
function some<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as Partial<T>;
}

function grantToFile(grant: GrantForm, at: string, numbers: NumberReader): Record<string, unknown> {
  const num = (key: keyof GrantForm) => numbers.read(`${at}.${key}`, String(grant[key]));
  if (grant.type === 'rsu')
    return {
      type: 'rsu',
      ...some({
        shares: num('shares'),
        value: num('value'),
        price: num('price'),
        vesting: grant.vesting || undefined,
      }),
    };
  return {
    type: 'option',
    ...some({
      shares: num('shares'),
      strike: num('strike'),
      fmv: num('fmv'),
      preferredPrice: num('preferredPrice'),
      fullyDilutedShares: num('fullyDilutedShares'),
      kind: grant.kind || undefined,
      vesting: grant.vesting || undefined,
      exerciseWindowDays: num('exerciseWindowDays'),
    }),
  };
}

/** The signing bonus as typed, one amount per year separated by commas; each part must be a number. */
function signingAmounts(text: string, at: string, numbers: NumberReader): number[] {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = parts.filter((part) => readNumber(part).problem);
  if (bad.length > 0)
    numbers.errors[at] =
      parts.length === 1
        ? readNumber(parts[0]!).problem!
        : `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is not a number' : 'are not numbers'}; give one amount per year, separated by commas`;
  return parts.map((part) => readNumber(part).value ?? Number.NaN);
}

function offerToFile(offer: OfferForm, at: string, numbers: NumberReader): Record<string, unknown> {
  const num = (text: string, field: string, required = false) =>
    numbers.read(`${at}.${field}`, text, required);
  const pct = (text: string, field: string, plausible?: Plausible) =>
    numbers.percent(`${at}.${field}`, text, plausible ? { plausible } : {});
  const signing = signingAmounts(offer.signing, `${at}.signing`, numbers);
  const company = some({
    dilutionPerRound: pct(offer.dilutionPerRound, 'company.dilutionPerRound'),
    roundsToExit: num(offer.roundsToExit, 'company.roundsToExit'),
    exitValuation: num(offer.exitValuation, 'company.exitValuation'),
    exitProbability: pct(offer.exitProbability, 'company.exitProbability'),
  });
  return {
    name: offer.name,
    base: num(offer.base, 'base', true),
    ...some({ raise: pct(offer.raise, 'raise', PLAUSIBLE.raise) }),
    ...(offer.bonusTarget.trim()
      ? { bonus: { target: pct(offer.bonusTarget, 'bonusTarget', PLAUSIBLE.bonusTarget), multiplier: 1 } }
      : {}),
    ...(signing.length === 1 ? { signing: signing[0] } : signing.length > 1 ? { signing } : {}),
    ...(offer.clawbackMonths.trim()
      ? {
          clawback: {
            months: num(offer.clawbackMonths, 'clawback.months'),
            prorated: offer.clawbackProrated,
          },
        }
      : {}),
    equity: offer.equity.map((grant, g) => grantToFile(grant, `${at}.equity[${g}]`, numbers)),
    ...(offer.refresherValue.trim()
      ? {
          refreshers: {
            value: num(offer.refresherValue, 'refreshers.value'),
            every: num(offer.refresherEvery, 'refreshers.every') ?? 1,
            vesting: offer.refresherVesting || 'standard',
          },
        }
      : {}),
    ...(Object.keys(company).length > 0 ? { company } : {}),
  };
}

/**
 * The offer file (the format `trellis offers compare` reads and the API stores) for a form, with
 * what was typed in a number field that is not a number, keyed by the field's path in the file.
 */
export function offersFileFromForm(form: OffersForm): {
  file: Record<string, unknown>;
  errors: FieldErrors;
  numbers: NumberReader;
} {
  const numbers = new NumberReader();
  const file = {
    currency: form.currency.trim(),
    assumptions: some({
      years: numbers.read('assumptions.years', form.years),
      stockGrowth: numbers.percent('assumptions.stockGrowth', form.stockGrowth, {
        plausible: PLAUSIBLE.stockGrowth,
      }),
    }),
    offers: form.offers.map((offer, i) => offerToFile(offer, `offers[${i}]`, numbers)),
  };
  return { file, errors: numbers.errors, numbers };
}

export function formFromOffersFile(name: string, file: unknown): OffersForm {
  const f = (file ?? {}) as {
    currency?: string;
    assumptions?: { years?: number; stockGrowth?: number };
    offers?: Record<string, unknown>[];
  };
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  return {
    name,
    currency: f.currency ?? 'USD',
    years: text(f.assumptions?.years ?? 4),
    stockGrowth: percentText(f.assumptions?.stockGrowth ?? 0),
    offers: (f.offers ?? []).map((o) => {
      const bonus = o.bonus as { target?: number } | undefined;
      const clawback = o.clawback as { months?: number; prorated?: boolean } | undefined;
      const refreshers = o.refreshers as { value?: number; every?: number; vesting?: unknown } | undefined;
      const company = (o.company ?? {}) as Record<string, unknown>;
      const signing = o.signing;
      return {
        ...emptyOffer(text(o.name)),
        base: text(o.base),
        raise: percentText(o.raise),
        bonusTarget: percentText(bonus?.target),
        signing: Array.isArray(signing) ? signing.join(', ') : text(signing),
        clawbackMonths: text(clawback?.months),
        clawbackProrated: clawback?.prorated ?? true,
        equity: ((o.equity ?? []) as Record<string, unknown>[]).map((g) => ({
          ...emptyGrant(g.type === 'option' ? 'option' : 'rsu'),
          shares: text(g.shares),
          value: text(g.value),
          price: text(g.price),
          vesting: typeof g.vesting === 'string' ? g.vesting : 'standard',
          strike: text(g.strike),
          fmv: text(g.fmv),
          preferredPrice: text(g.preferredPrice),
          fullyDilutedShares: text(g.fullyDilutedShares),
          kind: g.kind === 'iso' || g.kind === 'nso' ? g.kind : '',
          exerciseWindowDays: text(g.exerciseWindowDays),
        })),
        refresherValue: text(refreshers?.value),
        refresherEvery: text(refreshers?.every ?? 1),
        refresherVesting: typeof refreshers?.vesting === 'string' ? refreshers.vesting : 'standard',
        exitValuation: text(company.exitValuation),
        exitProbability: percentText(company.exitProbability),
        dilutionPerRound: percentText(company.dilutionPerRound),
        roundsToExit: text(company.roundsToExit),
      };
    }),
  };
}

/**
 * Checks the form the way the API will: the file schema first, then the core's full reading of an
 * offer file (grants, schedules, unique names). Returns the parsed offers to compute on, or the
 * problems keyed by their path in the file.
 */
export function checkOffersForm(form: OffersForm): {
  file: Record<string, unknown>;
  parsed: ParsedOffers | null;
  errors: FieldErrors;
  /** Allowed but most likely a slip (a raise over 100%): said beside the field, nothing held back. */
  warnings: FieldErrors;
} {
  const { file, errors: numberErrors, numbers } = offersFileFromForm(form);
  // A field that holds no number says so; the schema's view of the NaN it became says nothing useful.
  const errors: FieldErrors = { ...numberErrors };
  for (const [key, message] of Object.entries(check(offersFileSchema, file).errors)) errors[key] ??= message;
  let parsed: ParsedOffers | null = null;
  try {
    parsed = readOffersValue(file);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    for (const problem of error.problems) {
      errors[formatPath(problem.path)] ??= plainMessage(problem.message);
    }
  }
  // Form-only names for the fields the file nests: the signing list and the bonus object.
  for (const [key, message] of Object.entries(errors)) {
    const moved = key.replace(/\.signing\[\d+\]$/, '.signing').replace(/\.bonus\.target$/, '.bonusTarget');
    errors[moved] ??= message;
  }
  if (!form.name.trim()) errors.name ??= 'give the comparison a name';
  return {
    file,
    parsed: Object.keys(errors).length === 0 ? parsed : null,
    errors: numbers.inPercent(errors),
    warnings: numbers.warnings,
  };
}
