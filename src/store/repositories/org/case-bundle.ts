import { buildPacket } from '../../../core/evidence/packet.js';
import { readinessOf, tally, type PromotionCase } from '../../../core/org/cases/case.js';
import { can, type Actor } from '../../../core/org/policy.js';
import { ratingsOf } from '../../../core/org/reviews/assessment.js';
import type { OrgRepositories } from './index.js';
import type { StoredPerson } from './person-rows.js';
import { sharedEvidenceOf } from './shared-evidence.js';

/**
 * The whole of a promotion case as `actor` may read it: the person, their latest self and manager
 * assessments, readiness under the target level's rule with time in level (as of `today`), the
 * packet from the evidence they shared (for whoever may read shared evidence), the committee, the
 * tally of the current round, and the votes themselves for those who assign or cast them. The
 * caller has checked `case.read`; the API and the command line both answer with this.
 */
export async function caseBundle(
  r: OrgRepositories,
  actor: Actor,
  found: PromotionCase,
  person: StoredPerson,
  today: string,
) {
  const resource = { organisationId: r.scope.organisationId, personId: found.personId, caseId: found.id };
  const latest = await r.reviews.latestOf(person.id);
  const version = (await r.frameworks.byId(found.frameworkVersionId))!;
  const ratings = latest.manager ?? latest.self;
  const seesVotes = can(actor, 'case.assign', resource) || can(actor, 'case.vote', resource);
  const votes = await r.cases.votes(found.id);
  const held = await levelWhenNominated(r, found, person);
  const packet = can(actor, 'evidence.read', { ...resource, shared: true })
    ? buildPacket(version.framework, await sharedEvidenceOf(r.scope, person.id), found.targetLevel)
    : null;
  return {
    ...found,
    person: { id: person.id, name: person.name, level: person.level, levelStartDate: person.levelStartDate },
    /** The level the case started from (the person's level now may be the one it gave them). */
    nominatedFrom: { level: held.level, levelStartDate: held.levelStartDate },
    latest,
    readiness: ratings
      ? {
          from: ratings.kind,
          ...readinessOf(
            version.framework,
            held.level,
            found.targetLevel,
            ratingsOf(ratings.ratings),
            held.levelStartDate,
            decidedOn(found) ?? today,
          ),
        }
      : null,
    packet,
    /** What the case's framework version calls its levels and competencies, for pages to show. */
    names: {
      levels: Object.fromEntries(version.framework.levels.map((l) => [l.id, l.title])),
      competencies: Object.fromEntries(version.framework.competencies.map((c) => [c.id, c.name])),
    },
    committee: await r.cases.committee(found.id),
    tally: tally(votes, found.round),
    ...(seesVotes && { votes }),
  };
}

/**
 * The level the person held when the case was made, and since when: the case weighs time in that
 * level, not in the one an approval gave them (whose start would make it negative).
 */
async function levelWhenNominated(
  r: OrgRepositories,
  found: PromotionCase,
  person: StoredPerson,
): Promise<{ level: string; levelStartDate: string }> {
  const history = await r.levelHistory.ofPerson(person.id);
  const then = history.filter((h) => h.at <= found.createdAt).at(-1) ?? history[0];
  return then ?? person;
}

/** The day the case's last decision was made: a decided case's time in level stops there. */
function decidedOn(found: PromotionCase): string | undefined {
  const last = found.appeal?.decision ?? found.decision;
  return last?.at.slice(0, 10);
}

export type CaseBundle = Awaited<ReturnType<typeof caseBundle>>;
