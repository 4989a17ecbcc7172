import { latticeMoves, type LatticeMove } from '../framework/moves.js';
import type { Framework, Range } from '../framework/schema.js';

/** A move that gives no typical years is counted as taking up to a year, and said so in the docs. */
export const UNKNOWN_YEARS: Range = { min: 0, max: 1 };

export interface Edge {
  move: LatticeMove;
  to: number;
  years: Range;
  /** The expected years: the middle of the range, what paths are ranked by. */
  cost: number;
  /** A move that keeps the level (a company or specialisation change): it moves between positions. */
  sideways: boolean;
}

export interface LatticeNode {
  id: string;
  title: string;
  track: string;
  band: number | null;
  kind: 'level' | 'role';
}

/** Every level and lateral role with the moves out of and into each, in index form for fast search. */
export interface Lattice {
  nodes: LatticeNode[];
  index: Map<string, number>;
  out: Edge[][];
  into: { from: number; cost: number }[][];
}

// A loaded framework is never changed, so its lattice is built once and shared by every query.
const cache = new WeakMap<Framework, Lattice>();

export function latticeOf(framework: Framework): Lattice {
  let lattice = cache.get(framework);
  if (!lattice) {
    lattice = buildLattice(framework);
    cache.set(framework, lattice);
  }
  return lattice;
}

export function buildLattice(framework: Framework, moves: LatticeMove[] = latticeMoves(framework)): Lattice {
  const nodes: LatticeNode[] = [
    ...framework.levels.map((l) => ({
      id: l.id,
      title: l.title,
      track: l.track,
      band: l.band,
      kind: 'level' as const,
    })),
    ...framework.roles.map((r) => ({
      id: r.id,
      title: r.title,
      track: r.track,
      band: r.band ?? null,
      kind: 'role' as const,
    })),
  ];
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const out: Edge[][] = nodes.map(() => []);
  const into: { from: number; cost: number }[][] = nodes.map(() => []);
  for (const move of moves) {
    const from = index.get(move.from);
    const to = index.get(move.to);
    if (from === undefined || to === undefined) continue;
    const years = move.years ?? UNKNOWN_YEARS;
    const cost = (years.min + years.max) / 2;
    out[from]!.push({ move, to, years, cost, sideways: from === to });
    // Moves that keep the level cannot shorten the distance between levels: the searches leave them out.
    if (from !== to) into[to]!.push({ from, cost });
  }
  return { nodes, index, out, into };
}
