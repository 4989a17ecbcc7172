import type { SourceDocument } from '../../input/document.js';
import type { Path } from '../../problems.js';
import { type Findings, placeholderLevelFields } from './common.js';
import { humanise, IdAllocator } from './slug.js';

/*
 * The FT's levels in order: each new stem (the id without -ic/-pm) is one band up; -ic variants and
 * the shared levels below the split are the IC track, -pm variants the management track.
 */

export const text = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '' : String(value).replace(/\s+/g, ' ').trim();

export interface RawLevel {
  id: string | number;
  name?: string | number | null;
}

const variant = /^(.*?)[-_](ic|pm)$/i;
// Titles that read as people leadership; used only for levels without an -ic/-pm variant above the split.
const managementTitle = /\b(manager|management|director|head|vp|vice[- ]president|chief|cto|cio)\b/i;

export interface PlacedLevel {
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

/**
 * Tracks and bands from the order of the levels, not from known ids: each new stem (the id without
 * -ic/-pm) is one band up; -ic variants and the shared levels below the split are the IC track, -pm
 * variants the management track, which starts at its first -pm level with the band of its IC twin.
 */
export function placeLevels(
  source: SourceDocument,
  raw: readonly RawLevel[],
  findings: Findings,
  base: Path = ['levels'],
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
        [...base, index, 'id'],
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
        path: [...base, index, 'id'],
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
          path: [...base, l.index, 'id'],
        },
      );
    } else if (l.variant === undefined && placed.some((p) => p.variant === 'pm' && p.index < l.index)) {
      findings.note(
        `level "${l.sourceId}" has no -ic/-pm variant above the split: it continues the IC track`,
        { source, path: [...base, l.index, 'id'] },
      );
    }
  }
  return placed;
}

/**
 * A switch both ways between each -ic/-pm pair, and into a level without variant above the split
 * from the other track (e.g. principal-ic → tech-director).
 */
export function trackSwitches(levels: PlacedLevel[]) {
  type Switch = {
    id: string;
    kind: 'track-switch';
    from: string;
    to: string;
    years?: { min: number; max: number };
    advice: string[];
  };
  const moves: Switch[] = [];
  const ids = new IdAllocator();
  const move = (from: PlacedLevel, to: PlacedLevel, advice: string, years?: Switch['years']) =>
    moves.push({
      id: ids.take(`${from.id}-to-${to.id}`, 'move'),
      kind: 'track-switch',
      from: from.id,
      to: to.id,
      ...(years ? { years } : {}),
      advice: [advice],
    });
  for (const ic of levels.filter((l) => l.variant === 'ic')) {
    const pm = levels.find((l) => l.variant === 'pm' && l.stem === ic.stem);
    if (!pm) continue;
    move(ic, pm, 'The FT lists both as variants of one level: the same band on the other track.');
    move(pm, ic, 'The FT lists both as variants of one level: the same band on the other track.');
  }
  // The foot of the management track is one promotion above the shared level below it (Senior
  // Engineer 1 → Senior Engineer 2 (People Manager)): one move that raises the band and switches
  // track, taking the years of the level left like any promotion, not an IC promotion then a switch.
  const foot = levels.find((l) => l.track === 'management' && l.rank === 1 && l.variant === 'pm');
  const shared = foot
    ? levels.filter((l) => l.track === 'ic' && l.variant === undefined && l.band === foot.band - 1).pop()
    : undefined;
  if (foot && shared)
    move(
      shared,
      foot,
      'A promotion onto the management track: the FT’s people-manager variant is the next level up from here, as its individual-contributor twin is.',
      placeholderLevelFields(shared.band).years,
    );
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
