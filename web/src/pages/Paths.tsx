import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Framework } from '../../../src/core/framework/schema.js';
import { findPaths, type CareerPath } from '../../../src/core/lattice/paths.js';
import { reachWithin } from '../../../src/core/lattice/reach.js';
import { useFramework } from '../api/hooks.js';
import {
  Choice,
  EmptyState,
  ErrorNotice,
  Field,
  Loading,
  PageHeader,
  ScrollTable,
} from '../components/ui.js';
import { useCurrentLevel } from '../lib/current.js';
import { useFitLean } from '../lib/fit.js';
import { PathMap } from './paths/PathMap.js';
import { PayChart } from './paths/PayChart.js';
import { PositionPicker } from './paths/PositionPicker.js';
import { useTitle } from '../lib/title.js';

const kindLabel: Record<string, string> = {
  promotion: 'promotion',
  'track-switch': 'track switch',
  lateral: 'lateral move',
  'specialisation-change': 'specialisation change',
  'company-change': 'company change',
};

const range = (r: { min: number; max?: number | undefined }) =>
  r.max === undefined || r.max === r.min ? `${r.min}` : `${r.min}–${r.max}`;

function nameOf(framework: Framework, id: string): string {
  return (
    framework.levels.find((l) => l.id === id)?.title ?? framework.roles.find((r) => r.id === id)?.title ?? id
  );
}

const companyName: Record<string, string> = { 'big-company': 'big company', startup: 'startup' };

function specialisationName(framework: Framework, id: string): string {
  return framework.specialisations.find((s) => s.id === id)?.name ?? id;
}

function PathCard({ framework, path, index }: { framework: Framework; path: CareerPath; index: number }) {
  return (
    <li className="card">
      <h3>
        {index + 1}. {range(path.years)} years{' '}
        <span className="muted small">
          (about {path.expectedYears}), {path.steps.length} move{path.steps.length === 1 ? '' : 's'}
        </span>
      </h3>
      <ol className="timeline">
        {path.steps.map((step, i) => (
          <li key={`${step.move}-${i}`}>
            <strong>{nameOf(framework, step.to)}</strong>{' '}
            <span className="tag">{kindLabel[step.kind] ?? step.kind}</span>{' '}
            {step.toPosition.specialisation ? (
              <span className="tag">{specialisationName(framework, step.toPosition.specialisation)}</span>
            ) : null}{' '}
            {step.toPosition.company ? (
              <span className="tag">{companyName[step.toPosition.company] ?? step.toPosition.company}</span>
            ) : null}{' '}
            <span className="muted small">
              {range(step.years)} years
              {step.levelChange !== null && step.levelChange !== 0
                ? `, band ${step.levelChange > 0 ? '+' : ''}${step.levelChange}`
                : ''}
            </span>
            {step.prerequisites.length > 0 ? (
              <p className="small">Before: {step.prerequisites.join('; ')}</p>
            ) : null}
            {step.advice.length > 0 ? (
              <ul className="small">
                {step.advice.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </li>
  );
}

export default function PathsPage() {
  useTitle('Paths');
  const fw = useFramework();
  const { current, ready } = useCurrentLevel();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? current;
  const to = params.get('to') ?? '';
  const avoid = params.get('avoid') ?? '';
  // The field's own text, kept here as typed: the address follows it, a moment later.
  const [within, setWithin] = useState(() => params.get('within') ?? '3');
  const lean = useFitLean();
  // The preference: as chosen here, else the fit result's lean, else the start's own track.
  const prefer = params.get('prefer') ?? lean ?? '';
  const framework = fw.data?.framework;

  const planned = useMemo(() => {
    if (!framework || !from || !to) return null;
    try {
      const options = { top: 5, ...(avoid ? { avoid } : {}), ...(prefer ? { prefer } : {}) };
      return { result: findPaths(framework, from, to, options), error: null };
    } catch (error) {
      return { result: null, error };
    }
  }, [framework, from, to, avoid, prefer]);

  const horizon = Number(within);
  const horizonError =
    within.trim() === ''
      ? 'give a number of years'
      : !Number.isFinite(horizon) || horizon < 0
        ? 'must be a number of years, 0 or more'
        : horizon > 50
          ? 'must be at most 50'
          : undefined;
  const reach = useMemo(() => {
    if (!framework || !from || horizonError) return null;
    try {
      return reachWithin(framework, from, horizon, avoid || undefined, prefer || undefined);
    } catch {
      return null;
    }
  }, [framework, from, horizon, horizonError, avoid, prefer]);

  // The start comes from the saved profile or assessment: drawn before they arrive, it would start empty.
  if (fw.isPending || !ready) return <Loading what="the lattice" />;
  if (fw.error) return <ErrorNotice title="The framework could not be loaded" error={fw.error} />;
  const fwk = fw.data.framework;
  // A field cleared stays cleared (`within=`): dropping it would bring the default back under the cursor.
  const set = (key: string, value: string, keepEmpty = false) => {
    const copy = new URLSearchParams(params);
    copy.set(key, value);
    if (!value && !keepEmpty) copy.delete(key);
    setParams(copy, { replace: true });
  };

  return (
    <>
      <PageHeader title="Paths">
        Choose where you want to be: the lattice search ranks every way there by expected years, across
        promotions, track switches, lateral moves and company changes.
      </PageHeader>
      <form className="card row" aria-label="Plan a path" onSubmit={(e) => e.preventDefault()}>
        <PositionPicker
          label="From"
          blank="Choose where you are…"
          value={from}
          onChange={(v) => set('from', v)}
          framework={fwk}
        />
        <PositionPicker
          label="To"
          blank="Choose a target…"
          value={to}
          onChange={(v) => set('to', v)}
          framework={fwk}
        />
        <Field
          label="Prefer the track"
          hint={
            lean && !params.get('prefer')
              ? 'from your IC-or-manager result'
              : "near-ties go to it; the start's by default"
          }
        >
          <Choice
            value={prefer}
            onChange={(track) => set('prefer', track)}
            blank="The start's track"
            options={fwk.tracks
              .filter((t) => t.kind === 'ladder')
              .map((t) => ({ value: t.id, label: t.name }))}
          />
        </Field>
        <Field label="Avoid the track">
          <Choice
            value={avoid}
            onChange={(track) => set('avoid', track)}
            blank="Avoid nothing"
            options={fwk.tracks.map((t) => ({ value: t.id, label: t.name }))}
          />
        </Field>
      </form>
      <div className="grid-2">
        <section aria-labelledby="paths-title">
          <h2 id="paths-title">Ranked paths</h2>
          {!from || !to ? (
            <EmptyState title="Pick a start and a target">
              <p>
                Start from the level you hold (set it on the <Link to="/assessment">assessment</Link> page and
                it is filled in here), then choose any level or lateral role as the target.
              </p>
            </EmptyState>
          ) : planned?.error ? (
            <ErrorNotice error={planned.error} title="No plan" />
          ) : planned?.result && planned.result.paths.length === 0 ? (
            <p className="notice warn-notice">
              There is no way from {nameOf(fwk, from)} to {nameOf(fwk, to)}
              {avoid ? ' without that track' : ''} in this lattice.
            </p>
          ) : planned?.result ? (
            <>
              <PayChart framework={fwk} result={planned.result} />
              <ol className="paths" aria-label="Paths, best first">
                {planned.result.paths.map((p, i) => (
                  <PathCard key={i} framework={fwk} path={p} index={i} />
                ))}
              </ol>
            </>
          ) : null}
        </section>
        <section aria-labelledby="reach-title">
          <h2 id="reach-title">Where can I be in N years?</h2>
          <Field label="Years from now" error={horizonError}>
            <input
              type="number"
              min={0}
              max={50}
              step={0.5}
              inputMode="decimal"
              value={within}
              onChange={(e) => {
                setWithin(e.target.value);
                set('within', e.target.value, true);
              }}
            />
          </Field>
          {!from ? (
            <p className="muted">Choose where you are first.</p>
          ) : reach ? (
            reach.reachable.length === 0 ? (
              <p className="muted">Nothing is within reach in that time; try a longer horizon.</p>
            ) : (
              <ScrollTable label="Within reach">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Where</th>
                      <th scope="col" className="num">
                        Band
                      </th>
                      <th scope="col" className="num">
                        Years
                      </th>
                      <th scope="col">Via</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reach.reachable.map((r) => (
                      <tr key={r.level}>
                        <td>
                          <button type="button" className="link" onClick={() => set('to', r.level)}>
                            {r.title}
                          </button>
                        </td>
                        <td className="num">{r.band ?? '—'}</td>
                        <td className="num">{range(r.path.years)}</td>
                        <td className="small">{r.path.steps.map((s) => nameOf(fwk, s.to)).join(' → ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            )
          ) : null}
        </section>
      </div>
      {planned?.result && planned.result.paths.length > 0 ? (
        <PathMap framework={fwk} result={planned.result} />
      ) : null}
    </>
  );
}
