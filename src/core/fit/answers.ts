import { z } from 'zod';
import { checkSchema, hinter, parseSource, type SourceDocument } from '../input/document.js';
import { plainSource } from '../input/value.js';
import { LIMITS } from '../input/limits.js';
import { DomainError, moreProblems, selfNamed, type Problem } from '../problems.js';
import type { Answers } from './fit.js';
import { ANSWER_MAX, ANSWER_MIN, questions } from './questions.js';

const answer = z
  .number()
  .min(ANSWER_MIN)
  .max(ANSWER_MAX)
  .refine(Number.isInteger, {
    error: (issue) =>
      `must be a whole number from ${ANSWER_MIN} to ${ANSWER_MAX}, got ${String(issue.input)}`,
  });

/** The answers file: `{ answers: { <question id>: 1..5 } }`, YAML or JSON. */
export const answersFileSchema = z.strictObject({ answers: z.record(z.string(), answer) });

/**
 * Parses and checks an answers file. Every question must be answered: a partial questionnaire
 * (say, only the IC questions) would produce a lean the person never expressed.
 */
export function parseAnswersFile(text: string, file: string): Answers {
  const source = parseSource(text, file);
  if (source.syntaxProblems.length > 0)
    throw new DomainError('invalid-input', 'invalid answers file', source.syntaxProblems);
  return readAnswersValue(source.value, source);
}

/**
 * Checks answers that are already parsed (a request body), with the same problems a file gets; a
 * body is never turned back into text to be read again.
 */
export function readAnswersValue(
  value: unknown,
  source: SourceDocument = plainSource(value, 'answers'),
): Answers {
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value))
    throw new DomainError('invalid-input', 'invalid answers file', [
      selfNamed(
        source.problem([], 'an answers file is a mapping: answers: { <question id>: 1..5 }', 'not-a-mapping'),
      ),
    ]);
  const checked = checkSchema(source, answersFileSchema);
  const problems: Problem[] = [...checked.problems];
  const given = (value as { answers?: unknown }).answers;
  const ids = questions.map((q) => q.id);
  const known = new Set(ids);
  const hint = hinter(ids);
  if (given !== null && typeof given === 'object' && !Array.isArray(given)) {
    const unknown = Object.keys(given).filter((key) => !known.has(key));
    // Past the limit the unknown keys are counted, not located one by one.
    if (unknown.length > LIMITS.problems)
      problems.push(moreProblems(unknown.length - LIMITS.problems, source.file));
    for (const key of unknown.slice(0, LIMITS.problems)) {
      problems.push(
        source.problem(
          ['answers', key],
          `unknown question "${key}"${hint(key)}`,
          'unknown-question',
          'error',
          'key',
        ),
      );
    }
    const missing = ids.filter((id) => !Object.hasOwn(given, id));
    if (missing.length > 0)
      problems.push(
        source.problem(
          ['answers'],
          `no answer for ${missing.map((id) => `"${id}"`).join(', ')} (every question needs an answer; list them with: trellis fit --questions)`,
          'missing-field',
          'error',
          'key',
        ),
      );
  }
  if (problems.length > 0 || checked.value === undefined)
    throw new DomainError('invalid-input', 'invalid answers file', problems);
  return checked.value.answers;
}

/** Reads one typed answer, for interactive use: the answer, or why it was refused. */
export function readAnswer(typed: string): { answer: number } | { error: string } {
  const trimmed = typed.trim();
  const n = Number(trimmed);
  if (trimmed === '' || !Number.isInteger(n) || n < ANSWER_MIN || n > ANSWER_MAX)
    return { error: `please answer with a whole number from ${ANSWER_MIN} to ${ANSWER_MAX}` };
  return { answer: n };
}
