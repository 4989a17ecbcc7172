import { lazy, useState } from 'react';
import type { EarningsReport } from '../../../../src/core/comp/earnings.js';
import { ChartFrame } from '../../components/ChartFrame.js';
import { Choice, Field } from '../../components/ui.js';

const StackedBars = lazy(() => import('../../charts/StackedBars.js'));

// One colour per rung, lowest level lightest: readable in order without the legend.
const COLOURS = ['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b', '#041f4a', '#02122b'];

/** The level held over time: for one strategy, the share of runs at each level, year by year. */
export function LevelsHeld({ report }: { report: EarningsReport }) {
  const [chosen, setChosen] = useState('');
  const ladder = report.ladder;
  if (ladder === undefined) return null;
  const strategy = report.strategies.find((s) => s.name === chosen) ?? report.strategies[0];
  if (strategy === undefined) return null;
  const data = strategy.years.map((y) => ({
    label: String(y.year),
    ...Object.fromEntries(ladder.levels.map((l) => [l.id, Math.round((y.levels?.[l.id] ?? 0) * 1000) / 10])),
  }));
  const parts = ladder.levels.map((l, i) => ({
    key: l.id,
    name: l.title,
    colour: COLOURS[i % COLOURS.length]!,
  }));
  const last = strategy.years[strategy.years.length - 1];
  return (
    <section aria-labelledby="levels-title">
      <h3 id="levels-title">Level held over time</h3>
      <Field label="Strategy">
        <Choice value={strategy.name} onChange={setChosen} options={report.strategies.map((s) => s.name)} />
      </Field>
      <p className="small">
        In year {last?.year}:{' '}
        {ladder.levels
          .filter((l) => (last?.levels?.[l.id] ?? 0) > 0)
          .map((l) => `${l.title} ${Math.round((last?.levels?.[l.id] ?? 0) * 100)}%`)
          .join(', ')}
        . Equity forfeited at job changes over the career (median):{' '}
        {strategy.forfeited?.p50.toLocaleString('en-US') ?? 0} {report.currency}.
      </p>
      <ChartFrame
        caption={`Share of runs (%) at each level in each year of the career, for ${strategy.name}: pay walks the levels of market ${ladder.market}.`}
      >
        <StackedBars data={data} parts={parts} />
      </ChartFrame>
    </section>
  );
}
