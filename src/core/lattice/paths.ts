import type { Framework, MoveKind, Range } from '../framework/schema.js';
import { DomainError } from '../problems.js';
import { latticeOf, type Edge, type Lattice } from './graph.js';
import { MinHeap } from './heap.js';
import { moveFrom, parsePosition, positionText, reaches, type Position } from './position.js';
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
  fromPosition: Position;
  toPosition: Position;
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
  /** The track whose paths win near-ties; the start's track by default. */
  prefer?: string;
  maxMoves?: number;
  top?: number;
}

export interface PathResult {
  from: string;
  to: string;
  fromPosition: Position;
  toPosition: Position;
  /** The track near-ties were broken in favour of. */
  prefer: string;
  paths: CareerPath[];
  /** True when the search stopped at its bound before finding `top` paths. */
  truncated: boolean;
}

/**
 * Paths within this share of each other's expected years are a near-tie, broken in favour of the
 * path that keeps to the preferred track: a path that leaves it ranks as if 10% longer.
 */
export const NEAR_TIE = 0.1;

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
  at: Position;
  cost: number;
  edges: Edge[];
  visited: Set<string>;
}

/** The track a search prefers: the one asked for, else the start's own. */
export function preferredTrack(framework: Framework, startTrack: string, prefer?: string): string {
  if (prefer === undefined) return startTrack;
  const ladders = framework.tracks.filter((t) => t.kind === 'ladder').map((t) => t.id);
  if (!ladders.includes(prefer))
    throw new DomainError(
      'usage',
      `--prefer: unknown ladder track "${prefer}"; known: ${ladders.join(', ')}`,
    );
  return prefer;
}

/** The ranking key: expected years, lengthened by the near-tie margin for a path off the preferred track. */
export function rankKey(lattice: Lattice, path: Edge[], prefer: string): number {
  const cost = path.reduce((n, e) => n + e.cost, 0);
  const keeps = path.slice(0, -1).every((e) => lattice.nodes[e.to]!.track === prefer);
  return keeps ? cost : cost * (1 + NEAR_TIE);
}

/**
 * The best paths from one position to another, best first by expected years with near-ties to the
 * preferred track. A best-first search over simple paths of positions (no position twice, so cycles
 * cannot trap it), guided by the remaining distance between levels, a lower bound that makes
 * complete paths come out in order of expected years. A move that keeps the level (a company or
 * specialisation change) takes part when either end names a qualifier that it changes.
 */
export function findPaths(
  framework: Framework,
  fromText: string,
  toText: string,
  options: PathOptions = {},
): PathResult {
  const fromPosition = parsePosition(framework, fromText);
  const toPosition = parsePosition(framework, toText);
  if (options.avoid !== undefined && !framework.tracks.some((t) => t.id === options.avoid)) {
    throw new DomainError(
      'usage',
      `--avoid: unknown track "${options.avoid}"; known tracks: ${framework.tracks.map((t) => t.id).join(', ')}`,
    );
  }
  const lattice = latticeOf(framework);
  const top = options.top ?? 3;
  const maxMoves = options.maxMoves ?? 10;
  const source = lattice.index.get(fromPosition.level)!;
  const target = lattice.index.get(toPosition.level)!;
  const prefer = preferredTrack(framework, lattice.nodes[source]!.track, options.prefer);
  // A move that keeps the level is worth taking only for a qualifier the query names.
  const named = [fromPosition, toPosition];
  const specialisations = named.some((p) => p.specialisation !== null);
  const companies = named.some((p) => p.company !== null);
  const sidewaysUsed = (edge: Edge) =>
    (specialisations && edge.move.toSpecialisation !== undefined) ||
    (companies && edge.move.toCompany !== undefined);
  // Between plain levels a path visits each level once, as it always has; between positions, each position.
  const stateKey = (node: number, at: Position) =>
    specialisations || companies ? `${node}|${at.specialisation}|${at.company}` : `${node}`;
  const allowed = (node: number) =>
    node === source ||
    node === target ||
    options.avoid === undefined ||
    lattice.nodes[node]!.track !== options.avoid;
  if (reaches(fromPosition, toPosition)) {
    throw new DomainError(
      'usage',
      `from and to are both "${positionText(toPosition)}": give two different positions`,
    );
  }

  const { years: remaining, hops } = distancesTo(lattice, target, allowed);
  const found: { key: number; edges: Edge[] }[] = [];
  const heap = new MinHeap<Partial>();
  heap.push(remaining[source]!, {
    node: source,
    at: fromPosition,
    cost: 0,
    edges: [],
    visited: new Set([stateKey(source, fromPosition)]),
  });
  let expanded = 0;
  let truncated = false;
  while (heap.size > 0) {
    const [bound, partial] = heap.pop()!;
    // Every path still in the heap is at least `bound` long: none can beat the top ones found.
    if (found.length >= top && bound > found[top - 1]!.key) break;
    if (++expanded > SEARCH_BOUND) {
      truncated = found.length < top;
      break;
    }
    if (partial.edges.length > 0 && reaches(partial.at, toPosition)) {
      const key = rankKey(lattice, partial.edges, prefer);
      found.push({ key, edges: partial.edges });
      found.sort((a, b) => a.key - b.key || a.edges.length - b.edges.length);
      continue;
    }
    for (const edge of lattice.out[partial.node]!) {
      if ((edge.sideways && !sidewaysUsed(edge)) || !allowed(edge.to)) continue;
      const next = moveFrom(partial.at, edge.move);
      if (next === null) continue;
      const at = { level: lattice.nodes[edge.to]!.id, ...next };
      const key = stateKey(edge.to, at);
      if (partial.visited.has(key)) continue;
      const depth = partial.edges.length + 1;
      if (depth + hops[edge.to]! > maxMoves || remaining[edge.to] === Infinity) continue;
      const cost = partial.cost + edge.cost;
      // Ties on expected years go to the path with fewer moves.
      heap.push(cost + remaining[edge.to]! + depth * 1e-9, {
        node: edge.to,
        at,
        cost,
        edges: [...partial.edges, edge],
        visited: new Set(partial.visited).add(key),
      });
    }
  }
  return {
    from: fromPosition.level,
    to: toPosition.level,
    fromPosition,
    toPosition,
    prefer,
    paths: found.slice(0, top).map((f) => toPath(lattice, f.edges, fromPosition)),
    truncated,
  };
}

/** A path's steps, each with the positions it joins, walked from `start`. */
export function toPath(lattice: Lattice, edges: Edge[], start: Position): CareerPath {
  let at = start;
  const steps = edges.map((e) => {
    const fromPosition = {
      level: at.level,
      specialisation: at.specialisation ?? e.move.fromSpecialisation ?? null,
      company: at.company ?? e.move.fromCompany ?? null,
    };
    at = { level: lattice.nodes[e.to]!.id, ...(moveFrom(at, e.move) ?? at) };
    return {
      from: e.move.from,
      to: at.level,
      kind: e.move.kind,
      move: e.move.id,
      years: e.years,
      levelChange: e.move.levelChange,
      advice: e.move.advice,
      prerequisites: e.move.prerequisites,
      fromPosition,
      toPosition: at,
    };
  });
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
