import {
  answerLabels,
  beliefQuestions,
  preferenceQuestions,
  type MisconceptionId,
  type Question,
  type Track,
} from './questions.js';
import { own } from '../names.js';

/**
 * Scoring of the IC-or-manager questionnaire.
 *
 * Each scored answer contributes (answer − 3), positive for a question leaning management and
 * negative for one leaning IC; the score is the mean of the contributions, rounded to two decimals,
 * so it lies in [−2, 2]. A score above +0.5 leans management, below −0.5 leans IC, anything in
 * between is undecided. 0.5 is half a step on the answer scale: on average, a mild "agree" on one
 * side that is not cancelled by the other.
 */
export const LEAN_THRESHOLD = 0.5;

export type Lean = Track | 'undecided';

/** Question id → answer, 1 to 5. */
export type Answers = Record<string, number>;

export interface Reason {
  question: string;
  answer: number;
  /** Which way this answer pulls: agreeing with an IC question, or disagreeing with a management one, pulls to IC. */
  towards: Track;
  /** How hard it pulls: 1 or 2 steps away from "neither". */
  strength: number;
  text: string;
}

export interface Misconception {
  id: MisconceptionId;
  belief: string;
  correction: string;
}

export interface Experiment {
  id: ExperimentId;
  text: string;
  /** The questions whose answers the experiment puts to the test. */
  tests: string[];
  why: string;
}

export interface FitResult {
  lean: Lean;
  score: number;
  reasons: Reason[];
  misconceptions: Misconception[];
  experiments: Experiment[];
}

const misconceptionText: Record<MisconceptionId, Omit<Misconception, 'id'>> = {
  'management-is-a-promotion': {
    belief: 'Management is a promotion from the IC track.',
    correction:
      'On a well-built dual-track ladder the two tracks run side by side: a staff engineer and an engineering manager at the same level have the same seniority and comparable pay. Moving to management is a change of job, not a step up.',
  },
  'no-way-back': {
    belief: 'Once you become a manager, you cannot go back.',
    correction:
      'Plenty of engineers have moved between the tracks more than once, and each track makes them better at the other. Trying management is a reversible experiment, not a one-way door.',
  },
  'managers-earn-more': {
    belief: 'Managers earn more than individual contributors.',
    correction:
      'At senior levels this is often untrue: staff and principal engineers at large tech companies often earn $400k to $800k or more in total compensation, as much as director-level managers or more.',
  },
};

type ExperimentId = 'lead-without-authority' | 'mentor-junior' | 'shadow-manager' | 'acting-manager';

interface ExperimentSpec {
  id: ExperimentId;
  text: string;
  tests: string[];
  /** Shows the manager's job as it is, which separates liking the work from liking the title. */
  showsTheJob: boolean;
  /** Also builds staff-plus IC skills, so it is worth doing whichever track wins. */
  servesIc: boolean;
}

// In the order the decision framework lists them; ties in relevance keep this order.
const experimentSpecs: readonly ExperimentSpec[] = [
  {
    id: 'lead-without-authority',
    text: 'Lead a project that coordinates several people, or several teams, without any formal authority over them.',
    tests: ['multiply', 'people-problems', 'ambiguity'],
    showsTheJob: false,
    servesIc: true,
  },
  {
    id: 'mentor-junior',
    text: 'Mentor a junior engineer for six months and notice whether the coaching itself rewards you.',
    tests: ['growing-others'],
    showsTheJob: false,
    servesIc: true,
  },
  {
    id: 'shadow-manager',
    text: 'Shadow a manager for a week, sitting in on their one-to-ones and planning meetings.',
    tests: ['calendar', 'team-strategy'],
    showsTheJob: true,
    servesIc: false,
  },
  {
    id: 'acting-manager',
    text: "Act as the team's manager while your manager is on leave or between roles.",
    tests: ['people-problems', 'team-strategy', 'ambiguity', 'calendar', 'growing-others'],
    showsTheJob: true,
    servesIc: false,
  },
];

const NEUTRAL = 3;
const BELIEF_HELD = 4;

function sign(question: Question): 1 | -1 {
  return question.leans === 'management' ? 1 : -1;
}

/** Scores complete, valid answers (see `checkAnswers`). */
export function scoreFit(answers: Answers): FitResult {
  const contributions = preferenceQuestions.map((question) => {
    const answer = own(answers, question.id) ?? NEUTRAL;
    return { question, answer, pull: (answer - NEUTRAL) * sign(question) };
  });
  const mean = contributions.reduce((sum, c) => sum + c.pull, 0) / contributions.length;
  const score = Math.round(mean * 100) / 100 || 0;
  const lean: Lean = score > LEAN_THRESHOLD ? 'management' : score < -LEAN_THRESHOLD ? 'ic' : 'undecided';

  const reasonOf = (c: (typeof contributions)[number]): Reason => {
    const towards: Track = c.pull > 0 ? 'management' : 'ic';
    const verb = c.answer > NEUTRAL ? 'agree' : 'disagree';
    const how = Math.abs(c.answer - NEUTRAL) === 2 ? `strongly ${verb}` : verb;
    return {
      question: c.question.id,
      answer: c.answer,
      towards,
      strength: Math.abs(c.pull),
      text: `You ${how} (${c.answer}) that "${c.question.text}" This points to ${towards === 'ic' ? 'the IC track' : 'management'}.`,
    };
  };
  // Strongest first; the sort is stable, so equal pulls keep the questionnaire's order.
  const pulling = contributions
    .filter((c) => c.pull !== 0)
    .sort((a, b) => Math.abs(b.pull) - Math.abs(a.pull));
  let reasons: Reason[];
  if (lean === 'undecided') {
    // Undecided: show the strongest pulls each way, which is what cancelled out.
    reasons = [
      ...pulling.filter((c) => c.pull > 0).slice(0, 2),
      ...pulling.filter((c) => c.pull < 0).slice(0, 2),
    ].map(reasonOf);
  } else {
    const direction = lean === 'management' ? 1 : -1;
    reasons = pulling.filter((c) => Math.sign(c.pull) === direction).map(reasonOf);
  }

  return {
    lean,
    score,
    reasons,
    misconceptions: misconceptionsFor(answers, lean),
    experiments: experimentsFor(answers, lean),
  };
}

function holds(answers: Answers, id: MisconceptionId): boolean {
  const question = beliefQuestions.find((q) => q.misconception === id);
  return question !== undefined && (own(answers, question.id) ?? 0) >= BELIEF_HELD;
}

/**
 * A correction applies when its belief is held (answered 4 or 5). "No way back" also applies to an
 * undecided lean: knowing a switch can be undone is what makes trying it cheap.
 */
function misconceptionsFor(answers: Answers, lean: Lean): Misconception[] {
  return (Object.keys(misconceptionText) as MisconceptionId[])
    .filter((id) => holds(answers, id) || (id === 'no-way-back' && lean === 'undecided'))
    .map((id) => ({ id, ...misconceptionText[id] }));
}

/**
 * Leaning IC, only the two experiments that also grow a staff-plus engineer are suggested. Otherwise
 * all four, most relevant first: relevance is the mean answer to the management questions an
 * experiment tests (test first what you expect to enjoy most), plus two when a status or money
 * belief is held and the experiment shows the job as it is.
 */
function experimentsFor(answers: Answers, lean: Lean): Experiment[] {
  const statusOrMoney = holds(answers, 'management-is-a-promotion') || holds(answers, 'managers-earn-more');
  const chosen = experimentSpecs.filter((spec) => lean !== 'ic' || spec.servesIc);
  const relevance = (spec: ExperimentSpec) =>
    spec.tests.reduce((sum, id) => sum + (own(answers, id) ?? NEUTRAL), 0) / spec.tests.length +
    (statusOrMoney && spec.showsTheJob ? 2 : 0);
  return [...chosen]
    .sort((a, b) => relevance(b) - relevance(a))
    .map((spec) => ({
      id: spec.id,
      text: spec.text,
      tests: spec.tests,
      why: whyOf(spec, answers, lean, statusOrMoney),
    }));
}

function whyOf(spec: ExperimentSpec, answers: Answers, lean: Lean, statusOrMoney: boolean): string {
  if (lean === 'ic')
    return 'Staff-plus engineers do this anyway, so it pays off on the IC track and still tells you whether management would suit you.';
  if (statusOrMoney && spec.showsTheJob)
    return 'It shows the everyday work of a manager, which tells you whether you enjoy the job or only its perceived status.';
  const answered = spec.tests
    .map((id) => `${id} (${own(answers, id) ?? NEUTRAL}, ${answerLabels[own(answers, id) ?? NEUTRAL] ?? ''})`)
    .join(', ');
  return `A cheap, real test of your answers to ${answered}.`;
}
