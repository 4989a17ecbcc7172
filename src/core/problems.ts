import { LIMITS, NOT_CHECKED, TOO_MANY_PROBLEMS } from './input/limits.js';

/** A path into a parsed document: object keys and array indexes. */
export type Path = readonly (string | number)[];

export type Severity = 'error' | 'warning';

/**
 * One thing wrong with an input, located as precisely as the input allows. Where it is lives in the
 * data (path, file, line, column); the message says only what is wrong, so that each adapter shows
 * the place its own way and none has to take a message apart.
 */
export interface Problem {
  severity: Severity;
  /** A stable, machine-readable kind, e.g. `unknown-field` or `unknown-reference`. */
  code: string;
  /** What is wrong, without the place: `must be at least 1, got -3`. */
  message: string;
  path: Path;
  file?: string;
  line?: number;
  col?: number;
  /**
   * False when the message names its own subject (a framework rule's `unknown level "x"`) or is
   * about the text itself (a syntax error): the path then only locates it and is not printed.
   */
  showPath?: false;
  /** For a `too-many-problems` problem: how many problems it stands for. */
  omitted?: number;
}

/**
 * Stable error codes; each adapter maps them to exit codes or HTTP statuses in one place. The last
 * five are faults of the machine or the file, not of the request: the disk is full, the workspace
 * database is not one (another file, another program's database), is damaged, was migrated by a
 * newer Trellis, or stayed locked by another process for longer than a write waits.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  /** The thing exists but its state refuses the change (a closed review cycle, a decided case). */
  | 'conflict'
  /** The asker's roles do not allow the step (the API's 403). */
  | 'forbidden'
  | 'usage'
  | 'disk-full'
  | 'not-a-workspace'
  | 'workspace-corrupt'
  | 'workspace-too-new'
  | 'workspace-busy'
  /** The database server cannot be reached or is not taking work. */
  | 'database-unavailable';

/** A domain error: something the caller asked for cannot be done, with the problems that say why. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out === '' ? '(root)' : out;
}

/** The problem, printed without its path: its message names what it is about. */
export function selfNamed(problem: Problem): Problem {
  return { ...problem, showPath: false };
}

/** `path: message`, or the message alone when it names its own subject. */
export function describeProblem(problem: Problem): string {
  // A problem of the whole document has no path worth printing: "(root): " would only be noise.
  return problem.showPath === false || problem.path.length === 0
    ? problem.message
    : `${formatPath(problem.path)}: ${problem.message}`;
}

/** `FILE:LINE:COL: path: message`, the format editors and CI annotate from. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file ?? '<input>', problem.line, problem.col]
    .filter((part) => part !== undefined)
    .join(':');
  const severity = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${severity}${describeProblem(problem)}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Problems in reading order: by file, then line, then column; a count of the rest comes last. */
export function sortProblems(problems: Problem[]): Problem[] {
  const last = (p: Problem) => (p.code === TOO_MANY_PROBLEMS ? 1 : p.code === NOT_CHECKED ? 2 : 0);
  return [...problems].sort(
    (a, b) =>
      last(a) - last(b) ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0),
  );
}

/**
 * At most `limit` problems, then one that counts the rest (adding up any such count already made
 * where the problems were collected): a client or a terminal gets a readable answer however broken
 * the input is.
 */
export function capProblems(problems: readonly Problem[], limit: number = LIMITS.problems): Problem[] {
  const kept: Problem[] = [];
  const unchecked: Problem[] = [];
  let omitted = 0;
  for (const problem of problems) {
    if (problem.code === TOO_MANY_PROBLEMS) omitted += problem.omitted ?? 0;
    else if (problem.code === NOT_CHECKED) unchecked.push(problem);
    else if (kept.length < limit) kept.push(problem);
    else omitted++;
  }
  return [...kept, ...(omitted === 0 ? [] : [moreProblems(omitted, kept[0]?.file)]), ...unchecked];
}

/** The one problem that says `count` items were not checked, as enough problems were found before them. */
export function notChecked(count: number): Problem {
  return {
    severity: 'error',
    code: NOT_CHECKED,
    showPath: false,
    message: `and ${count} more item${count === 1 ? '' : 's'}, not checked once ${LIMITS.problems} problems were found`,
    path: [],
  };
}

/** The one problem that stands for `omitted` others. */
export function moreProblems(omitted: number, file?: string): Problem {
  return {
    severity: 'error',
    code: TOO_MANY_PROBLEMS,
    showPath: false,
    message: `and ${omitted} more problem${omitted === 1 ? '' : 's'}`,
    path: [],
    omitted,
    ...(file === undefined ? {} : { file }),
  };
}
