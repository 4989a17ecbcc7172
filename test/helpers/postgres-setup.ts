import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * Once per test run: with TRELLIS_TEST_DATABASE_URL set, a fresh database for this run (owned by a
 * fresh ordinary role when the server lets us make one, so that row-level security applies as it
 * does to a real server), dropped when the run ends, failed or not. Without it, one line says the
 * PostgreSQL tests were skipped and how to run them. Tests reach it through `stores()` (stores.ts).
 */

export const SKIPPED =
  'PostgreSQL tests skipped: set TRELLIS_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them';

async function run<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `url` with another database (and, when given, another user without a password). */
function withDatabase(url: string, database: string, user?: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  if (user !== undefined) {
    next.username = user;
    next.password = '';
  }
  return next.toString();
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const base = process.env.TRELLIS_TEST_DATABASE_URL;
  if (!base) {
    console.log(SKIPPED);
    project.provide('postgresUrl', '');
    return undefined;
  }
  const name = `trellis_test_${process.pid}_${Date.now().toString(36)}`;
  let owner: string | undefined = name;
  await run(base, async (client) => {
    try {
      await client.query(`create role ${name} login`);
    } catch {
      owner = undefined;
    }
    await client.query(`create database ${name}${owner ? ` owner ${owner}` : ''}`);
  });
  if (owner !== undefined) {
    // A role without a password signs in only where the server trusts it; else the given user runs.
    try {
      await run(withDatabase(base, name, owner), async () => undefined);
    } catch {
      owner = undefined;
    }
  }
  project.provide('postgresUrl', withDatabase(base, name, owner));
  return async () => {
    await run(base, async (client) => {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.query(`drop role if exists ${name}`);
    });
  };
}
