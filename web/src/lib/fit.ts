import { useMemo } from 'react';
import { scoreFit } from '../../../src/core/fit/fit.js';
import { ANSWER_MAX, ANSWER_MIN, questions } from '../../../src/core/fit/questions.js';
import { useStoredState } from './stored.js';

/** The questionnaire's answers as this browser keeps them, shared by the fit and paths pages. */
export type Answers = Record<string, number>;
export const FIT_ANSWERS_KEY = 'trellis.fit.answers';

export const isAnswers = (value: unknown): value is Answers =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((v) => Number.isInteger(v) && v >= ANSWER_MIN && v <= ANSWER_MAX);

export function useFitAnswers() {
  return useStoredState<Answers>(FIT_ANSWERS_KEY, {}, isAnswers);
}

/** The track the fit result leans to, when the questionnaire is complete and leans at all. */
export function useFitLean(): 'ic' | 'management' | undefined {
  const [answers] = useFitAnswers();
  return useMemo(() => {
    if (!questions.every((q) => answers[q.id] !== undefined)) return undefined;
    const { lean } = scoreFit(answers);
    return lean === 'undecided' ? undefined : lean;
  }, [answers]);
}
