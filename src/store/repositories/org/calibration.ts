import { ratingsOf, type RatingEntry } from '../../../core/org/reviews/assessment.js';
import {
  explained,
  groupsOf,
  judge,
  summariseGroups,
  type CalibrationItem,
  type CalibrationSummary,
  type Outcome,
  type OutcomeGroup,
} from '../../../core/org/reviews/calibration.js';
import type { Cycle } from '../../../core/org/reviews/cycle.js';
import type { Framework } from '../../../core/framework/schema.js';
import { parseJson, type Db } from '../common.js';
import { CycleRepository } from './cycles.js';
import { readingAs, type OrgScope } from './scope.js';

/**
 * Calibration of a cycle read with SQL. Each submitted assessment kept its outcome and mean rating
 * when it was submitted (`ReviewRepository.write`, by the core's `storedOutcome`), so the summary is
 * one GROUP BY over the submitted manager assessments of the people in scope, each with its latest
 * adjustment. A row without a kept outcome (submitted before 2026-12-02T0410) or whose person's
 * level has changed since is judged here from its ratings by the core, as before: the answer is the
 * same either way, only slower for such rows.
 */
export class CalibrationRepository {
  constructor(private readonly scope: OrgScope) {}

  /** The submitted manager assessments of the cycle's people in scope, with the latest adjustment. */
  private base(db: Db, cycle: Cycle) {
    const org = this.scope.organisationId;
    const latest = db
      .selectFrom('calibration_adjustments')
      .select((eb) => ['person_id', eb.fn.max('id').as('id')])
      .where('organisation_id', '=', org)
      .where('cycle_id', '=', cycle.id)
      .groupBy('person_id')
      .as('latest');
    let query = db
      .selectFrom('review_assessments as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .innerJoin('people as m', 'm.id', 'a.author_id')
      .leftJoin(latest, 'latest.person_id', 'a.person_id')
      .leftJoin('calibration_adjustments as adj', 'adj.id', 'latest.id')
      .where('a.organisation_id', '=', org)
      .where('a.cycle_id', '=', cycle.id)
      .where('a.kind', '=', 'manager')
      .where('a.status', '=', 'submitted')
      .where('p.status', '=', 'active');
    // The cycle's scope, as `inScope` reads it (active, and the teams or levels named).
    if (cycle.scope.kind === 'teams') query = query.where('p.team', 'in', cycle.scope.teams);
    if (cycle.scope.kind === 'levels') query = query.where('p.level', 'in', cycle.scope.levels);
    return query;
  }

  /** The rows without a usable kept outcome, judged by the core from their ratings. */
  private async judgedLate(db: Db, cycle: Cycle, framework: Framework, withGender: boolean) {
    const rows = await this.base(db, cycle)
      .where((eb) =>
        eb.or([
          eb('a.outcome', 'is', null),
          eb('a.outcome_level', 'is', null),
          eb('a.outcome_level', '!=', eb.ref('p.level')),
        ]),
      )
      .select([
        'p.id as personId',
        'p.level',
        'p.team',
        'p.gender',
        'm.email as manager',
        'a.ratings',
        'adj.outcome as adjustedOutcome',
        'adj.reason as adjustedReason',
      ])
      .execute();
    return judge(
      framework,
      rows.map((r) => ({
        personId: r.personId,
        level: r.level,
        team: r.team,
        manager: r.manager,
        ...(withGender && r.gender !== null && { gender: r.gender }),
        ratings: ratingsOf(parseJson<Record<string, RatingEntry>>(r.ratings)!),
        ...(r.adjustedOutcome !== null && {
          adjusted: { outcome: r.adjustedOutcome as Outcome, reason: r.adjustedReason! },
        }),
      })),
    );
  }

  /** The calibration summary of a cycle; gender's fairness view only when `withGender`. */
  async summary(cycleId: number, withGender: boolean): Promise<CalibrationSummary> {
    return readingAs(this.scope, async (scope) => {
      const { cycle, version } = await new CycleRepository(scope).withFramework(cycleId);
      const { db } = scope;
      const counted = await this.base(db, cycle)
        .where('a.outcome', 'is not', null)
        .whereRef('a.outcome_level', '=', 'p.level')
        .select((eb) => [
          'm.email as manager',
          'p.team',
          'p.level',
          ...(withGender ? (['p.gender'] as const) : []),
          eb.fn.coalesce('adj.outcome', 'a.outcome').as('outcome'),
          eb.fn.countAll().as('people'),
          eb.fn.count('adj.id').as('adjusted'),
          eb.fn.coalesce(eb.fn.sum('a.rating_mean'), eb.lit(0)).as('ratingSum'),
          eb.fn.count('a.rating_mean').as('rated'),
        ])
        .groupBy(['m.email', 'p.team', 'p.level', ...(withGender ? (['p.gender'] as const) : [])])
        .groupBy((eb) => eb.fn.coalesce('adj.outcome', 'a.outcome'))
        .execute();
      const groups: OutcomeGroup[] = counted.map((g) => {
        const gender = (g as { gender?: string | null }).gender;
        return {
          manager: g.manager,
          team: g.team,
          level: g.level,
          ...(gender !== undefined && gender !== null && { gender }),
          outcome: g.outcome as Outcome,
          people: Number(g.people),
          adjusted: Number(g.adjusted),
          ratingSum: Number(g.ratingSum),
          rated: Number(g.rated),
        };
      });
      const late = await this.judgedLate(db, cycle, version.framework, withGender);
      return summariseGroups(version.framework, [...groups, ...groupsOf(late)], { fairness: withGender });
    });
  }

  /** Each person's outcome in the cycle, in person order: kept, adjusted, or judged now. */
  async items(cycleId: number): Promise<CalibrationItem[]> {
    return readingAs(this.scope, async (scope) => {
      const { cycle, version } = await new CycleRepository(scope).withFramework(cycleId);
      const { db } = scope;
      const trackOf = new Map(version.framework.levels.map((l) => [l.id, l.track]));
      const rows = await this.base(db, cycle)
        .where('a.outcome', 'is not', null)
        .whereRef('a.outcome_level', '=', 'p.level')
        .select([
          'p.id as personId',
          'p.level',
          'p.team',
          'm.email as manager',
          'a.outcome',
          'a.outcome_explanation as explanation',
          'adj.outcome as adjustedOutcome',
          'adj.reason as adjustedReason',
        ])
        .execute();
      const kept: CalibrationItem[] = rows.flatMap((r) => {
        const track = trackOf.get(r.level);
        if (track === undefined) return [];
        const computed = r.outcome as Outcome;
        const adjusted =
          r.adjustedOutcome === null
            ? undefined
            : { outcome: r.adjustedOutcome as Outcome, reason: r.adjustedReason! };
        return [
          {
            personId: r.personId,
            level: r.level,
            track,
            team: r.team,
            manager: r.manager,
            computed,
            outcome: adjusted?.outcome ?? computed,
            ...(adjusted && { adjusted }),
            explanation: explained(computed, r.explanation ?? '', adjusted),
          },
        ];
      });
      const late = (await this.judgedLate(db, cycle, version.framework, false)).map(
        ({ personId, level, track, team, manager, computed, outcome, adjusted, explanation }) => ({
          personId,
          level,
          track,
          team,
          manager,
          computed,
          outcome,
          ...(adjusted && { adjusted }),
          explanation,
        }),
      );
      return [...kept, ...late].sort((x, y) => x.personId - y.personId);
    });
  }
}
