import type { Selectable } from 'kysely';
import {
  assertDraft,
  checkRatings,
  ratingsOf,
  type AuthorKind,
  type RatingEntry,
  type ReviewAssessment,
  type WriteAssessment,
} from '../../../core/org/reviews/assessment.js';
import { storedOutcome } from '../../../core/org/reviews/calibration.js';
import { assertOpen, inScope } from '../../../core/org/reviews/cycle.js';
import type { PeerRequest } from '../../../core/org/reviews/todo.js';
import { problem, refuse } from '../../../core/input/value.js';
import { DomainError } from '../../../core/problems.js';
import type { ReviewAssessmentTable } from '../../tables.js';
import { now, parseJson } from '../common.js';
import { AuditRepository } from './audit.js';
import { CycleRepository } from './cycles.js';
import type { StoredPerson } from './person-rows.js';
import { asOrganisationOf, readingAs, type OrgScope } from './scope.js';

function assessmentOf(row: Selectable<ReviewAssessmentTable>): ReviewAssessment {
  return {
    id: row.id,
    cycleId: row.cycle_id,
    personId: row.person_id,
    kind: row.kind as AuthorKind,
    authorPersonId: row.author_id,
    ratings: parseJson<Record<string, RatingEntry>>(row.ratings)!,
    status: row.status as ReviewAssessment['status'],
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
  };
}

/** One cycle's submitted self and manager ratings of a person (competency → rating). */
export interface CycleRatings {
  cycleId: number;
  cycle: string;
  status: 'open' | 'closed';
  openedAt: string;
  frameworkVersionId: number;
  self: Record<string, number> | null;
  manager: Record<string, number> | null;
}

export interface AssessmentWrite {
  cycleId: number;
  person: StoredPerson;
  kind: AuthorKind;
  author: StoredPerson;
  write: WriteAssessment;
}

/**
 * The assessments and peer requests of an organisation's review cycles. Who may write what is the
 * policy's to say (the adapters ask it); this checks what the data itself requires: the cycle is
 * open, the person in its scope, the ratings valid against the cycle's framework version, a
 * submitted assessment final, a peer asked. Every write appends its audit entry in its transaction.
 */
export class ReviewRepository {
  constructor(private readonly scope: OrgScope) {}

  async assessments(
    cycleId: number,
    filter: { personId?: number; status?: 'submitted' } = {},
  ): Promise<ReviewAssessment[]> {
    const rows = await readingAs(this.scope, ({ db }) => {
      let query = db
        .selectFrom('review_assessments')
        .selectAll()
        .where('organisation_id', '=', this.scope.organisationId)
        .where('cycle_id', '=', cycleId);
      if (filter.personId !== undefined) query = query.where('person_id', '=', filter.personId);
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      return query.orderBy('id').execute();
    });
    return rows.map(assessmentOf);
  }

  /** A person's latest submitted self and manager assessments, over every cycle. */
  async latestOf(personId: number): Promise<{ self?: ReviewAssessment; manager?: ReviewAssessment }> {
    const rows = await readingAs(this.scope, ({ db }) =>
      db
        .selectFrom('review_assessments')
        .selectAll()
        .where('organisation_id', '=', this.scope.organisationId)
        .where('person_id', '=', personId)
        .where('status', '=', 'submitted')
        .orderBy('submitted_at', 'desc')
        .orderBy('id', 'desc')
        .execute(),
    );
    const latest = rows.map(assessmentOf);
    const self = latest.find((a) => a.kind === 'self');
    const manager = latest.find((a) => a.kind === 'manager');
    return { ...(self && { self }), ...(manager && { manager }) };
  }

  /**
   * Each person's latest submitted assessment, the manager's before the person's own (as a case's
   * readiness reads it), with the framework version row of its cycle: what a plan judges.
   */
  async latestEach(): Promise<Map<number, { assessment: ReviewAssessment; frameworkVersionId: number }>> {
    const rows = await readingAs(this.scope, ({ db }) =>
      db
        .selectFrom('review_assessments')
        .innerJoin('review_cycles', 'review_cycles.id', 'review_assessments.cycle_id')
        .selectAll('review_assessments')
        .select('review_cycles.framework_version_id')
        .where('review_assessments.organisation_id', '=', this.scope.organisationId)
        .where('review_assessments.status', '=', 'submitted')
        .where('review_assessments.kind', 'in', ['manager', 'self'])
        .orderBy('review_assessments.submitted_at', 'desc')
        .orderBy('review_assessments.id', 'desc')
        .execute(),
    );
    const latest = new Map<number, { assessment: ReviewAssessment; frameworkVersionId: number }>();
    for (const row of rows) {
      const had = latest.get(row.person_id);
      if (had && !(had.assessment.kind === 'self' && row.kind === 'manager')) continue;
      latest.set(row.person_id, {
        assessment: assessmentOf(row),
        frameworkVersionId: row.framework_version_id,
      });
    }
    return latest;
  }

  /**
   * A person's submitted self and manager ratings per cycle (open or closed), oldest cycle first:
   * what the ratings-over-time chart draws. Cycles where neither was submitted are left out.
   */
  async ratingsOver(personId: number): Promise<CycleRatings[]> {
    const rows = await readingAs(this.scope, ({ db }) =>
      db
        .selectFrom('review_assessments as a')
        .innerJoin('review_cycles as c', 'c.id', 'a.cycle_id')
        .select([
          'c.id',
          'c.name',
          'c.status',
          'c.opened_at',
          'c.framework_version_id',
          'a.kind',
          'a.ratings',
        ])
        .where('a.organisation_id', '=', this.scope.organisationId)
        .where('a.person_id', '=', personId)
        .where('a.status', '=', 'submitted')
        .where('a.kind', 'in', ['self', 'manager'])
        .orderBy('c.opened_at')
        .orderBy('c.id')
        .execute(),
    );
    const byCycle = new Map<number, CycleRatings>();
    for (const r of rows) {
      const cycle = byCycle.get(r.id) ?? {
        cycleId: r.id,
        cycle: r.name,
        status: r.status as CycleRatings['status'],
        openedAt: r.opened_at,
        frameworkVersionId: r.framework_version_id,
        self: null,
        manager: null,
      };
      cycle[r.kind as 'self' | 'manager'] = ratingsOf(parseJson<Record<string, RatingEntry>>(r.ratings)!);
      byCycle.set(r.id, cycle);
    }
    return [...byCycle.values()];
  }

  /** Every assessment of the open cycles, for the to-do lists. */
  async ofCycles(cycleIds: readonly number[]): Promise<ReviewAssessment[]> {
    if (cycleIds.length === 0) return [];
    const rows = await readingAs(this.scope, ({ db }) =>
      db
        .selectFrom('review_assessments')
        .selectAll()
        .where('organisation_id', '=', this.scope.organisationId)
        .where('cycle_id', 'in', cycleIds)
        .execute(),
    );
    return rows.map(assessmentOf);
  }

  async write({ cycleId, person, kind, author, write }: AssessmentWrite): Promise<ReviewAssessment> {
    return asOrganisationOf(this.scope, async (scope) => {
      const trx = scope.db;
      const { cycle, version } = await new CycleRepository(scope).withFramework(cycleId);
      assertOpen(cycle);
      if (!inScope(cycle, person))
        throw new DomainError('conflict', `${person.email} is not in the scope of cycle "${cycle.name}"`);
      let onlyThese: string[] | undefined;
      if (kind === 'peer') {
        const request = (await new ReviewRepository(scope).requests(cycleId)).find(
          (r) => r.personId === person.id && r.peerId === author.id,
        );
        if (!request)
          throw new DomainError(
            'conflict',
            `${author.email} was not asked to rate ${person.email} in this cycle`,
          );
        onlyThese = request.competencies;
      }
      checkRatings(version.framework, write.ratings, onlyThese);
      const existing = await trx
        .selectFrom('review_assessments')
        .selectAll()
        .where('organisation_id', '=', scope.organisationId)
        .where('cycle_id', '=', cycleId)
        .where('person_id', '=', person.id)
        .where('kind', '=', kind)
        .where('author_id', '=', author.id)
        .executeTakeFirst();
      const before = existing && assessmentOf(existing);
      assertDraft(before);
      const at = now();
      // What calibration counts, kept at submission against the level the person holds now.
      const kept = write.submit
        ? storedOutcome(version.framework, person.level, ratingsOf(write.ratings))
        : undefined;
      const values = {
        ratings: JSON.stringify(write.ratings),
        status: write.submit ? 'submitted' : 'draft',
        updated_at: at,
        submitted_at: write.submit ? at : null,
        outcome: kept?.outcome ?? null,
        outcome_level: kept?.level ?? null,
        outcome_explanation: kept?.explanation ?? null,
        rating_mean: kept?.mean ?? null,
      };
      let id: number;
      if (existing) {
        await trx.updateTable('review_assessments').set(values).where('id', '=', existing.id).execute();
        id = existing.id;
      } else
        ({ id } = await trx
          .insertInto('review_assessments')
          .values({
            ...values,
            organisation_id: scope.organisationId,
            cycle_id: cycleId,
            person_id: person.id,
            kind,
            author_id: author.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow());
      const after: ReviewAssessment = assessmentOf({
        id,
        organisation_id: scope.organisationId,
        cycle_id: cycleId,
        person_id: person.id,
        kind,
        author_id: author.id,
        ...values,
      });
      const record = (a: ReviewAssessment) => ({
        cycle: cycleId,
        kind,
        author: author.email,
        status: a.status,
        ratings: a.ratings,
      });
      await new AuditRepository(scope).append({
        kind: write.submit ? 'assessment.submit' : 'assessment.draft',
        subject: person.email,
        ...(before && { before: record(before) }),
        after: record(after),
      });
      return after;
    });
  }

  async requests(cycleId: number): Promise<PeerRequest[]> {
    const rows = await readingAs(this.scope, ({ db }) =>
      db
        .selectFrom('peer_requests')
        .selectAll()
        .where('organisation_id', '=', this.scope.organisationId)
        .where('cycle_id', '=', cycleId)
        .orderBy('id')
        .execute(),
    );
    const answered = new Set(
      (await this.assessments(cycleId, { status: 'submitted' }))
        .filter((a) => a.kind === 'peer')
        .map((a) => `${a.personId}:${a.authorPersonId}`),
    );
    return rows.map((r) => ({
      id: r.id,
      cycleId: r.cycle_id,
      personId: r.person_id,
      peerId: r.peer_id,
      requestedById: r.requested_by_id,
      competencies: parseJson<string[]>(r.competencies)!,
      answered: answered.has(`${r.person_id}:${r.peer_id}`),
    }));
  }

  /** Asks peers to rate some competencies of a person; a peer already asked is refused. */
  async request(
    cycleId: number,
    person: StoredPerson,
    by: StoredPerson,
    peers: readonly StoredPerson[],
    competencies: readonly string[],
  ): Promise<PeerRequest[]> {
    return asOrganisationOf(this.scope, async (scope) => {
      const trx = scope.db;
      const { cycle, version } = await new CycleRepository(scope).withFramework(cycleId);
      assertOpen(cycle);
      if (!inScope(cycle, person))
        throw new DomainError('conflict', `${person.email} is not in the scope of cycle "${cycle.name}"`);
      const known = version.framework.competencies.map((c) => c.id);
      const problems = competencies.flatMap((c, i) =>
        known.includes(c)
          ? []
          : [problem(['competencies', i], `unknown competency "${c}"`, 'unknown-reference')],
      );
      const asked = await new ReviewRepository(scope).requests(cycleId);
      peers.forEach((peer, i) => {
        if (peer.id === person.id)
          problems.push(problem(['peers', i], 'a person is not their own peer', 'self-peer'));
        else if (peer.status !== 'active')
          problems.push(problem(['peers', i], `${peer.email} has left`, 'left'));
        else if (asked.some((r) => r.personId === person.id && r.peerId === peer.id))
          problems.push(problem(['peers', i], `${peer.email} was asked already`, 'duplicate'));
      });
      if (problems.length > 0) refuse('the peer request is not valid', problems);
      for (const peer of peers)
        await trx
          .insertInto('peer_requests')
          .values({
            organisation_id: scope.organisationId,
            cycle_id: cycleId,
            person_id: person.id,
            peer_id: peer.id,
            requested_by_id: by.id,
            competencies: JSON.stringify(competencies),
            created_at: now(),
          })
          .execute();
      await new AuditRepository(scope).append({
        kind: 'peer.request',
        subject: person.email,
        after: { cycle: cycleId, by: by.email, peers: peers.map((p) => p.email), competencies },
      });
      return (await new ReviewRepository(scope).requests(cycleId)).filter((r) => r.personId === person.id);
    });
  }
}
