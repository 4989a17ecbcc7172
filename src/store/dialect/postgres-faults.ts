import { DomainError } from '../../core/problems.js';
import { diskFull } from '../faults.js';

/**
 * What PostgreSQL's errors (SQLSTATE codes) and the network's mean for a workspace, in the style of
 * faults.ts: named, with what to do, the URL shown without its password. Anything else is passed on.
 */

/** Two transactions changed the same rows at once; the one that lost is run again (see index.ts). */
export class ConflictError extends DomainError {
  constructor(name: string) {
    super(
      'workspace-busy',
      `${name} is busy: other changes made at the same moment kept conflicting with this one, and nothing was written. Try again`,
    );
  }
}

/** serialization_failure and deadlock_detected: safe to run the whole transaction again. */
const CONFLICT = new Set(['40001', '40P01']);

/** The network's codes for a server that cannot be reached. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
]);

/** The server is there but is not taking work: shutting down, starting up, or out of connections. */
const NOT_TAKING_WORK = new Set(['57P01', '57P02', '57P03', '53300', '53200']);

function codeOf(error: unknown): string {
  const found = error as { code?: unknown; errors?: unknown[] } | null;
  if (typeof found?.code === 'string') return found.code;
  // Connecting to a name with several addresses fails with each address's error in one.
  if (Array.isArray(found?.errors)) return codeOf(found.errors[0]);
  return '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isConflict(error: unknown): boolean {
  return error instanceof ConflictError;
}

/** The workspace-level meaning of `error`, raised while using the PostgreSQL database shown as `name`. */
export function postgresFault(error: unknown, name: string, password: string): unknown {
  if (error instanceof DomainError) return error;
  const code = codeOf(error);
  const message = messageOf(error);
  if (CONFLICT.has(code)) return new ConflictError(name);
  if (
    UNREACHABLE.has(code) ||
    code.startsWith('08') ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(message)
  )
    return new DomainError(
      'database-unavailable',
      `cannot reach the PostgreSQL server of ${name} (${code || 'no answer'}): is it running, and is the host and port right? Check --database-url (or TRELLIS_DATABASE_URL)`,
    );
  if (NOT_TAKING_WORK.has(code))
    return new DomainError(
      'database-unavailable',
      `the PostgreSQL server of ${name} is not taking work right now (it is starting, stopping or out of connections); nothing was written. Try again shortly`,
    );
  if (code === '3D000')
    return new DomainError(
      'usage',
      `${name}: no such database on that PostgreSQL server; create it first (createdb NAME) or check --database-url (or TRELLIS_DATABASE_URL)`,
    );
  if (code === '28P01' || code === '28000')
    return new DomainError(
      'usage',
      `${name}: the PostgreSQL server refused the sign-in (authentication failed); check the user and password in --database-url (or TRELLIS_DATABASE_URL)`,
    );
  if (code === '53100') return diskFull();
  if (code === '25006')
    return new DomainError('usage', `cannot write ${name}: the PostgreSQL server is read-only (a standby?)`);
  // Row-level security (organisationRowSecurity in index.ts): another organisation's rows do not
  // exist for this one, so the answer says no more than that.
  if (code === '42501' && /row-level security/.test(message))
    return new DomainError('not-found', 'no such row in this organisation');
  if (code === '42501')
    return new DomainError(
      'usage',
      `${name}: the PostgreSQL user may not do this (permission denied); use the user that owns the workspace's tables`,
    );
  if (code === 'XX001' || code === 'XX002')
    return new DomainError(
      'workspace-corrupt',
      `${name} is damaged: PostgreSQL reports corrupt data. Stop every Trellis on it and restore the latest pg_dump`,
    );
  if (code === '55P03' || code === '57014')
    return new DomainError(
      'workspace-busy',
      `${name} is busy: a lock or a statement waited longer than the server allows; nothing was written. Try again once other work has finished`,
    );
  // Not ours to name: passed on, but never with the password in it.
  if (password !== '' && error instanceof Error && error.message.includes(password))
    error.message = error.message.split(password).join('***');
  return error;
}
