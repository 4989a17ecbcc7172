import type { z } from 'zod';
import { checkSchema, type SourceDocument } from '../core/input/document.js';
import { DomainError, formatPath, type Path, type Problem } from '../core/problems.js';

/**
 * Validation of values that arrive already parsed (a JSON body, a row of an export), with the same
 * messages as files get: the core's `checkSchema` over a document that has paths but no lines.
 */
export function plainSource(value: unknown, file = '<input>'): SourceDocument {
  const locate = () => ({ line: 0, col: 0 });
  return {
    file,
    value,
    syntaxProblems: [],
    locate,
    problem: (path, message, code, severity = 'error') => ({ severity, code, message, path }),
  };
}

/** The value parsed by `schema`, or an `invalid-input` DomainError naming every bad field. */
export function validateValue<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const checked = checkSchema(plainSource(value, what), schema);
  if (checked.problems.length > 0 || checked.value === undefined)
    throw new DomainError('invalid-input', `${what} is not valid`, checked.problems);
  return checked.value;
}

/** Runs `check`, moving the paths of any problems it reports under `base` (where the value sits). */
export function under<T>(base: Path, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof DomainError && base.length > 0)
      throw new DomainError(
        error.code,
        error.message,
        error.problems.map((p) => rebase(p, base)),
      );
    throw error;
  }
}

function rebase(problem: Problem, base: Path): Problem {
  // Positions point into a text made from the value, not into anything the user wrote: drop them.
  const { line: _line, col: _col, file: _file, ...rest } = problem;
  const path = [...base, ...problem.path];
  return { ...rest, path, message: `${formatPath(path)}: ${bareMessage(problem)}` };
}

/** A problem's message without the path it starts with (file messages name their field first). */
export function bareMessage(problem: Problem): string {
  const prefix = `${formatPath(problem.path)}: `;
  return problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message;
}

/** Throws one `invalid-input` error for problems found by checks beyond the schema. */
export function refuse(message: string, problems: Problem[]): never {
  throw new DomainError('invalid-input', message, problems);
}

/** A problem found by a check beyond the schema; its message names the field first, as the core's do. */
export function problem(path: Path, message: string, code = 'invalid-value'): Problem {
  return { severity: 'error', code, message: `${formatPath(path)}: ${message}`, path };
}

/** Two lists of problems as one, each problem once (a later check may repeat what the schema said). */
export function mergeProblems(first: readonly Problem[], second: readonly Problem[]): Problem[] {
  const key = (p: Problem) => `${formatPath(p.path)}\u0000${bareMessage(p)}`;
  const seen = new Set(first.map(key));
  return [...first, ...second.filter((p) => !seen.has(key(p)) && Boolean(seen.add(key(p))))];
}

/** The problems a check reports by throwing a DomainError (anything else is rethrown). */
export function problemsOf(check: () => unknown): Problem[] {
  try {
    check();
    return [];
  } catch (error) {
    if (error instanceof DomainError && error.problems.length > 0) return error.problems;
    throw error;
  }
}
