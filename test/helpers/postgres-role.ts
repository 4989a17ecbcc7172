import pg from 'pg';

/**
 * An ordinary role for a PostgreSQL workspace, as a company runs the server: it logs in, is no
 * superuser, does not bypass row-level security and owns no table, so it cannot turn row-level
 * security off either; it may only read and write rows. Made and granted by the server's
 * superuser (TRELLIS_TEST_DATABASE_URL); `drop` removes it.
 */
export interface AppRole {
  name: string;
  /** `target` (a workspace URL from `stores()`) as this role. */
  url: string;
  drop(): Promise<void>;
}

let roles = 0;

async function asSuperuser<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(process.env.TRELLIS_TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function appRole(target: string): Promise<AppRole> {
  const url = new URL(target);
  const database = url.pathname.slice(1);
  const schema = /search_path=(\w+)/.exec(url.searchParams.get('options') ?? '')![1]!;
  const name = `trellis_app_${process.pid}_${++roles}`;
  await asSuperuser(database, async (client) => {
    await client.query(`create role ${name} login nosuperuser nobypassrls nocreatedb nocreaterole`);
    await client.query(`grant connect on database ${database} to ${name}`);
    await client.query(`grant usage on schema ${schema} to ${name}`);
    await client.query(`grant select, insert, update, delete on all tables in schema ${schema} to ${name}`);
    await client.query(`grant usage, select, update on all sequences in schema ${schema} to ${name}`);
  });
  url.username = name;
  url.password = '';
  return {
    name,
    url: url.toString(),
    drop: () =>
      asSuperuser(database, async (client) => {
        await client.query(`drop owned by ${name}`);
        await client.query(`drop role ${name}`);
      }),
  };
}
