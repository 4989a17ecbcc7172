import { MinHeap } from './heap.js';

export interface ShortestPaths<E> {
  /** Least total cost from the source to each node; Infinity where unreachable. */
  cost: Float64Array;
  /** The edge each node was last reached by, and the node it came from (-1 for none). */
  via: (E | undefined)[];
  previous: Int32Array;
}

/**
 * Dijkstra from one node over any edge list: forwards along moves, or backwards along them to
 * measure the distance still to go. Nodes beyond `horizon` or not `allowed` are not entered;
 * `costOf` can count something other than the edge's cost, such as one per move.
 */
export function shortestPaths<E extends { cost: number }>(
  nodeCount: number,
  source: number,
  edgesOf: (node: number) => readonly E[],
  headOf: (edge: E) => number,
  options: { allowed?: (node: number) => boolean; horizon?: number; costOf?: (edge: E) => number } = {},
): ShortestPaths<E> {
  const { allowed = () => true, horizon = Infinity, costOf = (edge: E) => edge.cost } = options;
  const cost = new Float64Array(nodeCount).fill(Infinity);
  const previous = new Int32Array(nodeCount).fill(-1);
  const via: (E | undefined)[] = new Array(nodeCount);
  cost[source] = 0;
  const heap = new MinHeap<number>();
  heap.push(0, source);
  while (heap.size > 0) {
    const [d, node] = heap.pop()!;
    if (d > cost[node]!) continue;
    for (const edge of edgesOf(node)) {
      const next = headOf(edge);
      const nd = d + costOf(edge);
      if (nd < cost[next]! && nd <= horizon && allowed(next)) {
        cost[next] = nd;
        previous[next] = node;
        via[next] = edge;
        heap.push(nd, next);
      }
    }
  }
  return { cost, via, previous };
}
