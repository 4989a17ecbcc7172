import type { Framework, Level } from '../schema.js';
import { formatRange } from './reading.js';

/** A level's share of engineers in words, e.g. "under 5%"; empty when not stated. */
export function formatShare(level: Level): string {
  const share = level.share;
  if (!share) return '';
  const pct = (x: number) => `${+(x * 100).toFixed(2)}%`;
  if (share.min !== undefined && share.max !== undefined)
    return share.min === share.max ? pct(share.min) : `${pct(share.min)}–${pct(share.max)}`;
  if (share.max !== undefined) return `under ${pct(share.max)}`;
  return share.min !== undefined ? `over ${pct(share.min)}` : '';
}

/** A level's span of control in words; empty when not stated. */
export function spanText(level: Level): string {
  if (!level.span) return '';
  return [
    level.span.engineers && `${formatRange(level.span.engineers)} engineers`,
    level.span.teams && `${formatRange(level.span.teams)} teams`,
    level.span.managers && `${formatRange(level.span.managers)} managers`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** The codes other companies give a level, e.g. "Google L6, Meta E6"; empty when none. */
export function levelCodes(framework: Framework, id: string): string {
  return framework.companies
    .flatMap((c) => {
      const list = c.levels.filter((x) => x.level === id).map((x) => x.code);
      return list.length > 0 ? [`${c.name} ${list.join('/')}`] : [];
    })
    .join(', ');
}
