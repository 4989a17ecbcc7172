import { z } from 'zod';
import { counted } from '../input/counted.js';
import { checkSchema, didYouMean, parseSource, type SourceDocument } from '../input/document.js';
import { plainSource, problem } from '../input/value.js';
import { DomainError, sortProblems, type Path, type Problem } from '../problems.js';
import { amount, currency, price, wholeShares } from './fields.js';
import { major, MAX_SHARES, minorDigits, toMinor } from './money.js';
import type { Bonus, Offer, OffersFile, OptionGrant, Refreshers, RsuGrant } from './offer.js';
import { sharesForValue } from './offer.js';
import { CADENCES, NAMED_SCHEDULES, scheduleProblems, type VestingSchedule } from './schedule.js';

/**
 * The offer file format (YAML or JSON) and its validation. Every problem is located in the file and
 * all of them are reported in one run: each offer is checked on its own, and the checks that need
 * a well-formed value (unique names, bonus, refreshers) run on every part that is well formed, even
 * when another part of the file is not. Grants and vesting schedules are checked in a further pass
 * with their own schemas, so that a misspelt field inside them still gets a "did you mean".
 */

/** The longest horizon, in years, a comparison may cover (the file's assumptions.years and --years alike). */
export const MAX_YEARS = 50;

/** The most offers one file may compare: the comparison's work grows with offers × years. */
export const MAX_OFFERS = 20;

/** The most equity grants one offer may have. */
export const MAX_GRANTS = 20;

/** The most named schedules one file may define. */
export const MAX_SCHEDULES = 20;

const nonNegative = z.number().min(0, 'must not be negative');
const fraction = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const rate = z.number().gt(-1, 'must be greater than -1 (a fraction: 0.03 is 3%)');
const months = z.number().int('must be a whole number of months').min(0, 'must not be negative');
const wholeYears = z.number().int('must be a whole number of years').min(1, 'must be at least 1');

export const scheduleSchema = z.strictObject({
  years: z
    .array(z.number().min(0, 'percentages must not be negative'))
    .min(1, 'must list at least one year')
    .max(MAX_YEARS, `must list at most ${MAX_YEARS} years`),
  // One cadence for every year, or a list with one per year. A single name is read as a list of one
  // here, for its messages; whether it was a list is read from the file (see checkVesting).
  cadence: z.preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z.array(z.enum(CADENCES)).min(1),
  ),
  cliffMonths: months.default(0),
});

const rsuSchema = z.strictObject({
  type: z.literal('rsu'),
  shares: wholeShares.optional(),
  value: amount.optional(),
  price,
  vesting: z.unknown().optional(),
  liquid: z.boolean().default(true),
});

const optionSchema = z.strictObject({
  type: z.literal('option'),
  shares: wholeShares,
  strike: amount,
  fmv: amount,
  preferredPrice: amount,
  fullyDilutedShares: z.number().int('must be a whole number of shares').positive('must be greater than 0'),
  kind: z.enum(['iso', 'nso']).optional(),
  vesting: z.unknown().optional(),
  exerciseWindowDays: z
    .number()
    .int('must be a whole number of days')
    .min(0, 'must not be negative')
    .optional(),
});

const bonusSchema = z.strictObject({
  target: nonNegative.optional(),
  multiplier: nonNegative.optional(),
  amount: amount.optional(),
});

const refreshersSchema = z.strictObject({
  value: amount,
  every: wholeYears.default(1),
  from: wholeYears.default(2),
  vesting: z.unknown().optional(),
  price: price.optional(),
});

const offerSchema = counted(
  'offer',
  z.strictObject({
    name: z.string().min(1, 'must not be empty'),
    base: amount,
    raise: rate.default(0),
    bonus: bonusSchema.optional(),
    signing: z
      .union(
        [amount, z.array(amount).max(MAX_YEARS, `must list at most ${MAX_YEARS} amounts, one per year`)],
        {
          error: 'must be an amount or a list of amounts, one per year',
        },
      )
      .optional(),
    // One bound, so that a negative number of months is one mistake with one message.
    clawback: z
      .strictObject({
        months: z.number().int('must be a whole number of months').min(1, 'must be at least 1'),
        prorated: z.boolean().default(false),
      })
      .optional(),
    equity: z.array(z.unknown()).max(MAX_GRANTS, `must list at most ${MAX_GRANTS} grants`).default([]),
    refreshers: refreshersSchema.optional(),
    company: z
      .strictObject({
        dilutionPerRound: z.number().min(0, 'must be between 0 and 1').lt(1, 'must be less than 1'),
        roundsToExit: z.number().int('must be a whole number').min(0, 'must not be negative'),
        exitValuation: amount,
        exitProbability: fraction,
      })
      .optional(),
  }),
);

/** The whole file, offers included: the shape the API accepts and documents. */
export const offersFileSchema = z.strictObject({
  currency,
  assumptions: z
    .strictObject({
      stockGrowth: rate.default(0),
      years: wholeYears.max(MAX_YEARS, `must be at most ${MAX_YEARS}`).default(4),
      tax: z
        .strictObject({ incomeRate: fraction.default(0.32), amtRate: fraction.default(0.28) })
        .prefault({}),
    })
    .prefault({}),
  schedules: z
    .record(z.string(), z.unknown())
    .refine((schedules) => Object.keys(schedules).length <= MAX_SCHEDULES, {
      error: `must define at most ${MAX_SCHEDULES} schedules`,
    })
    .default({}),
  offers: z
    .array(offerSchema)
    .min(1, 'must list at least one offer')
    .max(MAX_OFFERS, `must list at most ${MAX_OFFERS} offers`),
});

/** The file with its offers left unchecked: they are checked one by one, each on its own. */
const fileShapeSchema = offersFileSchema.extend({
  offers: z
    .array(z.unknown())
    .min(1, 'must list at least one offer')
    .max(MAX_OFFERS, `must list at most ${MAX_OFFERS} offers`),
});

export type OffersFileInput = z.output<typeof offersFileSchema>;
type OfferInput = z.output<typeof offerSchema>;

/**
 * A validated offer file: the typed value the core computes on (money in minor units), the file as
 * checked (what the workspace stores) and the parsed document, so later look-ups can point into it.
 */
export interface ParsedOffers {
  file: OffersFile;
  input: OffersFileInput;
  source: SourceDocument;
}

/** Parses and validates an offer file's text; throws an `invalid-input` DomainError listing every problem. */
export function parseOffersFile(text: string, fileName: string): ParsedOffers {
  const source = parseSource(text, fileName);
  if (source.syntaxProblems.length > 0)
    throw new DomainError('invalid-input', 'invalid offer file', source.syntaxProblems);
  return readOffersValue(source.value, source);
}

/**
 * Validates an offer file already parsed (a request body's `file`, a stored document): the one
 * check of an offer file, wherever it comes from. `source` locates the problems; without it they
 * carry paths only.
 */
export function readOffersValue(
  value: unknown,
  source: SourceDocument = plainSource(value, 'offers'),
): ParsedOffers {
  const problems: Problem[] = [];
  const top = checkSchema(source, fileShapeSchema);
  problems.push(...top.problems);
  const code = top.value?.currency ?? 'USD';
  const digits = minorDigits(code);

  const raw = asRecord(value);
  const schedules = userSchedules(source, raw?.schedules, problems);
  // Past the bound the schema has said so: the offers are not read one by one.
  const rawOffers = Array.isArray(raw?.offers) && raw.offers.length <= MAX_OFFERS ? raw.offers : [];
  const offers: Offer[] = [];
  const checkedOffers: OfferInput[] = [];
  const names = new Map<string, number>();
  rawOffers.forEach((rawOffer, index) => {
    const path: Path = ['offers', index];
    const record = asRecord(rawOffer);
    const checked = checkSchema(source, offerSchema, path);
    problems.push(...checked.problems);
    const grants = offerGrants(source, record, path, schedules, digits, problems);

    // Each check below needs only its own part of the offer to be well formed.
    const name = record?.name;
    if (typeof name === 'string' && name !== '') {
      const first = names.get(name);
      if (first !== undefined) {
        problems.push(
          source.problem(
            [...path, 'name'],
            `"${name}" is already the name of offers[${first}]; names must be unique`,
            'duplicate-name',
          ),
        );
      } else names.set(name, index);
    }
    const bonusInput = bonusSchema.safeParse(record?.bonus);
    const bonus =
      bonusInput.success && bonusInput.data !== undefined
        ? buildBonus(source, bonusInput.data, [...path, 'bonus'], digits, problems)
        : null;
    const rawRefreshers = asRecord(record?.refreshers);
    const refresherSchedule =
      rawRefreshers === undefined
        ? undefined
        : resolveVesting(
            source,
            rawRefreshers.vesting,
            [...path, 'refreshers', 'vesting'],
            schedules,
            problems,
          );
    const refreshersInput = refreshersSchema.safeParse(rawRefreshers);
    // Without valid grants the refreshers have no price to check: the grants' problems are reported.
    const refreshers =
      refreshersInput.success && refreshersInput.data !== undefined && grants !== undefined
        ? buildRefreshers(
            source,
            refreshersInput.data,
            grants.rsus,
            refresherSchedule,
            path,
            digits,
            problems,
          )
        : null;

    const input = checked.value;
    if (input === undefined || grants === undefined) return;
    checkedOffers.push(input);
    offers.push(buildOffer(input, code, path, digits, bonus, refreshers, grants));
  });

  const shape = top.value;
  if (problems.length > 0 || shape === undefined)
    throw new DomainError('invalid-input', 'invalid offer file', sortProblems(problems));
  return {
    source,
    input: { ...shape, offers: checkedOffers },
    file: {
      currency: shape.currency,
      stockGrowth: shape.assumptions.stockGrowth,
      years: shape.assumptions.years,
      tax: shape.assumptions.tax,
      offers,
    },
  };
}

function buildOffer(
  input: OfferInput,
  currencyCode: string,
  path: Path,
  digits: number,
  bonus: Bonus | null,
  refreshers: Refreshers | null,
  grants: { rsus: RsuGrant[]; options: OptionGrant[] },
): Offer {
  const signing = typeof input.signing === 'number' ? [input.signing] : (input.signing ?? []);
  return {
    name: input.name,
    currency: currencyCode,
    path,
    base: toMinor(major(input.base), digits),
    raise: input.raise,
    bonus,
    signing: signing.map((amount) => toMinor(major(amount), digits)),
    clawback: input.clawback ?? null,
    rsus: grants.rsus,
    options: grants.options,
    refreshers,
    company: input.company ?? null,
  };
}

/**
 * Runs a calculation on a parsed file and points any problem it reports by path (an amount that
 * grew too large under the horizon, say) at its place in the file.
 */
export function withinFile<T>(parsed: ParsedOffers, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof DomainError) || error.problems.every((p) => p.line !== undefined)) throw error;
    const located = error.problems.map((p) =>
      p.line !== undefined ? p : parsed.source.problem(p.path, p.message, p.code, p.severity),
    );
    throw new DomainError(error.code, error.message, sortProblems(located));
  }
}

/**
 * The offer with this name, or a not-found error: at the file's offers, or at `askedAt` when the
 * name was given elsewhere (a request's `offer` field).
 */
export function selectOffer(parsed: ParsedOffers, name: string, askedAt?: Path): Offer {
  const offer = parsed.file.offers.find((candidate) => candidate.name === name);
  if (offer !== undefined) return offer;
  const names = parsed.file.offers.map((candidate) => candidate.name);
  const message = `no offer named "${name}"${didYouMean(name, names)}; the file has ${names.map((n) => `"${n}"`).join(', ')}`;
  throw new DomainError('not-found', `no offer named "${name}"`, [
    askedAt === undefined
      ? parsed.source.problem(['offers'], message, 'unknown-offer', 'error', 'key')
      : problem(askedAt, message, 'unknown-offer'),
  ]);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The raw value at `path` in a document. */
function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (value, key) => (value as Record<string | number, unknown> | undefined)?.[key],
    root,
  );
}

/** The `schedules:` map: user-defined named schedules, each checked like an inline one. */
function userSchedules(
  source: SourceDocument,
  raw: unknown,
  problems: Problem[],
): Map<string, VestingSchedule | undefined> {
  const schedules = new Map<string, VestingSchedule | undefined>();
  const entries = asRecord(raw);
  // Past the bound the schema has said so: the schedules are not read one by one.
  if (entries === undefined || Object.keys(entries).length > MAX_SCHEDULES) return schedules;
  for (const [name, definition] of Object.entries(entries)) {
    const path: Path = ['schedules', name];
    if (NAMED_SCHEDULES.has(name)) {
      problems.push(
        source.problem(
          path,
          `"${name}" is a built-in schedule; choose another name`,
          'duplicate-name',
          'error',
          'key',
        ),
      );
      continue;
    }
    // Recorded even when invalid, so that references to it are not also reported as unknown.
    if (asRecord(definition) !== undefined) schedules.set(name, checkVesting(source, path, problems));
    else {
      schedules.set(name, undefined);
      problems.push(
        source.problem(path, `must be a schedule with years, cadence and cliffMonths`, 'invalid-value'),
      );
    }
  }
  return schedules;
}

/** A named or inline schedule; an absent one means `standard`. */
function resolveVesting(
  source: SourceDocument,
  raw: unknown,
  path: Path,
  schedules: Map<string, VestingSchedule | undefined>,
  problems: Problem[],
): VestingSchedule | undefined {
  if (raw === undefined) return NAMED_SCHEDULES.get('standard');
  if (typeof raw === 'string') {
    if (schedules.has(raw)) return schedules.get(raw);
    const named = NAMED_SCHEDULES.get(raw);
    if (named !== undefined) return named;
    const known = [...NAMED_SCHEDULES.keys(), ...schedules.keys()];
    problems.push(
      source.problem(
        path,
        `unknown schedule "${raw}"${didYouMean(raw, known)}; known schedules: ${known.join(', ')}`,
        'unknown-schedule',
      ),
    );
    return undefined;
  }
  if (asRecord(raw) !== undefined) return checkVesting(source, path, problems);
  problems.push(
    source.problem(
      path,
      `must be a schedule name or a schedule with years, cadence and cliffMonths`,
      'invalid-value',
    ),
  );
  return undefined;
}

function checkVesting(source: SourceDocument, path: Path, problems: Problem[]): VestingSchedule | undefined {
  const checked = checkSchema(source, scheduleSchema, path);
  problems.push(...checked.problems);
  if (checked.value === undefined) return undefined;
  // A single name applies to every year; a list, even of one, must give one cadence per year.
  const single = typeof asRecord(valueAt(source.value, path))?.cadence === 'string';
  const schedule: VestingSchedule = {
    years: checked.value.years,
    cadence: single ? (checked.value.cadence[0] ?? 'monthly') : checked.value.cadence,
    cliffMonths: checked.value.cliffMonths,
  };
  const semantic = scheduleProblems(schedule);
  for (const { field, message } of semantic) {
    problems.push(source.problem([...path, field], `${message}`, 'invalid-schedule'));
  }
  return semantic.length === 0 ? schedule : undefined;
}

/** The equity grants of one offer, each checked with the schema of its type. */
function offerGrants(
  source: SourceDocument,
  rawOffer: Record<string, unknown> | undefined,
  offerPath: Path,
  schedules: Map<string, VestingSchedule | undefined>,
  digits: number,
  problems: Problem[],
): { rsus: RsuGrant[]; options: OptionGrant[] } | undefined {
  const equity = rawOffer?.equity;
  if (!Array.isArray(equity)) return rawOffer === undefined ? undefined : { rsus: [], options: [] };
  // Past the bound the offer's schema has said so: the grants are not read one by one.
  if (equity.length > MAX_GRANTS) return undefined;
  const rsus: RsuGrant[] = [];
  const options: OptionGrant[] = [];
  let complete = true;
  equity.forEach((rawGrant, index) => {
    const path: Path = [...offerPath, 'equity', index];
    const type = asRecord(rawGrant)?.type;
    if (type !== 'rsu' && type !== 'option') {
      const message =
        type === undefined
          ? `missing required field "type" (rsu or option)`
          : `unknown equity type "${String(type)}"${didYouMean(String(type), ['rsu', 'option'])}; expected rsu or option`;
      problems.push(source.problem(type === undefined ? path : [...path, 'type'], message, 'invalid-value'));
      complete = false;
      return;
    }
    const schedule = resolveVesting(
      source,
      asRecord(rawGrant)?.vesting,
      [...path, 'vesting'],
      schedules,
      problems,
    );
    if (type === 'rsu') {
      const checked = checkSchema(source, rsuSchema, path);
      problems.push(...checked.problems);
      const grant = checked.value;
      if (grant === undefined || schedule === undefined) return void (complete = false);
      if ((grant.shares === undefined) === (grant.value === undefined)) {
        problems.push(
          source.problem(
            path,
            `give either shares or value (shares = floor(value / price))`,
            'invalid-value',
          ),
        );
        return void (complete = false);
      }
      const shares = grant.shares ?? sharesForValue(grant.value ?? 0, grant.price);
      if (shares > MAX_SHARES) {
        problems.push(
          source.problem(
            [...path, 'value'],
            `buys ${shares} shares at ${grant.price}, more than the ${MAX_SHARES} a grant may have; check the value and the price`,
            'invalid-value',
          ),
        );
        return void (complete = false);
      }
      rsus.push({ shares, price: grant.price, schedule, liquid: grant.liquid, grantMonth: 0, path });
    } else {
      const checked = checkSchema(source, optionSchema, path);
      problems.push(...checked.problems);
      const grant = checked.value;
      if (grant === undefined || schedule === undefined) return void (complete = false);
      options.push({
        shares: grant.shares,
        strike: grant.strike,
        fmv: grant.fmv,
        preferredPrice: grant.preferredPrice,
        fullyDilutedShares: grant.fullyDilutedShares,
        kind: grant.kind ?? 'nso',
        kindStated: grant.kind !== undefined,
        exerciseWindowDays: grant.exerciseWindowDays ?? 90,
        windowStated: grant.exerciseWindowDays !== undefined,
        schedule,
        path,
      });
    }
  });
  return complete ? { rsus, options } : undefined;
}

function buildBonus(
  source: SourceDocument,
  input: z.output<typeof bonusSchema>,
  path: Path,
  digits: number,
  problems: Problem[],
): Bonus | null {
  const hasTarget = input.target !== undefined || input.multiplier !== undefined;
  if (input.amount !== undefined && hasTarget) {
    problems.push(
      source.problem(
        path,
        `give either target (with an optional multiplier) or amount, not both`,
        'invalid-value',
      ),
    );
    return null;
  }
  if (input.amount !== undefined) return { kind: 'amount', amount: toMinor(major(input.amount), digits) };
  if (input.target === undefined) {
    problems.push(source.problem(path, `needs target (a fraction of base) or amount`, 'missing-field'));
    return null;
  }
  return { kind: 'target', target: input.target, multiplier: input.multiplier ?? 1 };
}

function buildRefreshers(
  source: SourceDocument,
  refreshers: z.output<typeof refreshersSchema>,
  rsus: RsuGrant[],
  schedule: VestingSchedule | undefined,
  offerPath: Path,
  digits: number,
  problems: Problem[],
): Refreshers | null {
  // Refreshers are in the company's stock: by default priced and traded like its first RSU grant.
  const first = rsus[0];
  const price = refreshers.price ?? first?.price;
  if (price === undefined) {
    problems.push(
      source.problem(
        [...offerPath, 'refreshers'],
        `needs a price, or an RSU grant to take the price from`,
        'missing-field',
        'error',
        'key',
      ),
    );
    return null;
  }
  if (schedule === undefined) return null;
  return {
    value: toMinor(major(refreshers.value), digits),
    every: refreshers.every,
    from: refreshers.from,
    schedule,
    price,
    liquid: first?.liquid ?? true,
  };
}
