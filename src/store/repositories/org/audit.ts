import type { AuditEntry } from '../../../core/org/audit.js';
import { now, parseJson } from '../common.js';
import type { OrgScope } from './scope.js';

/** Rows to one INSERT: 7 columns each, well within SQLite's and PostgreSQL's bound variables. */
const AUDIT_BATCH = 500;

export interface AuditFilter {
  /** Entries about this subject (a person's or an account's email, `framework:N`, the organisation's slug). */
  subject?: string | undefined;
  actor?: string | undefined;
  kind?: string | undefined;
  /** From this instant on (inclusive), ISO 8601. */
  since?: string | undefined;
  /** Before this instant (exclusive), ISO 8601. */
  until?: string | undefined;
}

export interface AuditRecord {
  kind: string;
  subject: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The audit log of one organisation: append and list, nothing else. No method updates or deletes
 * an entry, and none is to be added. Writers call `append` inside the transaction of their write,
 * so that a change and its entry are kept together or not at all.
 */
export class AuditRepository {
  constructor(private readonly scope: OrgScope) {}

  append(record: AuditRecord): Promise<void> {
    return this.appendMany([record]);
  }

  /** Entries in order, a few hundred rows to an INSERT (an import of thousands of people). */
  async appendMany(records: readonly AuditRecord[]): Promise<void> {
    const at = now();
    const rows = records.map(({ kind, subject, before, after }) => ({
      organisation_id: this.scope.organisationId,
      at,
      actor: this.scope.actor,
      kind,
      subject,
      before: before === undefined ? null : JSON.stringify(before),
      after: after === undefined ? null : JSON.stringify(after),
    }));
    for (let i = 0; i < rows.length; i += AUDIT_BATCH)
      await this.scope.db
        .insertInto('audit_log')
        .values(rows.slice(i, i + AUDIT_BATCH))
        .execute();
  }

  async list(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    let query = this.scope.db
      .selectFrom('audit_log')
      .selectAll()
      .where('organisation_id', '=', this.scope.organisationId);
    if (filter.subject !== undefined) query = query.where('subject', '=', filter.subject);
    if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
    if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
    if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
    if (filter.until !== undefined) query = query.where('at', '<', filter.until);
    const rows = await query.orderBy('at').orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      kind: r.kind,
      subject: r.subject,
      before: parseJson(r.before) ?? null,
      after: parseJson(r.after) ?? null,
    }));
  }
}
