import { againstCurrent, selfVsManager } from '../../../core/org/reviews/compare.js';
import { CycleRepository } from './cycles.js';
import { OrgFrameworkRepository } from './frameworks.js';
import type { StoredPerson } from './person-rows.js';
import { ReviewRepository } from './reviews.js';
import { readingAs, type OrgScope } from './scope.js';

/**
 * One person's self and manager assessments in a cycle side by side (the submitted ones, and the
 * reader's own drafts), the peers' answers, and, when the cycle's version is not the
 * organisation's current one, the verdicts against the current version with what changed: what
 * `GET /api/org/cycles/:id/people/:personId/comparison` and `trellis org cycle status --person` show.
 */
export class ComparisonRepository {
  constructor(private readonly scope: OrgScope) {}

  async of(cycleId: number, person: StoredPerson, readerPersonId?: number) {
    return readingAs(this.scope, async (scope) => {
      const { cycle, version } = await new CycleRepository(scope).withFramework(cycleId);
      const all = await new ReviewRepository(scope).assessments(cycle.id, { personId: person.id });
      const seen = all.filter(
        (x) =>
          x.status === 'submitted' || (readerPersonId !== undefined && x.authorPersonId === readerPersonId),
      );
      const self = seen.find((x) => x.kind === 'self');
      const manager = seen.find((x) => x.kind === 'manager');
      const peers = seen.filter((x) => x.kind === 'peer' && x.status === 'submitted').map((x) => x.ratings);
      const current = await new OrgFrameworkRepository(scope).current();
      return {
        cycle: cycle.id,
        person: { id: person.id, name: person.name, level: person.level },
        ...selfVsManager(version.framework, person.level, self, manager),
        peers,
        frameworkVersion: cycle.frameworkVersion,
        againstCurrent:
          current.id === version.id
            ? null
            : againstCurrent(version.framework, current.framework, current, person.level, self, manager),
      };
    });
  }
}
