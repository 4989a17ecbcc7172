import type { Command } from 'commander';
import { emailSchema } from '../../core/org/person.js';
import { validateValue } from '../../core/input/value.js';
import { roleOf } from '../../core/org/account.js';
import type { OrgRepositories } from '../../store/repositories/org/index.js';
import type { Account } from '../../store/repositories/org/accounts.js';
import type { LinkPurpose } from '../../store/repositories/org/links.js';
import { linkUrl } from '../../core/org/account.js';
import { print, printJson } from '../output.js';
import { orgOptions, withOrganisation, type OrgOptions } from './common.js';
import { DomainError } from '../../core/problems.js';

export { linkUrl } from '../../core/org/account.js';
export const DEFAULT_BASE_URL = 'http://localhost:3000';

/** The account for `email`, made (with no roles beyond `employee` for a person) when there is none. */
async function accountFor(r: OrgRepositories, email: string): Promise<Account> {
  const address = validateValue(emailSchema, email, '--email');
  return (await r.accounts.byEmail(address)) ?? r.accounts.create(address, []);
}

export function registerAccountCommands(org: Command): void {
  orgOptions(
    org
      .command('link')
      .description('Make a one-time sign-in link (or, with --reset, a password reset link) for an account')
      .requiredOption('--email <email>', "the account's email (an account is made for a person who has none)")
      .option('--reset', 'a password reset link')
      .option('--base-url <url>', 'where the web app is served', DEFAULT_BASE_URL)
      .option('--json', 'machine-readable output'),
  ).action(
    async (options: OrgOptions & { email: string; reset?: boolean; baseUrl: string; json?: boolean }) => {
      const purpose: LinkPurpose = options.reset ? 'reset' : 'sign-in';
      const { account, link } = await withOrganisation(options, (r) =>
        r.transaction(async (t) => {
          const account = await accountFor(t, options.email);
          return { account, link: await t.links.create(account.id, account.email, purpose) };
        }),
      );
      const url = linkUrl(options.baseUrl, purpose, link.token);
      if (options.json) printJson({ email: account.email, purpose, url, expiresAt: link.expiresAt });
      else {
        print(
          `${purpose === 'reset' ? 'Password reset' : 'Sign-in'} link for ${account.email} (works once, until ${link.expiresAt}):`,
        );
        print(`  ${url}`);
      }
    },
  );

  orgOptions(
    org
      .command('role')
      .description("Give or take away one of an account's roles (admin, hr, manager, employee, committee)")
      .requiredOption('--email <email>', "the account's email (an account is made for a person who has none)")
      .option('--add <role>', 'the role to give')
      .option('--remove <role>', 'the role to take away')
      .option('--json', 'machine-readable output'),
  ).action(async (options: OrgOptions & { email: string; add?: string; remove?: string; json?: boolean }) => {
    if ((options.add === undefined) === (options.remove === undefined))
      throw new DomainError('usage', 'give exactly one of --add ROLE or --remove ROLE');
    const role = roleOf(options.add ?? options.remove!);
    const account = await withOrganisation(options, (r) =>
      r.transaction(async (t) => {
        if (options.add !== undefined)
          return t.accounts.addRole((await accountFor(t, options.email)).email, role);
        return t.accounts.removeRole(options.email, role);
      }),
    );
    if (options.json) printJson(account);
    else print(`${account.email}: ${account.roles.length > 0 ? account.roles.join(', ') : 'no roles'}`);
  });
}
