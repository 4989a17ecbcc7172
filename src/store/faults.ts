import { DomainError } from '../core/problems.js';

/**
 * Faults of the machine or of the workspace file, named for what they are rather than reported as
 * bugs: the disk is full, the file is not a database, the database is damaged. Each message says
 * what to do. Anything else is passed on unchanged.
 */

/**
 * How long a write waits for another process's write to finish before giving up. Writes take
 * milliseconds; ten seconds rides out a long import in another process.
 */
export const BUSY_TIMEOUT_MS = 10_000;

export const DISK_FULL_MESSAGE = 'the disk is full; nothing was written';

export function diskFull(): DomainError {
  return new DomainError('disk-full', DISK_FULL_MESSAGE);
}

/** The error code a failed system call or an SQLite error carries (`ENOSPC`, `SQLITE_FULL` …). */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * The codes of a full disk: the system's, SQLite's, and the one SQLite gives when its shared-memory
 * file beside the database cannot grow (the first thing to fail when a full disk is opened).
 */
const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE']);

export function isDiskFull(error: unknown): boolean {
  return DISK_FULL_CODES.has(codeOf(error));
}

/** `file` is something other than a Trellis workspace; `what` says what it is instead. */
export function notAWorkspace(file: string, what: string): DomainError {
  return new DomainError(
    'not-a-workspace',
    `${file} is not a Trellis workspace: ${what}. Check --db (or TRELLIS_DB); a new file name starts a new workspace`,
  );
}

/**
 * The workspace-level meaning of an error raised while using the database at `file`. Extended
 * SQLite codes (`SQLITE_CORRUPT_INDEX`, `SQLITE_IOERR_WRITE` …) count as their primary code.
 */
export function databaseFault(error: unknown, file: string): unknown {
  if (error instanceof DomainError) return error;
  const code = codeOf(error);
  if (isDiskFull(error)) return diskFull();
  if (code === 'SQLITE_NOTADB')
    return notAWorkspace(file, 'it is not an SQLite database (or its header is damaged beyond reading)');
  if (code.startsWith('SQLITE_CORRUPT'))
    return new DomainError(
      'workspace-corrupt',
      `${file} is damaged: SQLite reports a corrupt database. Stop every Trellis on it and restore the latest backup (\`trellis backup\` writes one); \`sqlite3 ${file} .recover\` may save what is still readable`,
    );
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new DomainError(
      'workspace-busy',
      `${file} is busy: another process has held its write lock for longer than Trellis waits (${BUSY_TIMEOUT_MS / 1000} s); nothing was written. Try again once it has finished`,
    );
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES')
    return new DomainError('usage', `cannot write ${file}: it is read-only or not ours to change`);
  if (code.startsWith('SQLITE_CANTOPEN'))
    return new DomainError('usage', `cannot open ${file}: the path or its folder cannot be opened`);
  return error;
}
