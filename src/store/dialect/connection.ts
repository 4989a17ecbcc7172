import type { Kysely } from 'kysely';
import type { Tables } from '../tables.js';

/** The two databases a workspace can live in. */
export type DialectName = 'sqlite' | 'postgres';

/** An open workspace database, whichever it is: what the rest of the store sees of a dialect. */
export interface Connection {
  db: Kysely<Tables>;
  dialect: DialectName;
  /** The target as it may be shown: the file, or the URL without its password. */
  name: string;
  /** Copies the live database to `file` while it stays in use (SQLite's online backup only). */
  backup(file: string): Promise<void>;
  /** Sets the database up for writing beside readers (once it is known to be a workspace). */
  prepareForWrites(): void;
  /**
   * A value that changes whenever another connection (another process) has committed since it was
   * last read: cheap to read, compared only for equality.
   */
  changeCounter(): Promise<number | string>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Refuse a database that does not exist instead of creating it (for commands that only read). */
  mustExist?: boolean;
}
