/**
 * Percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value at
 * rank ceil(p / 100 × n) (1-based). It is always one of the observed values, so results are exact
 * integers of money and identical across platforms.
 */
export function nearestRank(p: number, n: number): number {
  return Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
}

/**
 * Several percentiles of `values`, which is reordered in place. Uses selection rather than a full
 * sort: each percentile is found in linear time within the part above the previous one.
 */
export function percentiles(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) throw new RangeError('no values');
  const order = ps.map((p, index) => ({ index, rank: nearestRank(p, n) })).sort((a, b) => a.rank - b.rank);
  const result = new Array<number>(ps.length);
  let left = 0;
  for (const { index, rank } of order) {
    select(values, rank - 1, left, n - 1);
    result[index] = values[rank - 1]!;
    left = rank - 1;
  }
  return result;
}

/** Quickselect (Hoare partition, median-of-three pivot): puts the k-th smallest at index k. */
function select(values: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const middle = (left + right) >>> 1;
    const pivot = median3(values[left]!, values[middle]!, values[right]!);
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function median3(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}
