// Career earnings: 100,000 simulated careers × 40 years on one thread, against a bare loop doing
// the same number of random draws and multiply-adds, to show what the simulator itself costs.
import { minor } from '../src/core/comp/money.js';
import { simulateEarnings } from '../src/core/comp/earnings.js';

const CAREERS = 100_000;
const YEARS = 40;

function baseline(): { ms: number; sink: number } {
  const started = performance.now();
  let sink = 0;
  for (let run = 0; run < CAREERS; run++) {
    let salary = 100_000;
    for (let year = 2; year <= YEARS; year++) {
      // Three draws a year, as the simulator makes with three ranged rates.
      salary *= (1 + 0.03 + 0.02 * Math.random()) * (1 + 0.01 * Math.random()) * (1 + 0.01 * Math.random());
    }
    sink += salary;
  }
  return { ms: performance.now() - started, sink };
}

function simulate(): number {
  const started = performance.now();
  simulateEarnings({
    currency: 'USD',
    salary: minor(10_000_000),
    years: YEARS,
    // Every rate a range, so that every year of every run draws three numbers: the costliest case.
    strategies: [
      {
        name: 'bench',
        merit: [0.03, 0.05],
        switch: { every: 3, raise: [0.06, 0.08] },
        promotions: { every: 4, raise: [0.06, 0.12] },
      },
    ],
    runs: CAREERS,
    seed: 1,
  });
  return performance.now() - started;
}

export default function bench(): void {
  // One warm-up each so that both are measured after the JIT has compiled them.
  baseline();
  simulate();
  const base = baseline();
  const ms = simulate();
  const careerYears = CAREERS * YEARS;
  console.log(
    `earnings simulate: ${CAREERS.toLocaleString('en-US')} careers × ${YEARS} years in ${ms.toFixed(0)} ms (target < 1000 ms)`,
  );
  console.log(`  ${((ms * 1e6) / careerYears).toFixed(1)} ns per career-year`);
  // The checksum is printed so that the baseline's work cannot be optimised away.
  console.log(
    `  baseline (bare loop, 3 Math.random draws and multiplies a year): ${base.ms.toFixed(0)} ms, ` +
      `${((base.ms * 1e6) / careerYears).toFixed(1)} ns per career-year (checksum ${base.sink.toExponential(3)})`,
  );
  console.log(`  ratio to baseline: ${(ms / base.ms).toFixed(2)}×`);
}
