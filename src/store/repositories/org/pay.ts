import type { Transaction } from 'kysely';
import type { Minor } from '../../../core/comp/money.js';
import type { CsvRecords } from '../../../core/org/csv.js';
import type { Gender } from '../../../core/org/person.js';
import { readPayText, type PayBands } from '../../../core/pay/bands.js';
import { diffPay, type PayDiff } from '../../../core/pay/diff.js';
import { periodPattern, readPayCsv, type PayRow } from '../../../core/pay/rows.js';
import { DomainError } from '../../../core/problems.js';
import { asOrganisation, refreshStatistics } from '../../dialect/index.js';
import type { Tables } from '../../tables.js';
import { now, type Db } from '../common.js';
import { AuditRepository } from './audit.js';
import { OrgFrameworkRepository } from './frameworks.js';
import { over, type OrgScope } from './scope.js';

export interface SetBands {
  number: number;
  bands: PayBands;
  /** Against the bands set before, when there were any. */
  diff?: PayDiff;
}

/** A person's pay in one period, with what the reports group and place them by. */
export interface PersonPay extends PayRow {
  personId: number;
  gender: Gender | undefined;
  level: string;
  zone: string | undefined;
  frameworkVersionId: number;
}

/** Pay rows to one INSERT: 8 columns each, within both stores' bound variables. */
const PAY_BATCH = 500;

/** Pay rows joined to their people, within the one organisation both belong to. */
export const payWithPeople = (db: Db) =>
  db
    .selectFrom('pay')
    .innerJoin('people', (join) =>
      join
        .onRef('people.id', '=', 'pay.person_id')
        .onRef('people.organisation_id', '=', 'pay.organisation_id'),
    );

/**
 * One organisation's pay: the pay-bands files it set, people's pay per period and the
 * justifications of flagged categories. Every query runs as the organisation (row-level security on
 * PostgreSQL) and filters by it; every write appends its audit entry in the same transaction. The
 * audit log keeps what changed and how much, never an amount of anyone's pay.
 */
export class PayRepository {
  constructor(private readonly scope: OrgScope) {}

  private run<T>(work: (trx: Transaction<Tables>, scope: OrgScope) => Promise<T>): Promise<T> {
    return asOrganisation(this.scope.db, this.scope.organisationId, (trx) =>
      work(trx, over(this.scope, trx)),
    );
  }

  /** Checks a pay file against the current framework and keeps it as the organisation's bands. */
  setBands(source: string, file: string): Promise<SetBands> {
    return this.run(async (trx, scope) => {
      const { framework } = await new OrgFrameworkRepository(scope).current();
      const bands = readPayText(source, file, framework);
      const before = await new PayRepository(scope).bands();
      const number = (before?.number ?? 0) + 1;
      await trx
        .insertInto('pay_bands')
        .values({
          organisation_id: scope.organisationId,
          number,
          file,
          source,
          set_at: now(),
          set_by: scope.actor,
        })
        .execute();
      const diff = before && diffPay(before.bands, bands);
      await new AuditRepository(scope).append({
        kind: 'pay.bands.set',
        subject: `pay-bands:${number}`,
        after: {
          number,
          file,
          ranges: bands.ranges.length,
          ...(diff
            ? { added: diff.added, removed: diff.removed, changed: diff.changed.map((c) => c.range) }
            : {}),
        },
      });
      return { number, bands, ...(diff ? { diff } : {}) };
    });
  }

  /** The bands set last, or undefined when none were. */
  bands(): Promise<{ number: number; bands: PayBands } | undefined> {
    return this.run(async (trx) => {
      const row = await trx
        .selectFrom('pay_bands')
        .select(['number', 'source'])
        .where('organisation_id', '=', this.scope.organisationId)
        .orderBy('number', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && { number: row.number, bands: readPayText(row.source, `pay bands ${row.number}`) };
    });
  }

  /**
   * Imports people's pay from CSV: every row checked before any is kept, all or nothing. A person
   * who already has pay for a period has it replaced. Amounts are in `currency`, else in the
   * currency of the bands set last.
   */
  async importCsv(
    records: CsvRecords,
    currency?: string,
  ): Promise<{ created: number; replaced: number; periods: string[] }> {
    const summary = await this.run(async (trx, scope) => {
      const code = currency ?? (await new PayRepository(scope).bands())?.bands.currency;
      if (code === undefined)
        throw new DomainError(
          'usage',
          'give the currency of the amounts with --currency, or set the pay bands first',
        );
      const people = await trx
        .selectFrom('people')
        .select(['id', 'email'])
        .where('organisation_id', '=', scope.organisationId)
        .execute();
      const idOf = new Map(people.map((p) => [p.email, p.id]));
      const rows = readPayCsv(records, code, new Set(idOf.keys()));
      // A few hundred rows to a statement: one DELETE of the pay they replace, one INSERT (100,000
      // rows one by one are 200,000 round trips, minutes on PostgreSQL). The file holds each person
      // and period once at most (readPayCsv), so the batches never overlap.
      let replaced = 0;
      const at = now();
      for (let i = 0; i < rows.length; i += PAY_BATCH) {
        const batch = rows.slice(i, i + PAY_BATCH);
        for (const period of new Set(batch.map((row) => row.period))) {
          const gone = await trx
            .deleteFrom('pay')
            .where('organisation_id', '=', scope.organisationId)
            .where('period', '=', period)
            .where(
              'person_id',
              'in',
              batch.filter((row) => row.period === period).map((row) => idOf.get(row.email)!),
            )
            .executeTakeFirst();
          replaced += Number(gone.numDeletedRows);
        }
        await trx
          .insertInto('pay')
          .values(
            batch.map((row) => ({
              organisation_id: scope.organisationId,
              person_id: idOf.get(row.email)!,
              period: row.period,
              currency: row.currency,
              base: row.base,
              variable: row.variable,
              fte: row.fte,
              updated_at: at,
            })),
          )
          .execute();
      }
      const periods = [...new Set(rows.map((r) => r.period))].sort();
      const summary = { created: rows.length - replaced, replaced, periods };
      await new AuditRepository(scope).append({
        kind: 'pay.import',
        subject: records.file,
        after: { file: records.file, currency: code, ...summary },
      });
      return summary;
    });
    // The reports plan over the new rows at once on PostgreSQL, not as over an empty table.
    if (summary.created > 0) await refreshStatistics(this.scope.db, 'pay');
    return summary;
  }

  /** Everyone's pay in `period` (or one person's in every period), with their level, zone and gender. */
  rows(filter: { period?: string; personId?: number }): Promise<PersonPay[]> {
    return this.run(async (trx) => {
      let query = payWithPeople(trx)
        .select([
          'pay.person_id',
          'pay.period',
          'pay.currency',
          'pay.base',
          'pay.variable',
          'pay.fte',
          'people.email',
          'people.gender',
          'people.level',
          'people.zone',
          'people.framework_version_id',
        ])
        .where('pay.organisation_id', '=', this.scope.organisationId);
      if (filter.period !== undefined) query = query.where('pay.period', '=', filter.period.toLowerCase());
      if (filter.personId !== undefined) query = query.where('pay.person_id', '=', filter.personId);
      const rows = await query.orderBy('pay.period').orderBy('pay.person_id').execute();
      return rows.map((r) => ({
        personId: r.person_id,
        email: r.email,
        period: r.period,
        currency: r.currency,
        base: Number(r.base) as Minor,
        variable: Number(r.variable) as Minor,
        fte: Number(r.fte),
        gender: (r.gender ?? undefined) as Gender | undefined,
        level: r.level,
        zone: r.zone ?? undefined,
        frameworkVersionId: r.framework_version_id,
      }));
    });
  }

  /** The periods with pay recorded, in order. */
  periods(): Promise<string[]> {
    return this.run(async (trx) => {
      const rows = await trx
        .selectFrom('pay')
        .select('period')
        .distinct()
        .where('organisation_id', '=', this.scope.organisationId)
        .orderBy('period')
        .execute();
      return rows.map((r) => r.period);
    });
  }

  /** Records (or replaces) hr's justification of a category's gap in a period. */
  async justify(period: string, category: string, reason: string): Promise<void> {
    const text = reason.trim();
    if (!periodPattern.test(period))
      throw new DomainError('usage', `--period: "${period}" is not a period such as 2026`);
    if (text === '' || text.length > 2000)
      throw new DomainError('usage', '--reason must be between 1 and 2000 characters');
    return this.run(async (trx, scope) => {
      const key = { period: period.toLowerCase(), category };
      const before = await trx
        .selectFrom('pay_justifications')
        .select('reason')
        .where('organisation_id', '=', scope.organisationId)
        .where('period', '=', key.period)
        .where('category', '=', category)
        .executeTakeFirst();
      await trx
        .deleteFrom('pay_justifications')
        .where('organisation_id', '=', scope.organisationId)
        .where('period', '=', key.period)
        .where('category', '=', category)
        .execute();
      await trx
        .insertInto('pay_justifications')
        .values({
          organisation_id: scope.organisationId,
          ...key,
          reason: text,
          recorded_at: now(),
          recorded_by: scope.actor,
        })
        .execute();
      await new AuditRepository(scope).append({
        kind: 'pay.justify',
        subject: `pay-gap:${key.period}:${category}`,
        ...(before ? { before: { reason: before.reason } } : {}),
        after: { reason: text },
      });
    });
  }

  justifications(period: string): Promise<Map<string, string>> {
    return this.run(async (trx) => {
      const rows = await trx
        .selectFrom('pay_justifications')
        .select(['category', 'reason'])
        .where('organisation_id', '=', this.scope.organisationId)
        .where('period', '=', period.toLowerCase())
        .execute();
      return new Map(rows.map((r) => [r.category, r.reason]));
    });
  }
}
