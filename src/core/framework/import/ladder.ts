import type { FrameworkInput } from '../schema.js';
import {
  competenciesInGroup,
  defaultPromotionRule,
  type Findings,
  placeholderLevelFields,
  placeholderNote,
} from './common.js';

/*
 * A ladder as the Markdown and spreadsheet sources write it: levels in order (per track), and per
 * competency the statements each level lists. An empty cell means "nothing new at this level": the
 * expectation carries the nearest lower level's statements and rating, as Monzo's site reads its files.
 */

export interface LadderLevel {
  id: string;
  title: string;
  track: string;
  band: number;
  summary?: string;
}

export interface LadderCompetency {
  id: string;
  name: string;
  group: string;
  description: string;
  /** Level id → the statements listed there; a level left out lists nothing new. */
  cells: Map<string, string[]>;
}

export interface Ladder {
  id: string;
  name: string;
  description: string;
  tracks: { id: string; name: string }[];
  /** In rank order within each track. */
  levels: LadderLevel[];
  groups: { id: string; name: string; description?: string }[];
  competencies: LadderCompetency[];
  scaleName: string;
}

export function buildLadder(ladder: Ladder, findings: Findings): FrameworkInput {
  const ranks = new Map<string, number>();
  const perTrack = new Map<string, LadderLevel[]>();
  for (const level of ladder.levels) {
    const list = perTrack.get(level.track) ?? [];
    list.push(level);
    perTrack.set(level.track, list);
    ranks.set(level.id, list.length);
  }

  const expectations = new Map<string, Record<string, { rating: number; behaviours: string[] }>>();
  for (const level of ladder.levels) expectations.set(level.id, {});
  const optional = new Set<string>();
  const tracksOf = new Map<string, string[]>();
  for (const c of ladder.competencies) {
    const applies: string[] = [];
    for (const [track, levels] of perTrack) {
      if (!levels.some((l) => (c.cells.get(l.id) ?? []).length > 0)) continue;
      applies.push(track);
      let carried: { rating: number; behaviours: string[] } | undefined;
      for (const level of levels) {
        const own = c.cells.get(level.id) ?? [];
        if (own.length > 0) carried = { rating: ranks.get(level.id)!, behaviours: own };
        if (carried) expectations.get(level.id)![c.id] = { ...carried, behaviours: [...carried.behaviours] };
        else optional.add(c.id);
      }
    }
    if (applies.length === 0) {
      optional.add(c.id);
      findings.warn(`competency "${c.name}" has no statement at any level: it is optional (core: false)`);
    }
    if (applies.length > 0 && applies.length < perTrack.size) tracksOf.set(c.id, applies);
  }
  for (const id of optional) {
    const c = ladder.competencies.find((x) => x.id === id)!;
    if ([...c.cells.values()].some((s) => s.length > 0))
      findings.note(
        `"${c.name}" has no statement at the lowest level(s) of a track: competency "${id}" is optional (core: false) and has no expectation there`,
      );
  }
  findings.note(placeholderNote);

  const maxRank = Math.max(...[...perTrack.values()].map((l) => l.length));
  const single = perTrack.size === 1 ? [...perTrack.values()][0]! : undefined;
  const points = Array.from({ length: maxRank }, (_, i) => ({
    value: i + 1,
    label: single ? single[i]!.title : `Rank ${i + 1}`,
  }));
  // A scale needs two points; a one-level ladder gets a "not yet" point below its level.
  if (points.length === 1) points.unshift({ value: 0, label: 'Not yet expected' });

  return {
    id: ladder.id,
    name: ladder.name,
    version: '1.0.0',
    description: ladder.description,
    tracks: ladder.tracks,
    levels: ladder.levels.map((level) => ({
      id: level.id,
      title: level.title,
      track: level.track,
      rank: ranks.get(level.id)!,
      band: level.band,
      ...(level.summary ? { summary: level.summary } : {}),
      ...placeholderLevelFields(level.band),
      expectations: expectations.get(level.id)!,
    })),
    scales: [{ id: 'level', name: ladder.scaleName, points }],
    groups: ladder.groups,
    competencies: ladder.competencies.map((c) => {
      const [entry] = competenciesInGroup(c.group, [c], optional);
      const tracks = tracksOf.get(c.id);
      return tracks ? { ...entry!, tracks } : entry!;
    }),
    promotionRules: [{ ...defaultPromotionRule }],
  };
}
