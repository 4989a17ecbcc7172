import Database from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DialectAdapter,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DomainError } from '../../core/problems.js';
import { BUSY_TIMEOUT_MS, databaseFault } from '../faults.js';
import { replaceableTarget, temporaryBeside } from '../files.js';
import type { Tables } from '../tables.js';
import type { Connection, OpenOptions } from './connection.js';

/**
 * SQLite, the embedded store: opening the file, its pragmas, how transactions begin, what its
 * errors mean (faults.ts) and the online backup.
 */

/**
 * Kysely's SQLite driver, except that a read-write transaction begins IMMEDIATE: it takes the write
 * lock at its start, waiting on the busy timeout while another process writes. A deferred one would
 * take it at its first write and, when another process has written since it began reading, fail at
 * once with "database is locked". Errors leave named for what they are (see faults.ts).
 */
const STATEMENT_CACHE = 200;

class WorkspaceDriver extends SqliteDriver {
  private wrapped: DatabaseConnection | undefined;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly file: string,
  ) {
    super({ database: sqlite });
  }

  /** Prepared statements by their text: a repeated query (a batch of inserts, say) is prepared once. */
  private readonly statements = new Map<string, Database.Statement>();

  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.sqlite.prepare(sql);
      // Bounded: the oldest goes first. Statements of an older schema prepare themselves again.
      if (this.statements.size >= STATEMENT_CACHE)
        this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Kysely's own SQLite query, over the statement cache. */
  private execute({ sql, parameters }: CompiledQuery): QueryResult<unknown> {
    const statement = this.prepared(sql);
    if (statement.reader) return { rows: statement.all(parameters) };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.wrapped ??= {
      executeQuery: async <R>(query: CompiledQuery) => {
        try {
          return this.execute(query) as QueryResult<R>;
        } catch (error) {
          throw databaseFault(error, this.file);
        }
      },
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
    return this.wrapped;
  }

  /**
   * SQLite rolls a transaction back by itself on some errors (a full disk): rolling back again
   * would fail and hide the error that matters.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.sqlite.inTransaction) await super.rollbackTransaction(connection);
  }

  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings) {
    const begin = settings?.accessMode === 'read only' ? 'begin deferred' : 'begin immediate';
    await connection.executeQuery(CompiledQuery.raw(begin));
  }
}

/**
 * SQLite runs schema changes inside transactions. Saying so makes Kysely's migrator run them in
 * one (begun IMMEDIATE, above): two processes opening a new file at once then migrate it once,
 * one after the other, instead of both creating the same tables.
 */
class WorkspaceAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class WorkspaceDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly file: string,
  ) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new WorkspaceDriver(this.sqlite, this.file);
  }

  override createAdapter(): DialectAdapter {
    return new WorkspaceAdapter();
  }
}

/** Runs `work`, turning what SQLite or the file system throws into the workspace's own errors. */
function named<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw databaseFault(error, file);
  }
}

export function openSqlite(file: string, { mustExist = false }: OpenOptions = {}): Connection {
  if (file !== ':memory:') {
    if (mustExist && !existsSync(file))
      throw new DomainError(
        'usage',
        `no workspace at ${file}; nothing was created (check --db or TRELLIS_DB, or run \`trellis serve\` once to start one)`,
      );
    named(file, () => mkdirSync(dirname(resolve(file)), { recursive: true }));
  }
  const sqlite = named(
    file,
    () => new Database(file, { fileMustExist: mustExist, timeout: BUSY_TIMEOUT_MS }),
  );
  try {
    named(file, () => {
      // FULL makes every acknowledged commit survive a crash or a power cut, not just a killed
      // process; foreign keys are off by default in SQLite. Both last as long as the connection and
      // change nothing in the file. Reading the schema is where a file that is not a database
      // shows itself.
      sqlite.pragma('synchronous = FULL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.prepare('select count(*) from sqlite_master').get();
    });
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Tables>({ dialect: new WorkspaceDialect(sqlite, file) });
  let closed = false;
  return {
    db,
    dialect: 'sqlite',
    name: file,
    async backup(target) {
      // Into a temporary file beside the target, then renamed: a failed backup leaves nothing behind.
      // A missing folder is refused, not created.
      const destination = replaceableTarget(target);
      const temporary = temporaryBeside(destination);
      try {
        await sqlite.backup(temporary);
        renameSync(temporary, destination);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw databaseFault(error, target);
      }
    },
    prepareForWrites() {
      // WAL lets readers run beside the writer. It is recorded in the file, so it is set only once
      // the file is known to be ours.
      named(file, () => sqlite.pragma('journal_mode = WAL'));
    },
    changeCounter() {
      // Moves whenever another connection commits to the file; reading it touches no table.
      return Promise.resolve(named(file, () => sqlite.pragma('data_version', { simple: true }) as number));
    },
    async close() {
      if (closed) return;
      closed = true;
      // Destroying Kysely closes the better-sqlite3 handle, which checkpoints the WAL.
      await db.destroy();
    },
  };
}
