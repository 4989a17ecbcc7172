/**
 * The IC-or-manager questionnaire as data. Each statement is answered from 1 (strongly disagree) to
 * 5 (strongly agree) and leans towards one track. The first ten restate the two "choose this track
 * if you …" lists of the decision framework; two balancing questions test the same ground from the
 * other side, so that someone who agrees with everything does not come out with a lean.
 */

export type Track = 'ic' | 'management';

export interface Question {
  id: string;
  text: string;
  leans: Track;
}

/**
 * A belief question records a premise the decision framework corrects. It shows which way the
 * belief pushes, but it is not scored: a choice built on a false premise should not tip the
 * balance. Its answer decides which corrections are shown.
 */
export interface BeliefQuestion extends Question {
  misconception: MisconceptionId;
}

export type MisconceptionId = 'management-is-a-promotion' | 'no-way-back' | 'managers-earn-more';

/** Scored questions, in the order they are asked. */
export const preferenceQuestions: readonly Question[] = [
  {
    id: 'hard-problems',
    text: 'Cracking a hard technical problem is the most satisfying part of my work.',
    leans: 'ic',
  },
  {
    id: 'own-expertise',
    text: 'I want my own technical expertise to keep deepening for years, not just stay current enough to follow along.',
    leans: 'ic',
  },
  {
    id: 'direct-impact',
    text: 'I want impact I can measure in the systems I build with my own hands.',
    leans: 'ic',
  },
  {
    id: 'autonomy',
    text: 'I do my best work with autonomy and long stretches of independent, uninterrupted time.',
    leans: 'ic',
  },
  {
    id: 'craft',
    text: 'Learning a new technology or sharpening my craft gives me energy.',
    leans: 'ic',
  },
  {
    id: 'growing-others',
    text: 'Watching someone I helped succeed satisfies me as much as succeeding myself.',
    leans: 'management',
  },
  {
    id: 'people-problems',
    text: 'Organisational and people problems interest me; they are not a distraction from the real work.',
    leans: 'management',
  },
  {
    id: 'multiply',
    text: 'I would rather enable five, ten or fifty people to do great work than do the most important work myself.',
    leans: 'management',
  },
  {
    id: 'team-strategy',
    text: 'I enjoy thinking about how a team is shaped: who to hire, who works on what, and what comes first.',
    leans: 'management',
  },
  {
    id: 'ambiguity',
    text: 'I am comfortable deciding with incomplete information when the outcome stays uncertain for months.',
    leans: 'management',
  },
  {
    id: 'calendar',
    text: 'A day made of one-to-ones, planning and meetings with stakeholders sounds like a good day.',
    leans: 'management',
  },
  {
    id: 'code-daily',
    text: 'I would miss writing code within a few weeks if most of my week went elsewhere.',
    leans: 'ic',
  },
];

/** Unscored belief questions, asked after the preferences. */
export const beliefQuestions: readonly BeliefQuestion[] = [
  {
    id: 'status',
    text: 'Becoming a manager is the natural next step up from senior engineer.',
    leans: 'management',
    misconception: 'management-is-a-promotion',
  },
  {
    id: 'money',
    text: 'Moving into management is the surest way to earn more.',
    leans: 'management',
    misconception: 'managers-earn-more',
  },
  {
    id: 'one-way-door',
    text: 'If I become a manager, there will be no way back to hands-on engineering.',
    leans: 'ic',
    misconception: 'no-way-back',
  },
];

export const questions: readonly Question[] = [...preferenceQuestions, ...beliefQuestions];

export const ANSWER_MIN = 1;
export const ANSWER_MAX = 5;
export const answerLabels: Record<number, string> = {
  1: 'strongly disagree',
  2: 'disagree',
  3: 'neither',
  4: 'agree',
  5: 'strongly agree',
};
