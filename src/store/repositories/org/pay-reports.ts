import type { Framework } from '../../../core/framework/schema.js';
import type { PromotionHistory } from '../../../core/org/promotion.js';
import { structureFrom, type StructureReport } from '../../../core/org/structure.js';
import { categoriser, parseCategoryRule, type CategoryRule } from '../../../core/pay/categories.js';
import { criteriaMarkdown } from '../../../core/pay/criteria.js';
import { payGapReport, type PayGapReport, type PayWorker } from '../../../core/pay/gap.js';
import { bandHealth, type BandHealth, type HealthPerson } from '../../../core/pay/health.js';
import { periodPattern } from '../../../core/pay/rows.js';
import { workerInformation, type WorkerInformation } from '../../../core/pay/worker.js';
import { DomainError } from '../../../core/problems.js';
import type { OrgRepositories } from './index.js';
import type { PersonPay } from './pay.js';
import { gapRows, structureRows } from './report-rows.js';

/**
 * The pay reports over one organisation's stored pay, the same for the command line and the API:
 * each reads the period's rows once and hands them to the core.
 */

export interface GapRequest {
  period: string;
  minGroup?: number | undefined;
  /** `band` (the default), `level`, or `LEVEL=NAME,…`. */
  categories?: string | undefined;
}

function checkPeriod(period: string): string {
  if (!periodPattern.test(period))
    throw new DomainError(
      'usage',
      `period "${period}" is not a year or part of one, such as 2026 or 2026-h1`,
    );
  return period.toLowerCase();
}

function checkMinGroup(minGroup: number | undefined): number | undefined {
  if (minGroup !== undefined && !(Number.isInteger(minGroup) && minGroup >= 1 && minGroup <= 1000))
    throw new DomainError(
      'usage',
      `the minimum group must be a whole number from 1 to 1000, got ${minGroup}`,
    );
  return minGroup;
}

/** The one currency of a period's `count` rows (a report cannot add euros to pounds). */
function oneCurrency(period: string, count: number, currencies: readonly string[]): string {
  if (count === 0) throw new DomainError('not-found', `no pay is recorded for period ${period}`);
  if (currencies.length > 1)
    throw new DomainError(
      'invalid-input',
      `period ${period} holds pay in ${currencies.join(' and ')}: a report needs one currency`,
    );
  return currencies[0]!;
}

/** The period's rows, all in one currency. */
async function periodRows(r: OrgRepositories, period: string): Promise<PersonPay[]> {
  const rows = await r.pay.rows({ period });
  oneCurrency(period, rows.length, [...new Set(rows.map((row) => row.currency))]);
  return rows;
}

export async function payGapOf(r: OrgRepositories, request: GapRequest): Promise<PayGapReport> {
  const period = checkPeriod(request.period);
  const minGroup = checkMinGroup(request.minGroup);
  // The six columns the report needs (report-rows.ts), not every person's whole pay record.
  const { currencies, rows } = await gapRows(r.scope, period);
  const currency = oneCurrency(period, rows.length, currencies);
  const frameworks = await r.frameworks.all();
  const rule = parseCategoryRule(request.categories, (await r.frameworks.current()).framework);
  return payGapReport(workersOf(rows, frameworks, rule), {
    period,
    currency,
    ...(minGroup === undefined ? {} : { minGroup }),
    justifications: await r.pay.justifications(period),
  });
}

/** Band health over a period's pay (the latest period when none is given). */
export async function bandHealthOf(
  r: OrgRepositories,
  period?: string,
): Promise<BandHealth & { period: string; currency: string }> {
  const bands = await r.pay.bands();
  if (!bands)
    throw new DomainError('not-found', 'no pay bands are set: run `trellis org pay bands set FILE`');
  const chosen = period === undefined ? (await r.pay.periods()).at(-1) : checkPeriod(period);
  if (chosen === undefined) throw new DomainError('not-found', 'no pay is recorded yet');
  const rows = await periodRows(r, chosen);
  const health = bandHealth(healthPeopleOf(rows, await r.frameworks.all()), bands.bands);
  return { period: chosen, currency: rows[0]!.currency, ...health };
}

/** A worker's information request (Article 7) for the person with row id `personId`. */
export async function workerInformationOf(
  r: OrgRepositories,
  personId: number,
  request: GapRequest,
): Promise<WorkerInformation> {
  const period = checkPeriod(request.period);
  const minGroup = checkMinGroup(request.minGroup);
  const rows = await periodRows(r, period);
  const rule = parseCategoryRule(request.categories, (await r.frameworks.current()).framework);
  const workers = workersOf(rows, await r.frameworks.all(), rule);
  const own = workers.find((w) => w.personId === personId);
  if (!own) throw new DomainError('not-found', `no pay is recorded for this person in period ${period}`);
  return workerInformation(own, workers, {
    period,
    currency: rows[0]!.currency,
    ...(minGroup === undefined ? {} : { minGroup }),
  });
}

/** The structure report's options: the promotion window and its minimum group. */
export interface StructureRequest {
  asOf?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  minGroup?: number | undefined;
}

/**
 * The structure report over everyone, against the current framework, measured to today (or
 * `asOf`); promotions over the level history, each level's band read in the framework version it
 * was recorded in.
 */
export async function structureOf(
  r: OrgRepositories,
  request: StructureRequest = {},
): Promise<StructureReport> {
  const asOf = request.asOf ?? new Date().toISOString().slice(0, 10);
  for (const [name, day] of [
    ['since', request.since],
    ['until', request.until],
  ] as const)
    if (day !== undefined && !(isoDay.test(day) && !Number.isNaN(Date.parse(day))))
      throw new DomainError('usage', `${name} expects a day such as 2026-01-31, got "${day}"`);
  if (request.since !== undefined && request.until !== undefined && request.since > request.until)
    throw new DomainError('usage', `the window's start ${request.since} is after its end ${request.until}`);
  const minGroup = checkMinGroup(request.minGroup);
  // Counted in SQL where the report only needs counts; the level history in four columns.
  const [current, frameworks, { counts, held, leaveDates }] = await Promise.all([
    r.frameworks.current(),
    r.frameworks.all(),
    structureRows(r.scope),
  ]);
  const bands = new Map<number, Map<string, number>>();
  const bandOf = (versionId: number, level: string) => {
    let of = bands.get(versionId);
    if (!of) {
      of = new Map(frameworks.get(versionId)?.framework.levels.map((l) => [l.id, l.band]));
      bands.set(versionId, of);
    }
    return of.get(level);
  };
  // One history per person, oldest level first (the rows come by person, then date).
  const histories: PromotionHistory[] = [];
  let last: number | undefined;
  let levels: { level: string; band: number; from: string }[] = [];
  for (const h of held) {
    if (h.personId !== last) {
      last = h.personId;
      levels = [];
      const leaveDate = leaveDates.get(h.personId);
      histories.push({ ...(leaveDate === undefined ? {} : { leaveDate }), held: levels });
    }
    const band = bandOf(h.frameworkVersionId, h.level);
    if (band !== undefined) levels.push({ level: h.level, band, from: h.from });
  }
  return structureFrom(counts, current.framework, asOf, {
    histories,
    since: request.since,
    until: request.until,
    minGroup,
  });
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The criteria document (Article 6) from the current framework and the bands set last. */
export async function criteriaOf(r: OrgRepositories): Promise<string> {
  const { framework } = await r.frameworks.current();
  return criteriaMarkdown(framework, (await r.pay.bands())?.bands);
}

/** What places a pay row among the workers: the stored rows, or the pay-gap report's columns. */
type WorkerRow = Pick<PersonPay, 'level' | 'frameworkVersionId' | 'base' | 'variable' | 'fte'> & {
  personId?: number;
  gender: PersonPay['gender'] | null;
};

/**
 * The workers of the pay reports from their pay rows: each placed in a category by the framework
 * version their level is read in. A row whose level that version no longer has is left out.
 */
export function workersOf(
  rows: readonly WorkerRow[],
  frameworks: ReadonlyMap<number, { framework: Framework }>,
  rule: CategoryRule,
): (PayWorker & { personId?: number })[] {
  const categorise = new Map<number, (level: string) => string | undefined>();
  const out: (PayWorker & { personId?: number })[] = [];
  for (const r of rows) {
    let of = categorise.get(r.frameworkVersionId);
    if (!of) {
      const version = frameworks.get(r.frameworkVersionId);
      of = version ? categoriser(version.framework, rule) : () => undefined;
      categorise.set(r.frameworkVersionId, of);
    }
    const category = of(r.level);
    if (category === undefined) continue;
    out.push({
      ...(r.personId === undefined ? {} : { personId: r.personId }),
      gender: r.gender ?? undefined,
      category,
      base: r.base,
      variable: r.variable,
      fte: r.fte,
    });
  }
  return out;
}

/** The people of band health from their pay rows: band and track from their framework version. */
export function healthPeopleOf(
  rows: readonly PersonPay[],
  frameworks: ReadonlyMap<number, { framework: Framework }>,
): HealthPerson[] {
  const out: HealthPerson[] = [];
  const levelsOf = new Map<number, Map<string, { band: number; track: string }>>();
  for (const r of rows) {
    let levels = levelsOf.get(r.frameworkVersionId);
    if (!levels) {
      const framework = frameworks.get(r.frameworkVersionId)?.framework;
      levels = new Map(framework?.levels.map((l) => [l.id, { band: l.band, track: l.track }]));
      levelsOf.set(r.frameworkVersionId, levels);
    }
    const level = levels.get(r.level);
    if (!level) continue;
    out.push({
      email: r.email,
      level: r.level,
      ...level,
      zone: r.zone,
      currency: r.currency,
      base: r.base,
      fte: r.fte,
    });
  }
  return out;
}
