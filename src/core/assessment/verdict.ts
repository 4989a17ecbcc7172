import type { Level, PromotionRule } from '../framework/schema.js';
import type { Gap, LevelVerdict } from './evaluate.js';

/**
 * A level's verdict under its rule, whatever kind of rule it is: the level, the counts, and an
 * explanation that names the rule and gives the reasons.
 */
export function levelVerdict(
  level: Level,
  rule: PromotionRule,
  ruleText: string,
  outcome: { holds: boolean; met: number; total: number; gaps: Gap[]; reasons: string[] },
): LevelVerdict {
  const { holds, met, total, gaps, reasons } = outcome;
  return {
    level: level.id,
    title: level.title,
    track: level.track,
    band: level.band,
    holds,
    rule: rule.id,
    met,
    total,
    gaps,
    explanation: `${holds ? 'Meets' : 'Does not meet'} ${level.title} under rule "${rule.id}" (${ruleText}): ${reasons.join('; ')}.`,
  };
}
