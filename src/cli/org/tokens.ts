import type { Command } from 'commander';
import { roleOf } from '../../core/org/account.js';
import { print, printJson } from '../output.js';
import { orgOptions, withOrganisation, type OrgOptions } from './common.js';

/** `trellis org token create|revoke|list`: API tokens for scripts, sent as `Authorization: Bearer`. */
export function registerTokenCommands(org: Command): void {
  const token = org
    .command('token')
    .description('API tokens for scripts: each acts with one role of its account');

  orgOptions(
    token
      .command('create')
      .description('Make an API token; it is printed once and only its hash is kept')
      .requiredOption('--email <email>', 'the account the token acts for')
      .requiredOption('--role <role>', 'the one role it acts with (one the account holds)')
      .requiredOption('--name <name>', 'a name to know and revoke it by')
      .option('--json', 'machine-readable output'),
  ).action(async (options: OrgOptions & { email: string; role: string; name: string; json?: boolean }) => {
    const role = roleOf(options.role);
    const { ApiTokenRepository } = await import('../../store/repositories/org/tokens.js');
    const { token: secret, created } = await withOrganisation(options, (r) =>
      new ApiTokenRepository(r.scope).create(options.email, role, options.name),
    );
    if (options.json) printJson({ ...created, token: secret });
    else {
      print(`API token "${created.name}" for ${created.email} as ${created.role} (shown only now):`);
      print(`  ${secret}`);
    }
  });

  orgOptions(
    token
      .command('revoke')
      .description('Revoke an API token: it stops working at once')
      .requiredOption('--name <name>', "the token's name")
      .option('--json', 'machine-readable output'),
  ).action(async (options: OrgOptions & { name: string; json?: boolean }) => {
    const { ApiTokenRepository } = await import('../../store/repositories/org/tokens.js');
    const revoked = await withOrganisation(options, (r) =>
      new ApiTokenRepository(r.scope).revoke(options.name),
    );
    if (options.json) printJson(revoked);
    else print(`API token "${revoked.name}" of ${revoked.email} is revoked (since ${revoked.revokedAt})`);
  });

  orgOptions(
    token
      .command('list')
      .description('The API tokens, revoked ones included')
      .option('--json', 'machine-readable output'),
  ).action(async (options: OrgOptions & { json?: boolean }) => {
    const { ApiTokenRepository } = await import('../../store/repositories/org/tokens.js');
    const tokens = await withOrganisation(options, (r) => new ApiTokenRepository(r.scope).list());
    if (options.json) printJson(tokens);
    else if (tokens.length === 0) print('No API tokens.');
    else
      for (const t of tokens)
        print(
          `${t.name}  ${t.email}  ${t.role}  ${t.revokedAt === undefined ? 'active' : `revoked ${t.revokedAt}`}`,
        );
  });
}
