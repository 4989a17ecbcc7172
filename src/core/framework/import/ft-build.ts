import { didYouMean, type SourceDocument } from '../../input/document.js';
import type { Path } from '../../problems.js';
import type { Expectation, FrameworkInput, Illustration } from '../schema.js';
import { webUrl } from '../schema.js';
import {
  competenciesInGroup,
  defaultPromotionRule,
  type Findings,
  placeholderLevelFields,
  placeholderNote,
} from './common.js';
import { FidelityCounter, type FidelityReport } from './fidelity.js';
import { type PlacedLevel, text, trackSwitches } from './ft-levels.js';
import { baseName, humanise, IdAllocator, slugify, stem } from './slug.js';

/*
 * Both FT layouts, once read: levels placed on tracks, themes, and statements each with its
 * examples and supporting URLs; built into one framework whose fidelity report counts every
 * summary, example and URL of the source.
 */

/** The FT's proficiency grades, lowest first: their position is the Trellis rating. */
export const ftProficiencies = [
  'Awareness',
  'Foundational',
  'Working knowledge',
  'Practitioner',
  'Expert',
] as const;

/** A list of the source with the file it is in and where it starts. */
export interface Part<T> {
  source: SourceDocument;
  base: Path;
  items: readonly T[];
}

export interface Theme {
  sourceId: string;
  id: string;
  name: string;
  description: string;
  /** Whether the description is the source's own text (a statement) or made up here. */
  described: boolean;
}

export interface Statement {
  level: PlacedLevel;
  theme: Theme;
  /** The proficiency grade's rating; undefined in a layout without grades. */
  rating?: number;
  behaviours: string[];
  illustration?: Illustration;
  /** Source statements: the summary, each example and each URL. */
  count: number;
}

export interface FtFamily {
  name?: string | number | null;
  summary?: string | null;
  files: string[];
  levels: PlacedLevel[];
  themes: Theme[];
  statements: Statement[];
  /** Whether statements carry proficiency grades; without them a level's rating is its rank. */
  graded: boolean;
  /** Level id → its summary, in layouts that give one. */
  levelSummaries?: Map<string, string>;
}

export function readThemesOf(
  part: Part<{ id: string | number; name?: string | number | null; summary?: string | null }>,
  findings: Findings,
): Theme[] {
  const ids = new IdAllocator();
  const seen = new Map<string, number>();
  const themes: Theme[] = [];
  part.items.forEach((theme, index) => {
    const sourceId = String(theme.id).trim();
    const first = seen.get(sourceId);
    if (first !== undefined) {
      findings.error(
        part.source,
        [...part.base, index, 'id'],
        `duplicate theme id "${sourceId}" (first at item ${first + 1})`,
        'duplicate-id',
      );
      return;
    }
    seen.set(sourceId, index);
    const name = text(theme.name) || humanise(sourceId);
    const id = ids.take(sourceId, name);
    if (id !== sourceId)
      findings.note(`theme "${sourceId}" becomes competency id "${id}"`, {
        source: part.source,
        path: [...part.base, index, 'id'],
      });
    const summary = text(theme.summary);
    themes.push({
      sourceId,
      id,
      name,
      description: summary || `FT theme "${name}".`,
      described: summary !== '',
    });
  });
  return themes;
}

/** A statement's behaviours: one per item when the summary is a numbered or bulleted list, else one. */
export function summaryBehaviours(summary: string): string[] {
  const lines = summary
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const item = /^(\d+[.)]|[-*•])\s+/;
  if (lines.length > 1 && lines.every((line) => item.test(line)))
    return lines.map((line) => line.replace(item, ''));
  const whole = text(summary);
  return whole === '' ? [] : [whole];
}

export interface RawStatement {
  level: string | number;
  theme: string | number;
  summary: string | number;
  proficiency?: string;
  examples?: (string | number | null)[] | string | number | null;
  supportingUrls?: { label?: string | number | null; url: string }[] | null;
}

export function readStatementsOf(
  part: Part<RawStatement>,
  levels: PlacedLevel[],
  themes: Theme[],
  findings: Findings,
  themeKey = 'theme',
): Statement[] {
  const levelById = new Map(levels.map((l) => [l.sourceId, l]));
  const themeById = new Map(themes.map((t) => [t.sourceId, t]));
  const statements: Statement[] = [];
  const { source } = part;
  part.items.forEach((c, index) => {
    const path = [...part.base, index];
    const level = levelById.get(String(c.level).trim());
    const theme = themeById.get(String(c.theme).trim());
    if (!level)
      findings.error(
        source,
        [...path, 'level'],
        `unknown level "${c.level}"${didYouMean(String(c.level), levelById.keys())}`,
        'unknown-reference',
      );
    if (!theme)
      findings.error(
        source,
        [...path, themeKey],
        `unknown theme "${c.theme}"${didYouMean(String(c.theme), themeById.keys())}`,
        'unknown-reference',
      );
    let rating: number | undefined;
    if (c.proficiency !== undefined) {
      rating = ftProficiencies.findIndex((p) => p.toLowerCase() === c.proficiency!.trim().toLowerCase()) + 1;
      if (rating === 0)
        findings.error(
          source,
          [...path, 'proficiency'],
          `unknown proficiency "${c.proficiency}": expected one of ${ftProficiencies.join(', ')}${didYouMean(c.proficiency, ftProficiencies)}`,
          'unknown-proficiency',
        );
    }
    const behaviours = summaryBehaviours(String(c.summary));
    // `examples:` written as one string is one example.
    const rawExamples = Array.isArray(c.examples) ? c.examples : c.examples == null ? [] : [c.examples];
    const examples = rawExamples.map((e) => text(e)).filter((e) => e !== '');
    const links = (c.supportingUrls ?? []).map((l) => ({
      label: text(l.label) || l.url.trim(),
      url: l.url.trim(),
    }));
    if (behaviours.length === 0) {
      // An empty entry holds nothing to lose; examples without the statement they illustrate would be lost.
      if (examples.length + links.length > 0)
        findings.error(
          source,
          [...path, 'summary'],
          'the summary is empty, so its examples illustrate nothing',
          'empty-summary',
        );
      else
        findings.warn(`item ${index + 1} has an empty summary: skipped`, {
          source,
          path: [...path, 'summary'],
        });
      return;
    }
    links.forEach((l, i) => {
      if (!webUrl.safeParse(l.url).success)
        findings.error(
          source,
          [...path, 'supportingUrls', i, 'url'],
          `"${l.url}" is not a web address (http or https)`,
          'invalid-value',
        );
    });
    if (level && theme && rating !== 0)
      statements.push({
        level,
        theme,
        ...(rating !== undefined ? { rating } : {}),
        behaviours,
        ...(examples.length + links.length > 0
          ? { illustration: { behaviour: behaviours[0]!, examples, links } }
          : {}),
        count: 1 + examples.length + links.length,
      });
  });
  return statements;
}

export function buildFt(
  family: FtFamily,
  findings: Findings,
): { framework: FrameworkInput; fidelity: FidelityReport } {
  const { levels, themes, statements } = family;
  const fidelity = new FidelityCounter();
  fidelity.dropAll(findings.dropped);
  const own = new Map<string, Expectation>();
  for (const s of statements) {
    const k = `${s.level.id}\u0000${s.theme.id}`;
    const rating = s.rating ?? s.level.rank;
    const e = own.get(k) ?? { rating, behaviours: [] };
    // Several statements for one level and theme: all are behaviours, the highest grade is the rating.
    e.rating = Math.max(e.rating, rating);
    e.behaviours.push(...s.behaviours);
    if (s.illustration) e.illustrations = [...(e.illustrations ?? []), s.illustration];
    own.set(k, e);
    fidelity.kept(s.count);
  }

  // The level one climbs from: the one below on the same track, or, at the foot of the management
  // track, the highest shared IC level below its band (e.g. senior-1 under senior-2-pm).
  const below = (level: PlacedLevel): PlacedLevel | undefined =>
    levels.find((l) => l.track === level.track && l.rank === level.rank - 1) ??
    (level.track === 'management' && level.rank === 1
      ? levels
          .filter((l) => l.track === 'ic' && l.variant === undefined && l.band < level.band)
          .sort((a, b) => b.band - a.band)[0]
      : undefined);

  const carried: string[] = [];
  const optional = new Set<string>();
  const expectationsOf = (level: PlacedLevel) => {
    const expectations: Record<string, Expectation> = {};
    for (const theme of themes) {
      let from: PlacedLevel | undefined = level;
      while (from && !own.has(`${from.id}\u0000${theme.id}`)) from = below(from);
      if (!from) {
        optional.add(theme.id);
        continue;
      }
      const e = own.get(`${from.id}\u0000${theme.id}`)!;
      if (from !== level) carried.push(`${level.id}/${theme.id} (from ${from.id})`);
      expectations[theme.id] = structuredClone(e);
    }
    return expectations;
  };

  const ordered = [...levels].sort((a, b) =>
    a.track === b.track ? a.rank - b.rank : a.track === 'ic' ? -1 : 1,
  );
  const frameworkLevels = ordered.map((l) => {
    const summary = family.levelSummaries?.get(l.sourceId);
    if (summary) fidelity.kept();
    return {
      id: l.id,
      title: l.title,
      track: l.track,
      rank: l.rank,
      band: l.band,
      ...(l.id !== l.sourceId ? { aliases: [l.sourceId] } : {}),
      ...(summary ? { summary } : {}),
      ...placeholderLevelFields(l.band),
      expectations: expectationsOf(l),
    };
  });
  if (carried.length > 0) {
    findings.note(
      `no statement for ${carried.length} level/theme pair(s): carried the nearest lower level's expectation: ${carried.join(', ')}`,
    );
  }
  for (const id of optional) {
    findings.note(
      `theme "${themes.find((t) => t.id === id)!.sourceId}" has no statement at or below some levels: competency "${id}" is optional (core: false)`,
    );
  }
  fidelity.kept(themes.filter((t) => t.described).length);

  const moves = trackSwitches(levels);
  const main = family.files[0]!;
  const name = text(family.name) || humanise(stem(main));
  const summary = text(family.summary);
  if (summary) fidelity.kept();
  const tracks = [
    { id: 'ic', name: 'Individual contributor' },
    { id: 'management', name: 'People manager', description: 'The -pm variants of the FT levels.' },
  ].filter((t) => levels.some((l) => l.track === t.id));
  findings.note(placeholderNote);
  if (!family.graded)
    findings.note('the source grades no statement: each level’s expectations are rated with its rank');

  const maxRank = Math.max(...levels.map((l) => l.rank));
  const scale = family.graded
    ? {
        id: 'proficiency',
        name: 'FT proficiency',
        points: ftProficiencies.map((label, i) => ({ value: i + 1, label })),
      }
    : {
        id: 'level',
        name: 'FT level',
        points: Array.from({ length: Math.max(maxRank, 2) }, (_, i) => ({
          value: i + 1,
          label: levels.find((l) => l.track === 'ic' && l.rank === i + 1)?.title ?? `Rank ${i + 1}`,
        })),
      };

  const framework: FrameworkInput = {
    id: `ft-${slugify(name) || 'job-family'}`,
    name: `Financial Times ${name}`,
    version: '1.0.0',
    description:
      summary || `Imported from the Financial Times job family ${family.files.map(baseName).join(', ')}.`,
    tracks,
    levels: frameworkLevels,
    scales: [scale],
    groups: [{ id: 'themes', name: 'Themes', description: `The themes of the ${name} job family.` }],
    competencies: competenciesInGroup('themes', themes, optional),
    promotionRules: [{ ...defaultPromotionRule }],
    ...(moves.length > 0 ? { moves } : {}),
  };
  return { framework, fidelity: fidelity.report() };
}
