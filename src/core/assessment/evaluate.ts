import { findLevel } from '../framework/lookup.js';
import { coreOnTrack, rulesFor, scaleOf } from '../framework/rules.js';
import type { Competency, Framework, Level, PromotionRule } from '../framework/schema.js';
import { describeRule } from '../framework/view.js';
import { didYouMean, hinter } from '../input/suggest.js';
import type { Path, Problem } from '../problems.js';
import { evaluatePointsLevel, pointsSummary, type PointsSummary } from './points.js';
import type { Assessment } from './schema.js';
import { levelVerdict } from './verdict.js';
import { own } from '../names.js';

export interface Gap {
  competency: string;
  name: string;
  /** The rating held; null when the competency was not rated. */
  have: number | null;
  need: number;
  /** How many rating steps short; null when not rated. */
  steps: number | null;
  core: boolean;
  /** The expectation to aim at. */
  text: string;
}

export interface LevelVerdict {
  level: string;
  title: string;
  track: string;
  band: number;
  /** Whether the ratings meet the level under its promotion rule. */
  holds: boolean;
  rule: string;
  met: number;
  total: number;
  gaps: Gap[];
  explanation: string;
}

/** Ratings per competency, with the scale positions needed to count steps. */
type Ratings = Readonly<Record<string, number>>;

interface PreparedLevel {
  rule: PromotionRule;
  ruleText: string;
  expected: { competency: Competency; core: boolean; need: number; text: string; points: number[] }[];
  coreTotal: number;
}

// What a level asks never changes for a loaded framework: work it out once per level, not per assessment.
const prepared = new WeakMap<Framework, Map<string, PreparedLevel>>();

function prepare(framework: Framework, level: Level): PreparedLevel {
  let levels = prepared.get(framework);
  if (!levels) prepared.set(framework, (levels = new Map()));
  let entry = levels.get(level.id);
  if (!entry) {
    const rule = rulesFor(level, framework.promotionRules)[0]!;
    const expected = framework.competencies.flatMap((competency) => {
      const expectation = own(level.expectations, competency.id);
      if (!expectation) return [];
      const points = scaleOf(competency, framework.scales)?.points.map((p) => p.value) ?? [];
      return [
        {
          competency,
          core: coreOnTrack(competency, level.track),
          need: expectation.rating,
          text: expectation.behaviours.join('; '),
          points,
        },
      ];
    });
    entry = {
      rule,
      ruleText: describeRule(rule).replace(/\.$/, ''),
      expected,
      coreTotal: expected.filter((e) => e.core).length,
    };
    levels.set(level.id, entry);
  }
  return entry;
}

/** Rating steps between two values: positions on the scale, so uneven scales count right. */
function stepsBetween(points: number[], have: number, need: number): number {
  const h = points.indexOf(have);
  const n = points.indexOf(need);
  return h === -1 || n === -1 ? need - have : n - h;
}

/** Judges one level against the ratings under the rule that governs it, and says why. */
export function evaluateLevel(framework: Framework, level: Level, ratings: Ratings): LevelVerdict {
  const { rule, ruleText, expected, coreTotal } = prepare(framework, level);
  if (rule.kind === 'points' && rule.points) {
    return evaluatePointsLevel(framework, level, { ...rule, points: rule.points }, ruleText, ratings);
  }
  const gaps: Gap[] = [];
  const metByGroup = new Map<string, number>();
  let met = 0;
  for (const { competency, core, need, text, points } of expected) {
    const have = own(ratings, competency.id);
    if (have !== undefined && have >= need) {
      met++;
      metByGroup.set(competency.group, (metByGroup.get(competency.group) ?? 0) + 1);
      continue;
    }
    gaps.push({
      competency: competency.id,
      name: competency.name,
      have: have ?? null,
      need,
      steps: have === undefined ? null : stepsBetween(points, have, need),
      core,
      text,
    });
  }

  const reasons: string[] = [];
  let holds = true;
  if (rule.coreMustMeet) {
    const coreGaps = gaps.filter((g) => g.core);
    const tooFar = coreGaps.filter((g) => g.steps === null || g.steps > rule.maxStepsBelow);
    reasons.push(`${coreTotal - coreGaps.length} of ${coreTotal} core competencies meet the expectation`);
    if (coreGaps.length > rule.maxBelow) {
      holds = false;
      reasons.push(
        `${coreGaps.length} fall short (${list(coreGaps)}), more than the ${rule.maxBelow} the rule allows`,
      );
    } else if (tooFar.length > 0) {
      holds = false;
      reasons.push(
        `${list(tooFar)} ${tooFar.length === 1 ? 'is' : 'are'} further short than the ${rule.maxStepsBelow} step${rule.maxStepsBelow === 1 ? '' : 's'} the rule allows`,
      );
    } else if (coreGaps.length > 0) {
      reasons.push(
        `${list(coreGaps)} ${coreGaps.length === 1 ? 'is' : 'are'} short, within the allowance of ${rule.maxBelow}`,
      );
    }
  }
  for (const [group, min] of Object.entries(rule.minMetPerGroup)) {
    const got = metByGroup.get(group) ?? 0;
    const name = framework.groups.find((g) => g.id === group)?.name ?? group;
    if (got < min) holds = false;
    reasons.push(
      `group "${name}" has ${got} competenc${got === 1 ? 'y' : 'ies'} met where the rule asks for ${min}`,
    );
  }
  return levelVerdict(level, rule, ruleText, { holds, met, total: expected.length, gaps, reasons });
}

function list(gaps: Gap[]): string {
  return gaps
    .map((g) =>
      g.have === null
        ? `${g.competency} (not rated, needs ${g.need})`
        : `${g.competency} (${g.have} of ${g.need})`,
    )
    .join(', ');
}

export interface TrackVerdict {
  track: string;
  /** The highest level of the track whose rule the ratings meet; null when none. */
  level: string | null;
  explanation: string;
}

/** The level held, judged: what it needs that the ratings do not yet show. */
export interface HeldVerdict {
  level: string;
  title: string;
  holds: boolean;
  gaps: Gap[];
  explanation: string;
}

export interface AssessmentResult {
  current: string | null;
  /** The level held (`current`) under its rule; null when none is given. */
  held: HeldVerdict | null;
  /** True when the level met on the held level's track is below the level held. */
  belowHeld: boolean;
  level: string | null;
  track: string | null;
  band: number | null;
  explanation: string;
  tracks: TrackVerdict[];
  next: (LevelVerdict & { relation: 'up' | 'across' })[];
  /** Under a points rule: the sum of points and the titles it makes one eligible for. */
  points?: PointsSummary;
}

/** The ladder tracks with their levels in rank order. */
function ladders(framework: Framework): { track: string; levels: Level[] }[] {
  return framework.tracks
    .filter((t) => t.kind === 'ladder')
    .map((t) => ({
      track: t.id,
      levels: framework.levels.filter((l) => l.track === t.id).sort((a, b) => a.rank - b.rank),
    }));
}

/**
 * The level the ratings meet on each track (the highest whose rule holds), and for the next
 * levels, up the same track and across at the same band, how far away they are.
 */
export function assess(framework: Framework, assessment: Assessment): AssessmentResult {
  const tracks = ladders(framework).map(({ track, levels }) => {
    const verdicts = levels.map((level) => evaluateLevel(framework, level, assessment.ratings));
    const best = verdicts.filter((v) => v.holds).at(-1);
    return {
      track,
      best,
      verdict: {
        track,
        level: best?.level ?? null,
        explanation: best
          ? best.explanation
          : `No level of this track is met: ${verdicts[0]?.explanation ?? 'the track has no levels.'}`,
      },
    };
  });

  const current = assessment.current === undefined ? undefined : findLevel(framework, assessment.current);
  // The headline verdict: on the current level's track, or else the highest band met anywhere.
  const headline = current
    ? tracks.find((t) => t.track === current.track)
    : tracks.filter((t) => t.best).sort((a, b) => b.best!.band - a.best!.band)[0];
  const base = current ?? (headline?.best ? findLevel(framework, headline.best.level) : undefined);

  const next: AssessmentResult['next'] = [];
  if (base) {
    const up = framework.levels.find((l) => l.track === base.track && l.rank === base.rank + 1);
    if (up) next.push({ ...evaluateLevel(framework, up, assessment.ratings), relation: 'up' });
    for (const { track, levels } of ladders(framework)) {
      if (track === base.track) continue;
      for (const level of levels.filter((l) => l.band === base.band)) {
        next.push({ ...evaluateLevel(framework, level, assessment.ratings), relation: 'across' });
      }
    }
  }
  const heldVerdict = current ? evaluateLevel(framework, current, assessment.ratings) : undefined;
  const met = headline?.best ? findLevel(framework, headline.best.level) : undefined;
  const belowHeld =
    current !== undefined && !heldVerdict!.holds && (met === undefined || met.rank < current.rank);
  const explanation = headline?.verdict.explanation ?? 'No level is met on any track.';
  return {
    current: current?.id ?? null,
    held: heldVerdict
      ? {
          level: heldVerdict.level,
          title: heldVerdict.title,
          holds: heldVerdict.holds,
          gaps: heldVerdict.gaps,
          explanation: heldVerdict.explanation,
        }
      : null,
    belowHeld,
    level: headline?.best?.level ?? null,
    track: headline?.track ?? null,
    band: headline?.best?.band ?? null,
    // When the ratings fall below the level held, that comes first: it is what the person needs to hear.
    explanation: belowHeld
      ? `Your ratings fall below the ${current!.title} you hold: ${heldVerdict!.explanation} ${explanation}`
      : explanation,
    tracks: tracks.map((t) => t.verdict),
    next,
    ...pointsSummary(framework, assessment.ratings),
  };
}

/**
 * Checks the ids and ratings of an assessment against a framework. It accepts a value the schema
 * has not passed (anything it cannot read is the schema's to report), so that unknown ids and
 * off-scale ratings are reported in the same run as type errors.
 */
export function checkAssessment(
  framework: Framework,
  assessment: { current?: unknown; ratings?: unknown },
  problem: (path: Path, message: string, code: string, severity?: 'error', at?: 'key' | 'value') => Problem,
): Problem[] {
  const problems: Problem[] = [];
  const { current, ratings } = assessment;
  if (typeof current === 'string' && !framework.levels.some((l) => l.id === current)) {
    const role = framework.roles.find((r) => r.id === current);
    const levels = framework.levels.map((l) => l.id);
    problems.push(
      problem(
        ['current'],
        role
          ? `"${current}" is a lateral role (${role.title}), not a level: assessments are made against the levels of a ladder track`
          : `unknown level "${current}"${didYouMean(current, levels)}`,
        'unknown-reference',
      ),
    );
  }
  if (typeof ratings !== 'object' || ratings === null || Array.isArray(ratings)) return problems;
  const byId = new Map(framework.competencies.map((c) => [c.id, c]));
  const hint = hinter(byId.keys());
  for (const [id, rating] of Object.entries(ratings)) {
    const competency = byId.get(id);
    if (!competency) {
      problems.push(
        problem(
          ['ratings', id],
          `unknown competency "${id}"${hint(id)}`,
          'unknown-reference',
          'error',
          'key',
        ),
      );
      continue;
    }
    const values = scaleOf(competency, framework.scales)?.points.map((p) => p.value) ?? [];
    if (Number.isInteger(rating) && !values.includes(rating as number)) {
      problems.push(
        problem(
          ['ratings', id],
          `rating ${String(rating)} is off the scale (${values.join(', ')})`,
          'rating-off-scale',
        ),
      );
    }
  }
  return problems;
}
