import type { Command } from 'commander';
import { readTextFile, referenceFrameworkPath } from '../../store/files.js';
import { print } from '../output.js';
import { withWorkspace } from '../workspace.js';
import { cliActorName } from './common.js';
import { DEFAULT_BASE_URL, linkUrl } from './links.js';
import { DEFAULT_DB } from '../database.js';

interface InitOptions {
  name: string;
  adminEmail: string;
  adminPasswordFile?: string;
  framework?: string;
  slug?: string;
  baseUrl: string;
  db?: string;
}

/** Reads a password file: its first line, so that a trailing newline is not part of the password. */
export function readPasswordFile(file: string): string {
  return readTextFile(file).split(/\r?\n/)[0] ?? '';
}

export function registerInitCommand(org: Command): void {
  org
    .command('init')
    .description('Make the workspace an organisation workspace, with its framework and first admin')
    .requiredOption('--name <name>', "the organisation's name")
    .requiredOption('--admin-email <email>', "the first admin's email")
    .option(
      '--admin-password-file <file>',
      "set the admin's password from this file instead of printing a link",
    )
    .option(
      '--framework <file>',
      'the framework file to adopt as version 1 (default: the reference framework)',
    )
    .option('--slug <slug>', 'the short name --org takes (default: from the name)')
    .option('--base-url <url>', 'where the web app is served, for the sign-in link', DEFAULT_BASE_URL)
    .option('--db <file>', `the workspace database (default: TRELLIS_DB, else ${DEFAULT_DB})`)
    .action(async (options: InitOptions) => {
      const password =
        options.adminPasswordFile === undefined ? undefined : readPasswordFile(options.adminPasswordFile);
      const framework =
        options.framework === undefined
          ? { source: readTextFile(referenceFrameworkPath), file: 'frameworks/reference.yaml' }
          : { source: readTextFile(options.framework), file: options.framework };
      await withWorkspace(options.db, async (workspace) => {
        const { initOrganisation } = await import('../../store/repositories/org/index.js');
        const made = await workspace.transaction(async (r) => {
          const { organisation, admin, repositories } = await initOrganisation(r.db, {
            name: options.name,
            slug: options.slug,
            adminEmail: options.adminEmail,
            framework,
            actor: cliActorName(),
          });
          const version = await repositories.frameworks.current();
          if (password !== undefined) {
            await repositories.accounts.setPassword(admin.email, password);
            return { organisation, admin, version, link: undefined };
          }
          const link = await repositories.links.create(admin.id, admin.email, 'sign-in');
          return { organisation, admin, version, link };
        });
        const { organisation, admin, version, link } = made;
        print(
          `Created the organisation "${organisation.name}" (${organisation.slug}) with ${version.frameworkId} ${version.frameworkVersion} as framework version 1.`,
        );
        print(`Admin: ${admin.email}`);
        if (link) {
          print(`Sign-in link for ${admin.email} (works once, until ${link.expiresAt}):`);
          print(`  ${linkUrl(options.baseUrl, 'sign-in', link.token)}`);
        } else print(`The admin's password is set from ${options.adminPasswordFile}.`);
      });
    });
}
