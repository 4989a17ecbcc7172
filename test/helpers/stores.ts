import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { tempDir } from './cli.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's PostgreSQL database (postgres-setup.ts), or '' when PostgreSQL is not tested. */
    postgresUrl: string;
  }
}

/** A kind of workspace database a test runs against. */
export interface Store {
  kind: 'sqlite' | 'postgres';
  /** A target for a new, empty workspace: an SQLite file in a fresh folder, or a fresh schema. */
  fresh(): Promise<string>;
  /** How the CLI is told to use `target`: `--db FILE` or `--database-url URL`. */
  flag(target: string): string[];
}

export const sqlite: Store = {
  kind: 'sqlite',
  fresh: async () => join(tempDir(), 'trellis.sqlite'),
  flag: (target) => ['--db', target],
};

let schemas = 0;

/**
 * Workspaces in the run's database, each in a schema of its own (named in the URL's search path),
 * so that tests in parallel never see each other's tables. The database goes at the run's end.
 */
function postgres(url: string): Store {
  return {
    kind: 'postgres',
    flag: (target) => ['--database-url', target],
    async fresh() {
      const schema = `ws_${process.pid}_${++schemas}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create schema ${schema}`);
      } finally {
        await client.end();
      }
      const target = new URL(url);
      target.searchParams.set('options', `-c search_path=${schema}`);
      return target.toString();
    },
  };
}

/** SQLite always; PostgreSQL too when the run has a database for it (TRELLIS_TEST_DATABASE_URL). */
export function stores(): Store[] {
  const url = inject('postgresUrl');
  return url ? [sqlite, postgres(url)] : [sqlite];
}

/** The PostgreSQL store alone, when this run tests it: for tests of PostgreSQL's own behaviour. */
export function postgresStore(): Store | undefined {
  return stores().find((store) => store.kind === 'postgres');
}
