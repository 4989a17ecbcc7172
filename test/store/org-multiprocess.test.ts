import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { binary, trellis, writeTemp } from '../helpers/cli.js';
import { postgresStore } from '../helpers/stores.js';
import { startServer, type RunningServer } from '../server/helpers.js';

/**
 * An organisation on one PostgreSQL database: two real servers taking PATCH /api/org/people/:id and
 * real `trellis org people edit` processes, all at once for a while. Every write checks the
 * reporting tree over the whole organisation in a SERIALIZABLE transaction, so they conflict; none
 * may fail, and every acknowledged write must be the one stored and audited.
 */

const SECONDS = 10;
const HTTP_WRITERS_PER_SERVER = 2;
const CLI_WRITERS = 3;
const PASSWORD = 'a long enough passphrase';
const store = postgresStore();

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [binary, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe.runIf(store)('two servers and command-line editors on one PostgreSQL organisation', () => {
  it(`run ${SECONDS} s with no error and no lost acknowledged write`, async () => {
    const db = await store!.fresh();
    const flag = store!.flag(db);
    const writers = 2 * HTTP_WRITERS_PER_SERVER + CLI_WRITERS;
    const emails = Array.from({ length: writers }, (_, w) => `writer${w}@acme.test`);
    const csv = writeTemp(
      'people.csv',
      [
        'name,email,level,manager_email,team,start_date,level_start_date',
        'Mira Manager,mira@acme.test,em,,Core,2021-02-01,2021-02-01',
        ...emails.map((email, w) => `Writer ${w},${email},senior,mira@acme.test,Core,2022-01-03,2022-01-03`),
      ].join('\n'),
    );
    const password = writeTemp('password', `${PASSWORD}\n`);
    for (const args of [
      ['org', 'init', '--name', 'Acme', '--admin-email', 'mira@acme.test', '--admin-password-file', password],
      ['org', 'people', 'import', csv],
    ]) {
      const r = trellis([...args, ...flag]);
      expect(r.code, r.stderr).toBe(0);
    }
    const servers = await Promise.all([
      startServer(['--port', '0', ...flag]),
      startServer(['--port', '0', ...flag]),
    ]);
    try {
      const ids = new Map<string, number>();
      const signIn = async (server: RunningServer) => {
        const response = await fetch(`${server.url}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'mira@acme.test', password: PASSWORD }),
        });
        expect(response.status).toBe(201);
        return response.headers.getSetCookie()[0]!.split(';')[0]!;
      };
      const cookies = await Promise.all(servers.map(signIn));
      const directory = (await (
        await fetch(`${servers[0]!.url}/api/org/people?limit=500`, { headers: { cookie: cookies[0]! } })
      ).json()) as { items: { id: number; email: string }[] };
      for (const p of directory.items) ids.set(p.email, p.id);

      const errors: string[] = [];
      /** Each writer's person, and the teams acknowledged for them in order. */
      const acknowledged = new Map<string, string[]>(emails.map((e) => [e, []]));
      const deadline = Date.now() + SECONDS * 1000;
      const httpWriter = async (s: number, w: number) => {
        const email = emails[s * HTTP_WRITERS_PER_SERVER + w]!;
        for (let i = 0; Date.now() < deadline; i++) {
          const team = `http-${s}-${w}-${i}`;
          const response = await fetch(`${servers[s]!.url}/api/org/people/${ids.get(email)}`, {
            method: 'PATCH',
            headers: { 'content-type': 'application/json', cookie: cookies[s]!, 'x-trellis-csrf': '1' },
            body: JSON.stringify({ team }),
          });
          if (response.status === 200) acknowledged.get(email)!.push(team);
          else errors.push(`${team}: ${response.status} ${await response.text()}`);
        }
      };
      const cliWriter = async (w: number) => {
        const email = emails[2 * HTTP_WRITERS_PER_SERVER + w]!;
        for (let i = 0; Date.now() < deadline; i++) {
          const team = `cli-${w}-${i}`;
          const r = await run(['org', 'people', 'edit', email, '--team', team, ...flag]);
          if (r.code === 0) acknowledged.get(email)!.push(team);
          else errors.push(`${team}: exit ${r.code}: ${r.stderr}`);
        }
      };
      await Promise.all([
        ...[0, 1].flatMap((s) => Array.from({ length: HTTP_WRITERS_PER_SERVER }, (_, w) => httpWriter(s, w))),
        ...Array.from({ length: CLI_WRITERS }, (_, w) => cliWriter(w)),
      ]);

      expect(errors.slice(0, 5)).toEqual([]);
      const people = JSON.parse(trellis(['org', 'people', 'list', '--json', ...flag]).stdout) as {
        email: string;
        team: string;
      }[];
      for (const email of emails) {
        const teams = acknowledged.get(email)!;
        expect(teams.length, email).toBeGreaterThan(0);
        // The last acknowledged write is the one stored, and every acknowledged write was audited.
        expect(people.find((p) => p.email === email)?.team).toBe(teams.at(-1));
        const audited = JSON.parse(
          trellis(['org', 'audit', '--person', email, '--kind', 'person.update', '--json', ...flag]).stdout,
        ) as { after: { team: string } }[];
        expect(audited.map((e) => e.after.team)).toEqual(teams);
      }
    } finally {
      for (const server of servers) server.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => s.exited));
    }
  }, 240_000);
});
