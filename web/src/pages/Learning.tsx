import { lazy, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { learningPlan } from '../../../src/core/growth/learning.js';
import { BREADTH_SKILL, DEPTH_SKILL, SKILL_MAX, SKILL_MIN, tShape } from '../../../src/core/growth/tshape.js';
import { profileSchema, type Profile } from '../../../src/store/entities.js';
import { useAssessments, useFramework, useProfile, useSaveProfile } from '../api/hooks.js';
import { ChartFrame } from '../components/ChartFrame.js';
import { EmptyState, ErrorNotice, Field, Loading, PageHeader, SaveButton } from '../components/ui.js';
import { useStoredState } from '../lib/stored.js';
import { useTitle } from '../lib/title.js';
import { UnsavedGuard } from '../lib/unsaved.js';
import { check, numberOrUndefined, readNumber } from '../lib/validate.js';

const TShapeBars = lazy(() => import('../charts/TShapeBars.js'));
const isHours = (v: unknown): v is string => typeof v === 'string';

export default function LearningPage() {
  useTitle('Learning plan');
  const profile = useProfile();
  if (profile.isPending) return <Loading what="your profile" />;
  if (profile.error) return <ErrorNotice title="Your profile could not be loaded" error={profile.error} />;
  return <LearningEditor profile={profile.data} />;
}

function LearningEditor({ profile: stored }: { profile: Profile | null }) {
  const fw = useFramework();
  const assessments = useAssessments();
  const saveProfile = useSaveProfile();
  const [hours, setHours] = useStoredState('trellis.learning.hours', '5', isHours);
  const [years, setYears] = useState(
    stored?.yearsOfExperience === undefined ? '' : String(stored.yearsOfExperience),
  );
  const [skills, setSkills] = useState<Record<string, number>>({ ...(stored?.skills ?? {}) });
  // What the profile holds, to tell whether the sliders have unsaved changes.
  const [seeded, setSeeded] = useState(() => JSON.stringify({ years, skills }));

  const framework = fw.data?.framework;
  const latest = assessments.data?.at(-1);
  const hoursNumber = numberOrUndefined(hours);
  const hoursError =
    hoursNumber === undefined || !Number.isFinite(hoursNumber)
      ? (readNumber(hours).problem ?? 'give a number of hours')
      : hoursNumber <= 0
        ? 'must be more than 0'
        : hoursNumber > 80
          ? 'must be at most 80'
          : undefined;
  const profileBody = { ...(stored ?? {}), yearsOfExperience: numberOrUndefined(years), skills };
  delete (profileBody as { updatedAt?: string }).updatedAt;
  if (profileBody.yearsOfExperience === undefined) delete profileBody.yearsOfExperience;
  const profileCheck = check(profileSchema, profileBody);
  const yearsError =
    years.trim() === '' ? undefined : (readNumber(years).problem ?? profileCheck.errors.yearsOfExperience);

  const shape = useMemo(() => {
    if (!framework || Object.keys(skills).length === 0) return null;
    try {
      return tShape(framework, { yearsOfExperience: numberOrUndefined(years) ?? 0, skills });
    } catch {
      return null;
    }
  }, [framework, skills, years]);

  const plan = useMemo(() => {
    if (!framework || hoursError) return null;
    try {
      return learningPlan(
        framework,
        {
          ...(latest?.current
            ? { current: latest.current }
            : stored?.current
              ? { current: stored.current }
              : {}),
          ...(latest ? { ratings: latest.ratings } : {}),
          ...(Object.keys(skills).length > 0
            ? { skills, yearsOfExperience: numberOrUndefined(years) ?? 0 }
            : {}),
        },
        hoursNumber!,
      );
    } catch (error) {
      return error instanceof Error ? error : null;
    }
  }, [framework, hoursError, hoursNumber, latest, stored, skills, years]);

  if (fw.isPending || assessments.isPending) return <Loading what="your plan" />;
  const loadError = fw.error ?? assessments.error;
  if (loadError) return <ErrorNotice title="Your data could not be loaded" error={loadError} />;
  const fwk = fw.data!.framework;
  const dirty = JSON.stringify({ years, skills }) !== seeded;

  return (
    <>
      <PageHeader title="Learning plan">
        Your weekly learning hours split 80/15/5: most in the work itself on the gaps to your next level, some
        reading around your T-shape, and a little saved for one or two deep dives a year.
      </PageHeader>
      <UnsavedGuard when={dirty} />
      <div className="grid-2">
        <div>
          <section className="card" aria-labelledby="budget-title">
            <h2 id="budget-title">Your budget</h2>
            <Field label="Hours a week for learning" error={hoursError}>
              <input
                type="text"
                inputMode="decimal"
                value={hours}
                onChange={(e) => setHours(e.target.value)}
              />
            </Field>
            {!latest ? (
              <p className="small muted">
                No assessment yet: <Link to="/assessment">rate yourself</Link> and the applied part fills with
                the gaps to your next level.
              </p>
            ) : (
              <p className="small muted">Gaps from your assessment of {latest.date}.</p>
            )}
          </section>
          <form
            className="card"
            aria-labelledby="skills-title"
            onSubmit={(e) => {
              e.preventDefault();
              if (!profileCheck.ok) return;
              saveProfile.mutate(profileCheck.value, {
                onSuccess: () => setSeeded(JSON.stringify({ years, skills })),
              });
            }}
          >
            <h2 id="skills-title">Your T-shape</h2>
            <p className="small muted">
              Skill per specialisation, {SKILL_MIN} (none) to {SKILL_MAX}; {DEPTH_SKILL}+ is depth,{' '}
              {BREADTH_SKILL}–{DEPTH_SKILL - 1} working breadth.
            </p>
            <Field label="Years of experience" error={yearsError}>
              <input
                type="text"
                inputMode="decimal"
                value={years}
                onChange={(e) => setYears(e.target.value)}
              />
            </Field>
            {fwk.specialisations.map((s) => (
              <Field key={s.id} label={`${s.name}: ${skills[s.id] ?? 0}`}>
                <input
                  type="range"
                  min={SKILL_MIN}
                  max={SKILL_MAX}
                  step={1}
                  value={skills[s.id] ?? 0}
                  onChange={(e) => setSkills({ ...skills, [s.id]: Number(e.target.value) })}
                />
              </Field>
            ))}
            <ErrorNotice error={saveProfile.error} title="Your profile was not saved" />
            <div className="actions">
              <SaveButton
                label="Save to my profile"
                pending={saveProfile.isPending}
                saved={!dirty && saveProfile.isSuccess}
                disabled={!profileCheck.ok}
              />
            </div>
          </form>
        </div>
        <div>
          {shape ? (
            <section className="card" aria-labelledby="shape-title">
              <h2 id="shape-title">
                Shape: {shape.shape} <span className="muted small">({shape.stage} stage)</span>
              </h2>
              <p className="small">{shape.stageText}</p>
              <ChartFrame caption="Skill per specialisation against the depth and breadth thresholds.">
                <TShapeBars
                  data={fwk.specialisations.map((s) => ({ name: s.name, skill: skills[s.id] ?? 0 }))}
                  depth={DEPTH_SKILL}
                  breadth={BREADTH_SKILL}
                />
              </ChartFrame>
              {shape.risks.length > 0 ? (
                <>
                  <h3>Risks</h3>
                  <ul>
                    {shape.risks.map((r) => (
                      <li key={r.code}>{r.text}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
          ) : (
            <EmptyState title="Rate your specialisations">
              <p>
                Move the sliders to say how deep you are in each specialisation; the T-shape and the adjacent
                and deep parts of the plan follow.
              </p>
            </EmptyState>
          )}
          <section className="card" aria-labelledby="plan-title">
            <h2 id="plan-title">The plan</h2>
            {plan instanceof Error ? (
              <ErrorNotice error={plan} title="No plan yet" />
            ) : plan ? (
              <>
                <p>
                  {plan.hoursPerWeek} hours a week
                  {plan.target
                    ? `, growing toward ${fwk.levels.find((l) => l.id === plan.target)?.title ?? plan.target}`
                    : ''}
                  .
                </p>
                <h3>Applied, in the work: {plan.split.applied.hoursPerWeek} h/week</h3>
                {plan.applied.length === 0 ? (
                  <p className="muted small">No gaps to close: rate yourself on the assessment page.</p>
                ) : null}
                <ul>
                  {plan.applied.map((i) => (
                    <li key={i.title}>
                      <strong>{i.title}</strong> ({i.minutesPerWeek} min/week):{' '}
                      <span className="small">{i.why}</span>
                    </li>
                  ))}
                </ul>
                <h3>Adjacent reading: {plan.split.adjacent.hoursPerWeek} h/week</h3>
                <ul>
                  {plan.adjacent.map((i) => (
                    <li key={i.title}>
                      <strong>{i.title}</strong> ({i.minutesPerWeek} min/week):{' '}
                      <span className="small">{i.why}</span>
                    </li>
                  ))}
                </ul>
                <h3>Deep dives: {plan.split.deep.hoursPerYear} h/year</h3>
                <ul>
                  {plan.deep.map((i) => (
                    <li key={i.title}>
                      <strong>{i.title}</strong> ({i.hoursPerYear} h/year):{' '}
                      <span className="small">{i.why}</span>
                    </li>
                  ))}
                </ul>
                <h3>Principles</h3>
                <ul className="small">
                  {plan.principles.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        </div>
      </div>
    </>
  );
}
