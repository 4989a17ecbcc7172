import type { Selectable } from 'kysely';
import { outcomes, type Outcome } from '../../../core/org/reviews/calibration.js';
import {
  assertOpen,
  scopeOf,
  type Cycle,
  type CycleScope,
  type OpenCycle,
} from '../../../core/org/reviews/cycle.js';
import { problem, refuse } from '../../../core/input/value.js';
import { DomainError } from '../../../core/problems.js';
import type { ReviewCycleTable } from '../../tables.js';
import { now, parseJson } from '../common.js';
import { AuditRepository } from './audit.js';
import { OrgFrameworkRepository, type LoadedVersion } from './frameworks.js';
import { asOrganisationOf, readingAs, type OrgScope } from './scope.js';

export interface Adjustment {
  personId: number;
  outcome: Outcome;
  reason: string;
  adjustedBy: string;
  adjustedAt: string;
}

function cycleOf(row: Selectable<ReviewCycleTable>, number: number): Cycle {
  return {
    id: row.id,
    name: row.name,
    frameworkVersionId: row.framework_version_id,
    frameworkVersion: number,
    scope: parseJson<CycleScope>(row.scope)!,
    selfDue: row.self_due,
    managerDue: row.manager_due,
    status: row.status as Cycle['status'],
    openedAt: row.opened_at,
    closedAt: row.closed_at,
  };
}

/**
 * The review cycles of one organisation and calibration's adjustments. Opening, closing and every
 * adjustment append their audit entry in the same transaction; a closed cycle refuses every write.
 */
export class CycleRepository {
  constructor(private readonly scope: OrgScope) {}

  async list(): Promise<Cycle[]> {
    const rows = await readingAs(this.scope, ({ db }) =>
      db
        .selectFrom('review_cycles')
        .innerJoin('org_frameworks', 'org_frameworks.id', 'review_cycles.framework_version_id')
        .selectAll('review_cycles')
        .select('org_frameworks.number')
        .where('review_cycles.organisation_id', '=', this.scope.organisationId)
        .orderBy('review_cycles.id')
        .execute(),
    );
    return rows.map((r) => cycleOf(r, r.number));
  }

  /** A cycle by id, only within the organisation. */
  async byId(id: number): Promise<Cycle | undefined> {
    return (await this.list()).find((c) => c.id === id);
  }

  /** A cycle by id or by name, as the command line names it; refused when there is none. */
  async find(idOrName: string): Promise<Cycle> {
    const cycles = await this.list();
    const found = /^\d+$/.test(idOrName)
      ? cycles.find((c) => c.id === Number(idOrName))
      : cycles.find((c) => c.name === idOrName.trim());
    if (!found) throw new DomainError('not-found', `no review cycle "${idOrName}" in the organisation`);
    return found;
  }

  /** The cycle with its framework version loaded, refused when missing. */
  async withFramework(id: number): Promise<{ cycle: Cycle; version: LoadedVersion }> {
    const cycle = await this.byId(id);
    if (!cycle) throw new DomainError('not-found', `no review cycle with id ${id}`);
    const version = await new OrgFrameworkRepository(this.scope).byId(cycle.frameworkVersionId);
    if (!version) throw new Error(`framework version ${cycle.frameworkVersionId} of cycle ${id} is missing`);
    return { cycle, version };
  }

  async open(input: OpenCycle): Promise<Cycle> {
    return asOrganisationOf(this.scope, async (scope) => {
      const trx = scope.db;
      const frameworks = new OrgFrameworkRepository(scope);
      const versions = await frameworks.versions();
      const version =
        input.frameworkVersion === undefined
          ? versions.at(-1)
          : versions.find((v) => v.number === input.frameworkVersion);
      if (!version)
        refuse('the cycle cannot be opened', [
          problem(
            ['frameworkVersion'],
            `the organisation has no framework version ${input.frameworkVersion} (it has ${versions.map((v) => v.number).join(', ')})`,
            'unknown-reference',
          ),
        ]);
      const framework = (await frameworks.byId(version.id))!.framework;
      if (input.levels !== undefined) {
        const known = framework.levels.map((l) => l.id);
        const unknown = input.levels.map((l, i) => [l, i] as const).filter(([l]) => !known.includes(l));
        if (unknown.length > 0)
          refuse(
            'the cycle cannot be opened',
            unknown.map(([l, i]) =>
              problem(
                ['levels', i],
                `"${l}" is not a level of ${framework.id} ${framework.version}`,
                'unknown-level',
              ),
            ),
          );
      }
      const cycles = new CycleRepository(scope);
      if ((await cycles.list()).some((c) => c.name === input.name))
        refuse('the cycle cannot be opened', [
          problem(['name'], `a cycle named "${input.name}" exists already`, 'duplicate'),
        ]);
      const values = {
        organisation_id: scope.organisationId,
        name: input.name,
        framework_version_id: version.id,
        scope: JSON.stringify(scopeOf(input)),
        self_due: input.selfDue,
        manager_due: input.managerDue,
        status: 'open',
        opened_at: now(),
        opened_by: scope.actor,
        closed_at: null,
      };
      const { id } = await trx
        .insertInto('review_cycles')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      const cycle = cycleOf({ id, ...values }, version.number);
      await new AuditRepository(scope).append({ kind: 'cycle.open', subject: `cycle:${id}`, after: cycle });
      return cycle;
    });
  }

  /** Closes a cycle: from then on it is frozen. Closing a closed cycle is refused too. */
  async close(id: number): Promise<Cycle> {
    return asOrganisationOf(this.scope, async (scope) => {
      const trx = scope.db;
      const before = await new CycleRepository(scope).byId(id);
      if (!before) throw new DomainError('not-found', `no review cycle with id ${id}`);
      assertOpen(before);
      const closedAt = now();
      await trx
        .updateTable('review_cycles')
        .set({ status: 'closed', closed_at: closedAt })
        .where('organisation_id', '=', scope.organisationId)
        .where('id', '=', id)
        .execute();
      const after: Cycle = { ...before, status: 'closed', closedAt };
      await new AuditRepository(scope).append({ kind: 'cycle.close', subject: `cycle:${id}`, before, after });
      return after;
    });
  }

  /** Sets a person's outcome in calibration, with the reason kept; refused in a closed cycle. */
  async adjust(
    cycleId: number,
    person: { id: number; email: string },
    outcome: Outcome,
    reason: string,
  ): Promise<Adjustment> {
    if (!outcomes.includes(outcome)) throw new Error(`unknown outcome ${outcome}`);
    return asOrganisationOf(this.scope, async (scope) => {
      const trx = scope.db;
      const cycle = await new CycleRepository(scope).byId(cycleId);
      if (!cycle) throw new DomainError('not-found', `no review cycle with id ${cycleId}`);
      assertOpen(cycle);
      const before = (await new CycleRepository(scope).adjustments(cycleId)).get(person.id);
      const adjustment = { personId: person.id, outcome, reason, adjustedBy: scope.actor, adjustedAt: now() };
      await trx
        .insertInto('calibration_adjustments')
        .values({
          organisation_id: scope.organisationId,
          cycle_id: cycleId,
          person_id: person.id,
          outcome,
          reason,
          adjusted_by: adjustment.adjustedBy,
          adjusted_at: adjustment.adjustedAt,
        })
        .execute();
      await new AuditRepository(scope).append({
        kind: 'calibration.adjust',
        subject: person.email,
        ...(before && { before: { cycle: cycleId, outcome: before.outcome, reason: before.reason } }),
        after: { cycle: cycleId, outcome, reason },
      });
      return adjustment;
    });
  }

  /** The latest adjustment of each person in the cycle. */
  async adjustments(cycleId: number): Promise<Map<number, Adjustment>> {
    const rows = await readingAs(this.scope, ({ db }) =>
      db
        .selectFrom('calibration_adjustments')
        .selectAll()
        .where('organisation_id', '=', this.scope.organisationId)
        .where('cycle_id', '=', cycleId)
        .orderBy('id')
        .execute(),
    );
    return new Map(
      rows.map((r) => [
        r.person_id,
        {
          personId: r.person_id,
          outcome: r.outcome as Outcome,
          reason: r.reason,
          adjustedBy: r.adjusted_by,
          adjustedAt: r.adjusted_at,
        },
      ]),
    );
  }
}
