import { loadFrameworkOrThrow } from '../../../core/framework/load.js';
import type { Framework } from '../../../core/framework/schema.js';
import { DomainError } from '../../../core/problems.js';
import { inTransaction, now, type Db } from '../common.js';
import { changedUnderSameVersion, FrameworkRepository, shippedReference } from '../frameworks.js';
import { AuditRepository } from './audit.js';
import { over, type OrgScope } from './scope.js';

export interface FrameworkVersion {
  /** The row's id: what a person's level refers to. */
  id: number;
  /** 1, 2, 3 … in the order the organisation adopted them. */
  number: number;
  frameworkId: string;
  frameworkVersion: string;
  adoptedAt: string;
  adoptedBy: string;
}

export interface LoadedVersion extends FrameworkVersion {
  framework: Framework;
  source: string;
}

const columns = ['id', 'number', 'framework_id', 'framework_version', 'adopted_at', 'adopted_by'] as const;

function version(r: {
  id: number;
  number: number;
  framework_id: string;
  framework_version: string;
  adopted_at: string;
  adopted_by: string;
}): FrameworkVersion {
  return {
    id: r.id,
    number: r.number,
    frameworkId: r.framework_id,
    frameworkVersion: r.framework_version,
    adoptedAt: r.adopted_at,
    adoptedBy: r.adopted_by,
  };
}

/** The framework versions an organisation adopted, every one kept; the newest is the current one. */
export class OrgFrameworkRepository {
  constructor(private readonly scope: OrgScope) {}

  async versions(): Promise<FrameworkVersion[]> {
    const rows = await this.scope.db
      .selectFrom('org_frameworks')
      .select(columns)
      .where('organisation_id', '=', this.scope.organisationId)
      .orderBy('number')
      .execute();
    return rows.map(version);
  }

  /** A version by its row id, only within the organisation. */
  async byId(id: number): Promise<LoadedVersion | undefined> {
    const row = await this.scope.db
      .selectFrom('org_frameworks')
      .select([...columns, 'source'])
      .where('organisation_id', '=', this.scope.organisationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && loaded(row);
  }

  async current(): Promise<LoadedVersion> {
    const row = await this.scope.db
      .selectFrom('org_frameworks')
      .select([...columns, 'source'])
      .where('organisation_id', '=', this.scope.organisationId)
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) throw new DomainError('not-found', 'the organisation has adopted no framework yet');
    return loaded(row);
  }

  /** Every version, parsed, by row id: to read each person against the version of their level. */
  async all(): Promise<Map<number, LoadedVersion>> {
    const rows = await this.scope.db
      .selectFrom('org_frameworks')
      .select([...columns, 'source'])
      .where('organisation_id', '=', this.scope.organisationId)
      .execute();
    return new Map(rows.map((r) => [r.id, loaded(r)]));
  }

  /** Adopts a framework file as the next version, checked first; its entry goes in the audit log. */
  async adopt(source: string, file: string): Promise<LoadedVersion> {
    const framework = loadFrameworkOrThrow(source, file);
    return inTransaction(this.scope.db, async (trx) => {
      const scope = over(this.scope, trx);
      await refuseChangedUnderSameVersion(trx, scope.organisationId, framework, source, file);
      // Stored now for the personal pages, which use every version under its id and version. The
      // row-level policies hide one organisation's adoptions from another's check above; the stored
      // row is what keeps a second organisation from adopting another text under the same name.
      const shipped = source === shippedReference().source;
      await new FrameworkRepository(trx).add(source, shipped ? 'reference' : 'imported', file, framework);
      const last = await trx
        .selectFrom('org_frameworks')
        .select('number')
        .where('organisation_id', '=', scope.organisationId)
        .orderBy('number', 'desc')
        .limit(1)
        .executeTakeFirst();
      const values = {
        organisation_id: scope.organisationId,
        number: (last?.number ?? 0) + 1,
        framework_id: framework.id,
        framework_version: framework.version,
        source,
        adopted_at: now(),
        adopted_by: scope.actor,
      };
      const { id } = await trx
        .insertInto('org_frameworks')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      const adopted = { ...version({ id, ...values }), framework, source };
      await new AuditRepository(scope).append({
        kind: 'framework.adopt',
        subject: `framework:${values.number}`,
        after: { number: values.number, framework: framework.id, version: framework.version, file },
      });
      return adopted;
    });
  }
}

/**
 * A ladder's id and version name one text (DESIGN: frameworks are versioned). An organisation's
 * people use its adopted version on their own pages, stored beside the workspace's frameworks, so a
 * changed text under an id and version the organisation adopted before, or the workspace stores
 * already (the shipped reference framework among them), is refused here, where the admin can give
 * it a new version, rather than failing every person's pages afterwards.
 */
async function refuseChangedUnderSameVersion(
  trx: Db,
  organisationId: number,
  framework: Framework,
  source: string,
  file: string,
): Promise<void> {
  const adopted = await trx
    .selectFrom('org_frameworks')
    .select('source')
    .where('organisation_id', '=', organisationId)
    .where('framework_id', '=', framework.id)
    .where('framework_version', '=', framework.version)
    .execute();
  const stored = await trx
    .selectFrom('frameworks')
    .select('source')
    .where('framework_id', '=', framework.id)
    .where('version', '=', framework.version)
    .execute();
  if ([...adopted, ...stored].every((row) => row.source === source)) return;
  throw changedUnderSameVersion(
    framework,
    { source, file },
    'in this workspace',
    'give the changed ladder a new version (its `version:` field) and adopt it again',
  );
}

/**
 * Parsed versions by their text: a version's text never changes once adopted, so each is parsed
 * once per process (and the assessment code's per-framework caches then hold across requests).
 */
const parsed = new Map<string, Framework>();

function loaded(row: Parameters<typeof version>[0] & { source: string }): LoadedVersion {
  let framework = parsed.get(row.source);
  if (!framework) {
    framework = loadFrameworkOrThrow(row.source, `framework version ${row.number}`);
    if (parsed.size >= 32) parsed.clear();
    parsed.set(row.source, framework);
  }
  return { ...version(row), source: row.source, framework };
}
