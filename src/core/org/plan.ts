import { diffFrameworks, type FrameworkDiff } from '../framework/diff.js';
import type { Framework } from '../framework/schema.js';

/**
 * Before an organisation adopts a new framework version: who it touches. A person whose level id
 * is not in the new version has to be re-levelled; a person whose level keeps its id but whose
 * expectations (or the level's own fields) change should be told what changed. Each person is read
 * against the version their level was set in.
 */

export interface PlannedPerson {
  email: string;
  name: string;
  level: string;
  /** The organisation's version number the level refers to. */
  version: number;
}

export interface PlanEntry extends PlannedPerson {
  change: 'level-removed' | 'expectations-changed';
  /** For a changed level: the competencies whose expectation changed, and the level's own fields. */
  competencies: string[];
  fields: string[];
}

export interface FrameworkPlan {
  to: { id: string; version: string };
  affected: PlanEntry[];
  unaffected: number;
}

export function planFramework(
  people: readonly PlannedPerson[],
  versions: ReadonlyMap<number, Framework>,
  next: Framework,
): FrameworkPlan {
  const diffs = new Map<number, FrameworkDiff>();
  const diffOf = (version: number) => {
    let diff = diffs.get(version);
    if (diff === undefined) {
      diff = diffFrameworks(versions.get(version)!, next);
      diffs.set(version, diff);
    }
    return diff;
  };
  const nextLevels = new Set(next.levels.map((l) => l.id));
  const affected: PlanEntry[] = [];
  for (const person of people) {
    if (!nextLevels.has(person.level)) {
      affected.push({ ...person, change: 'level-removed', competencies: [], fields: [] });
      continue;
    }
    const { sections } = diffOf(person.version);
    const prefix = `${person.level}/`;
    const competencies = [
      ...sections.expectations.added,
      ...sections.expectations.removed,
      ...sections.expectations.changed.map((c) => c.id),
    ]
      .filter((key) => key.startsWith(prefix))
      .map((key) => key.slice(prefix.length))
      .sort();
    const fields =
      sections.levels.changed.find((c) => c.id === person.level)?.fields.map((f) => f.field) ?? [];
    if (competencies.length > 0 || fields.length > 0)
      affected.push({ ...person, change: 'expectations-changed', competencies, fields });
  }
  affected.sort((a, b) => a.change.localeCompare(b.change) || a.email.localeCompare(b.email));
  return {
    to: { id: next.id, version: next.version },
    affected,
    unaffected: people.length - affected.length,
  };
}
