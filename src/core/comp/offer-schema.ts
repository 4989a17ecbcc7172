import { z } from 'zod';
import { checkSchema, didYouMean, parseSource, type SourceDocument } from '../input/document.js';
import { DomainError, formatPath, type Path, type Problem } from '../problems.js';
import { toMinor } from './money.js';
import type { Bonus, Offer, OffersFile, OptionGrant, Refreshers, RsuGrant } from './offer.js';
import { sharesForValue } from './offer.js';
import { CADENCES, NAMED_SCHEDULES, scheduleProblems, type VestingSchedule } from './schedule.js';

/**
 * The offer file format (YAML or JSON) and its validation. Every problem is located in the file and
 * all of them are reported in one run. Grants and vesting schedules are checked in a second pass
 * with their own schemas, so that a misspelt field inside them still gets a "did you mean".
 */

const amount = z.number().min(0, 'must not be negative');
const positive = z.number().positive('must be greater than 0');
const fraction = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const rate = z.number().gt(-1, 'must be greater than -1 (a fraction: 0.03 is 3%)');
const wholeShares = z.number().int('must be a whole number of shares').min(0, 'must not be negative');
const months = z.number().int('must be a whole number of months').min(0, 'must not be negative');

export const scheduleSchema = z.strictObject({
  years: z.array(z.number().min(0, 'percentages must not be negative')).min(1, 'must list at least one year'),
  // A single cadence is read as a list of one, which then applies to every year.
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
  price: positive,
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

const offerSchema = z.strictObject({
  name: z.string().min(1, 'must not be empty'),
  base: amount,
  raise: rate.default(0),
  bonus: z
    .strictObject({ target: amount.optional(), multiplier: amount.optional(), amount: amount.optional() })
    .optional(),
  signing: z
    .union([amount, z.array(amount)], { error: 'must be an amount or a list of amounts, one per year' })
    .optional(),
  clawback: z
    .strictObject({ months: months.min(1, 'must be at least 1'), prorated: z.boolean().default(false) })
    .optional(),
  equity: z.array(z.unknown()).default([]),
  refreshers: z
    .strictObject({
      value: amount,
      every: z.number().int('must be a whole number of years').min(1, 'must be at least 1').default(1),
      from: z.number().int('must be a whole number of years').min(1, 'must be at least 1').default(2),
      vesting: z.unknown().optional(),
      price: positive.optional(),
    })
    .optional(),
  company: z
    .strictObject({
      dilutionPerRound: z.number().min(0, 'must be between 0 and 1').lt(1, 'must be less than 1'),
      roundsToExit: z.number().int('must be a whole number').min(0, 'must not be negative'),
      exitValuation: amount,
      exitProbability: fraction,
    })
    .optional(),
});

export const offersFileSchema = z.strictObject({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as USD')
    .default('USD'),
  assumptions: z
    .strictObject({
      stockGrowth: rate.default(0),
      years: z
        .number()
        .int('must be a whole number of years')
        .min(1, 'must be at least 1')
        .max(50, 'must be at most 50')
        .default(4),
      tax: z
        .strictObject({ incomeRate: fraction.default(0.32), amtRate: fraction.default(0.28) })
        .prefault({}),
    })
    .prefault({}),
  schedules: z.record(z.string(), z.unknown()).default({}),
  offers: z.array(offerSchema).min(1, 'must list at least one offer'),
});

export type OffersFileInput = z.output<typeof offersFileSchema>;

/** A validated offer file with the parsed document kept, so later look-ups can point into it. */
export interface ParsedOffers {
  file: OffersFile;
  source: SourceDocument;
}

/** Parses and validates an offer file; throws an `invalid-input` DomainError listing every problem. */
export function parseOffersFile(text: string, fileName: string): ParsedOffers {
  const source = parseSource(text, fileName);
  if (source.syntaxProblems.length > 0)
    throw new DomainError('invalid-input', 'invalid offer file', source.syntaxProblems);
  const problems: Problem[] = [];
  const top = checkSchema(source, offersFileSchema);
  problems.push(...top.problems);

  const raw = asRecord(source.value);
  const schedules = userSchedules(source, raw?.schedules, problems);
  const rawOffers = Array.isArray(raw?.offers) ? raw.offers : [];
  const grants = rawOffers.map((rawOffer, index) =>
    offerGrants(source, asRecord(rawOffer), ['offers', index], schedules, problems),
  );
  const refresherSchedules = rawOffers.map((rawOffer, index) => {
    const refreshers = asRecord(asRecord(rawOffer)?.refreshers);
    return refreshers === undefined
      ? undefined
      : resolveVesting(
          source,
          refreshers.vesting,
          ['offers', index, 'refreshers', 'vesting'],
          schedules,
          problems,
        );
  });

  const value = top.value;
  const offers: Offer[] = [];
  if (value !== undefined) {
    const seen = new Map<string, number>();
    value.offers.forEach((input, index) => {
      const path: Path = ['offers', index];
      if (seen.has(input.name)) {
        problems.push(
          source.problem(
            [...path, 'name'],
            `${formatPath(path)}.name: "${input.name}" is already the name of offers[${seen.get(input.name)}]; names must be unique`,
            'duplicate-name',
          ),
        );
      }
      seen.set(input.name, index);
      const offerGrantsValue = grants[index];
      const bonus = buildBonus(source, input.bonus, [...path, 'bonus'], problems);
      // Without valid grants the refreshers have no price to check: the grants' problems are reported.
      if (offerGrantsValue === undefined) return;
      const refreshers = buildRefreshers(
        source,
        input,
        offerGrantsValue.rsus,
        refresherSchedules[index],
        path,
        problems,
      );
      offers.push({
        name: input.name,
        base: toMinor(input.base),
        raise: input.raise,
        bonus,
        signing: (typeof input.signing === 'number' ? [input.signing] : (input.signing ?? [])).map(toMinor),
        clawback: input.clawback ?? null,
        rsus: offerGrantsValue.rsus,
        options: offerGrantsValue.options,
        refreshers,
        company: input.company ?? null,
      });
    });
  }
  if (problems.length > 0 || value === undefined)
    throw new DomainError('invalid-input', 'invalid offer file', problems);
  return {
    source,
    file: {
      currency: value.currency,
      stockGrowth: value.assumptions.stockGrowth,
      years: value.assumptions.years,
      tax: value.assumptions.tax,
      offers,
    },
  };
}

/** The offer with this name, or a not-found error pointing at the file's offers. */
export function selectOffer(parsed: ParsedOffers, name: string): Offer {
  const offer = parsed.file.offers.find((candidate) => candidate.name === name);
  if (offer !== undefined) return offer;
  const names = parsed.file.offers.map((candidate) => candidate.name);
  throw new DomainError('not-found', `no offer named "${name}"`, [
    parsed.source.problem(
      ['offers'],
      `offers: no offer named "${name}"${didYouMean(name, names)}; the file has ${names.map((n) => `"${n}"`).join(', ')}`,
      'unknown-offer',
      'error',
      'key',
    ),
  ]);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The `schedules:` map: user-defined named schedules, each checked like an inline one. */
function userSchedules(
  source: SourceDocument,
  raw: unknown,
  problems: Problem[],
): Map<string, VestingSchedule | undefined> {
  const schedules = new Map<string, VestingSchedule | undefined>();
  const entries = asRecord(raw);
  if (entries === undefined) return schedules;
  for (const [name, definition] of Object.entries(entries)) {
    const path: Path = ['schedules', name];
    if (name in NAMED_SCHEDULES) {
      problems.push(
        source.problem(
          path,
          `schedules.${name}: "${name}" is a built-in schedule; choose another name`,
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
        source.problem(
          path,
          `schedules.${name}: must be a schedule with years, cadence and cliffMonths`,
          'invalid-value',
        ),
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
  if (raw === undefined) return NAMED_SCHEDULES.standard;
  if (typeof raw === 'string') {
    if (schedules.has(raw)) return schedules.get(raw);
    const named = NAMED_SCHEDULES[raw];
    if (named !== undefined) return named;
    const known = [...Object.keys(NAMED_SCHEDULES), ...schedules.keys()];
    problems.push(
      source.problem(
        path,
        `${formatPath(path)}: unknown schedule "${raw}"${didYouMean(raw, known)}; known schedules: ${known.join(', ')}`,
        'unknown-schedule',
      ),
    );
    return undefined;
  }
  if (asRecord(raw) !== undefined) return checkVesting(source, path, problems);
  problems.push(
    source.problem(
      path,
      `${formatPath(path)}: must be a schedule name or a schedule with years, cadence and cliffMonths`,
      'invalid-value',
    ),
  );
  return undefined;
}

function checkVesting(source: SourceDocument, path: Path, problems: Problem[]): VestingSchedule | undefined {
  const checked = checkSchema(source, scheduleSchema, path);
  problems.push(...checked.problems);
  if (checked.value === undefined) return undefined;
  const schedule: VestingSchedule = {
    years: checked.value.years,
    cadence:
      checked.value.cadence.length === 1 ? (checked.value.cadence[0] ?? 'monthly') : checked.value.cadence,
    cliffMonths: checked.value.cliffMonths,
  };
  const semantic = scheduleProblems(schedule);
  for (const { field, message } of semantic) {
    problems.push(
      source.problem([...path, field], `${formatPath([...path, field])}: ${message}`, 'invalid-schedule'),
    );
  }
  return semantic.length === 0 ? schedule : undefined;
}

/** The equity grants of one offer, each checked with the schema of its type. */
function offerGrants(
  source: SourceDocument,
  rawOffer: Record<string, unknown> | undefined,
  offerPath: Path,
  schedules: Map<string, VestingSchedule | undefined>,
  problems: Problem[],
): { rsus: RsuGrant[]; options: OptionGrant[] } | undefined {
  const equity = rawOffer?.equity;
  if (!Array.isArray(equity)) return rawOffer === undefined ? undefined : { rsus: [], options: [] };
  const rsus: RsuGrant[] = [];
  const options: OptionGrant[] = [];
  let complete = true;
  equity.forEach((rawGrant, index) => {
    const path: Path = [...offerPath, 'equity', index];
    const type = asRecord(rawGrant)?.type;
    if (type !== 'rsu' && type !== 'option') {
      const message =
        type === undefined
          ? `${formatPath(path)}: missing required field "type" (rsu or option)`
          : `${formatPath(path)}.type: unknown equity type "${String(type)}"${didYouMean(String(type), ['rsu', 'option'])}; expected rsu or option`;
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
            `${formatPath(path)}: give either shares or value (shares = floor(value / price))`,
            'invalid-value',
          ),
        );
        return void (complete = false);
      }
      const shares = grant.shares ?? sharesForValue(grant.value ?? 0, grant.price);
      rsus.push({ shares, price: grant.price, schedule, liquid: grant.liquid, grantMonth: 0 });
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
      });
    }
  });
  return complete ? { rsus, options } : undefined;
}

function buildBonus(
  source: SourceDocument,
  input: { target?: number; multiplier?: number; amount?: number } | undefined,
  path: Path,
  problems: Problem[],
): Bonus | null {
  if (input === undefined) return null;
  const hasTarget = input.target !== undefined || input.multiplier !== undefined;
  if (input.amount !== undefined && hasTarget) {
    problems.push(
      source.problem(
        path,
        `${formatPath(path)}: give either target (with an optional multiplier) or amount, not both`,
        'invalid-value',
      ),
    );
    return null;
  }
  if (input.amount !== undefined) return { kind: 'amount', amount: toMinor(input.amount) };
  if (input.target === undefined) {
    problems.push(
      source.problem(
        path,
        `${formatPath(path)}: needs target (a fraction of base) or amount`,
        'missing-field',
      ),
    );
    return null;
  }
  return { kind: 'target', target: input.target, multiplier: input.multiplier ?? 1 };
}

function buildRefreshers(
  source: SourceDocument,
  input: OffersFileInput['offers'][number],
  rsus: RsuGrant[],
  schedule: VestingSchedule | undefined,
  offerPath: Path,
  problems: Problem[],
): Refreshers | null {
  const refreshers = input.refreshers;
  if (refreshers === undefined) return null;
  // Refreshers are in the company's stock: by default priced and traded like its first RSU grant.
  const first = rsus[0];
  const price = refreshers.price ?? first?.price;
  if (price === undefined) {
    problems.push(
      source.problem(
        [...offerPath, 'refreshers'],
        `${formatPath([...offerPath, 'refreshers'])}: needs a price, or an RSU grant to take the price from`,
        'missing-field',
        'error',
        'key',
      ),
    );
    return null;
  }
  if (schedule === undefined) return null;
  return {
    value: toMinor(refreshers.value),
    every: refreshers.every,
    from: refreshers.from,
    schedule,
    price,
    liquid: first?.liquid ?? true,
  };
}
