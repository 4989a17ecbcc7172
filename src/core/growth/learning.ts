import { z } from 'zod';
import { assess, checkAssessment, evaluateLevel, type Gap } from '../assessment/evaluate.js';
import { assessmentSchema } from '../assessment/schema.js';
import { findLevel } from '../framework/lookup.js';
import { rulesFor } from '../framework/rules.js';
import type { Framework } from '../framework/schema.js';
import { didYouMean, type SourceDocument } from '../input/document.js';
import type { Problem } from '../problems.js';
import { checkTShapeInput, tShape, tShapeInputSchema, type TShape } from './tshape.js';

/**
 * The sustainable learning split: most learning happens in the work itself, some in reading around
 * it, and a little in deep dives once or twice a year.
 */
export const LEARNING_SPLIT = { applied: 0.8, adjacent: 0.15, deep: 0.05 } as const;
const WEEKS_PER_YEAR = 52;
/** A plan with more than a few threads per bucket is a wish list, not a plan. */
const MAX_APPLIED = 3;
const MAX_ADJACENT = 2;

/** The learning plan file: an assessment and a T-shape, either of which may be left out. */
export const learningInputSchema = z.strictObject({
  ...assessmentSchema.shape,
  ratings: assessmentSchema.shape.ratings.optional(),
  target: z.string().min(1).optional().describe('The level to grow toward; the next level up by default.'),
  yearsOfExperience: tShapeInputSchema.shape.yearsOfExperience.optional(),
  skills: tShapeInputSchema.shape.skills.optional(),
});
export type LearningInput = z.infer<typeof learningInputSchema>;

export interface LearningItem {
  title: string;
  why: string;
  minutesPerWeek: number;
  hoursPerWeek: number;
  competency?: string;
  specialisation?: string;
}

export interface DeepItem {
  title: string;
  why: string;
  /** The deep budget of a whole year, spent in one or two blocks rather than weekly. */
  hoursPerYear: number;
  specialisation?: string;
  competency?: string;
}

export interface LearningPlan {
  hoursPerWeek: number;
  target: string | null;
  split: {
    applied: { share: number; hoursPerWeek: number };
    adjacent: { share: number; hoursPerWeek: number };
    deep: { share: number; hoursPerWeek: number; hoursPerYear: number };
  };
  applied: LearningItem[];
  adjacent: LearningItem[];
  deep: DeepItem[];
  tShape: Pick<TShape, 'stage' | 'shape'> | null;
  principles: string[];
}

const principles = [
  'Fundamentals before frameworks: HTTP, databases, operating systems and networking outlast any framework.',
  'Learn a technology when companies hire for it and production depends on it, not when it first trends.',
  'You need not be the expert in everything your team uses: lean on the people who are.',
];

/** Semantic checks of a learning plan input: the level ids, ratings and specialisations it names. */
export function checkLearningInput(
  framework: Framework,
  input: LearningInput,
  problem: SourceDocument['problem'],
): Problem[] {
  const problems = checkAssessment(
    framework,
    { ...input, ratings: input.ratings ?? {} },
    (path, message, code) => problem(path, message, code),
  );
  if (input.target !== undefined && !framework.levels.some((l) => l.id === input.target)) {
    const ids = framework.levels.map((l) => l.id);
    problems.push(
      problem(
        ['target'],
        `unknown level "${input.target}"${didYouMean(input.target, ids)}`,
        'unknown-reference',
      ),
    );
  }
  if (input.skills !== undefined) {
    const shape = { yearsOfExperience: input.yearsOfExperience ?? 0, skills: input.skills };
    for (const p of checkTShapeInput(framework, shape))
      problems.push(problem(p.path, p.message, p.code, 'error', 'key'));
  }
  return problems;
}

/** Spreads whole minutes over n items as evenly as possible; the first items take the remainder. */
function spread(minutes: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.floor(minutes / n) + (i < minutes % n ? 1 : 0));
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * Weekly hours → the 80/15/5 plan, filled with items from the assessment's gaps toward the target
 * level (applied, in the work itself) and from the T-shape (adjacent reading, deep investment).
 * Minutes are whole numbers so that the buckets always add up to the hours given.
 */
export function learningPlan(framework: Framework, input: LearningInput, hoursPerWeek: number): LearningPlan {
  const total = Math.round(hoursPerWeek * 60);
  const appliedMinutes = Math.round(total * LEARNING_SPLIT.applied);
  const adjacentMinutes = Math.round(total * LEARNING_SPLIT.adjacent);
  const deepMinutes = total - appliedMinutes - adjacentMinutes;

  const gaps = targetGaps(framework, input);
  const shape =
    input.skills !== undefined
      ? tShape(framework, { yearsOfExperience: input.yearsOfExperience ?? 0, skills: input.skills })
      : null;

  // Applied: close the gaps through the work itself, core and furthest first.
  const appliedSources: Omit<LearningItem, 'minutesPerWeek' | 'hoursPerWeek'>[] = gaps.gaps
    .slice(0, MAX_APPLIED)
    .map((gap) => ({
      title: `Take on work that stretches ${gap.name.toLowerCase()}`,
      why: `${gaps.target ? `${titleOf(framework, gaps.target)} expects` : 'Expected'} ${gap.need}, ${gap.have === null ? 'not rated yet' : `you are at ${gap.have}`}${gap.text ? `: ${gap.text}` : ''}`,
      competency: gap.competency,
    }));
  if (appliedSources.length === 0) {
    const deepen = shape?.suggestions.find((s) => s.code === 'deepen' || s.code === 'choose-depth');
    appliedSources.push({
      title: deepen
        ? `Go deeper in ${nameOf(framework, deepen.specialisations[0])} through the projects you take on`
        : 'Volunteer for the project that stretches you most',
      why: deepen?.text ?? 'No gap stands out: keep growing where the work is hardest, with real stakes.',
      ...(deepen?.specialisations[0] ? { specialisation: deepen.specialisations[0] } : {}),
    });
  }

  // Adjacent: breadth next to the depth (the framework's neighbours of it, never the depth itself),
  // from the T-shape; otherwise follow the field broadly.
  const adjacentSources: Omit<LearningItem, 'minutesPerWeek' | 'hoursPerWeek'>[] = [];
  const depthIds = new Set(shape?.depth.map((d) => d.id) ?? []);
  const neighbours = neighboursOf(framework, [...depthIds]);
  const fits = (id: string) => !depthIds.has(id) && (depthIds.size === 0 || neighbours.includes(id));
  const suggested = (shape?.suggestions ?? []).filter((s) =>
    ['broaden-adjacent', 'differentiate', 'premium-adjacent', 'explore'].includes(s.code),
  );
  // With the neighbours already at working knowledge, the least known of them is still the one to read about.
  const fallback = {
    text: `Next to ${[...depthIds].map((id) => nameOf(framework, id)).join(' and ')}: knowing the neighbours keeps you able to collaborate across the boundary and to pivot.`,
    specialisations: [...neighbours].sort((a, b) => (input.skills?.[a] ?? 0) - (input.skills?.[b] ?? 0)),
  };
  for (const suggestion of depthIds.size > 0 ? [...suggested, fallback] : suggested) {
    for (const id of suggestion.specialisations) {
      if (
        !fits(id) ||
        adjacentSources.length >= MAX_ADJACENT ||
        adjacentSources.some((a) => a.specialisation === id)
      )
        continue;
      adjacentSources.push({
        title: `Read and follow ${nameOf(framework, id)}`,
        why: suggestion.text,
        specialisation: id,
      });
    }
  }
  if (adjacentSources.length === 0) {
    adjacentSources.push({
      title: 'Follow the field: a newsletter, a podcast on the commute, a meetup or conference now and then',
      why: 'Know the landscape without diving into everything.',
    });
  }

  // Deep: one or two concentrated blocks a year on what matters most for the next few years.
  const move = shape?.suggestions.find((s) => s.code === 'move-depth' || s.code === 'choose-depth');
  const topGap = gaps.gaps[0];
  const deepSources: Omit<DeepItem, 'hoursPerYear'>[] = [];
  if (move?.specialisations[0]) {
    deepSources.push({
      title: `A course or side project in ${nameOf(framework, move.specialisations[0])}`,
      why: move.text,
      specialisation: move.specialisations[0],
    });
  }
  if (topGap) {
    const competency = framework.competencies.find((c) => c.id === topGap.competency);
    deepSources.push({
      title:
        competency?.deepDive ??
        `A deep dive on ${topGap.name.toLowerCase()}: a course, a book or an open-source contribution`,
      why: `The largest gap to ${gaps.target ? titleOf(framework, gaps.target) : 'the next level'}.`,
      competency: topGap.competency,
    });
  }
  if (deepSources.length === 0) {
    deepSources.push({
      title: 'Build something in a domain new to you, or contribute to an open-source project there',
      why: 'Periodic deep dives prevent stagnation without burning you out.',
    });
  }
  const deep = deepSources.slice(0, 2);
  const deepYear = spread(deepMinutes * WEEKS_PER_YEAR, deep.length);

  const weekly = (
    sources: Omit<LearningItem, 'minutesPerWeek' | 'hoursPerWeek'>[],
    minutes: number,
  ): LearningItem[] => {
    const shares = spread(minutes, sources.length);
    return sources.map((s, i) => ({ ...s, minutesPerWeek: shares[i]!, hoursPerWeek: hours(shares[i]!) }));
  };

  return {
    hoursPerWeek,
    target: gaps.target,
    split: {
      applied: { share: LEARNING_SPLIT.applied, hoursPerWeek: hours(appliedMinutes) },
      adjacent: { share: LEARNING_SPLIT.adjacent, hoursPerWeek: hours(adjacentMinutes) },
      deep: {
        share: LEARNING_SPLIT.deep,
        hoursPerWeek: hours(deepMinutes),
        hoursPerYear: hours(deepMinutes * WEEKS_PER_YEAR),
      },
    },
    applied: weekly(appliedSources, appliedMinutes),
    adjacent: weekly(adjacentSources, adjacentMinutes),
    deep: deep.map((d, i) => ({ ...d, hoursPerYear: hours(deepYear[i]!) })),
    tShape: shape ? { stage: shape.stage, shape: shape.shape } : null,
    principles,
  };
}

/** The gaps toward the target (the named level, else the next one up), most pressing first. */
function targetGaps(framework: Framework, input: LearningInput): { target: string | null; gaps: Gap[] } {
  const ratings = input.ratings ?? {};
  const target =
    input.target ??
    assess(framework, { ...input, ratings }).next.find((n) => n.relation === 'up')?.level ??
    null;
  if (target === null || input.ratings === undefined) return { target, gaps: [] };
  const level = findLevel(framework, target);
  const { gaps } = evaluateLevel(framework, level, ratings);
  // Gaps in a group the level's rule insists on block the promotion outright: they come first.
  const insisted = new Set(Object.keys(rulesFor(level, framework.promotionRules)[0]?.minMetPerGroup ?? {}));
  const group = new Map(framework.competencies.map((c) => [c.id, c.group]));
  const weight = (g: Gap) => (insisted.has(group.get(g.competency) ?? '') ? 2 : 0) + (g.core ? 1 : 0);
  return {
    target,
    gaps: [...gaps].sort((a, b) => weight(b) - weight(a) || (b.steps ?? 99) - (a.steps ?? 99)),
  };
}

function titleOf(framework: Framework, id: string): string {
  return framework.levels.find((l) => l.id === id)?.title ?? id;
}

/** The specialisations the framework lists as bordering any of `ids`, in order, without `ids` themselves. */
function neighboursOf(framework: Framework, ids: string[]): string[] {
  const all = ids.flatMap((id) => framework.specialisations.find((s) => s.id === id)?.adjacent ?? []);
  return [...new Set(all)].filter((id) => !ids.includes(id));
}

function nameOf(framework: Framework, id: string | undefined): string {
  return framework.specialisations.find((s) => s.id === id)?.name ?? id ?? 'your specialisation';
}
