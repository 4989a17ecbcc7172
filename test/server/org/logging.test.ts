import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tempDir, trellis, writeTemp } from '../../helpers/cli.js';
import { startServer, type RunningServer } from '../helpers.js';

/**
 * The real built server with request logging on: signing in, using the session and sending a
 * bearer token and a one-time link leave none of the secrets in its output.
 */

const PASSWORD = 'a passphrase that must never be logged';
let server: RunningServer | undefined;
afterEach(() => {
  server?.child.kill('SIGTERM');
  server = undefined;
});

it('logs requests without bodies, cookies or authorization headers', async () => {
  const dir = tempDir();
  const db = join(dir, 'org.sqlite');
  const passwordFile = writeTemp('password.txt', `${PASSWORD}\n`, dir);
  const init = trellis([
    'org',
    'init',
    '--name',
    'Acme',
    '--admin-email',
    'root@acme.test',
    '--admin-password-file',
    passwordFile,
    '--db',
    db,
  ]);
  expect(init.code, init.stderr).toBe(0);
  server = await startServer(['--db', db, '--port', '0'], { env: { TRELLIS_LOG: 'info' } });
  let output = '';
  server.child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const headers = { 'content-type': 'application/json' };

  const signedIn = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: 'root@acme.test', password: PASSWORD }),
  });
  expect(signedIn.status).toBe(201);
  const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
  const cookieValue = cookie.split('=')[1]!;
  expect(cookieValue).toMatch(/^[\w-]{43}$/);
  const who = await fetch(`${server.url}/api/session`, { headers: { cookie } });
  expect(((await who.json()) as { account: { email: string } }).account.email).toBe('root@acme.test');
  const bearer = 'bearer-token-that-must-never-be-logged';
  await fetch(`${server.url}/api/session`, { headers: { authorization: `Bearer ${bearer}` } });
  const linkToken = 'link-token-that-must-never-be-logged';
  const link = await fetch(`${server.url}/api/session/link`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ token: linkToken, password: PASSWORD }),
  });
  expect(link.status).toBe(401);

  // Logging is on: every request above is in the output, by method and path only.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const all = output + server.stderr();
  expect(all).toContain('"url":"/api/session"');
  expect(all).toContain('"url":"/api/session/link"');
  for (const secret of [PASSWORD, cookieValue, bearer, linkToken]) expect(all).not.toContain(secret);
  expect(all.toLowerCase()).not.toContain('authorization');
  expect(all.toLowerCase()).not.toContain('cookie');
});
