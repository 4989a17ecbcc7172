import type { Framework } from '../framework/schema.js';
import { latticeOf, type Edge } from './graph.js';
import { NEAR_TIE, preferredTrack, toPath, type CareerPath } from './paths.js';
import { parsePosition } from './position.js';
import { shortestPaths } from './shortest.js';

export interface Reachable {
  level: string;
  title: string;
  track: string;
  band: number | null;
  /** The fastest path there by expected years. */
  path: CareerPath;
}

export interface ReachResult {
  from: string;
  years: number;
  /** The track that wins near-ties within a band. */
  prefer: string;
  reachable: Reachable[];
}

/**
 * "Where can I be in N years from here?": every level or role whose fastest path, by expected
 * years, fits within the horizon; highest band first, and within a band the preferred track
 * (the start's own by default) first unless the other is more than the near-tie margin faster.
 */
export function reachWithin(
  framework: Framework,
  fromText: string,
  horizon: number,
  avoid?: string,
  prefer?: string,
): ReachResult {
  const start = parsePosition(framework, fromText);
  const lattice = latticeOf(framework);
  const source = lattice.index.get(start.level)!;
  const preferred = preferredTrack(framework, lattice.nodes[source]!.track, prefer);
  const {
    cost: best,
    via,
    previous,
  } = shortestPaths(
    lattice.nodes.length,
    source,
    (node) => lattice.out[node]!,
    (edge) => edge.to,
    {
      horizon,
      allowed: (node) => avoid === undefined || lattice.nodes[node]!.track !== avoid,
    },
  );
  const reachable: Reachable[] = [];
  lattice.nodes.forEach((node, i) => {
    if (i === source || best[i] === Infinity) return;
    const edges: Edge[] = [];
    for (let at = i; at !== source; at = previous[at]!) edges.unshift(via[at]!);
    reachable.push({
      level: node.id,
      title: node.title,
      track: node.track,
      band: node.band,
      path: toPath(lattice, edges, start),
    });
  });
  const key = (r: Reachable) => r.path.expectedYears * (r.track === preferred ? 1 : 1 + NEAR_TIE);
  reachable.sort(
    (a, b) => (b.band ?? 0) - (a.band ?? 0) || key(a) - key(b) || a.level.localeCompare(b.level),
  );
  return { from: start.level, years: horizon, prefer: preferred, reachable };
}
