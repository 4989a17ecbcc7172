/** A path into a parsed document: object keys and array indexes. */
export type Path = readonly (string | number)[];

export type Severity = 'error' | 'warning';

/** One thing wrong with an input, located as precisely as the input allows. */
export interface Problem {
  severity: Severity;
  /** A stable, machine-readable kind, e.g. `unknown-field` or `unknown-reference`. */
  code: string;
  message: string;
  path: Path;
  file?: string;
  line?: number;
  col?: number;
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
  | 'usage'
  | 'disk-full'
  | 'not-a-workspace'
  | 'workspace-corrupt'
  | 'workspace-too-new'
  | 'workspace-busy';

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

/** `FILE:LINE:COL: message`, the format editors and CI annotate from. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file ?? '<input>', problem.line, problem.col]
    .filter((part) => part !== undefined)
    .join(':');
  const severity = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${severity}${problem.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Problems in reading order: by file, then line, then column. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0),
  );
}
