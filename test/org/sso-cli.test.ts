import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asOrganisation } from '../../src/store/dialect/index.js';
import { OrganisationRepository } from '../../src/store/repositories/org/index.js';
import { Workspace } from '../../src/store/workspace.js';
import { tempDir, trellis, writeTemp } from '../helpers/cli.js';
import { newOrganisation } from '../helpers/org.js';
import { stores } from '../helpers/stores.js';

/** `trellis org sso set|show` with the real built CLI: the secret goes in, and never comes out. */
const SECRET = 'the client secret that is never printed';

describe.each(stores())('org sso on $kind', (store) => {
  it('sets the provider from a secret file or variable, shows it without the secret, and audits it without the secret', async () => {
    const target = await store.fresh();
    const on = store.flag(target);
    const init = trellis(['org', 'init', '--name', 'Acme', '--admin-email', 'root@acme.test', ...on]);
    expect(init.code, init.stderr).toBe(0);

    const file = writeTemp('secret.txt', `${SECRET}\n`);
    const set = trellis([
      'org',
      'sso',
      'set',
      '--issuer',
      'https://login.example.com/realms/acme/',
      '--client-id',
      'trellis',
      '--client-secret-file',
      file,
      ...on,
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe(
      'Single sign-on through https://login.example.com/realms/acme as client trellis.\n' +
        'Register the redirect URL https://YOUR-SERVER/api/session/sso/callback with the provider.\n',
    );

    const shown = trellis(['org', 'sso', 'show', '--json', ...on]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      issuer: 'https://login.example.com/realms/acme',
      clientId: 'trellis',
      callbackPath: '/api/session/sso/callback',
    });
    const text = trellis(['org', 'sso', 'show', ...on]);
    expect(text.stdout).toContain('client secret set (not shown)');

    const again = trellis(
      [
        'org',
        'sso',
        'set',
        '--issuer',
        'https://id.example.org',
        '--client-id',
        'other',
        '--client-secret-env',
        'SSO_SECRET',
        ...on,
      ],
      { env: { SSO_SECRET: `${SECRET} 2` } },
    );
    expect(again.code, again.stderr).toBe(0);
    for (const output of [set, shown, text, again])
      expect(output.stdout + output.stderr).not.toContain(SECRET);

    // Kept for the sign-in, which needs it; audited without it.
    const workspace = await Workspace.open(target);
    try {
      const [acme] = await new OrganisationRepository(workspace.db).list();
      // Read as the organisation, as row-level security on PostgreSQL requires.
      const { row, audit } = await asOrganisation(workspace.db, acme!.id, async (trx) => ({
        row: await trx.selectFrom('organisation_sso').select(['client_id', 'client_secret']).execute(),
        audit: await trx
          .selectFrom('audit_log')
          .select(['before', 'after'])
          .where('kind', '=', 'sso.set')
          .orderBy('id')
          .execute(),
      }));
      expect(row).toEqual([{ client_id: 'other', client_secret: `${SECRET} 2` }]);
      expect(audit.map((a) => [a.before, a.after])).toEqual([
        [null, '{"issuer":"https://login.example.com/realms/acme","clientId":"trellis"}'],
        [
          '{"issuer":"https://login.example.com/realms/acme","clientId":"trellis"}',
          '{"issuer":"https://id.example.org","clientId":"other"}',
        ],
      ]);
    } finally {
      await workspace.close();
    }
  }, 240_000);
});

it('refuses a missing secret, an unset variable and an issuer without TLS, changing nothing', async () => {
  const db = join(tempDir(), 'org.sqlite');
  const workspace = await Workspace.open(db);
  await newOrganisation(workspace, 'Acme', 'root@acme.test');
  await workspace.close();
  const on = ['--db', db];
  const set = (args: string[]) => trellis(['org', 'sso', 'set', '--client-id', 'trellis', ...args, ...on]);
  const file = writeTemp('secret.txt', SECRET);
  const cases: [string[], string][] = [
    [
      ['--issuer', 'https://id.example.org'],
      'give the client secret with one of --client-secret-file FILE or --client-secret-env NAME',
    ],
    [
      ['--issuer', 'https://id.example.org', '--client-secret-env', 'TRELLIS_UNSET_SECRET'],
      'the environment variable TRELLIS_UNSET_SECRET is not set',
    ],
    [
      ['--issuer', 'http://id.example.org', '--client-secret-file', file],
      '--issuer must be an https:// URL (http:// only on a loopback address)',
    ],
  ];
  for (const [args, message] of cases) {
    const result = set(args);
    expect(result.code, args.join(' ')).toBe(2);
    expect(result.stderr).toBe(`trellis: ${message}\n`);
  }
  const after = await Workspace.open(db);
  expect(await after.db.selectFrom('organisation_sso').selectAll().execute()).toEqual([]);
  await after.close();
}, 240_000);
