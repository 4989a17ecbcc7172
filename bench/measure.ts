/** Timing helpers shared by the benchmarks: medians of repeated runs after a warm-up. */
export interface Measurement {
  name: string;
  medianMs: number;
  runs: number;
}

export function measure(name: string, fn: () => void, { runs = 7, warmup = 2 } = {}): Measurement {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const measurement = { name, medianMs: times[Math.floor(times.length / 2)]!, runs };
  console.log(`  ${name.padEnd(32)} ${measurement.medianMs.toFixed(1).padStart(8)} ms  (median of ${runs})`);
  return measurement;
}

/** Prints the ratio to the baseline and whether the targets hold. */
export function report(
  subject: Measurement,
  baseline: Measurement,
  targets: { maxMs?: number; maxRatio?: number },
): void {
  const ratio = subject.medianMs / baseline.medianMs;
  const checks = [
    targets.maxMs === undefined
      ? ''
      : `${subject.medianMs <= targets.maxMs ? 'meets' : 'MISSES'} target < ${targets.maxMs} ms`,
    targets.maxRatio === undefined
      ? ''
      : `${ratio <= targets.maxRatio ? 'meets' : 'MISSES'} target ≤ ${targets.maxRatio}×`,
  ].filter(Boolean);
  console.log(`  ratio to baseline: ${ratio.toFixed(2)}×  ${checks.join(', ')}`);
}

/** `measure` for work that waits: a query, a transaction. */
export async function measureAsync(
  name: string,
  fn: () => Promise<unknown>,
  { runs = 7, warmup = 2 } = {},
): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const measurement = { name, medianMs: times[Math.floor(times.length / 2)]!, runs };
  console.log(`  ${name.padEnd(32)} ${measurement.medianMs.toFixed(1).padStart(8)} ms  (median of ${runs})`);
  return measurement;
}
