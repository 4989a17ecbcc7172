import type { Command } from 'commander';
import { userInfo } from 'node:os';
import type { Actor } from '../../core/org/policy.js';
import type { OrgRepositories } from '../../store/repositories/org/index.js';
import type { Organisation } from '../../store/repositories/org/organisations.js';
import { DEFAULT_DB } from '../database.js';
import { withWorkspace } from '../workspace.js';

export interface OrgOptions {
  db?: string;
  org?: string;
}

/**
 * The command line acts as the organisation's local administrator: whoever holds the database file
 * holds everything in it. The audit log names them `cli:<os user>`.
 */
export function cliActorName(): string {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    user = process.env.USER ?? 'unknown';
  }
  return `cli:${user}`;
}

/** The policy's view of the command line: an admin and hr of the organisation. */
export const cliActor = (organisationId: number): Actor => ({
  organisationId,
  roles: ['admin', 'hr'],
  subtree: new Set(),
  cases: new Set(),
});

/** `--db` and `--org`, the options of every organisation command. */
export function orgOptions(command: Command): Command {
  return command
    .option('--db <file>', `the workspace database (default: TRELLIS_DB, else ${DEFAULT_DB})`)
    .option('--org <slug>', 'the organisation, when the workspace holds several');
}

/** Opens the workspace and the organisation `--org` names (or its only one) for one command. */
export function withOrganisation<T>(
  options: OrgOptions,
  work: (repositories: OrgRepositories, organisation: Organisation) => Promise<T>,
): Promise<T> {
  return withWorkspace(
    options.db,
    async (workspace) => {
      // Loaded on demand, as the workspace is: other commands start without the store's code.
      const { OrganisationRepository, OrgRepositories, orgScope } =
        await import('../../store/repositories/org/index.js');
      const organisation = await new OrganisationRepository(workspace.db).resolve(options.org);
      const repositories = new OrgRepositories(orgScope(workspace.db, organisation.id, cliActorName()));
      return work(repositories, organisation);
    },
    { mustExist: true },
  );
}
