import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type ColumnDefinitionBuilder } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Tables } from './tables.js';

/**
 * The only place that knows the database is SQLite: opening it, its pragmas, identity columns and
 * the online backup. A Postgres dialect would replace this file and nothing else.
 */

export interface Connection {
  db: Kysely<Tables>;
  /** Copies the live database to `file` while it stays in use (SQLite online backup). */
  backup(file: string): Promise<void>;
  close(): Promise<void>;
}

export function openSqlite(file: string): Connection {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets readers run beside the writer; FULL makes every acknowledged commit survive a crash
  // or a power cut, not just a killed process; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  let closed = false;
  return {
    db,
    async backup(target) {
      mkdirSync(dirname(resolve(target)), { recursive: true });
      await sqlite.backup(target);
    },
    async close() {
      if (closed) return;
      closed = true;
      // Destroying Kysely closes the better-sqlite3 handle, which checkpoints the WAL.
      await db.destroy();
    },
  };
}

/** An integer primary key the database assigns (Postgres would use an identity column). */
export function identity(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return column.primaryKey().autoIncrement();
}
