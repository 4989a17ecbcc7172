import type { Framework, MoveKind, Range } from '../framework/schema.js';
import { findNode } from '../framework/lookup.js';
import { DomainError } from '../problems.js';
import { latticeOf, type Edge, type Lattice } from './graph.js';
import { MinHeap } from './heap.js';
import { shortestPaths } from './shortest.js';

export interface PathStep {
  from: string;
  to: string;
  kind: MoveKind;
  move: string;
  years: Range;
  levelChange: number | null;
  advice: string[];
  prerequisites: string[];
}

export interface CareerPath {
  steps: PathStep[];
  years: Range;
  /** The middle of the years range: what paths are ranked by. */
  expectedYears: number;
}

export interface PathOptions {
  /** Leave out the levels of a track (the endpoints excepted). */
  avoid?: string;
  maxMoves?: number;
  top?: number;
}

export interface PathResult {
  from: string;
  to: string;
  paths: CareerPath[];
  /** True when the search stopped at its bound before finding `top` paths. */
  truncated: boolean;
}

/** How many partial paths the search may expand: a bound so that no lattice can make it hang. */
const SEARCH_BOUND = 200_000;

/** Shortest expected years, and fewest moves, from every node to `target`, following moves backwards. */
function distancesTo(
  lattice: Lattice,
  target: number,
  allowed: (node: number) => boolean,
): { years: Float64Array; hops: Int32Array } {
  const n = lattice.nodes.length;
  const years = shortestPaths(
    n,
    target,
    (node) => lattice.into[node]!,
    (edge) => edge.from,
    { allowed },
  ).cost;
  // Hop counts need their own pass: the cheapest path is not always the shortest in moves.
  const hops = shortestPaths(
    n,
    target,
    (node) => lattice.into[node]!,
    (edge) => edge.from,
    { allowed, costOf: () => 1 },
  ).cost;
  return { years, hops: Int32Array.from(hops, (h) => (h === Infinity ? 0x3fffffff : h)) };
}

interface Partial {
  node: number;
  cost: number;
  edges: Edge[];
  visited: Set<number>;
}

/**
 * The best paths from one level or role to another, best first by expected years. A best-first
 * search over simple paths (no node twice, so cycles cannot trap it), guided by the exact
 * remaining distance, which makes the first complete paths it meets the best ones.
 */
export function findPaths(
  framework: Framework,
  fromId: string,
  toId: string,
  options: PathOptions = {},
): PathResult {
  const from = findNode(framework, fromId);
  const to = findNode(framework, toId);
  if (options.avoid !== undefined && !framework.tracks.some((t) => t.id === options.avoid)) {
    throw new DomainError(
      'usage',
      `--avoid: unknown track "${options.avoid}"; known tracks: ${framework.tracks.map((t) => t.id).join(', ')}`,
    );
  }
  const lattice = latticeOf(framework);
  const top = options.top ?? 3;
  const maxMoves = options.maxMoves ?? 10;
  const source = lattice.index.get(from.id)!;
  const target = lattice.index.get(to.id)!;
  const allowed = (node: number) =>
    node === source ||
    node === target ||
    options.avoid === undefined ||
    lattice.nodes[node]!.track !== options.avoid;
  const result: PathResult = { from: from.id, to: to.id, paths: [], truncated: false };
  if (source === target) {
    throw new DomainError('usage', `from and to are both "${from.id}": give two different levels or roles`);
  }

  const { years: remaining, hops } = distancesTo(lattice, target, allowed);
  const heap = new MinHeap<Partial>();
  heap.push(remaining[source]!, { node: source, cost: 0, edges: [], visited: new Set([source]) });
  let expanded = 0;
  while (heap.size > 0 && result.paths.length < top) {
    if (++expanded > SEARCH_BOUND) {
      result.truncated = true;
      break;
    }
    const [, partial] = heap.pop()!;
    if (partial.node === target) {
      result.paths.push(toPath(lattice, partial.edges));
      continue;
    }
    for (const edge of lattice.out[partial.node]!) {
      if (partial.visited.has(edge.to) || !allowed(edge.to)) continue;
      const depth = partial.edges.length + 1;
      if (depth + hops[edge.to]! > maxMoves || remaining[edge.to] === Infinity) continue;
      const cost = partial.cost + edge.cost;
      const visited = new Set(partial.visited).add(edge.to);
      // Ties on expected years go to the path with fewer moves.
      heap.push(cost + remaining[edge.to]! + depth * 1e-9, {
        node: edge.to,
        cost,
        edges: [...partial.edges, edge],
        visited,
      });
    }
  }
  return result;
}

export function toPath(lattice: Lattice, edges: Edge[]): CareerPath {
  const steps = edges.map((e) => ({
    from: e.move.from,
    to: lattice.nodes[e.to]!.id,
    kind: e.move.kind,
    move: e.move.id,
    years: e.years,
    levelChange: e.move.levelChange,
    advice: e.move.advice,
    prerequisites: e.move.prerequisites,
  }));
  const years = {
    min: round(sum(edges.map((e) => e.years.min))),
    max: round(sum(edges.map((e) => e.years.max))),
  };
  return { steps, years, expectedYears: round((years.min + years.max) / 2) };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Years to two decimals: sums of halves and quarters should not print as 4.499999. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
