import { lazy, useMemo, useState } from 'react';
import { ladderFor } from '../../../src/core/comp/ladder.js';
import { PRESETS } from '../../../src/core/comp/presets.js';
import { ApiError } from '../api/client.js';
import { useDocuments, useFramework, useSaveDocument, type StoredDocument } from '../api/hooks.js';
import { ChartFrame } from '../components/ChartFrame.js';
import { ErrorNotice, Field, Loading, Money, PageHeader, SaveButton, ScrollTable } from '../components/ui.js';
import {
  checkEarningsForm,
  defaultCustomStrategy,
  defaultEarningsForm,
  formFromEarningsFile,
  type EarningsForm,
} from '../lib/earningsForm.js';
import { useTitle } from '../lib/title.js';
import { UnsavedGuard } from '../lib/unsaved.js';
import { KeptStrategies } from './earnings/KeptStrategies.js';
import { LevelsHeld } from './earnings/LevelsHeld.js';
import { ScenarioPicker, scenarioToSave } from './earnings/ScenarioPicker.js';
import { useSimulation } from './earnings/useSimulation.js';
import { plainMessages } from '../lib/validate.js';

const Fan = lazy(() => import('../charts/Fan.js'));

export default function EarningsPage() {
  useTitle('Earnings');
  const scenarios = useDocuments<unknown>('scenarios');
  if (scenarios.isPending) return <Loading what="your scenarios" />;
  if (scenarios.error)
    return <ErrorNotice title="Your scenarios could not be loaded" error={scenarios.error} />;
  return <EarningsEditor scenarios={scenarios.data} />;
}

function EarningsEditor({ scenarios }: { scenarios: StoredDocument<unknown>[] }) {
  const save = useSaveDocument<unknown>('scenarios');
  // The latest stored scenario, or the defaults for a first visit.
  const last = scenarios.at(-1);
  const [form, setForm] = useState<EarningsForm>(() =>
    last ? formFromEarningsFile(last.name, last.file) : defaultEarningsForm(),
  );
  const [id, setId] = useState<number | undefined>(last?.id);
  const [saved, setSaved] = useState(() => (last ? JSON.stringify(form) : ''));
  const start = (next: EarningsForm, doc?: StoredDocument<unknown>) => {
    setForm(next);
    setId(doc?.id);
    setSaved(doc ? JSON.stringify(next) : '');
    save.reset();
  };

  const checked = useMemo(() => checkEarningsForm(form), [form]);
  const framework = useFramework().data?.framework;
  // Careers walk the framework's market pay when it has some; a salary alone otherwise.
  const input = useMemo(() => {
    if (!checked.input) return null;
    try {
      const ladder = framework ? ladderFor(framework, checked.input) : undefined;
      return ladder ? { ...checked.input, ladder } : checked.input;
    } catch {
      return checked.input;
    }
  }, [checked, framework]);
  // Thousands of careers run in a worker: typing never waits for them.
  const { report, running } = useSimulation(input);

  const errors = {
    ...(save.error instanceof ApiError ? plainMessages(save.error.fieldMessages()) : {}),
    ...checked.errors,
  };
  const warnings = checked.warnings;
  const customAt = form.presets.length + form.kept.length;
  const dirty = JSON.stringify(form) !== saved;
  const set = (patch: Partial<EarningsForm>) => setForm({ ...form, ...patch });
  const text = (
    key: 'name' | 'currency' | 'salary' | 'years' | 'runs' | 'seed',
    label: string,
    errorKey: string,
    hint?: string,
  ) => (
    <Field label={label} hint={hint} error={errors[errorKey]}>
      <input
        type="text"
        inputMode={key === 'name' || key === 'currency' ? 'text' : 'decimal'}
        value={form[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </Field>
  );
  const chartData = report
    ? Array.from({ length: report.strategies[0]?.years.length ?? 0 }, (_, i) => {
        const row: Record<string, number | number[]> = { year: i + 1 };
        for (const s of report.strategies) {
          const y = s.years[i];
          if (!y) continue;
          // The fan is of cumulative earnings: what the career has paid by the end of each year.
          row[`${s.name}:band`] = [y.cumulative.p10, y.cumulative.p90];
          row[`${s.name}:p50`] = y.cumulative.p50;
        }
        return row;
      })
    : [];

  return (
    <>
      <PageHeader title="Earnings">
        Career earnings under different strategies: stay on merit raises, stay and be promoted, or switch jobs
        every few years. Each strategy runs many careers with rates drawn from the sourced ranges.
      </PageHeader>
      <UnsavedGuard when={dirty} />
      <ScenarioPicker
        scenarios={scenarios}
        selected={id}
        dirty={dirty}
        onOpen={(doc) => start(formFromEarningsFile(doc.name, doc.file), doc)}
        onNew={() => start(defaultEarningsForm())}
      />
      <div className="grid-2">
        <form
          className="card"
          aria-label="Scenario"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const now = checkEarningsForm(form);
            if (Object.keys(now.errors).length > 0) return;
            save.mutate(
              { id: scenarioToSave(scenarios, form.name), body: { name: form.name.trim(), file: now.file } },
              {
                onSuccess: (doc) => {
                  setId(doc.id);
                  setSaved(JSON.stringify(form));
                },
              },
            );
          }}
        >
          <div className="row">
            {text('name', 'Scenario name', 'name')}
            {text('salary', 'Starting salary', 'start.salary')}
            {text('currency', 'Currency', 'currency')}
          </div>
          <div className="row">
            {text('years', 'Years', 'years')}
            {text('runs', 'Runs per strategy', 'runs')}
            {text('seed', 'Seed', 'seed', 'same seed, same result')}
          </div>
          <fieldset>
            <legend>Strategies</legend>
            {PRESETS.map((p) => (
              <div key={p.name} className="preset">
                <label className="inline-check">
                  <input
                    type="checkbox"
                    checked={form.presets.includes(p.name)}
                    onChange={(e) =>
                      set({
                        presets: e.target.checked
                          ? [...form.presets, p.name]
                          : form.presets.filter((n) => n !== p.name),
                      })
                    }
                  />
                  <strong>{p.name}</strong>
                </label>
                <p className="small">{p.description}</p>
                <details className="small muted">
                  <summary>Sources</summary>
                  <ul>
                    {p.sources.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                </details>
              </div>
            ))}
            <KeptStrategies
              kept={form.kept}
              at={form.presets.length}
              errors={errors}
              onRemove={(i) => set({ kept: form.kept.filter((_, j) => j !== i) })}
            />
            {form.custom ? (
              <div className="row">
                <Field
                  label="Your strategy's name"
                  error={errors[`strategies[${customAt}].name`] ?? errors[`strategies[${customAt}]`]}
                >
                  <input
                    type="text"
                    value={form.custom.name}
                    onChange={(e) => set({ custom: { ...form.custom!, name: e.target.value } })}
                  />
                </Field>
                <Field
                  label="Merit raise"
                  hint="in per cent: 3 is 3% a year; 3–4 draws from a range"
                  unit="% a year"
                  error={errors[`strategies[${customAt}].merit`]}
                  warning={warnings[`strategies[${customAt}].merit`]}
                >
                  <input
                    type="text"
                    inputMode="decimal"
                    value={form.custom.merit}
                    onChange={(e) => set({ custom: { ...form.custom!, merit: e.target.value } })}
                  />
                </Field>
                <Field label="Switch every (years)" error={errors[`strategies[${customAt}].switch.every`]}>
                  <input
                    type="text"
                    inputMode="decimal"
                    value={form.custom.switchEvery}
                    onChange={(e) => set({ custom: { ...form.custom!, switchEvery: e.target.value } })}
                  />
                </Field>
                <Field
                  label="Raise at each switch"
                  hint="in per cent: 15 is 15%; 10–20 draws from a range"
                  unit="%"
                  error={errors[`strategies[${customAt}].switch.raise`]}
                  warning={warnings[`strategies[${customAt}].switch.raise`]}
                >
                  <input
                    type="text"
                    inputMode="decimal"
                    value={form.custom.switchRaise}
                    onChange={(e) => set({ custom: { ...form.custom!, switchRaise: e.target.value } })}
                  />
                </Field>
                <button type="button" className="danger" onClick={() => set({ custom: null })}>
                  Remove my strategy
                </button>
              </div>
            ) : (
              <button
                type="button"
                className="secondary"
                onClick={() => set({ custom: defaultCustomStrategy() })}
              >
                Add my own strategy
              </button>
            )}
            {errors.strategies ? <p className="error">{errors.strategies}</p> : null}
          </fieldset>
          <ErrorNotice error={save.error} title="The scenario was not saved" />
          <div className="actions">
            <SaveButton label="Save scenario" pending={save.isPending} saved={!dirty && save.isSuccess} />
          </div>
        </form>
        <section aria-labelledby="earnings-results">
          <h2 id="earnings-results">Outcomes</h2>
          <p className="muted small" role="status">
            {running && checked.input
              ? `Simulating ${checked.input.runs.toLocaleString('en-US')} careers per strategy…`
              : ''}
          </p>
          {!checked.input ? (
            <p className="notice warn-notice">Fix the fields marked in the form to see the outcomes.</p>
          ) : !report ? null : (
            <>
              <ScrollTable label="Outcomes by strategy">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Strategy</th>
                      <th scope="col" className="num">
                        Total p10
                      </th>
                      <th scope="col" className="num">
                        Total p50
                      </th>
                      <th scope="col" className="num">
                        Total p90
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.strategies.map((s) => (
                      <tr key={s.name}>
                        <th scope="row">{s.name}</th>
                        <td className="num">
                          <Money value={s.total.p10} currency={report.currency} />
                        </td>
                        <td className="num">
                          <Money value={s.total.p50} currency={report.currency} />
                        </td>
                        <td className="num">
                          <Money value={s.total.p90} currency={report.currency} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
              {report.warnings.map((w) => (
                <p key={w} className="notice warn-notice small">
                  {w}
                </p>
              ))}
              <ChartFrame
                caption={`Cumulative earnings by year, p10 to p90 band and median line, over ${report.runs.toLocaleString('en-US')} runs per strategy (seed ${report.seed}).`}
              >
                <Fan data={chartData} strategies={report.strategies.map((s) => s.name)} />
              </ChartFrame>
              <LevelsHeld report={report} />
            </>
          )}
        </section>
      </div>
    </>
  );
}
