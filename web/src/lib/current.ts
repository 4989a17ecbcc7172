import type { Framework } from '../../../src/core/framework/schema.js';
import { useAssessments, useProfile } from '../api/hooks.js';

/** The level the person holds: the profile's, else the latest assessment's; '' when neither says. */
export function useCurrentLevel(): { current: string; ready: boolean } {
  const profile = useProfile();
  const assessments = useAssessments();
  const current = profile.data?.current ?? assessments.data?.at(-1)?.current ?? '';
  return { current, ready: !profile.isPending && !assessments.isPending };
}

/** The next level up the same track, or the level itself at the top. */
export function nextLevelOf(framework: Framework, id: string): string {
  const level = framework.levels.find((l) => l.id === id);
  if (!level) return '';
  return framework.levels.find((l) => l.track === level.track && l.rank === level.rank + 1)?.id ?? level.id;
}
