import { lazy, useMemo, useState } from 'react';
import { compareOffers, STOCK_SCENARIOS } from '../../../src/core/comp/compare.js';
import { leaveCost } from '../../../src/core/comp/leave.js';
import { negotiationBrief } from '../../../src/core/comp/negotiate.js';
import type { ParsedOffers } from '../../../src/core/comp/offer-schema.js';
import { FRACTION_UNIT, NAMED_SCHEDULES, vestPoints } from '../../../src/core/comp/schedule.js';
import { ApiError } from '../api/client.js';
import { useDeleteDocument, useDocuments, useSaveDocument, type StoredDocument } from '../api/hooks.js';
import { ChartFrame } from '../components/ChartFrame.js';
import {
  Choice,
  EmptyState,
  ErrorNotice,
  Field,
  Loading,
  Money,
  money,
  PageHeader,
  SaveButton,
  ScrollTable,
} from '../components/ui.js';
import {
  checkOffersForm,
  emptyGrant,
  emptyOffer,
  emptyOffersForm,
  exampleOffersForm,
  formFromOffersFile,
  type GrantForm,
  type OfferForm,
  type OffersForm,
} from '../lib/offerForm.js';
import { useTitle } from '../lib/title.js';
import { UnsavedGuard } from '../lib/unsaved.js';
import { plainMessages, type FieldErrors } from '../lib/validate.js';

const StackedBars = lazy(() => import('../charts/StackedBars.js'));
const scheduleNames = [...NAMED_SCHEDULES.keys()];
const parts = [
  { key: 'base', name: 'Base', colour: '#1f5f8b' },
  { key: 'bonus', name: 'Bonus', colour: '#5b9bd5' },
  { key: 'signing', name: 'Signing', colour: '#8a4b08' },
  { key: 'equity', name: 'Equity (liquid)', colour: '#1e6b3a' },
  { key: 'illiquid', name: 'Illiquid (not in total)', colour: '#9aa3ab' },
];

function VestPreview({ name }: { name: string }) {
  const schedule = NAMED_SCHEDULES.get(name);
  if (!schedule) return null;
  const points = vestPoints(schedule);
  const shown = points.length > 8 ? [...points.slice(0, 4), null, ...points.slice(-2)] : points;
  return (
    <p className="small muted">
      Vests:{' '}
      {shown.map((p, i) =>
        p === null
          ? '… '
          : `month ${p.month}: ${((100 * p.cumulative) / FRACTION_UNIT).toFixed(1).replace(/\.0$/, '')}%${i < shown.length - 1 ? ', ' : ''}`,
      )}
    </p>
  );
}

function GrantFields({
  grant,
  errors,
  onChange,
  onRemove,
  label,
}: {
  grant: GrantForm;
  errors: FieldErrors;
  onChange: (g: GrantForm) => void;
  onRemove: () => void;
  label: string;
}) {
  const text = (key: keyof GrantForm, title: string, hint?: string) => (
    <Field label={title} hint={hint} error={errors[key]}>
      <input
        type="text"
        inputMode="decimal"
        value={grant[key]}
        onChange={(e) => onChange({ ...grant, [key]: e.target.value })}
      />
    </Field>
  );
  return (
    <fieldset>
      <legend>{label}</legend>
      <div className="row">
        {grant.type === 'rsu' ? (
          <>
            {text('shares', 'Shares', 'or give a value')}
            {text('value', 'Grant value', 'converted at the price')}
            {text('price', 'Share price')}
          </>
        ) : (
          <>
            {text('shares', 'Options')}
            {text('strike', 'Strike price')}
            {text('fmv', '409A value per share')}
            {text('preferredPrice', 'Preferred price')}
            {text('fullyDilutedShares', 'Fully diluted shares')}
            <Field label="Kind" error={errors.kind}>
              <select
                value={grant.kind}
                onChange={(e) => onChange({ ...grant, kind: e.target.value as GrantForm['kind'] })}
              >
                <option value="">Not stated (treated as NSO)</option>
                <option value="iso">ISO</option>
                <option value="nso">NSO</option>
              </select>
            </Field>
            {text('exerciseWindowDays', 'Exercise window (days)')}
          </>
        )}
        <Field label="Vesting" error={errors.vesting}>
          <Choice
            value={grant.vesting}
            onChange={(vesting) => onChange({ ...grant, vesting })}
            options={scheduleNames}
          />
        </Field>
      </div>
      <VestPreview name={grant.vesting} />
      {errors[''] ? <p className="error">{errors['']}</p> : null}
      <button type="button" className="danger" onClick={onRemove}>
        Remove this grant
      </button>
    </fieldset>
  );
}

function OfferFields({
  offer,
  index,
  errors,
  warnings,
  onChange,
  onRemove,
}: {
  offer: OfferForm;
  index: number;
  errors: FieldErrors;
  warnings: FieldErrors;
  onChange: (o: OfferForm) => void;
  onRemove: () => void;
}) {
  const at = (key: string) => errors[`offers[${index}].${key}`];
  const text = (key: keyof OfferForm, title: string, errorKey: string, hint?: string, unit?: string) => (
    <Field
      label={title}
      hint={hint}
      unit={unit}
      error={at(errorKey)}
      warning={warnings[`offers[${index}].${errorKey}`]}
    >
      <input
        type="text"
        inputMode="decimal"
        value={String(offer[key])}
        onChange={(e) => onChange({ ...offer, [key]: e.target.value })}
      />
    </Field>
  );
  const grantErrors = (g: number): FieldErrors => {
    const prefix = `offers[${index}].equity[${g}]`;
    const out: FieldErrors = {};
    for (const [key, message] of Object.entries(errors)) {
      if (key === prefix) out[''] ??= message;
      else if (key.startsWith(`${prefix}.`))
        out[key.slice(prefix.length + 1).replace(/\..*$/, '')] ??= message;
    }
    return out;
  };
  const hasOptions = offer.equity.some((g) => g.type === 'option');
  return (
    <section className="card offer-form" aria-label={`Offer ${index + 1}: ${offer.name || 'unnamed'}`}>
      <div className="row">
        <Field label="Offer name" error={at('name')}>
          <input
            type="text"
            value={offer.name}
            onChange={(e) => onChange({ ...offer, name: e.target.value })}
          />
        </Field>
        {text('base', 'Base salary', 'base', 'per year')}
        {text('raise', 'Yearly raise', 'raise', 'in per cent: 3 is 3% a year', '% a year')}
        {text('bonusTarget', 'Bonus target', 'bonusTarget', 'in per cent of base: 15 is 15%', '% of base')}
      </div>
      <div className="row">
        {text('signing', 'Signing bonus', 'signing', 'per year, comma-separated: 30000, 20000')}
        {text('clawbackMonths', 'Clawback months', 'clawback.months', 'repaid if you leave sooner')}
        <label className="inline-check">
          <input
            type="checkbox"
            checked={offer.clawbackProrated}
            onChange={(e) => onChange({ ...offer, clawbackProrated: e.target.checked })}
          />{' '}
          Clawback prorated
        </label>
      </div>
      {offer.equity.map((g, gi) => (
        <GrantFields
          key={gi}
          grant={g}
          label={`${g.type === 'rsu' ? 'RSU grant' : 'Option grant'} ${gi + 1}`}
          errors={grantErrors(gi)}
          onChange={(next) =>
            onChange({ ...offer, equity: offer.equity.map((x, xi) => (xi === gi ? next : x)) })
          }
          onRemove={() => onChange({ ...offer, equity: offer.equity.filter((_, xi) => xi !== gi) })}
        />
      ))}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => onChange({ ...offer, equity: [...offer.equity, emptyGrant('rsu')] })}
        >
          Add RSUs
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => onChange({ ...offer, equity: [...offer.equity, emptyGrant('option')] })}
        >
          Add options
        </button>
      </div>
      <div className="row">
        {text('refresherValue', 'Refresher grants, value', 'refreshers.value', 'each year from year 2')}
        <Field label="Refresher vesting" error={at('refreshers.vesting')}>
          <Choice
            value={offer.refresherVesting}
            onChange={(refresherVesting) => onChange({ ...offer, refresherVesting })}
            options={scheduleNames}
          />
        </Field>
      </div>
      {hasOptions ? (
        <div className="row">
          {text('exitValuation', 'Exit valuation', 'company.exitValuation')}
          {text(
            'exitProbability',
            'Chance of an exit',
            'company.exitProbability',
            'in per cent: 10 is 10%',
            '%',
          )}
          {text(
            'dilutionPerRound',
            'Dilution per round',
            'company.dilutionPerRound',
            'in per cent: 20 is 20%',
            '%',
          )}
          {text('roundsToExit', 'Rounds to exit', 'company.roundsToExit')}
        </div>
      ) : null}
      {at('') ? <p className="error">{at('')}</p> : null}
      <button type="button" className="danger" onClick={onRemove}>
        Remove {offer.name || 'this offer'}
      </button>
    </section>
  );
}

function Results({ parsed }: { parsed: ParsedOffers }) {
  const comparison = useMemo(() => compareOffers(parsed.file), [parsed]);
  const months = parsed.file.years * 12;
  const [leaveOffer, setLeaveOffer] = useState(parsed.file.offers[0]?.name ?? '');
  const [month, setMonth] = useState(12);
  const [briefFor, setBriefFor] = useState(parsed.file.offers[0]?.name ?? '');
  const currency = comparison.currency;
  const offer = parsed.file.offers.find((o) => o.name === leaveOffer) ?? parsed.file.offers[0];
  const leave = offer ? leaveCost(offer, Math.min(month, months), parsed.file.stockGrowth) : null;
  const briefOffer = parsed.file.offers.find((o) => o.name === briefFor) ?? parsed.file.offers[0];
  const brief =
    briefOffer && parsed.file.offers.length > 1 ? negotiationBrief(parsed.file, briefOffer) : null;
  const bars = comparison.offers.flatMap((o) =>
    o.years.map((y) => ({ label: `${o.name} Y${y.year}`, ...y })),
  );

  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">Comparison over {comparison.years} years</h2>
      <p>
        <strong>Best: {comparison.best}</strong>{' '}
        <span className="muted small">
          (liquid pay only; options and private shares are listed beside the total, never in it)
        </span>
      </p>
      <ScrollTable label="Offers side by side, by year">
        <table aria-label="Offers side by side">
          <thead>
            <tr>
              <th scope="col">Year</th>
              {comparison.offers.map((o) => (
                <th key={o.name} scope="col" className="num">
                  {o.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: comparison.years }, (_, i) => (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                {comparison.offers.map((o) => (
                  <td key={o.name} className="num">
                    <Money value={o.years[i]?.total ?? 0} currency={currency} />
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Total</th>
              {comparison.offers.map((o) => (
                <td key={o.name} className="num">
                  <strong>
                    <Money value={o.total} currency={currency} />
                  </strong>
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Illiquid, not in total</th>
              {comparison.offers.map((o) => (
                <td key={o.name} className="num">
                  <Money value={o.illiquid} currency={currency} />
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Options, expected value</th>
              {comparison.offers.map((o) => (
                <td key={o.name} className="num">
                  {o.options.length === 0
                    ? '—'
                    : money(
                        o.options.reduce((s, r) => s + (r.expectedValue ?? 0), 0),
                        currency,
                      )}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </ScrollTable>
      <ChartFrame caption="Pay per year and offer: base, bonus, signing and liquid equity stacked; illiquid equity on top, outside the total.">
        <StackedBars data={bars} parts={parts} />
      </ChartFrame>

      <div className="grid-2">
        <section className="card" aria-labelledby="leave-title">
          <h3 id="leave-title">Leaving early</h3>
          <div className="row">
            <Field label="Offer">
              <select value={offer?.name ?? ''} onChange={(e) => setLeaveOffer(e.target.value)}>
                {parsed.file.offers.map((o) => (
                  <option key={o.name}>{o.name}</option>
                ))}
              </select>
            </Field>
          </div>
          <Field label={`Leave after ${Math.min(month, months)} months`}>
            <input
              type="range"
              min={1}
              max={months}
              value={Math.min(month, months)}
              onChange={(e) => setMonth(Number(e.target.value))}
            />
          </Field>
          {leave ? (
            <dl className="facts" aria-live="polite">
              <dt>Vested by then</dt>
              <dd>
                {leave.vestedShares} shares, <Money value={leave.vestedValue} currency={currency} />
              </dd>
              <dt>Forfeited</dt>
              <dd data-testid="forfeited">
                {leave.forfeitedShares} shares, <Money value={leave.forfeitedValue} currency={currency} />
              </dd>
              <dt>Signing bonus clawed back</dt>
              <dd data-testid="clawback">
                <Money value={leave.clawback} currency={currency} />
              </dd>
              {leave.options.map((o, i) => (
                <div key={i}>
                  <dt>Options</dt>
                  <dd>
                    {o.vestedShares} of {o.shares} vested; exercising them costs{' '}
                    <Money value={o.exerciseCost} currency={currency} /> within {o.exerciseWindowDays} days
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
        </section>
        <section className="card" aria-labelledby="scenarios-title">
          <h3 id="scenarios-title">If the stock falls, stays or rises</h3>
          <ScrollTable label="Stock scenarios">
            <table>
              <thead>
                <tr>
                  <th scope="col">Scenario</th>
                  {comparison.offers.map((o) => (
                    <th key={o.name} scope="col" className="num">
                      {o.name}
                    </th>
                  ))}
                  <th scope="col">Best</th>
                </tr>
              </thead>
              <tbody>
                {comparison.scenarios.map((s) => (
                  <tr key={s.name}>
                    <th scope="row">
                      {s.name} <span className="muted small">({Math.round(s.stockGrowth * 100)}%/yr)</span>
                    </th>
                    {s.totals.map((t) => (
                      <td key={t.name} className="num">
                        <Money value={t.total} currency={currency} />
                      </td>
                    ))}
                    <td>{s.best}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <p className="small muted">
            Share prices change by{' '}
            {STOCK_SCENARIOS.map((s) => `${Math.round(s.stockGrowth * 100)}%`).join(', ')} a year.
          </p>
        </section>
      </div>

      <section className="card" aria-labelledby="brief-title">
        <h3 id="brief-title">Negotiation brief</h3>
        {parsed.file.offers.length < 2 ? (
          <p className="muted">
            Add a competing offer: the brief weighs one offer against the best other one.
          </p>
        ) : (
          <>
            <Field label="Brief for">
              <select value={briefOffer?.name ?? ''} onChange={(e) => setBriefFor(e.target.value)}>
                {parsed.file.offers.map((o) => (
                  <option key={o.name}>{o.name}</option>
                ))}
              </select>
            </Field>
            {brief ? (
              <>
                <p>
                  Against <strong>{brief.against}</strong>:{' '}
                  {brief.totalGap > 0
                    ? `trails by ${money(brief.totalGap, currency)}`
                    : `ahead by ${money(-brief.totalGap, currency)}`}{' '}
                  over the horizon.
                  {brief.signingToCloseYearOne > 0
                    ? ` A signing bonus of ${money(brief.signingToCloseYearOne, currency)} would close year one.`
                    : ''}
                </p>
                {brief.openComponents.length > 0 ? (
                  <>
                    <h4>Still open to ask for</h4>
                    <ul>
                      {brief.openComponents.map((c) => (
                        <li key={c}>{c}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
                <h4>Equity questions</h4>
                <ul>
                  {brief.equityQuestions.map((q) => (
                    <li key={q.question}>
                      {q.question}{' '}
                      {q.known ? (
                        <span className="muted">({q.known})</span>
                      ) : (
                        <span className="tag warn">ask</span>
                      )}
                    </li>
                  ))}
                </ul>
                <h4>Principles</h4>
                <ul className="small">
                  {brief.principles.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </section>
    </section>
  );
}

export default function OffersPage() {
  useTitle('Offers');
  const documents = useDocuments<unknown>('offers');
  if (documents.isPending) return <Loading what="your offers" />;
  if (documents.error) return <ErrorNotice title="Your offers could not be loaded" error={documents.error} />;
  return <OffersEditor documents={documents.data} />;
}

function OffersEditor({ documents }: { documents: StoredDocument<unknown>[] }) {
  const save = useSaveDocument<unknown>('offers');
  const remove = useDeleteDocument('offers');
  // Open the most recent stored comparison, or an empty one on a first visit.
  const last = documents.at(-1);
  const [selected, setSelected] = useState<number | 'new'>(last?.id ?? 'new');
  const [form, setForm] = useState<OffersForm>(() =>
    last ? formFromOffersFile(last.name, last.file) : emptyOffersForm(),
  );
  const [saved, setSaved] = useState<string>(() =>
    JSON.stringify(last ? formFromOffersFile(last.name, last.file) : emptyOffersForm()),
  );
  const [submitted, setSubmitted] = useState(false);

  function open(doc: StoredDocument<unknown>) {
    const next = formFromOffersFile(doc.name, doc.file);
    setSelected(doc.id);
    setForm(next);
    setSaved(JSON.stringify(next));
    setSubmitted(false);
    save.reset();
  }
  /** A new comparison; it counts as changed when it differs from an empty one (the example does). */
  function start(next: OffersForm) {
    setSelected('new');
    setForm(next);
    setSaved(JSON.stringify(emptyOffersForm()));
    setSubmitted(false);
    save.reset();
  }

  const checked = useMemo(() => checkOffersForm(form), [form]);

  const dirty = JSON.stringify(form) !== saved;
  const server = save.error instanceof ApiError ? plainMessages(save.error.fieldMessages()) : {};
  const fileErrors: FieldErrors = {};
  for (const [k, v] of Object.entries(server)) fileErrors[k.replace(/^file\.?/, '')] = v;
  const errors = {
    ...fileErrors,
    ...(submitted ? (checked?.errors ?? {}) : onlyTyped(form, checked?.errors ?? {})),
  };

  return (
    <>
      <PageHeader title="Offers">
        Enter each offer as it was made to you: base, bonus, signing bonus and its clawback, RSUs and options
        with their vesting. The comparison, the chart and the leave slider update as you type.
      </PageHeader>
      <UnsavedGuard when={dirty} />
      <div className="row card">
        <Field label="Comparison">
          <select
            value={String(selected)}
            onChange={(e) => {
              if (dirty && !window.confirm('Discard the changes to this comparison?')) return;
              const doc = documents.find((d) => String(d.id) === e.target.value);
              if (doc) open(doc);
              else start(emptyOffersForm());
            }}
          >
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
            <option value="new">New comparison…</option>
          </select>
        </Field>
        {typeof selected === 'number' ? (
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (!window.confirm('Delete this comparison?')) return;
              remove.mutate(selected, { onSuccess: () => start(emptyOffersForm()) });
            }}
          >
            Delete comparison
          </button>
        ) : null}
      </div>
      <ErrorNotice error={remove.error} title="The comparison was not deleted" />
      {documents.length === 0 && selected === 'new' && !dirty ? (
        <EmptyState title="No offers yet">
          <p>
            Fill in the offers you are weighing below, or start from an example of a public company against a
            seed-stage startup.
          </p>
          <button type="button" className="secondary" onClick={() => start(exampleOffersForm())}>
            Start from the example
          </button>
        </EmptyState>
      ) : null}
      {/* At desk widths the results stay in view beside the form while typing; one column on phones. */}
      <div className="form-beside">
        {form ? (
          <form
            noValidate
            aria-label="Offers"
            onSubmit={(e) => {
              e.preventDefault();
              setSubmitted(true);
              if (!checked?.parsed) return;
              save.mutate(
                {
                  id: typeof selected === 'number' ? selected : undefined,
                  body: { name: form.name.trim(), file: checked.file },
                },
                {
                  onSuccess: (doc) => {
                    setSelected(doc.id);
                    setSaved(JSON.stringify(form));
                  },
                },
              );
            }}
          >
            <div className="card row">
              <Field label="Comparison name" error={errors.name}>
                <input
                  type="text"
                  value={form.name}
                  onChange={(e) => setForm({ ...form, name: e.target.value })}
                />
              </Field>
              <Field label="Currency" error={errors.currency}>
                <input
                  type="text"
                  value={form.currency}
                  maxLength={3}
                  onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })}
                />
              </Field>
              <Field label="Years to compare" error={errors['assumptions.years']}>
                <input
                  type="text"
                  inputMode="numeric"
                  value={form.years}
                  onChange={(e) => setForm({ ...form, years: e.target.value })}
                />
              </Field>
              <Field
                label="Share price growth a year"
                hint="in per cent: 5 is 5% a year"
                unit="% a year"
                error={errors['assumptions.stockGrowth']}
                warning={checked.warnings['assumptions.stockGrowth']}
              >
                <input
                  type="text"
                  inputMode="decimal"
                  value={form.stockGrowth}
                  onChange={(e) => setForm({ ...form, stockGrowth: e.target.value })}
                />
              </Field>
            </div>
            {form.offers.map((o, i) => (
              <OfferFields
                key={i}
                offer={o}
                index={i}
                errors={errors}
                warnings={checked.warnings}
                onChange={(next) =>
                  setForm({ ...form, offers: form.offers.map((x, xi) => (xi === i ? next : x)) })
                }
                onRemove={() => setForm({ ...form, offers: form.offers.filter((_, xi) => xi !== i) })}
              />
            ))}
            {errors.offers ? <p className="error">{errors.offers}</p> : null}
            <ErrorNotice error={save.error} title="The offers were not saved" />
            <div className="actions">
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  setForm({
                    ...form,
                    offers: [
                      ...form.offers,
                      emptyOffer(`Offer ${String.fromCharCode(65 + form.offers.length)}`),
                    ],
                  })
                }
              >
                Add an offer
              </button>
              <SaveButton label="Save offers" pending={save.isPending} saved={!dirty && save.isSuccess} />
            </div>
          </form>
        ) : null}
        <div className="beside-results" role="region" aria-label="Comparison results" tabIndex={0}>
          {checked?.parsed ? (
            <Results key={checked.parsed.file.offers.map((o) => o.name).join('|')} parsed={checked.parsed} />
          ) : form ? (
            <p className="notice warn-notice">
              The comparison appears once every offer has a name and a base salary and no field has an error.
            </p>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** Before the first save attempt, only fields that hold something show their errors: an empty new form is not a wall of red. */
function onlyTyped(form: OffersForm | null, errors: FieldErrors): FieldErrors {
  if (!form) return {};
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const offer = /^offers\[(\d+)\]\.(\w+)/.exec(key);
    if (offer) {
      const o = form.offers[Number(offer[1])] as unknown as Record<string, unknown> | undefined;
      const field = offer[2]!;
      const value =
        o?.[field === 'clawback' ? 'clawbackMonths' : field === 'refreshers' ? 'refresherValue' : field];
      if (field === 'equity' || field === 'company' || (typeof value === 'string' && value.trim() !== ''))
        out[key] = message;
    } else if (key !== 'name') out[key] = message;
  }
  return out;
}
