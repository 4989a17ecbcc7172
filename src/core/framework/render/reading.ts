import { placeholderLevelFields } from '../import/common.js';
import { own } from '../../names.js';
import { rulesFor } from '../rules.js';
import type { Expectation, Framework, Level, Link, PromotionRule } from '../schema.js';
import { describeRule, expectationsOf, type ExpectationView } from '../view.js';

/*
 * What every rendering of a ladder shares: the levels of each track in order, each expectation
 * read against the level below it (what is new, what is carried or inherited), the placeholders an
 * importer left, and the promotion rules in words. Markdown and HTML only lay this out.
 */

export interface ReadExpectation extends ExpectationView {
  /** The level below on the same track, when this expectation repeats its behaviours whole. */
  carriedFrom?: Level;
  /** The level below, when some of its behaviours are expected here again (listed there, not here). */
  inheritsFrom?: Level;
  /** The behaviours new at this level: all of them unless carried or inherited. */
  fresh: string[];
}

export function formatRange(range: { min: number; max: number } | undefined, unit = ''): string {
  if (!range) return '';
  const suffix = unit ? ` ${unit}` : '';
  return range.min === range.max ? `${range.min}${suffix}` : `${range.min}–${range.max}${suffix}`;
}

/**
 * An expected rating in words: the scale's label, with the number when the label does not end in
 * it ("Foundational (2)", but "Level 5" and "Milestone 3" as they are).
 */
export function ratingText(e: { rating: number; label: string }): string {
  if (e.label === String(e.rating)) return e.label;
  return e.label.endsWith(` ${e.rating}`) ? e.label : `${e.label} (${e.rating})`;
}

/** The ladder tracks' levels, each track bottom to top. */
export function trackLevels(framework: Framework, track: string): Level[] {
  return framework.levels.filter((l) => l.track === track).sort((a, b) => a.rank - b.rank);
}

/** The level just below on the same track, if any. */
export function levelBelow(framework: Framework, level: Level): Level | undefined {
  const below = trackLevels(framework, level.track).filter((l) => l.rank < level.rank);
  return below[below.length - 1];
}

/** A level's expectations, each marked against the level below so that nothing reads twice. */
export function readExpectations(framework: Framework, level: Level): ReadExpectation[] {
  const below = levelBelow(framework, level);
  const previous = new Map(
    below ? expectationsOf(framework, below).map((e) => [e.competency, e.behaviours] as const) : [],
  );
  return expectationsOf(framework, level).map((e) => {
    const earlier = previous.get(e.competency) ?? [];
    if (!below || earlier.length === 0 || e.behaviours.length === 0) return { ...e, fresh: e.behaviours };
    const same = new Set(earlier);
    const fresh = e.behaviours.filter((b) => !same.has(b));
    if (fresh.length === 0 && e.behaviours.length === earlier.length)
      return { ...e, carriedFrom: below, fresh: [] };
    if (fresh.length < e.behaviours.length) return { ...e, inheritsFrom: below, fresh };
    return { ...e, fresh };
  });
}

/** One statement an imported ladder sets beside the behaviours, with its examples and reading. */
export interface Illustrated {
  text: string;
  /** The statement quotes a behaviour listed above it (the FT's examples of one behaviour). */
  quotesBehaviour: boolean;
  examples: readonly string[];
  links: readonly Link[];
}

/** A titled group of such statements: illustrations, example criteria, or one sub-level. */
export interface IllustrationSection {
  title: string;
  items: Illustrated[];
}

/** What an expectation says beside its behaviours, in the order every rendering shows it. */
export function illustrationSections(written: Expectation | undefined): IllustrationSection[] {
  if (!written) return [];
  const sections: IllustrationSection[] = [];
  const illustrations = written.illustrations ?? [];
  if (illustrations.length > 0)
    sections.push({
      title: 'Illustrated',
      items: illustrations.map((i) => ({
        text: i.behaviour,
        quotesBehaviour: true,
        examples: i.examples,
        links: i.links,
      })),
    });
  if (written.exampleCriteria?.length)
    sections.push({
      title: 'Examples of meeting it (not a checklist)',
      items: written.exampleCriteria.map((c) => ({
        text: c.criterion,
        quotesBehaviour: false,
        examples: c.examples,
        links: [],
      })),
    });
  for (const sub of written.subLevels ?? [])
    sections.push({
      title: `Sub-level ${sub.name}`,
      items: sub.behaviours.map((b) => ({ text: b, quotesBehaviour: false, examples: [], links: [] })),
    });
  return sections;
}

/** Levels whose scope, impact and years are still the values an importer fills in for them. */
export function placeholderLevels(framework: Framework): Set<string> {
  return new Set(
    framework.levels
      .filter((level) => {
        const filled = placeholderLevelFields(level.band);
        return (
          level.impact === filled.impact &&
          level.scope === filled.scope &&
          level.years.min === filled.years.min &&
          level.years.max === filled.years.max
        );
      })
      .map((l) => l.id),
  );
}

/** The one sentence that says which levels' facts are placeholders, or nothing. */
export function placeholderWarning(framework: Framework): string | undefined {
  const placeholders = placeholderLevels(framework);
  if (placeholders.size === 0) return undefined;
  const which =
    placeholders.size === framework.levels.length
      ? 'every level'
      : framework.levels
          .filter((l) => placeholders.has(l.id))
          .map((l) => l.title)
          .join(', ');
  return `The scope, impact and typical years of ${which} are placeholders: the source framework does not state them, so they are left out below.`;
}

/** Which levels a rule governs, in words. */
export function ruleScope(framework: Framework, rule: PromotionRule): string {
  const trackName = new Map(framework.tracks.map((t) => [t.id, t.name]));
  const levelTitle = new Map(framework.levels.map((l) => [l.id, l.title]));
  if (rule.appliesTo?.levels) return rule.appliesTo.levels.map((id) => levelTitle.get(id) ?? id).join(', ');
  if (rule.appliesTo?.tracks)
    return rule.appliesTo.tracks.map((t) => `the ${trackName.get(t) ?? t} track`).join(', ');
  return framework.promotionRules.length > 1 ? 'every level no other rule names' : 'every level';
}

/**
 * A promotion rule in words, as sentences: how the level is met and, for a points rule, what each
 * rating is worth, every level's threshold and the titles the points lead to.
 */
export function ruleInWords(framework: Framework, rule: PromotionRule): string[] {
  const sentences = [describeRule(rule)];
  if (rule.kind === 'points' && rule.points) {
    const levelTitle = new Map(framework.levels.map((l) => [l.id, l.title]));
    const thresholds = Object.entries(rule.points.thresholds)
      .sort(([, a], [, b]) => a - b)
      .map(([id, points]) => `${levelTitle.get(id) ?? id} at ${points}`);
    sentences.push(`The thresholds, in points: ${thresholds.join(', ')}.`);
    if (rule.points.titles.length > 0) {
      const titles = rule.points.titles.map((t) => {
        const range =
          t.maxPoints === undefined
            ? `${t.minPoints ?? 0} points or more`
            : `${t.minPoints ?? 0}–${t.maxPoints} points`;
        const groups = Object.entries(t.minPointsPerGroup).map(([g, p]) => `${p} in ${g}`);
        return `${t.title} (${range}${groups.length > 0 ? `, with ${groups.join(', ')}` : ''})`;
      });
      sentences.push(`Titles held by points: ${titles.join('; ')}.`);
    }
  }
  if (rule.description) sentences.push(rule.description.trim());
  return sentences;
}

/** What "meets the expectation" means, said once for all the rules that use it; undefined if none does. */
export function meetingInWords(framework: Framework): string | undefined {
  return framework.promotionRules.some((r) => r.kind !== 'points')
    ? 'A competency meets the expectation when its rating is at least the one the level names; optional competencies never hold a promotion back.'
    : undefined;
}

/** What promotion into one level takes, in one sentence; undefined when the rule says it for all. */
export function levelRuleLine(framework: Framework, level: Level): string | undefined {
  const rule = rulesFor(level, framework.promotionRules)[0];
  if (!rule) return undefined;
  if (rule.kind === 'points' && rule.points) {
    const threshold = own(rule.points.thresholds, level.id);
    return threshold === undefined ? undefined : `Met at ${threshold} points under rule ${rule.id}.`;
  }
  return framework.promotionRules.length > 1
    ? `Promotion into this level follows rule ${rule.id}.`
    : undefined;
}
