import { z } from 'zod';
import { LIMITS } from '../../input/limits.js';
import { checkSchema, didYouMean, parseSource, type SourceDocument } from '../../input/document.js';
import { DomainError, selfNamed, sortProblems, type Problem } from '../../problems.js';
import type { FrameworkInput } from '../schema.js';
import {
  competenciesInGroup,
  defaultPromotionRule,
  Findings,
  type ImportInput,
  type ImportResult,
  placeholderLevelFields,
  placeholderNote,
} from './common.js';
import { baseName, humanise, IdAllocator, slugify, stem } from './slug.js';

/*
 * The Financial Times job-family YAML: `levels[{id, name}]`, `themes[{id, name, summary}]` and
 * `competencies[{id, level, theme, summary, proficiency}]`, one statement per level and theme.
 * The schema is looser than the FT's own (unknown keys pass) so that other job families import too.
 */

const key = z.union([z.string().trim().min(1, 'must not be empty'), z.number()], { error: 'must be an id' });
const words = z.union([z.string(), z.number()], { error: 'must be text' });

const ftSchema = z.object({
  name: words.nullish(),
  summary: z.string().nullish(),
  levels: z
    .array(z.object({ id: key, name: words.nullish() }))
    .max(LIMITS.listItems)
    .min(1, 'needs at least one level'),
  themes: z
    .array(z.object({ id: key, name: words.nullish(), summary: z.string().nullish() }))
    .max(LIMITS.listItems)
    .min(1, 'needs at least one theme'),
  competencies: z
    .array(z.object({ level: key, theme: key, summary: words, proficiency: z.string() }))
    .max(LIMITS.listItems),
});

/** The FT's proficiency grades, lowest first: their position is the Trellis rating. */
export const ftProficiencies = [
  'Awareness',
  'Foundational',
  'Working knowledge',
  'Practitioner',
  'Expert',
] as const;

const variant = /^(.*?)[-_](ic|pm)$/i;
// Titles that read as people leadership; used only for levels without an -ic/-pm variant above the split.
const managementTitle = /\b(manager|management|director|head|vp|vice[- ]president|chief|cto|cio)\b/i;

interface PlacedLevel {
  index: number;
  sourceId: string;
  id: string;
  title: string;
  stem: string;
  variant?: 'ic' | 'pm';
  track: 'ic' | 'management';
  band: number;
  rank: number;
}

export function importFt(inputs: ImportInput[]): ImportResult {
  if (inputs.length > 1) {
    throw new DomainError(
      'usage',
      `several FT files given (${inputs.map((i) => baseName(i.name)).join(', ')}): each is a job family of its own; import one at a time`,
    );
  }
  const input = inputs[0]!;
  const findings = new Findings();
  const body = input.text.replace(/^\uFEFF/, '');
  if (/^---[ \t]*\r?\n[\s\S]*?^---[ \t]*$/m.test(body)) {
    const message =
      'this looks like Markdown with front matter, not an FT job family: use --from monzo for Monzo files';
    throw invalid([
      {
        severity: 'error',
        code: 'wrong-format',
        message,
        path: [],
        showPath: false,
        file: input.name,
        line: 1,
        col: 1,
      },
    ]);
  }
  const source = parseSource(body, input.name);
  if (source.syntaxProblems.length > 0) throw invalid(source.syntaxProblems);
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    throw invalid([
      selfNamed(
        source.problem(
          [],
          'an FT job family must be a mapping with `levels`, `themes` and `competencies`',
          'not-a-mapping',
        ),
      ),
    ]);
  }
  const checked = checkSchema(source, ftSchema);
  if (!checked.value) throw invalid(checked.problems);
  const family = checked.value;

  const levels = placeLevels(source, family.levels, findings);
  const themes = readThemes(source, family.themes, findings);
  const statements = readStatements(source, family.competencies, levels, themes, findings);
  if (findings.problems.length > 0) throw invalid(findings.problems);

  return {
    framework: build(input, family, levels, themes, statements, findings),
    notes: findings.notes,
    used: [input.name],
  };
}

function invalid(problems: Problem[]): DomainError {
  return new DomainError('invalid-input', 'the FT file cannot be imported', sortProblems(problems));
}

const text = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '' : String(value).replace(/\s+/g, ' ').trim();

/**
 * Tracks and bands from the order of the levels, not from known ids: each new stem (the id without
 * -ic/-pm) is one band up; -ic variants and the shared levels below the split are the IC track, -pm
 * variants the management track, which starts at its first -pm level with the band of its IC twin.
 */
function placeLevels(
  source: SourceDocument,
  raw: z.infer<typeof ftSchema>['levels'],
  findings: Findings,
): PlacedLevel[] {
  const ids = new IdAllocator();
  const seen = new Map<string, number>();
  const stemBands = new Map<string, number>();
  let managementStarted = false;
  const placed: PlacedLevel[] = [];
  raw.forEach((level, index) => {
    const sourceId = String(level.id).trim();
    const first = seen.get(sourceId);
    if (first !== undefined) {
      findings.error(
        source,
        ['levels', index, 'id'],
        `duplicate level id "${sourceId}" (first at levels[${first}])`,
        'duplicate-id',
      );
      return;
    }
    seen.set(sourceId, index);
    const match = variant.exec(sourceId);
    const kind = match ? (match[2]!.toLowerCase() as 'ic' | 'pm') : undefined;
    const levelStem = match ? match[1]! : sourceId;
    const band = stemBands.get(levelStem) ?? stemBands.size + 1;
    stemBands.set(levelStem, band);
    const title = text(level.name) || humanise(sourceId);
    let track: PlacedLevel['track'] = kind === 'pm' ? 'management' : 'ic';
    if (kind === undefined && managementStarted && managementTitle.test(`${title} ${sourceId}`))
      track = 'management';
    if (kind === 'pm') managementStarted = true;
    const id = ids.take(sourceId, `level-${index + 1}`);
    if (id !== sourceId)
      findings.note(`level "${sourceId}" becomes id "${id}" (kept as an alias)`, {
        source,
        path: ['levels', index, 'id'],
      });
    placed.push({ index, sourceId, id, title, stem: levelStem, variant: kind, track, band, rank: 0 });
  });
  // Rank within each track by band; the sort is stable, so the file's order breaks ties.
  for (const track of ['ic', 'management'] as const) {
    placed
      .filter((l) => l.track === track)
      .sort((a, b) => a.band - b.band)
      .forEach((l, i) => (l.rank = i + 1));
  }
  for (const l of placed) {
    if (l.variant === undefined && l.track === 'management') {
      findings.note(
        `level "${l.sourceId}" has no -ic/-pm variant and its title reads as management: it tops the management track`,
        {
          source,
          path: ['levels', l.index, 'id'],
        },
      );
    } else if (l.variant === undefined && placed.some((p) => p.variant === 'pm' && p.index < l.index)) {
      findings.note(
        `level "${l.sourceId}" has no -ic/-pm variant above the split: it continues the IC track`,
        { source, path: ['levels', l.index, 'id'] },
      );
    }
  }
  return placed;
}

interface Theme {
  index: number;
  sourceId: string;
  id: string;
  name: string;
  description: string;
}

function readThemes(
  source: SourceDocument,
  raw: z.infer<typeof ftSchema>['themes'],
  findings: Findings,
): Theme[] {
  const ids = new IdAllocator();
  const seen = new Map<string, number>();
  const themes: Theme[] = [];
  raw.forEach((theme, index) => {
    const sourceId = String(theme.id).trim();
    const first = seen.get(sourceId);
    if (first !== undefined) {
      findings.error(
        source,
        ['themes', index, 'id'],
        `duplicate theme id "${sourceId}" (first at themes[${first}])`,
        'duplicate-id',
      );
      return;
    }
    seen.set(sourceId, index);
    const name = text(theme.name) || humanise(sourceId);
    const id = ids.take(sourceId, name);
    if (id !== sourceId)
      findings.note(`theme "${sourceId}" becomes competency id "${id}"`, {
        source,
        path: ['themes', index, 'id'],
      });
    themes.push({ index, sourceId, id, name, description: text(theme.summary) || `FT theme "${name}".` });
  });
  return themes;
}

interface Statement {
  level: PlacedLevel;
  theme: Theme;
  rating: number;
  behaviours: string[];
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

function readStatements(
  source: SourceDocument,
  raw: z.infer<typeof ftSchema>['competencies'],
  levels: PlacedLevel[],
  themes: Theme[],
  findings: Findings,
): Statement[] {
  const levelById = new Map(levels.map((l) => [l.sourceId, l]));
  const themeById = new Map(themes.map((t) => [t.sourceId, t]));
  const statements: Statement[] = [];
  raw.forEach((c, index) => {
    const path = ['competencies', index];
    const level = levelById.get(String(c.level).trim());
    const theme = themeById.get(String(c.theme).trim());
    const rating =
      ftProficiencies.findIndex((p) => p.toLowerCase() === c.proficiency.trim().toLowerCase()) + 1;
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
        [...path, 'theme'],
        `unknown theme "${c.theme}"${didYouMean(String(c.theme), themeById.keys())}`,
        'unknown-reference',
      );
    if (rating === 0) {
      findings.error(
        source,
        [...path, 'proficiency'],
        `unknown proficiency "${c.proficiency}": expected one of ${ftProficiencies.join(', ')}${didYouMean(c.proficiency, ftProficiencies)}`,
        'unknown-proficiency',
      );
    }
    const behaviours = summaryBehaviours(String(c.summary));
    if (behaviours.length === 0)
      findings.warn(`competencies[${index}] has an empty summary: skipped`, {
        source,
        path: [...path, 'summary'],
      });
    else if (level && theme && rating > 0) statements.push({ level, theme, rating, behaviours });
  });
  return statements;
}

function build(
  input: ImportInput,
  family: z.infer<typeof ftSchema>,
  levels: PlacedLevel[],
  themes: Theme[],
  statements: Statement[],
  findings: Findings,
): FrameworkInput {
  const own = new Map<string, { rating: number; behaviours: string[] }>();
  for (const s of statements) {
    const k = `${s.level.id}\u0000${s.theme.id}`;
    const e = own.get(k);
    // Several statements for one level and theme: all are behaviours, the highest grade is the rating.
    if (e) {
      e.rating = Math.max(e.rating, s.rating);
      e.behaviours.push(...s.behaviours);
    } else own.set(k, { rating: s.rating, behaviours: [...s.behaviours] });
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
    const expectations: Record<string, { rating: number; behaviours: string[] }> = {};
    for (const theme of themes) {
      let from: PlacedLevel | undefined = level;
      while (from && !own.has(`${from.id}\u0000${theme.id}`)) from = below(from);
      if (!from) {
        optional.add(theme.id);
        continue;
      }
      const e = own.get(`${from.id}\u0000${theme.id}`)!;
      if (from !== level) carried.push(`${level.id}/${theme.id} (from ${from.id})`);
      expectations[theme.id] = { rating: e.rating, behaviours: [...e.behaviours] };
    }
    return expectations;
  };

  const ordered = [...levels].sort((a, b) =>
    a.track === b.track ? a.rank - b.rank : a.track === 'ic' ? -1 : 1,
  );
  const frameworkLevels = ordered.map((l) => ({
    id: l.id,
    title: l.title,
    track: l.track,
    rank: l.rank,
    band: l.band,
    ...(l.id !== l.sourceId ? { aliases: [l.sourceId] } : {}),
    ...placeholderLevelFields(l.band),
    expectations: expectationsOf(l),
  }));
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

  const moves = trackSwitches(levels);
  const name = text(family.name) || humanise(stem(input.name));
  const tracks = [
    { id: 'ic', name: 'Individual contributor' },
    { id: 'management', name: 'People manager', description: 'The -pm variants of the FT levels.' },
  ].filter((t) => levels.some((l) => l.track === t.id));
  findings.note(placeholderNote);

  return {
    id: `ft-${slugify(name) || 'job-family'}`,
    name: `Financial Times ${name}`,
    version: '1.0.0',
    description:
      text(family.summary) || `Imported from the Financial Times job family ${baseName(input.name)}.`,
    tracks,
    levels: frameworkLevels,
    scales: [
      {
        id: 'proficiency',
        name: 'FT proficiency',
        points: ftProficiencies.map((label, i) => ({ value: i + 1, label })),
      },
    ],
    groups: [{ id: 'themes', name: 'Themes', description: `The themes of the ${name} job family.` }],
    competencies: competenciesInGroup('themes', themes, optional),
    promotionRules: [{ ...defaultPromotionRule }],
    ...(moves.length > 0 ? { moves } : {}),
  };
}

/**
 * A switch both ways between each -ic/-pm pair, and into a level without variant above the split
 * from the other track (e.g. principal-ic → tech-director).
 */
function trackSwitches(levels: PlacedLevel[]) {
  const moves: { id: string; kind: 'track-switch'; from: string; to: string; advice: string[] }[] = [];
  const ids = new IdAllocator();
  const move = (from: PlacedLevel, to: PlacedLevel, advice: string) =>
    moves.push({
      id: ids.take(`${from.id}-to-${to.id}`, 'move'),
      kind: 'track-switch',
      from: from.id,
      to: to.id,
      advice: [advice],
    });
  for (const ic of levels.filter((l) => l.variant === 'ic')) {
    const pm = levels.find((l) => l.variant === 'pm' && l.stem === ic.stem);
    if (!pm) continue;
    move(ic, pm, 'The FT lists both as variants of one level: the same band on the other track.');
    move(pm, ic, 'The FT lists both as variants of one level: the same band on the other track.');
  }
  // A level without variant above the split sits on one track; the other track's top one band below
  // reaches it by a switch, since that track has nowhere higher to go.
  const split = Math.min(...levels.filter((l) => l.variant === 'pm').map((l) => l.band));
  for (const top of levels.filter((l) => l.variant === undefined && l.band > split)) {
    const otherTrack = top.track === 'ic' ? 'management' : 'ic';
    const otherTop = levels.filter((l) => l.track === otherTrack && l.band === top.band - 1).pop();
    if (otherTop && !levels.some((l) => l.track === otherTrack && l.band >= top.band)) {
      move(otherTop, top, 'The FT places this level above both variants of the one below.');
    }
  }
  return moves;
}
