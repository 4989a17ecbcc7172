import type { Command } from 'commander';
import { DomainError } from '../../core/problems.js';
import { readPasswordFile } from './init.js';
import { print, printJson } from '../output.js';
import { orgOptions, withOrganisation, type OrgOptions } from './common.js';

/** The path the provider sends the browser back to, under the server's public origin. */
const CALLBACK = '/api/session/sso/callback';

interface SetOptions extends OrgOptions {
  issuer: string;
  clientId: string;
  clientSecretFile?: string;
  clientSecretEnv?: string;
  json?: boolean;
}

/** The client secret, from a file (its first line) or an environment variable: never an argument. */
function clientSecret(options: SetOptions): string {
  const { clientSecretFile: file, clientSecretEnv: name } = options;
  if ((file === undefined) === (name === undefined))
    throw new DomainError(
      'usage',
      'give the client secret with one of --client-secret-file FILE or --client-secret-env NAME',
    );
  if (file !== undefined) return readPasswordFile(file);
  const value = process.env[name!];
  if (value === undefined || value.trim() === '')
    throw new DomainError('usage', `the environment variable ${name} is not set`);
  return value;
}

/** `trellis org sso set|show`: single sign-on through the organisation's OpenID Connect provider. */
export function registerSsoCommands(org: Command): void {
  const sso = org
    .command('sso')
    .description("Single sign-on through the organisation's OpenID Connect provider");

  orgOptions(
    sso
      .command('set')
      .description('Set the provider: its issuer URL and the client it registered for Trellis')
      .requiredOption('--issuer <url>', "the provider's issuer URL (https)")
      .requiredOption('--client-id <id>', 'the client id the provider gave Trellis')
      .option('--client-secret-file <file>', "read the client's secret from this file (its first line)")
      .option('--client-secret-env <name>', "read the client's secret from this environment variable")
      .option('--json', 'machine-readable output'),
  ).action(async (options: SetOptions) => {
    const secret = clientSecret(options);
    const { SsoRepository } = await import('../../store/repositories/org/sso.js');
    const set = await withOrganisation(options, (r) =>
      new SsoRepository(r.scope).set(options.issuer, options.clientId, secret),
    );
    if (options.json) printJson(set);
    else {
      print(`Single sign-on through ${set.issuer} as client ${set.clientId}.`);
      print(`Register the redirect URL https://YOUR-SERVER${CALLBACK} with the provider.`);
    }
  });

  orgOptions(
    sso
      .command('show')
      .description('What single sign-on is set to (never the secret)')
      .option('--json', 'machine-readable output'),
  ).action(async (options: OrgOptions & { json?: boolean }) => {
    const { SsoRepository } = await import('../../store/repositories/org/sso.js');
    const { settings, slug } = await withOrganisation(options, async (r, organisation) => ({
      settings: await new SsoRepository(r.scope).settings(),
      slug: organisation.slug,
    }));
    if (options.json) printJson(settings === undefined ? null : { ...settings, callbackPath: CALLBACK });
    else if (settings === undefined)
      print(`${slug} has no single sign-on: set it with \`trellis org sso set\`.`);
    else {
      print(`issuer        ${settings.issuer}`);
      print(`client id     ${settings.clientId}`);
      print(`client secret set (not shown)`);
      print(`redirect URL  https://YOUR-SERVER${CALLBACK}`);
      print(`sign-in at    https://YOUR-SERVER/api/session/sso?organisation=${slug}`);
      print(`updated       ${settings.updatedAt}`);
    }
  });
}
