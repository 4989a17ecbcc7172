import type { Framework, MoveKind } from '../../../src/core/framework/schema.js';
import { latticeOf, type LatticeNode } from '../../../src/core/lattice/graph.js';

/**
 * Where the lattice map draws each level and role: one column per track (the ladders first, in the
 * framework's order, then the lateral tracks), one row per band, the highest band at the top. Levels
 * of one track that share a band stack inside their row; roles without a band sit in a last row.
 * Pure geometry, so the test can check it with numbers worked out by hand.
 */

export const NODE_WIDTH = 150;
export const COLUMN_WIDTH = 230;
/** The band labels' column on the left, and the track names' row at the top. */
export const GUTTER = 56;
export const HEADER = 40;
export const LINE_HEIGHT = 14;
const NODE_PADDING = 12;
const STACK_GAP = 8;
const ROW_GAP = 28;
/** About as many characters of the map's 12 px text as fit on one line of a node. */
const LINE_CHARS = 20;

export interface PlacedNode extends LatticeNode {
  x: number;
  y: number;
  width: number;
  height: number;
  column: number;
  lines: string[];
}

export interface PlacedEdge {
  id: string;
  kind: MoveKind;
  from: string;
  to: string;
  /** An SVG path: a straight line up a column, a curve elsewhere, a loop for a move that keeps the level. */
  d: string;
}

export interface MapLayout {
  width: number;
  height: number;
  columns: { track: string; name: string; x: number }[];
  rows: { band: number | null; y: number; height: number }[];
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** A title in lines of at most `max` characters, broken between words only. */
export function wrapWords(text: string, max = LINE_CHARS): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function layoutLattice(framework: Framework): MapLayout {
  const lattice = latticeOf(framework);
  const order = [
    ...framework.tracks.filter((t) => t.kind === 'ladder'),
    ...framework.tracks.filter((t) => t.kind !== 'ladder'),
  ].filter((t) => lattice.nodes.some((n) => n.track === t.id));
  const columnOf = new Map(order.map((t, i) => [t.id, i]));
  const bands = [...new Set(lattice.nodes.map((n) => n.band))].sort(
    (a, b) => (b ?? -Infinity) - (a ?? -Infinity),
  );
  const rank = (n: LatticeNode) => framework.levels.find((l) => l.id === n.id)?.rank ?? 0;
  const lines = new Map(lattice.nodes.map((n) => [n.id, wrapWords(n.title)]));
  const height = NODE_PADDING + Math.max(...[...lines.values()].map((l) => l.length)) * LINE_HEIGHT;

  const nodes: PlacedNode[] = [];
  const rows: MapLayout['rows'] = [];
  let y = HEADER;
  for (const band of bands) {
    let tallest = 1;
    for (const track of order) {
      const cell = lattice.nodes
        .filter((n) => n.band === band && n.track === track.id)
        .sort((a, b) => rank(b) - rank(a));
      tallest = Math.max(tallest, cell.length);
      cell.forEach((n, i) => {
        const column = columnOf.get(track.id)!;
        nodes.push({
          ...n,
          column,
          x: GUTTER + column * COLUMN_WIDTH + (COLUMN_WIDTH - NODE_WIDTH) / 2,
          y: y + i * (height + STACK_GAP),
          width: NODE_WIDTH,
          height,
          lines: lines.get(n.id)!,
        });
      });
    }
    const rowHeight = tallest * height + (tallest - 1) * STACK_GAP;
    rows.push({ band, y, height: rowHeight });
    y += rowHeight + ROW_GAP;
  }
  // The lattice's own order of nodes, so the list and the map agree.
  const placed = new Map(nodes.map((n) => [n.id, n]));
  const ordered = lattice.nodes.map((n) => placed.get(n.id)!);

  const loops = new Map<string, number>();
  const edges = lattice.out.flatMap((out, i) =>
    out.map((edge) => {
      const from = ordered[i]!;
      const to = ordered[edge.to]!;
      let d: string;
      if (edge.sideways) {
        const k = loops.get(from.id) ?? 0;
        loops.set(from.id, k + 1);
        d = loopPath(from, k);
      } else d = edgePath(from, to);
      return { id: edge.move.id, kind: edge.move.kind, from: from.id, to: to.id, d };
    }),
  );
  return {
    width: GUTTER + order.length * COLUMN_WIDTH + 16,
    height: y - ROW_GAP + 16,
    columns: order.map((t, i) => ({
      track: t.id,
      name: t.name,
      x: GUTTER + i * COLUMN_WIDTH + COLUMN_WIDTH / 2,
    })),
    rows,
    nodes: ordered,
    edges,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Where the line from the middle of `box` towards (x, y) leaves the box. */
function border(box: PlacedNode, x: number, y: number): [number, number] {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const dx = x - cx;
  const dy = y - cy;
  const scale = 1 / Math.max(Math.abs(dx) / (box.width / 2), Math.abs(dy) / (box.height / 2), 1e-9);
  return [cx + dx * scale, cy + dy * scale];
}

/**
 * Up or down one column, a straight line between the boxes; any other move a curve bowed to its
 * left, so a move and the one back are drawn apart and lines across the map pass beside the boxes.
 */
function edgePath(from: PlacedNode, to: PlacedNode): string {
  const fx = from.x + from.width / 2;
  const fy = from.y + from.height / 2;
  const tx = to.x + to.width / 2;
  const ty = to.y + to.height / 2;
  if (from.column === to.column && Math.abs(fy - ty) <= from.height * 2 + ROW_GAP * 2) {
    // Beside the middle, so that a move down the column and the one up do not overlap.
    const shift = ty < fy ? -12 : 12;
    const [ax, ay] = [fx + shift, fy < ty ? from.y + from.height : from.y];
    const [bx, by] = [tx + shift, fy < ty ? to.y : to.y + to.height];
    return `M${round(ax)},${round(ay)} L${round(bx)},${round(by)}`;
  }
  const length = Math.hypot(tx - fx, ty - fy);
  const bow = Math.min(48, length * 0.18);
  const mx = (fx + tx) / 2 + ((ty - fy) / length) * bow;
  const my = (fy + ty) / 2 - ((tx - fx) / length) * bow;
  const [ax, ay] = border(from, mx, my);
  const [bx, by] = border(to, mx, my);
  return `M${round(ax)},${round(ay)} Q${round(mx)},${round(my)} ${round(bx)},${round(by)}`;
}

/** A move that keeps the level: a loop out of the box's right side, the k-th one a little larger. */
function loopPath(node: PlacedNode, k: number): string {
  const x = node.x + node.width;
  const top = node.y + 6;
  const bottom = node.y + node.height - 6;
  const reach = 14 + k * 7;
  return `M${x},${top} C${x + reach},${top - 6} ${x + reach},${bottom + 6} ${x},${bottom}`;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/**
 * The node an arrow key moves to: up or down, the next node above or below in the same column; left
 * or right, the nearest column that way and in it the node closest in height (the higher one on a
 * tie). Null at an edge of the map.
 */
export function neighbour(layout: MapLayout, id: string, direction: Direction): string | null {
  const at = layout.nodes.find((n) => n.id === id);
  if (!at) return null;
  const middle = (n: PlacedNode) => n.y + n.height / 2;
  if (direction === 'up' || direction === 'down') {
    const column = layout.nodes.filter((n) => n.column === at.column).sort((a, b) => middle(a) - middle(b));
    const i = column.indexOf(at) + (direction === 'up' ? -1 : 1);
    return column[i]?.id ?? null;
  }
  const step = direction === 'left' ? -1 : 1;
  for (let c = at.column + step; c >= 0 && c < layout.columns.length; c += step) {
    const column = layout.nodes.filter((n) => n.column === c);
    if (column.length === 0) continue;
    const best = column.reduce((a, b) => {
      const da = Math.abs(middle(a) - middle(at));
      const db = Math.abs(middle(b) - middle(at));
      return db < da || (db === da && b.y < a.y) ? b : a;
    });
    return best.id;
  }
  return null;
}
