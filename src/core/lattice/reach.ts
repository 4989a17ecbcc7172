import { findNode } from '../framework/lookup.js';
import type { Framework } from '../framework/schema.js';
import { latticeOf, type Edge } from './graph.js';
import { shortestPaths } from './shortest.js';
import { toPath, type CareerPath } from './paths.js';

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
  reachable: Reachable[];
}

/**
 * "Where can I be in N years from here?": every level or role whose fastest path, by expected
 * years, fits within the horizon; highest band first.
 */
export function reachWithin(
  framework: Framework,
  fromId: string,
  horizon: number,
  avoid?: string,
): ReachResult {
  const from = findNode(framework, fromId);
  const lattice = latticeOf(framework);
  const source = lattice.index.get(from.id)!;
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
      path: toPath(lattice, edges),
    });
  });
  reachable.sort(
    (a, b) =>
      (b.band ?? 0) - (a.band ?? 0) ||
      a.path.expectedYears - b.path.expectedYears ||
      a.level.localeCompare(b.level),
  );
  return { from: from.id, years: horizon, reachable };
}
