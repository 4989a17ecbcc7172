import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.js';
import { Workspace } from '../../src/store/workspace.js';
import { tempDir, trellis } from '../helpers/cli.js';

/** `trellis org token create|revoke` with the real built CLI, the token used on the API between. */
it('prints a token once, which the API takes as Bearer until it is revoked; never a role the account lacks', async () => {
  const db = join(tempDir(), 'org.sqlite');
  expect(trellis(['org', 'init', '--name', 'Acme', '--admin-email', 'root@acme.test', '--db', db]).code).toBe(
    0,
  );
  const refused = trellis([
    'org',
    'token',
    'create',
    '--email',
    'root@acme.test',
    '--role',
    'hr',
    '--name',
    'x',
    '--db',
    db,
  ]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toBe(
    'trellis: root@acme.test does not have the hr role, so no token of theirs can act with it (it has admin)\n',
  );
  const made = trellis([
    'org',
    'token',
    'create',
    '--email',
    'root@acme.test',
    '--role',
    'admin',
    '--name',
    'ci',
    '--db',
    db,
    '--json',
  ]);
  expect(made.code, made.stderr).toBe(0);
  const { token } = JSON.parse(made.stdout) as { token: string };
  expect(token).toMatch(/^[\w-]{43}$/);

  const ask = async () => {
    const workspace = await Workspace.open(db);
    const app = await buildServer({ workspace });
    const response = await app.inject({
      method: 'GET',
      url: '/api/org/audit',
      headers: { authorization: `Bearer ${token}` },
    });
    await app.close();
    await workspace.close();
    return response;
  };
  const allowed = await ask();
  expect(allowed.statusCode).toBe(200);
  expect(JSON.stringify(allowed.json())).not.toContain(token);
  expect(trellis(['org', 'token', 'revoke', '--name', 'ci', '--db', db]).code).toBe(0);
  expect((await ask()).statusCode).toBe(401);
  const listed = trellis(['org', 'token', 'list', '--db', db, '--json']);
  expect(JSON.parse(listed.stdout)).toEqual([
    expect.objectContaining({ name: 'ci', role: 'admin', revokedAt: expect.any(String) }),
  ]);
}, 120_000);
