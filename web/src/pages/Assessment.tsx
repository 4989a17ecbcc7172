import { lazy, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { assess, checkAssessment, type AssessmentResult } from '../../../src/core/assessment/evaluate.js';
import { scaleOf } from '../../../src/core/framework/rules.js';
import type { Framework, Level } from '../../../src/core/framework/schema.js';
import { assessmentInputSchema, type StoredAssessment } from '../../../src/store/entities.js';
import { ApiError } from '../api/client.js';
import { useAssessments, useFramework, useProfile, useSaveAssessment } from '../api/hooks.js';
import { ChartFrame } from '../components/ChartFrame.js';
import { EmptyState, ErrorNotice, Field, Loading, PageHeader } from '../components/ui.js';
import { VerdictSummary } from './assessment/VerdictSummary.js';
import { draftOf, LoadedNotice, type Draft } from './assessment/Loaded.js';
import { History } from './assessment/History.js';
import { withNames } from '../lib/names.js';
import { useTitle } from '../lib/title.js';
import { today } from '../lib/today.js';
import { UnsavedGuard } from '../lib/unsaved.js';
import { check, plainMessages, type FieldErrors } from '../lib/validate.js';

const RadarView = lazy(() => import('../charts/Radar.js'));

/** The request body for a draft, checked with the API's own schema and the core's semantic rules. */
export function assessmentBody(framework: Framework, draft: Draft): { body: unknown; errors: FieldErrors } {
  const body = {
    ...(draft.current ? { current: draft.current } : {}),
    date: draft.date,
    assessor: 'self',
    ratings: draft.ratings,
  };
  const checked = check(assessmentInputSchema, body);
  const errors = { ...checked.errors };
  if (checked.ok) {
    for (const p of checkAssessment(framework, checked.value, (path, message, code) => ({
      path,
      message,
      code,
      severity: 'error',
    }))) {
      errors[p.path.join('.')] ??= p.message.replace(/^[^:]*: /, '');
    }
  }
  if (Object.keys(draft.ratings).length === 0) errors.ratings ??= 'rate at least one competency';
  return { body, errors };
}

function nextUp(framework: Framework, level: Level | undefined): Level | undefined {
  return level && framework.levels.find((l) => l.track === level.track && l.rank === level.rank + 1);
}

function GapList({ result, framework }: { result: AssessmentResult; framework: Framework }) {
  if (result.next.length === 0)
    return <p className="muted">Choose the level you hold now to see what the next levels ask of you.</p>;
  return (
    <>
      {result.next.map((verdict) => (
        <div key={verdict.level} className="card">
          <h3>
            {verdict.relation === 'up' ? 'Next up: ' : 'Across, same band: '}
            {verdict.title}{' '}
            <span className={`tag ${verdict.holds ? 'ok' : 'warn'}`}>
              {verdict.holds ? 'met' : `${verdict.met} of ${verdict.total} met`}
            </span>
          </h3>
          <p className="small">{withNames(framework, verdict.explanation)}</p>
          {verdict.gaps.length === 0 ? (
            <p className="muted">No gaps: every expectation is met.</p>
          ) : (
            <ul aria-label={`Gaps to ${verdict.title}`} className="gaps">
              {verdict.gaps.map((g) => (
                <li key={g.competency}>
                  <strong>{g.name}</strong>: {g.have === null ? 'not rated' : `${g.have}`} → {g.need}
                  {g.core ? '' : ' (not core)'}. <span className="muted">Aim at: {g.text}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </>
  );
}

export default function AssessmentPage() {
  useTitle('Self-assessment');
  const assessments = useAssessments();
  const profile = useProfile();
  if (assessments.isPending || profile.isPending) return <Loading what="your assessments" />;
  if (assessments.error)
    return <ErrorNotice title="Your assessments could not be loaded" error={assessments.error} />;
  // Start from the latest saved assessment, else from the level in the profile.
  const latest = assessments.data.at(-1);
  const start = {
    current: latest?.current ?? profile.data?.current ?? '',
    date: today(),
    ratings: { ...(latest?.ratings ?? {}) },
  };
  return <AssessmentEditor start={start} assessments={assessments.data} />;
}

function AssessmentEditor({ start, assessments }: { start: Draft; assessments: StoredAssessment[] }) {
  const fw = useFramework();
  const save = useSaveAssessment();
  const [draft, setDraft] = useState<Draft>(start);
  const [saved, setSaved] = useState<Draft>(start);
  // The stored assessment loaded into the form, which saving replaces; undefined for a new one.
  const [editing, setEditing] = useState<StoredAssessment | undefined>(undefined);
  const load = (a: StoredAssessment | undefined) => {
    if (dirty && !window.confirm('Discard the changes to this assessment?')) return;
    const next = a ? draftOf(a) : { ...start, date: today() };
    setEditing(a);
    setDraft(next);
    setSaved(next);
    setTouched(false);
    save.reset();
    document.getElementById('rate-title')?.scrollIntoView();
  };
  const [touched, setTouched] = useState(false);

  const framework = fw.data?.framework;
  const { current, ratings } = draft;
  const result = useMemo(() => {
    if (!framework) return null;
    try {
      return assess(framework, { ...(current ? { current } : {}), ratings });
    } catch {
      return null;
    }
  }, [framework, current, ratings]);

  if (fw.isPending) return <Loading what="the framework" />;
  if (fw.error) return <ErrorNotice title="The framework could not be loaded" error={fw.error} />;
  const fwk = fw.data.framework;

  const { body, errors: localErrors } = assessmentBody(fwk, draft);
  const serverErrors = save.error instanceof ApiError ? plainMessages(save.error.fieldMessages()) : {};
  const errors = { ...serverErrors, ...localErrors };
  const dirty = JSON.stringify({ ...draft, date: '' }) !== JSON.stringify({ ...saved, date: '' });
  const currentLevel = fwk.levels.find((l) => l.id === draft.current);
  const up = nextUp(fwk, currentLevel);
  const ladders = fwk.tracks.filter((t) => t.kind === 'ladder');
  const across = currentLevel
    ? fwk.levels.filter(
        (l) =>
          l.band === currentLevel.band &&
          l.track !== currentLevel.track &&
          ladders.some((t) => t.id === l.track),
      )
    : [];
  const maxRating = Math.max(...fwk.scales.flatMap((s) => s.points.map((p) => p.value)));
  const radarData = fwk.competencies.map((c) => ({
    axis: c.name,
    you: draft.ratings[c.id] ?? 0,
    current: currentLevel?.expectations[c.id]?.rating ?? null,
    up: up?.expectations[c.id]?.rating ?? null,
    across: across[0]?.expectations[c.id]?.rating ?? null,
  }));
  const series = [
    { key: 'you', name: 'You', colour: '#1f5f8b' },
    ...(currentLevel ? [{ key: 'current', name: currentLevel.title, colour: '#4f5862', dashed: true }] : []),
    ...(up ? [{ key: 'up', name: up.title, colour: '#1e6b3a' }] : []),
    ...(across[0] ? [{ key: 'across', name: across[0].title, colour: '#8a4b08', dashed: true }] : []),
  ];

  const onSave = () => {
    setTouched(true);
    if (Object.keys(localErrors).length > 0) return;
    save.mutate(
      { id: editing?.id, body: body as never },
      {
        onSuccess: (stored) => {
          setEditing(stored);
          setSaved(draft);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title="Self-assessment">
        Rate each competency while reading what your level and the next one expect. The verdict and the gaps
        update as you go; save to keep a dated record.
      </PageHeader>
      <UnsavedGuard when={dirty} />
      <div className="grid-2">
        <form
          className="card"
          aria-labelledby="rate-title"
          onSubmit={(e) => {
            e.preventDefault();
            onSave();
          }}
        >
          <h2 id="rate-title" tabIndex={-1}>
            Your ratings
          </h2>
          <LoadedNotice editing={editing} onNew={() => load(undefined)} />
          <VerdictSummary
            target="verdict"
            verdict={
              Object.keys(draft.ratings).length === 0 || !result
                ? null
                : result.level
                  ? `you meet ${fwk.levels.find((l) => l.id === result.level)?.title}`
                  : 'no level is met yet'
            }
          />
          <div className="row">
            <Field label="Level you hold now" hint="The base for “next level”." error={errors.current}>
              <select value={draft.current} onChange={(e) => setDraft({ ...draft, current: e.target.value })}>
                <option value="">Not set</option>
                {ladders.map((t) => (
                  <optgroup key={t.id} label={t.name}>
                    {fwk.levels
                      .filter((l) => l.track === t.id)
                      .map((l) => (
                        <option key={l.id} value={l.id}>
                          {l.title}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </Field>
            <Field label="Date" error={errors.date}>
              <input
                type="date"
                value={draft.date}
                onChange={(e) => setDraft({ ...draft, date: e.target.value })}
              />
            </Field>
          </div>
          <div className="ratings">
            {fwk.competencies.map((c) => {
              const scale = scaleOf(c, fwk.scales);
              const here = currentLevel?.expectations[c.id];
              const next = up?.expectations[c.id];
              const error = errors[`ratings.${c.id}`];
              return (
                <div key={c.id} className="rating-row">
                  <div>
                    <strong id={`c-${c.id}`}>{c.name}</strong>
                    <div className="muted small">{c.description}</div>
                  </div>
                  <div>
                    <fieldset className="scale" aria-labelledby={`c-${c.id}`}>
                      {scale?.points.map((p) => (
                        <label key={p.value} title={p.description}>
                          <input
                            type="radio"
                            name={`rating-${c.id}`}
                            value={p.value}
                            checked={draft.ratings[c.id] === p.value}
                            onChange={() =>
                              setDraft({ ...draft, ratings: { ...draft.ratings, [c.id]: p.value } })
                            }
                          />
                          {p.value} {p.label}
                        </label>
                      ))}
                    </fieldset>
                    {error ? <span className="error">{error}</span> : null}
                    {here ? (
                      <p className="expect">
                        <strong>{currentLevel?.title}</strong> ({here.rating}): {here.behaviours.join('; ')}
                      </p>
                    ) : null}
                    {next ? (
                      <p className="expect">
                        <strong>{up?.title}</strong> ({next.rating}): {next.behaviours.join('; ')}
                      </p>
                    ) : null}
                  </div>
                </div>
              );
            })}
          </div>
          {touched && errors.ratings ? <p className="error">{errors.ratings}</p> : null}
          <ErrorNotice error={save.error} title="The assessment was not saved" />
          {save.isSuccess && !dirty ? (
            <p className="notice ok-notice" role="status">
              Saved. It is in your history below.
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save assessment'}
            </button>
          </div>
        </form>
        <div>
          <section className="card" id="verdict" aria-labelledby="verdict-title" tabIndex={-1}>
            <h2 id="verdict-title">Verdict</h2>
            {Object.keys(draft.ratings).length === 0 ? (
              <EmptyState title="Start by rating yourself">
                <p>
                  Pick the level you hold, then rate each competency from the scale. Unsure what a level
                  expects? Read it on the <Link to="/">ladder</Link>.
                </p>
              </EmptyState>
            ) : result ? (
              <>
                <p>
                  <strong>
                    {result.level
                      ? `You meet ${fwk.levels.find((l) => l.id === result.level)?.title}`
                      : 'No level is met yet'}
                  </strong>
                </p>
                <p className="small">{withNames(fwk, result.explanation)}</p>
              </>
            ) : null}
          </section>
          <ChartFrame caption="Your ratings against the expectations of your level and the next ones on both tracks.">
            <RadarView data={radarData} series={series} max={maxRating} />
          </ChartFrame>
          <section aria-labelledby="gaps-title">
            <h2 id="gaps-title">Gaps and what to aim at</h2>
            {result ? <GapList result={result} framework={fwk} /> : null}
          </section>
        </div>
      </div>
      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <History framework={fwk} assessments={assessments} onLoad={load} />
      </section>
    </>
  );
}
