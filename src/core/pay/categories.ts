import type { Framework } from '../framework/schema.js';
import { DomainError } from '../problems.js';

/**
 * Categories of workers doing work of equal value (Directive 2023/970, Article 4): by default the
 * framework's bands, since equal band means equal standing across tracks; or its levels; or a
 * custom grouping of level ids, where a level left out stays in its band.
 */
export type CategoryRule = 'band' | 'level' | ReadonlyMap<string, string>;

export const bandCategory = (band: number): string => `band-${band}`;

/** The category of a person at `level` of `framework` under the rule; undefined for an unknown level. */
export function categoriser(framework: Framework, rule: CategoryRule): (level: string) => string | undefined {
  const bands = new Map(framework.levels.map((l) => [l.id, l.band]));
  return (level) => {
    const band = bands.get(level);
    if (band === undefined) return undefined;
    if (rule === 'band') return bandCategory(band);
    if (rule === 'level') return level;
    return rule.get(level) ?? bandCategory(band);
  };
}

/**
 * `--categories band|level|LEVEL=NAME,…`: the rule as a command line or a query gives it, each
 * level named checked against the framework.
 */
export function parseCategoryRule(text: string | undefined, framework: Framework): CategoryRule {
  if (text === undefined || text === 'band') return 'band';
  if (text === 'level') return 'level';
  const levels = new Set(framework.levels.map((l) => l.id));
  const map = new Map<string, string>();
  for (const pair of text.split(',')) {
    const [level = '', name = ''] = pair.split('=').map((s) => s.trim());
    if (!levels.has(level) || !/^[a-z0-9][a-z0-9._-]*$/.test(name))
      throw new DomainError(
        'usage',
        `categories: "${pair.trim()}" is not LEVEL=NAME with a level of the framework and a lowercase name; or give band or level`,
      );
    map.set(level, name);
  }
  return map;
}
