import type { Command } from 'commander';
import { DomainError } from '../core/problems.js';
import { isDatabaseUrl, shownTarget } from '../store/dialect/target.js';

/**
 * Which workspace database a command works on: `--db FILE` (SQLite) or `--database-url URL`
 * (PostgreSQL), else TRELLIS_DATABASE_URL or TRELLIS_DB, else data/trellis.sqlite in the current
 * directory. Kept apart from the database code so that loading the CLI does not load a driver.
 */

/** The default workspace file. */
export const DEFAULT_DB = 'data/trellis.sqlite';

/** The flag and the variable every command with `--db` also takes. */
export const DATABASE_URL_HELP =
  'the workspace in a PostgreSQL database, postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, instead of --db (default: TRELLIS_DATABASE_URL)';

/**
 * The target a command opens: `db` when given (a file, or the URL `--database-url` put there),
 * else the environment. Both variables set is a usage error: neither may quietly win.
 */
export function databaseOption(db: string | undefined): string {
  if (db !== undefined) return db;
  const url = process.env.TRELLIS_DATABASE_URL || undefined;
  const file = process.env.TRELLIS_DB;
  if (url !== undefined && file !== undefined)
    throw new DomainError(
      'usage',
      'TRELLIS_DATABASE_URL and TRELLIS_DB are both set: unset one, or name the workspace with --db or --database-url',
    );
  return url ?? file ?? DEFAULT_DB;
}

/** The target as messages show it: a URL without its password. */
export function databaseName(db: string | undefined): string {
  return shownTarget(databaseOption(db));
}

/** Every command, its subcommands included. */
function commandsOf(command: Command): Command[] {
  return [command, ...command.commands.flatMap(commandsOf)];
}

/**
 * Gives every command that takes `--db` the option `--database-url URL` too, and before the command
 * runs puts the URL where `--db` would be: the commands then open either the same way. Both given is
 * a usage error (exit 2).
 */
export function addDatabaseUrlOption(program: Command): void {
  for (const command of commandsOf(program))
    if (command.options.some((option) => option.long === '--db'))
      command.option('--database-url <url>', DATABASE_URL_HELP);
  program.hook('preAction', (_program, action) => {
    const { db, databaseUrl } = action.opts<{ db?: string | true; databaseUrl?: string }>();
    if (databaseUrl === undefined) return;
    if (db !== undefined)
      throw new DomainError('usage', '--db and --database-url both name the workspace: give one of them');
    if (!isDatabaseUrl(databaseUrl))
      throw new DomainError(
        'usage',
        `--database-url takes a postgres:// URL, got "${shownTarget(databaseUrl)}" (an SQLite file goes with --db)`,
      );
    action.setOptionValue('db', databaseUrl);
  });
}
