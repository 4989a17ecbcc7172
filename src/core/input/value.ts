import type { z } from 'zod';
import { DomainError, formatPath, type Path, type Problem } from '../problems.js';
import { checkSchema, type SourceDocument } from './document.js';

/**
 * Values that arrive already parsed (a JSON body, a row of an export, a stored document) are checked
 * the way files are, with the same messages: `checkSchema` over a document that has paths but no
 * lines.
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

/**
 * A stored value read back (an offer file in the workspace, say): its problems name `label` as their
 * file ("offer file 3"), and have no line or column of a JSON text the user never wrote.
 */
export function labelledSource(value: unknown, label: string): SourceDocument {
  return {
    ...plainSource(value, label),
    locate: () => ({}),
    problem: (path, message, code, severity = 'error') => ({ severity, code, message, path, file: label }),
  };
}

/** The value parsed by `schema`, or an `invalid-input` DomainError naming every bad field. */
export function validateValue<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const checked = checkSchema(plainSource(value, what), schema);
  if (checked.problems.length > 0 || checked.value === undefined)
    throw new DomainError('invalid-input', `${what} is not valid`, checked.problems);
  return checked.value;
}

/** The problems with their paths moved under `base`, where the value they are about sits. */
export function rebase(problems: readonly Problem[], base: Path): Problem[] {
  if (base.length === 0) return [...problems];
  // A line and column point into the value's own text, not into what holds it: they are dropped.
  return problems.map(({ line: _line, col: _col, file: _file, ...rest }) => ({
    ...rest,
    path: [...base, ...rest.path],
  }));
}

/** Runs `check`, moving the paths of any problems it reports under `base` (where the value sits). */
export function under<T>(base: Path, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof DomainError && base.length > 0)
      throw new DomainError(error.code, error.message, rebase(error.problems, base));
    throw error;
  }
}

/** Throws one `invalid-input` error for problems found by checks beyond the schema. */
export function refuse(message: string, problems: Problem[]): never {
  throw new DomainError('invalid-input', message, problems);
}

/** A problem at `path` found by a check beyond the schema. */
export function problem(path: Path, message: string, code = 'invalid-value'): Problem {
  return { severity: 'error', code, message, path };
}

/** Two lists of problems as one, each problem once (a later check may repeat what the schema said). */
export function mergeProblems(first: readonly Problem[], second: readonly Problem[]): Problem[] {
  const key = (p: Problem) => `${formatPath(p.path)}\u0000${p.message}`;
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

/**
 * A value whose `file` field is a document with a reader of its own (an offer file in a request):
 * the rest is checked by `schema`, whose `file` must accept anything, and the file by `read`, each
 * once. Every problem of both comes back, the file's under `file`.
 */
export function checkWithFile<S extends z.ZodType, R>(
  schema: S,
  value: unknown,
  read: (file: unknown) => R,
  what = '<input>',
): { value?: z.output<S>; file?: R; problems: Problem[] } {
  const checked = checkSchema(plainSource(value, what), schema);
  const given =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as { file?: unknown }).file
      : undefined;
  let file: R | undefined;
  const fileProblems =
    given === undefined
      ? []
      : problemsOf(() => {
          file = under(['file'], () => read(given));
        });
  const problems = mergeProblems(checked.problems, fileProblems);
  return problems.length > 0 ? { problems } : { value: checked.value, file, problems };
}
