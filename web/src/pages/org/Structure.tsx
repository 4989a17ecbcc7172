import { lazy } from 'react';
import { useSearchParams } from 'react-router';
import { structureTables, type StructureReport } from '../../../../src/core/org/structure.js';
import { useStructure } from '../../api/reports.js';
import { ChartFrame } from '../../components/ChartFrame.js';
import { ReportTable } from '../../components/ReportTable.js';
import { ErrorNotice, Field, Loading, PageHeader } from '../../components/ui.js';

const StackedBars = lazy(() => import('../../charts/StackedBars.js'));
const parts = [
  { key: 'ic', name: 'Individual contributors', colour: '#1f5f8b' },
  { key: 'management', name: 'Management', colour: '#8a4b08' },
];

const TITLES: Record<string, string> = {
  headcount: 'Headcount by level and track',
  spans: 'Spans of control (flagged under 3 or over 10 direct reports)',
  layers: 'Management layers',
  'time-in-level': 'Time in level against the typical years',
  promotions: 'Promotions out of each level in the window',
  leavers: 'Leavers by level',
};

/** The pyramid as bars: one per band, its people on each track stacked. */
function pyramid(report: StructureReport) {
  const bands = new Map<number, { label: string; ic: number; management: number }>();
  for (const h of report.headcount) {
    const bar = bands.get(h.band) ?? { label: `Band ${h.band}`, ic: 0, management: 0 };
    if (h.track === 'management') bar.management += h.people;
    else bar.ic += h.people;
    bands.set(h.band, bar);
  }
  return [...bands.entries()].sort(([a], [b]) => a - b).map(([, bar]) => bar);
}

/** The organisation's shape for hr and admin: the pyramid, spans, layers, time in level, promotions, leavers. */
export default function Structure() {
  const [params, setParams] = useSearchParams();
  const since = params.get('since') ?? undefined;
  const until = params.get('until') ?? undefined;
  const report = useStructure({ since, until });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title="Structure">
        Headcount by level and track, spans of control, layers, time in level, promotions and leavers.
      </PageHeader>
      <form className="card filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="Promotions since" hint="Default: a year before the end">
          <input type="date" value={since ?? ''} onChange={(e) => set('since', e.target.value)} />
        </Field>
        <Field label="Until" hint="Default: today">
          <input type="date" value={until ?? ''} onChange={(e) => set('until', e.target.value)} />
        </Field>
      </form>
      <ErrorNotice error={report.error} title="The structure report could not be loaded" />
      {report.isPending ? <Loading what="the structure report" /> : null}
      {report.data ? (
        <>
          <ChartFrame caption="The pyramid: active people per band, individual contributors and managers stacked. The headcount table below holds the same figures.">
            <StackedBars data={pyramid(report.data)} parts={parts} />
          </ChartFrame>
          <p>
            Promotions from {report.data.promotions.since} to {report.data.promotions.until}; a level held by
            fewer than {report.data.promotions.minGroup} people at the start is suppressed.
          </p>
          {Object.entries(structureTables(report.data)).map(([name, rows]) => (
            <ReportTable
              key={name}
              id={name}
              title={TITLES[name] ?? name}
              file={`structure-${name}.csv`}
              rows={rows}
            />
          ))}
        </>
      ) : null}
    </>
  );
}
