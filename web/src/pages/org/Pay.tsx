import { lazy, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { grantsAny } from '../../../../src/core/org/policy.js';
import { bandHealthRows, percent } from '../../../../src/core/pay/tables.js';
import { useSession } from '../../api/org.js';
import { useBandHealth, useJustify, usePayGap, usePayPeriods, type PayGapReport } from '../../api/pay.js';
import { ChartFrame } from '../../components/ChartFrame.js';
import { ReportTable } from '../../components/ReportTable.js';
import { ErrorNotice, Field, Loading, PageHeader, SaveButton } from '../../components/ui.js';

const StackedBars = lazy(() => import('../../charts/StackedBars.js'));
/** Both colours hold 4.5:1 or more against the white page, for the legend's text too. */
const parts = [
  { key: 'women', name: 'Women (%)', colour: '#8a4b08' },
  { key: 'men', name: 'Men (%)', colour: '#1f5f8b' },
];
const share = (value: number | null) => (value === null ? 0 : Math.round(value * 1000) / 10);

/** The report's figures as tables, each the text alternative of what the page draws. */
function gapTables(report: PayGapReport) {
  return {
    gaps: [
      ['figure', 'mean gap', 'median gap', 'women', 'men'],
      [
        'Pay (base + variable)',
        percent(report.pay.meanGap),
        percent(report.pay.medianGap),
        String(report.workers.women),
        String(report.workers.men),
      ],
      [
        'Variable pay, among those who received any',
        percent(report.variable.meanGap),
        percent(report.variable.medianGap),
        `${percent(report.variable.share.women)} received it`,
        `${percent(report.variable.share.men)} received it`,
      ],
    ],
    quartiles: [
      ['quartile', 'women', 'men'],
      ...report.quartiles.map((q) => [String(q.quartile), percent(q.women), percent(q.men)]),
    ],
    categories: [
      ['category', 'women', 'men', 'mean gap', 'median gap', 'flag', 'justification'],
      ...report.categories.map((c) => [
        c.category,
        String(c.women),
        String(c.men),
        c.suppressed ? 'suppressed' : percent(c.meanGap),
        c.suppressed ? 'suppressed' : percent(c.medianGap),
        c.flagged ? '5% or more: joint pay assessment' : c.suppressed ? 'too few to show' : '',
        c.justification ?? '',
      ]),
    ],
  };
}

/** hr's objective, gender-neutral reason for a flagged category's gap. */
function JustifyForm({ report }: { report: PayGapReport }) {
  const flagged = report.categories.filter((c) => c.flagged);
  const [category, setCategory] = useState(flagged[0]?.category ?? '');
  const [reason, setReason] = useState('');
  const justify = useJustify();
  if (flagged.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    justify.mutate({ period: report.period, category, reason });
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="justify-title">
      <h3 id="justify-title">Justify a flagged category</h3>
      <Field label="Category">
        <select value={category} onChange={(e) => setCategory(e.target.value)}>
          {flagged.map((c) => (
            <option key={c.category} value={c.category}>
              {c.category}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Objective, gender-neutral reason" hint="Shown with the category in the report">
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
      </Field>
      <SaveButton label="Justify" pending={justify.isPending} saved={justify.isSuccess} />
      <ErrorNotice error={justify.error} title="The justification was not recorded" />
    </form>
  );
}

const HEALTH_TITLES = {
  outside: 'People outside their pay range',
  parity: 'Parity between tracks at each band (IC against management)',
};

/** The pay-transparency report for hr and admin, with band health below it. */
export default function Pay() {
  const [params, setParams] = useSearchParams();
  const chosen = params.get('period') ?? undefined;
  const periods = usePayPeriods();
  const known = periods.data?.periods ?? [];
  // The latest period with pay, as the API lists them, unless the address names one.
  const period = chosen ?? known.at(-1);
  // Band health asked without a period answers for the latest too.
  const health = useBandHealth(chosen);
  const report = usePayGap(period);
  const session = useSession();
  const roles = session.data?.account?.roles ?? [];
  const setPeriod = (value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete('period');
    else next.set('period', value);
    setParams(next, { replace: true });
  };
  const tables = report.data ? gapTables(report.data) : null;
  const bands = health.data ? bandHealthRows(health.data, health.data.currency) : null;
  return (
    <>
      <PageHeader title="Pay">
        The gender pay gap (Directive 2023/970), its quartiles and categories of work of equal value, and band
        health.
      </PageHeader>
      <form className="card filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="Period" hint="Default: the latest with pay recorded">
          <select value={period ?? ''} onChange={(e) => setPeriod(e.target.value)}>
            {(period === undefined || known.includes(period) ? known : [...known, period]).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </Field>
      </form>
      <ErrorNotice error={report.error} title="The pay-gap report could not be loaded" />
      {report.isLoading ? <Loading what="the pay-gap report" /> : null}
      {report.data && tables ? (
        <>
          <p>
            {report.data.workers.women} women and {report.data.workers.men} men in {report.data.period}; pay
            in {report.data.currency}, full-time equivalent. A gap is (men − women) ÷ men: positive when men
            are paid more.
          </p>
          <ReportTable id="gaps" title="Pay and variable pay gaps" file="pay-gaps.csv" rows={tables.gaps} />
          <ChartFrame caption="Pay quartiles: the share of women and men in each quarter of workers ordered by pay, quartile 1 the lowest. The quartiles table below holds the same figures.">
            <StackedBars
              data={report.data.quartiles.map((q) => ({
                label: `Quartile ${q.quartile}`,
                women: share(q.women),
                men: share(q.men),
              }))}
              parts={parts}
            />
          </ChartFrame>
          <ReportTable
            id="quartiles"
            title="Pay quartiles"
            file="pay-quartiles.csv"
            rows={tables.quartiles}
          />
          <ReportTable
            id="categories"
            title="Categories of work of equal value"
            file="pay-categories.csv"
            rows={tables.categories}
          />
          {grantsAny(roles, 'pay.justify') ? (
            <JustifyForm key={report.data.period} report={report.data} />
          ) : null}
        </>
      ) : null}
      <h2>Band health</h2>
      <ErrorNotice error={health.error} title="Band health could not be loaded" />
      {health.isPending ? <Loading what="band health" /> : null}
      {health.data && bands ? (
        <>
          <p>
            In {health.data.period}: {health.data.belowMin} below their band's minimum, {health.data.aboveMax}{' '}
            above its maximum. Compa-ratio is pay ÷ midpoint; range penetration (pay − min) ÷ (max − min).
          </p>
          {bands.outside.length === 0 ? (
            <p>No one is paid outside their range.</p>
          ) : (
            <ReportTable
              id="outside"
              title={HEALTH_TITLES.outside}
              file="pay-outside-range.csv"
              rows={[
                ['email', 'level', 'zone', 'pay', 'compa-ratio', 'range penetration', 'where'],
                ...bands.outside,
              ]}
            />
          )}
          <ReportTable
            id="parity"
            title={HEALTH_TITLES.parity}
            file="pay-parity.csv"
            rows={[['band', 'IC median (people)', 'management median (people)', 'gap'], ...bands.parity]}
          />
        </>
      ) : null}
    </>
  );
}
