import { describePointsRule } from '../assessment/points.js';
import { findLevel } from './lookup.js';
import { latticeMoves, type LatticeMove } from './moves.js';
import { coreOnTrack, rulesFor, scaleOf } from './rules.js';
import type { Framework, Level, PromotionRule } from './schema.js';
import { own } from '../names.js';

export type LevelSummary = Omit<Level, 'expectations'>;

export interface ExpectationView {
  competency: string;
  name: string;
  group: string;
  core: boolean;
  rating: number;
  /** The scale's label for the rating, e.g. "Proficient". */
  label: string;
  /** The behaviours as one sentence-like text, for terminals and tables. */
  text: string;
  behaviours: string[];
}

export interface LevelDetail extends LevelSummary {
  expectations: ExpectationView[];
  rule: { id: string; description: string | null; text: string } | null;
  companies: { company: string; name: string; codes: string[] }[];
  moves: { outgoing: LatticeMove[]; incoming: LatticeMove[] };
}

/** The framework as `framework show --json` and `GET /api/framework` present it. */
export function frameworkView(framework: Framework) {
  return {
    id: framework.id,
    name: framework.name,
    version: framework.version,
    description: framework.description ?? null,
    tracks: framework.tracks,
    levels: framework.levels.map(summarise),
    roles: framework.roles,
    groups: framework.groups,
    scales: framework.scales,
    competencies: framework.competencies,
    promotionRules: framework.promotionRules.map((rule) => ({ ...rule, text: describeRule(rule) })),
    moves: latticeMoves(framework),
    specialisations: framework.specialisations,
    companies: framework.companies,
    assumptions: framework.assumptions,
    markets: framework.markets,
    sources: framework.sources,
  };
}

function summarise(level: Level): LevelSummary {
  const { expectations: _expectations, ...summary } = level;
  return summary;
}

export function expectationsOf(framework: Framework, level: Level): ExpectationView[] {
  return framework.competencies.flatMap((competency) => {
    const expectation = own(level.expectations, competency.id);
    if (!expectation) return [];
    const point = scaleOf(competency, framework.scales)?.points.find((p) => p.value === expectation.rating);
    return [
      {
        competency: competency.id,
        name: competency.name,
        group: competency.group,
        core: coreOnTrack(competency, level.track),
        rating: expectation.rating,
        label: point?.label ?? String(expectation.rating),
        text: expectation.behaviours.join('; '),
        behaviours: expectation.behaviours,
      },
    ];
  });
}

/** One level in full: what `framework show LEVEL --json` prints. */
export function levelDetail(framework: Framework, id: string): LevelDetail {
  const level = findLevel(framework, id);
  const rule = rulesFor(level, framework.promotionRules)[0];
  const moves = latticeMoves(framework);
  return {
    ...summarise(level),
    expectations: expectationsOf(framework, level),
    rule: rule ? { id: rule.id, description: rule.description ?? null, text: describeRule(rule) } : null,
    companies: framework.companies.flatMap((company) => {
      const codes = company.levels.filter((c) => c.level === id).map((c) => c.code);
      return codes.length > 0 ? [{ company: company.id, name: company.name, codes }] : [];
    }),
    moves: { outgoing: moves.filter((m) => m.from === id), incoming: moves.filter((m) => m.to === id) },
  };
}

/** A promotion rule in plain words, so that anyone can run the numbers themselves. */
export function describeRule(rule: PromotionRule): string {
  if (rule.kind === 'points' && rule.points) return `${describePointsRule(rule.points)}.`;
  const parts: string[] = [];
  if (rule.coreMustMeet) {
    parts.push(
      rule.maxBelow === 0
        ? 'every core competency meets the expectation of the level'
        : `every core competency meets the expectation of the level, except at most ${rule.maxBelow} that may fall ${rule.maxStepsBelow === 1 ? 'one step' : `up to ${rule.maxStepsBelow} steps`} short`,
    );
  }
  for (const [group, min] of Object.entries(rule.minMetPerGroup)) {
    parts.push(
      `at least ${min} competenc${min === 1 ? 'y' : 'ies'} of group "${group}" meet the expectation`,
    );
  }
  return parts.length === 0
    ? 'no condition: the level is always met'
    : `${capitalise(parts.join('; and '))}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Levels of every ladder track arranged by band, top band first: the dual-track picture. */
export function bandGrid(framework: Framework): { band: number; cells: Record<string, Level[]> }[] {
  const ladders = framework.tracks.filter((t) => t.kind === 'ladder');
  const bands = [...new Set(framework.levels.map((l) => l.band))].sort((a, b) => b - a);
  return bands.map((band) => ({
    band,
    cells: Object.fromEntries(
      ladders.map((track) => [
        track.id,
        framework.levels
          .filter((l) => l.track === track.id && l.band === band)
          .sort((a, b) => a.rank - b.rank),
      ]),
    ),
  }));
}

/** A lateral role in full, for `framework show ROLE`: what it is and the moves into and out of it. */
export function roleDetail(framework: Framework, id: string) {
  const role = framework.roles.find((r) => r.id === id);
  if (!role) return undefined;
  const moves = latticeMoves(framework);
  return {
    ...role,
    kind: 'role' as const,
    companies: framework.companies.flatMap((company) => {
      const codes = company.levels.filter((c) => c.level === id).map((c) => c.code);
      return codes.length > 0 ? [{ company: company.id, name: company.name, codes }] : [];
    }),
    moves: { outgoing: moves.filter((m) => m.from === id), incoming: moves.filter((m) => m.to === id) },
  };
}
