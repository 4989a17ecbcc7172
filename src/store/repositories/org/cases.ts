import type { Selectable } from 'kysely';
import {
  assertStatus,
  checkCommittee,
  checkTarget,
  type CaseDecision,
  type CommitteeSeat,
  type Decision,
  type PromotionCase,
  type Vote,
} from '../../../core/org/cases/case.js';
import { DomainError } from '../../../core/problems.js';
import type { PromotionCaseTable } from '../../tables.js';
import { now, parseJson } from '../common.js';
import { AuditRepository } from './audit.js';
import { OrgFrameworkRepository } from './frameworks.js';
import { PeopleRepository } from './people.js';
import type { StoredPerson } from './person-rows.js';
import { asOrganisationOf, readingAs, type OrgScope } from './scope.js';

function caseOf(r: Selectable<PromotionCaseTable>): PromotionCase {
  return {
    id: r.id,
    personId: r.person_id,
    targetLevel: r.target_level,
    frameworkVersionId: r.framework_version_id,
    nominatedById: r.nominated_by_id,
    sponsorId: r.sponsor_id,
    summary: r.summary,
    status: r.status as PromotionCase['status'],
    round: r.round,
    decision: parseJson<CaseDecision>(r.decision) ?? null,
    appeal: parseJson<PromotionCase['appeal']>(r.appeal) ?? null,
    createdAt: r.created_at,
  };
}

/**
 * Promotion cases of one organisation. Who may do what is the policy's; this keeps what the data
 * requires: a real promotion, a committee from outside the reporting chain, votes by members of the
 * current round, one appeal by a different committee, and on approval the person's new level from
 * the effective date (their earlier record kept in the audit log). Every write is audited.
 */
export class CaseRepository {
  constructor(private readonly scope: OrgScope) {}

  async list(): Promise<PromotionCase[]> {
    const rows = await readingAs(this.scope, ({ db, organisationId }) =>
      db
        .selectFrom('promotion_cases')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('id')
        .execute(),
    );
    return rows.map(caseOf);
  }

  async byId(id: number): Promise<PromotionCase | undefined> {
    return (await this.list()).find((c) => c.id === id);
  }

  private async get(id: number): Promise<PromotionCase> {
    const found = await this.byId(id);
    if (!found) throw new DomainError('not-found', `no promotion case with id ${id}`);
    return found;
  }

  async committee(caseId: number): Promise<CommitteeSeat[]> {
    const rows = await readingAs(this.scope, ({ db, organisationId }) =>
      db
        .selectFrom('case_committee')
        .select(['round', 'person_id'])
        .where('organisation_id', '=', organisationId)
        .where('case_id', '=', caseId)
        .orderBy('id')
        .execute(),
    );
    return rows.map((r) => ({ round: r.round, personId: r.person_id }));
  }

  async votes(caseId: number): Promise<Vote[]> {
    const rows = await readingAs(this.scope, ({ db, organisationId }) =>
      db
        .selectFrom('case_votes')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('case_id', '=', caseId)
        .orderBy('id')
        .execute(),
    );
    return rows.map((r) => ({
      round: r.round,
      personId: r.person_id,
      vote: r.vote as Decision,
      rationale: r.rationale,
    }));
  }

  /** The cases a person sits on the committee of, in any round: what the policy's `assigned` reach reads. */
  async seatsOf(personId: number | undefined): Promise<Set<number>> {
    if (personId === undefined) return new Set();
    const rows = await readingAs(this.scope, ({ db, organisationId }) =>
      db
        .selectFrom('case_committee')
        .select('case_id')
        .where('organisation_id', '=', organisationId)
        .where('person_id', '=', personId)
        .execute(),
    );
    return new Set(rows.map((r) => r.case_id));
  }

  /** Nominates a person for a target level: by their manager, or by themself with the manager as sponsor. */
  async nominate(
    person: StoredPerson,
    by: StoredPerson,
    targetLevel: string,
    summary?: string,
  ): Promise<PromotionCase> {
    return asOrganisationOf(this.scope, async (scope) => {
      const version = await new OrgFrameworkRepository(scope).byId(person.frameworkVersionId);
      checkTarget(version!.framework, person.level, targetLevel);
      const people = await new PeopleRepository(scope).all();
      const sponsor = by.id === person.id ? people.find((p) => p.email === person.managerEmail) : by;
      if (!sponsor) throw new DomainError('conflict', `${person.email} has no manager to sponsor the case`);
      const values = {
        organisation_id: scope.organisationId,
        person_id: person.id,
        target_level: targetLevel,
        framework_version_id: person.frameworkVersionId,
        nominated_by_id: by.id,
        sponsor_id: sponsor.id,
        summary: summary ?? null,
        status: 'open',
        round: 1,
        decision: null,
        appeal: null,
        created_at: now(),
      };
      const { id } = await scope.db
        .insertInto('promotion_cases')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      await new AuditRepository(scope).append({
        kind: 'case.nominate',
        subject: person.email,
        after: { case: id, targetLevel, by: by.email, sponsor: sponsor.email },
      });
      return caseOf({ id, ...values });
    });
  }

  /** Seats committee members for the current round: never from the reporting chain; for the appeal, none of the first. */
  async assign(caseId: number, members: readonly number[]): Promise<CommitteeSeat[]> {
    return asOrganisationOf(this.scope, async (scope) => {
      const repository = new CaseRepository(scope);
      const c = await repository.get(caseId);
      assertStatus(c, ['open', 'appealed'], 'take a committee now');
      const people = await new PeopleRepository(scope).all();
      const seats = await repository.committee(caseId);
      const earlier = seats.filter((s) => s.round < c.round).map((s) => s.personId);
      const seated = new Set(seats.filter((s) => s.round === c.round).map((s) => s.personId));
      checkCommittee(
        people,
        people.find((p) => p.id === c.personId)!,
        members,
        earlier,
      );
      for (const personId of members.filter((m) => !seated.has(m)))
        await scope.db
          .insertInto('case_committee')
          .values({
            organisation_id: scope.organisationId,
            case_id: caseId,
            round: c.round,
            person_id: personId,
          })
          .execute();
      const emails = members.map((m) => people.find((p) => p.id === m)!.email);
      await new AuditRepository(scope).append({
        kind: 'case.assign',
        subject: `case:${caseId}`,
        after: { round: c.round, members: emails },
      });
      return repository.committee(caseId);
    });
  }

  async vote(caseId: number, voter: StoredPerson, vote: Decision, rationale: string): Promise<Vote> {
    return asOrganisationOf(this.scope, async (scope) => {
      const repository = new CaseRepository(scope);
      const c = await repository.get(caseId);
      assertStatus(c, ['open', 'appealed'], 'take votes now');
      if (!(await repository.committee(caseId)).some((s) => s.round === c.round && s.personId === voter.id))
        throw new DomainError(
          'conflict',
          `${voter.email} does not sit on the committee of round ${c.round} of case ${caseId}`,
        );
      if ((await repository.votes(caseId)).some((v) => v.round === c.round && v.personId === voter.id))
        throw new DomainError('conflict', `${voter.email} has voted on case ${caseId} already`);
      await scope.db
        .insertInto('case_votes')
        .values({
          organisation_id: scope.organisationId,
          case_id: caseId,
          round: c.round,
          person_id: voter.id,
          vote,
          rationale,
          at: now(),
        })
        .execute();
      await new AuditRepository(scope).append({
        kind: 'case.vote',
        subject: `case:${caseId}`,
        after: { round: c.round, member: voter.email, vote, rationale },
      });
      return { round: c.round, personId: voter.id, vote, rationale };
    });
  }

  /** Decides the current round, once its committee has voted; approval moves the person to the target level. */
  async decide(
    caseId: number,
    decision: Decision,
    rationale: string,
    effectiveDate?: string,
  ): Promise<PromotionCase> {
    return asOrganisationOf(this.scope, async (scope) => {
      const repository = new CaseRepository(scope);
      const c = await repository.get(caseId);
      assertStatus(c, ['open', 'appealed'], 'be decided now');
      if (!(await repository.votes(caseId)).some((v) => v.round === c.round))
        throw new DomainError('conflict', `case ${caseId} has no committee vote in round ${c.round} yet`);
      const decided: CaseDecision = {
        decision,
        rationale,
        effectiveDate: effectiveDate ?? null,
        decidedBy: scope.actor,
        at: now(),
      };
      const changes =
        c.round === 1
          ? { status: 'decided', decision: JSON.stringify(decided) }
          : { status: 'final', appeal: JSON.stringify({ ...c.appeal!, decision: decided }) };
      await scope.db
        .updateTable('promotion_cases')
        .set(changes)
        .where('organisation_id', '=', scope.organisationId)
        .where('id', '=', caseId)
        .execute();
      if (decision === 'approve') {
        const person = (await new PeopleRepository(scope).byId(c.personId))!;
        await new PeopleRepository(scope).update(
          person.email,
          { level: c.targetLevel, levelStartDate: effectiveDate },
          'promotion',
        );
      }
      await new AuditRepository(scope).append({
        kind: 'case.decide',
        subject: `case:${caseId}`,
        after: { round: c.round, ...decided },
      });
      return (await repository.byId(caseId))!;
    });
  }

  /** The one appeal, against a decline or a deferral; a second committee decides it. */
  async appeal(caseId: number, reason: string): Promise<PromotionCase> {
    return asOrganisationOf(this.scope, async (scope) => {
      const repository = new CaseRepository(scope);
      const c = await repository.get(caseId);
      if (c.status === 'final' || c.status === 'appealed')
        throw new DomainError('conflict', `case ${caseId} was appealed already: a case has one appeal`);
      assertStatus(c, ['decided'], 'be appealed before it is decided');
      if (c.decision?.decision === 'approve')
        throw new DomainError('conflict', `case ${caseId} was approved: there is nothing to appeal`);
      await scope.db
        .updateTable('promotion_cases')
        .set({ status: 'appealed', round: 2, appeal: JSON.stringify({ reason, at: now(), decision: null }) })
        .where('organisation_id', '=', scope.organisationId)
        .where('id', '=', caseId)
        .execute();
      await new AuditRepository(scope).append({
        kind: 'case.appeal',
        subject: `case:${caseId}`,
        after: { reason },
      });
      return (await repository.byId(caseId))!;
    });
  }
}
