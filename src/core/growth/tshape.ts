import { z } from 'zod';
import type { Framework, Specialisation } from '../framework/schema.js';
import { checkSchema, hinter, parseSource, type SourceDocument } from '../input/document.js';
import { DomainError, selfNamed, type Problem } from '../problems.js';
import { own } from '../names.js';

/**
 * The T-shape of a career: depth in one specialisation, working breadth across the others, read
 * against the career stage and the framework's market and obsolescence notes.
 *
 * Skills are rated 0 to 5 per specialisation: 0 none, 1 aware, 2 working knowledge, 3 solid,
 * 4 deep, 5 expert. A specialisation that is not rated counts as 0.
 */

export const SKILL_MIN = 0;
export const SKILL_MAX = 5;
/** A skill at or above this is depth: the vertical bar of the T. */
export const DEPTH_SKILL = 4;
/** A skill at or above this is working knowledge: it counts as breadth. */
export const BREADTH_SKILL = 2;
/** Other specialisations at working knowledge or better needed beside the main depth for a T. */
export const BREADTH_FOR_T = 2;
/** Stage boundaries in years of experience: explore below 5, develop from 5 to below 10, context from 10. */
export const DEVELOP_FROM_YEARS = 5;
export const CONTEXT_FROM_YEARS = 10;

export type Stage = 'explore' | 'develop' | 'context';
/**
 * - `emerging`: fewer than two specialisations at working knowledge and none deep: no shape yet.
 * - `generalist`: no depth, working knowledge in two or more.
 * - `t-shaped`: one deep specialisation and working knowledge in at least two others.
 * - `pi-shaped`: as t-shaped, with two or more deep specialisations.
 * - `over-specialised`: depth, but fewer than two others at working knowledge.
 */
export type Shape = 'emerging' | 'generalist' | 't-shaped' | 'pi-shaped' | 'over-specialised';

export interface TShapeInput {
  yearsOfExperience: number;
  /** Specialisation id → skill, 0 to 5. */
  skills: Record<string, number>;
}

export interface SkillView {
  id: string;
  name: string;
  skill: number;
  market: Specialisation['market']['dynamic'];
  obsolescence: 'low' | 'medium' | 'high' | null;
}

export type RiskCode =
  | 'declining-depth'
  | 'no-breadth'
  | 'early-specialisation'
  | 'no-depth'
  | 'no-adjacent-breadth'
  | 'commoditised-depth'
  | 'obsolescence-watch';

export interface Risk {
  code: RiskCode;
  text: string;
  /** The specialisations the risk is about. */
  specialisations: string[];
}

export type SuggestionCode =
  | 'explore'
  | 'choose-depth'
  | 'deepen'
  | 'differentiate'
  | 'broaden-adjacent'
  | 'move-depth'
  | 'follow-context'
  | 'premium-adjacent'
  | 'market';

export interface Suggestion {
  code: SuggestionCode;
  text: string;
  /** The specialisations to act on, for a learning plan to turn into items. */
  specialisations: string[];
}

export interface TShape {
  yearsOfExperience: number;
  stage: Stage;
  stageText: string;
  shape: Shape;
  /** Deep specialisations (skill ≥ 4), strongest first. */
  depth: SkillView[];
  /** Working knowledge (skill 2–3), strongest first. */
  breadth: SkillView[];
  risks: Risk[];
  suggestions: Suggestion[];
}

export const tShapeInputSchema = z.strictObject({
  yearsOfExperience: z.number().min(0, 'must not be negative').max(70, 'must be at most 70'),
  skills: z.record(
    z.string(),
    z
      .number()
      .min(SKILL_MIN)
      .max(SKILL_MAX)
      .refine(Number.isInteger, {
        error: (issue) =>
          `must be a whole number from ${SKILL_MIN} to ${SKILL_MAX}, got ${String(issue.input)}`,
      }),
  ),
});

export function stageOf(years: number): Stage {
  return years < DEVELOP_FROM_YEARS ? 'explore' : years < CONTEXT_FROM_YEARS ? 'develop' : 'context';
}

const stageTexts: Record<Stage, string> = {
  explore:
    'Early career (under 5 years): stay broad. Try frontend, backend, infrastructure, mobile and data work to find what excites you and where you are strong; early breadth is what later depth stands on.',
  develop:
    'Mid career (5 to 10 years): develop the T. Pick one area to go deep in and build a reputation there, while keeping working knowledge of its neighbours so you can collaborate across them.',
  context:
    'Senior career (10 years or more): let context guide you. Some go deeper still and become the expert in a narrow field; others broaden into architecture and technical leadership that tie many areas together. Both are sound.',
};

/**
 * Problems with an input against a framework's specialisations, located by path; a file reader
 * turns the paths into lines and columns.
 */
export function checkTShapeInput(framework: Framework, input: unknown): Problem[] {
  const parsed = tShapeInputSchema.safeParse(input);
  const problems: Problem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        severity: 'error',
        code: 'invalid-value',
        message: issue.message,
        path: issue.path as (string | number)[],
      }));
  return [...problems, ...unknownSkills(framework, input)];
}

function unknownSkills(framework: Framework, input: unknown): Problem[] {
  const skills = (input as { skills?: unknown } | null)?.skills;
  if (skills === null || typeof skills !== 'object' || Array.isArray(skills)) return [];
  const ids = framework.specialisations.map((s) => s.id);
  const known = new Set(ids);
  const hint = hinter(ids);
  return Object.keys(skills)
    .filter((id) => !known.has(id))
    .map((id) => ({
      severity: 'error' as const,
      code: 'unknown-reference',
      message: `unknown specialisation "${id}"${hint(id)}; known: ${ids.join(', ')}`,
      path: ['skills', id],
    }));
}

/** Parses a T-shape file (YAML or JSON) and checks it against the framework, every problem located. */
export function parseTShapeFile(text: string, file: string, framework: Framework): TShapeInput {
  const source: SourceDocument = parseSource(text, file);
  if (source.syntaxProblems.length > 0)
    throw new DomainError('invalid-input', 'invalid T-shape file', source.syntaxProblems);
  const value = source.value;
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value))
    throw new DomainError('invalid-input', 'invalid T-shape file', [
      selfNamed(
        source.problem(
          [],
          'a T-shape file is a mapping: yearsOfExperience: <years>, skills: { <specialisation id>: 0..5 }',
          'not-a-mapping',
        ),
      ),
    ]);
  const checked = checkSchema(source, tShapeInputSchema);
  const problems = [
    ...checked.problems,
    ...unknownSkills(framework, value).map((p) => source.problem(p.path, p.message, p.code, 'error', 'key')),
  ];
  if (problems.length > 0 || checked.value === undefined)
    throw new DomainError('invalid-input', 'invalid T-shape file', problems);
  return checked.value;
}

/** The T-shape of a person against a framework. Throws a DomainError listing every input problem. */
export function tShape(framework: Framework, input: TShapeInput, file?: string): TShape {
  const problems = checkTShapeInput(framework, input);
  // `file` names where the input was read from (the stored profile), as data on each problem.
  if (problems.length > 0)
    throw new DomainError(
      'invalid-input',
      'invalid T-shape input',
      file === undefined ? problems : problems.map((p) => ({ ...p, file })),
    );
  if (framework.specialisations.length === 0)
    throw new DomainError('invalid-input', `framework "${framework.id}" lists no specialisations`);

  const years = input.yearsOfExperience;
  const stage = stageOf(years);
  // Strongest first; the framework's order breaks ties, so the result does not depend on key order.
  const views: SkillView[] = framework.specialisations
    .map((s) => ({
      id: s.id,
      name: s.name,
      skill: own(input.skills, s.id) ?? 0,
      market: s.market.dynamic,
      obsolescence: s.obsolescence?.risk ?? null,
    }))
    .sort((a, b) => b.skill - a.skill);
  const depth = views.filter((v) => v.skill >= DEPTH_SKILL);
  const breadth = views.filter((v) => v.skill >= BREADTH_SKILL && v.skill < DEPTH_SKILL);
  // Breadth beside the main depth: every other specialisation at working knowledge, deep ones included.
  const others = Math.max(0, depth.length - 1) + breadth.length;
  const shape: Shape =
    depth.length === 0
      ? breadth.length >= BREADTH_FOR_T
        ? 'generalist'
        : 'emerging'
      : others < BREADTH_FOR_T
        ? 'over-specialised'
        : depth.length >= 2
          ? 'pi-shaped'
          : 't-shaped';

  const context: Context = { framework, views, depth, breadth, stage, shape };
  return {
    yearsOfExperience: years,
    stage,
    stageText: stageTexts[stage],
    shape,
    depth,
    breadth,
    risks: risksOf(context),
    suggestions: suggestionsOf(context),
  };
}

interface Context {
  framework: Framework;
  views: SkillView[];
  depth: SkillView[];
  breadth: SkillView[];
  stage: Stage;
  shape: Shape;
}

/** "A", "A and B", "A, B and C"; semicolons when a name holds a comma or "and" itself. */
const names = (views: SkillView[]) => {
  const all = views.map((v) => v.name);
  if (all.some((name) => /,| and /.test(name))) return all.join('; ');
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
};
const ids = (views: SkillView[]) => views.map((v) => v.id);

function specialisation(framework: Framework, id: string): Specialisation | undefined {
  return framework.specialisations.find((s) => s.id === id);
}

const riskOrder = { low: 0, medium: 1, high: 2 } as const;

/** Specialisations adjacent to any of `around`, not yet at working knowledge, lowest risk first. */
function adjacentGaps(context: Context, around: SkillView[]): SkillView[] {
  const adjacent = new Set(around.flatMap((v) => specialisation(context.framework, v.id)?.adjacent ?? []));
  return context.views
    .filter((v) => adjacent.has(v.id) && v.skill < BREADTH_SKILL)
    .sort((a, b) => riskOrder[a.obsolescence ?? 'low'] - riskOrder[b.obsolescence ?? 'low']);
}

function risksOf(context: Context): Risk[] {
  const { depth, stage, shape, framework } = context;
  const risks: Risk[] = [];
  if (depth.length > 0 && depth.every((v) => v.obsolescence === 'high')) {
    const examples = depth.flatMap((v) => specialisation(framework, v.id)?.obsolescence?.examples ?? []);
    risks.push({
      code: 'declining-depth',
      text: `All of your depth is in ${names(depth)}, where the framework rates the risk of obsolescence high${examples.length > 0 ? ` (think of ${examples.join(', ')})` : ''}. Engineers who bet everything on a technology the industry left behind saw their skills lose value.`,
      specialisations: ids(depth),
    });
  }
  if (shape === 'over-specialised') {
    risks.push({
      code: 'no-breadth',
      text: `Beside ${names(depth.slice(0, 1))}, fewer than ${BREADTH_FOR_T} specialisations are at working knowledge (${BREADTH_SKILL}+): there is little breadth to pivot on when technologies change.`,
      specialisations: ids(depth),
    });
    if (stage === 'explore')
      risks.push({
        code: 'early-specialisation',
        text: 'Narrowing this early trades away the broad foundation that later depth stands on; the first five years are the cheapest time to explore.',
        specialisations: ids(depth),
      });
  }
  if (stage === 'develop' && depth.length === 0)
    risks.push({
      code: 'no-depth',
      text: `Between 5 and 10 years is when a depth area is built, and none of your skills is at ${DEPTH_SKILL} or above yet.`,
      specialisations: [],
    });
  if (stage !== 'explore' && depth.length > 0 && shape !== 'over-specialised') {
    const hasNeighbours = depth.some((v) => (specialisation(framework, v.id)?.adjacent ?? []).length > 0);
    if (hasNeighbours && !hasAdjacentBreadth(context))
      risks.push({
        code: 'no-adjacent-breadth',
        text: `Your breadth lies away from ${names(depth)}: none of its neighbouring specialisations is at working knowledge, which makes collaborating across that boundary, and pivoting to a neighbour, harder.`,
        specialisations: ids(depth),
      });
  }
  // Any depth at medium risk or more is worth watching, with the framework's examples; breadth is cheap to move.
  const declined = new Set(risks.some((r) => r.code === 'declining-depth') ? ids(depth) : []);
  const watched = depth.filter(
    (v) => !declined.has(v.id) && (v.obsolescence === 'medium' || v.obsolescence === 'high'),
  );
  for (const view of watched) {
    const examples = specialisation(framework, view.id)?.obsolescence?.examples ?? [];
    risks.push({
      code: 'obsolescence-watch',
      text: `${view.name} carries a ${view.obsolescence} risk of obsolescence${examples.length > 0 ? `: think of ${examples.join(', ')}, once in demand and now left behind` : ''}. Keep the fundamentals under it current and follow where its tools are heading.`,
      specialisations: [view.id],
    });
  }
  if (depth.length > 0 && depth.every((v) => v.market === 'commoditised'))
    risks.push({
      code: 'commoditised-depth',
      text: `${names(depth)} is commoditised: always in demand, but with plenty of competition and a thin pay premium.`,
      specialisations: ids(depth),
    });
  return risks;
}

function suggestionsOf(context: Context): Suggestion[] {
  const { depth, breadth, stage, shape, views, framework } = context;
  const out: Suggestion[] = [];
  const main = depth[0];
  if (stage === 'explore') {
    // Declining areas last: exploring is for finding a future, not a past.
    const untried = views
      .filter((v) => v.skill < BREADTH_SKILL)
      .sort((a, b) => riskOrder[a.obsolescence ?? 'low'] - riskOrder[b.obsolescence ?? 'low'])
      .slice(0, 3);
    if (untried.length > 0)
      out.push({
        code: 'explore',
        text: `Take on work in ${names(untried)}: you are rated below working knowledge there, and these years are the time to find out what suits you.`,
        specialisations: ids(untried),
      });
  }
  if (stage !== 'explore' && depth.length === 0) {
    const strongest = views.filter((v) => v.skill === views[0]?.skill && v.skill > 0);
    out.push({
      code: 'choose-depth',
      text:
        stage === 'develop'
          ? `Choose a depth area and invest in it heavily.${strongest.length > 0 ? ` Your strongest today: ${names(strongest)}.` : ''}`
          : `Decide whether context calls for depth or breadth; if depth, your strongest today is ${names(strongest) || 'none yet'}. Staying broad suits an architecture or technical leadership path.`,
      specialisations: ids(strongest),
    });
  }
  // A commoditised depth pays little for more of the same: differentiate next to it instead.
  if (main && stage === 'develop' && main.skill < 5 && main.market !== 'commoditised')
    out.push({
      code: 'deepen',
      text: `Keep investing in ${main.name} until you are known for it.`,
      specialisations: [main.id],
    });
  if (main && stage !== 'explore' && main.market === 'commoditised') {
    const neighbours = (specialisation(framework, main.id)?.adjacent ?? []).filter(
      (id) => specialisation(framework, id)?.market.dynamic !== 'commoditised',
    );
    out.push({
      code: 'differentiate',
      text: `${main.name} is commoditised, so more of the same earns little: build a second depth that sets you apart${neighbours.length > 0 ? `, next to it in ${names(views.filter((v) => neighbours.includes(v.id)))}` : ''}.`,
      specialisations: neighbours,
    });
  }
  if (main && (shape === 'over-specialised' || stage !== 'explore')) {
    const gaps = adjacentGaps(context, depth).slice(0, 2);
    if (gaps.length > 0 && (shape === 'over-specialised' || !hasAdjacentBreadth(context)))
      out.push({
        code: 'broaden-adjacent',
        text: `Build working knowledge (${BREADTH_SKILL}+) in ${names(gaps)}, next to ${main.name}: it keeps you able to collaborate across the boundary and gives you somewhere to pivot.`,
        specialisations: ids(gaps),
      });
  }
  const declining = depth.filter((v) => v.obsolescence === 'high');
  if (declining.length > 0) {
    const safer = adjacentGaps(context, declining)
      .concat(breadth)
      .filter((v) => v.obsolescence !== 'high')
      .slice(0, 2);
    out.push({
      code: 'move-depth',
      text: `Start moving depth from ${names(declining)} towards ${safer.length > 0 ? names(safer) : 'a specialisation with a lower risk of obsolescence'}; the fundamentals you built carry over.`,
      specialisations: ids(safer),
    });
  }
  if (stage === 'context' && main)
    out.push({
      code: 'follow-context',
      text: `With ${main.name} as your depth, either go further and become the reference in a narrow part of it, or broaden into architecture and technical leadership across ${names(breadth.slice(0, 3)) || 'several areas'}. Let the role you want decide.`,
      specialisations: [main.id],
    });
  // A premium neighbour of the main depth is the cheapest way to a better-paid second depth.
  if (main && stage !== 'explore') {
    const premium = views.filter(
      (v) =>
        v.market === 'premium' &&
        v.skill < DEPTH_SKILL &&
        (specialisation(framework, main.id)?.adjacent ?? []).includes(v.id),
    );
    if (premium.length > 0)
      out.push({
        code: 'premium-adjacent',
        text: `${names(premium)}, next to ${main.name}, ${premium.length === 1 ? 'is' : 'are'} paid a premium: a second depth there builds on what you know.`,
        specialisations: ids(premium),
      });
  }
  // Market notes for where the person is deep (or strongest); declining areas have move-depth instead.
  const marketViews = (depth.length > 0 ? depth : breadth.slice(0, 1)).filter(
    (v) => v.obsolescence !== 'high',
  );
  for (const view of marketViews) {
    const spec = specialisation(framework, view.id);
    const premium = spec?.market.premium;
    const note =
      spec?.market.dynamic === 'premium' && premium
        ? `pays a premium of ${Math.round(premium.min * 100)}-${Math.round(premium.max * 100)}%${premium.over ? ` over ${specialisation(framework, premium.over)?.name ?? premium.over}` : ''}${premium.year ? ` (${premium.year})` : ''}`
        : marketWords[spec?.market.dynamic ?? 'core'];
    out.push({
      code: 'market',
      text: `${view.name} ${note}.${spec?.market.notes[0] ? ` ${spec.market.notes[0]}` : ''}`,
      specialisations: [view.id],
    });
  }
  return out;
}

const marketWords: Record<Specialisation['market']['dynamic'], string> = {
  premium: 'is in short supply and paid a premium',
  core: 'is a core specialisation with steady demand',
  commoditised: 'is commoditised: much demand, more competition, thin premiums',
  niche: 'is a niche: narrow, but a defensible position for a real expert',
};

function hasAdjacentBreadth(context: Context): boolean {
  const adjacent = new Set(
    context.depth.flatMap((v) => specialisation(context.framework, v.id)?.adjacent ?? []),
  );
  return [...context.depth.slice(1), ...context.breadth].some((v) => adjacent.has(v.id));
}
