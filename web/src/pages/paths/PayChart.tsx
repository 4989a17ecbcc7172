import { lazy } from 'react';
import { payAlongPaths } from '../../../../src/core/lattice/pay.js';
import type { PathResult } from '../../../../src/core/lattice/paths.js';
import type { Framework } from '../../../../src/core/framework/schema.js';
import { ChartFrame } from '../../components/ChartFrame.js';
import { Money, money } from '../../components/ui.js';

const PathPay = lazy(() => import('../../charts/PathPay.js'));

/** The yearly pay along each path, drawn over its expected years, with each path's total. */
export function PayChart({ framework, result }: { framework: Framework; result: PathResult }) {
  if (framework.markets.length === 0 || result.paths.length === 0) return null;
  const market = framework.markets.some((m) => m.id === 'us-big-tech')
    ? 'us-big-tech'
    : framework.markets[0]!.id;
  const pay = payAlongPaths(framework, result, market);
  const names = pay.paths.map((_, i) => `Path ${i + 1}`);
  // Each path's pay as steps: from each move's start, the yearly pay of the position it is spent in.
  const points = new Map<number, Record<string, number | null>>();
  pay.paths.forEach((p, i) => {
    let year = 0;
    const at = (y: number, value: number | null) => {
      const key = Math.round(y * 100) / 100;
      points.set(key, { ...(points.get(key) ?? { year: key }), [names[i]!]: value });
    };
    for (const step of p.steps) {
      at(year, step.yearly);
      year += step.years;
    }
    at(year, p.pay.arrival.yearly);
  });
  const data = [...points.values()].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const currency = framework.markets.find((m) => m.id === market)?.currency ?? 'USD';
  return (
    <section aria-labelledby="pay-title" className="card">
      <h3 id="pay-title">Pay along each path</h3>
      <ul className="small">
        {pay.paths.map((p, i) => (
          <li key={i}>
            {names[i]}: <Money value={p.pay.total} currency={currency} /> on the way
            {p.pay.arrival.yearly === null ? '' : `, then ${money(p.pay.arrival.yearly, currency)} a year`}
            {p.pay.unknown > 0 ? ` (${p.pay.unknown} move${p.pay.unknown === 1 ? '' : 's'} without pay)` : ''}
          </li>
        ))}
      </ul>
      <ChartFrame
        caption={`Median yearly package (market ${market}; startup positions in their own market) of the position each move's years are spent in, over the expected years.`}
      >
        <PathPay data={data} paths={names} />
      </ChartFrame>
    </section>
  );
}
