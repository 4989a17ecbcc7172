import type { Command } from 'commander';
import { parseJsonText } from '../core/input/document.js';
import { LIMITS } from '../core/input/limits.js';
import { refuse } from '../core/input/value.js';
import { readTextFile, writeTextFileAtomic } from '../store/files.js';
import type { Workspace } from '../store/workspace.js';
import { print } from './output.js';
import { DEFAULT_DB, databaseName, databaseOption } from './database.js';

/**
 * Opens the workspace for one command and always closes it, so nothing is left half-written. What
 * is wrong with it without stopping it (a framework conflict) goes to stderr first. With
 * `mustExist` (commands that only read), a missing database is refused instead of created.
 */
export async function withWorkspace<T>(
  db: string | undefined,
  work: (workspace: Workspace) => Promise<T>,
  { mustExist = false }: { mustExist?: boolean } = {},
): Promise<T> {
  const { Workspace } = await import('../store/workspace.js');
  const workspace = await Workspace.open(databaseOption(db), { mustExist });
  try {
    await reportWarnings(workspace);
    return await work(workspace);
  } finally {
    await workspace.close();
  }
}

/** One stderr line per warning of the workspace, each saying what to do. */
export async function reportWarnings(workspace: Workspace): Promise<void> {
  for (const warning of await workspace.warnings())
    process.stderr.write(`trellis: warning: ${workspace.file}: ${warning.message}\n`);
}

const dbHelp = `the workspace database (default: TRELLIS_DB, else ${DEFAULT_DB})`;

export function registerWorkspaceCommands(program: Command): void {
  program
    .command('export')
    .description('Write everything in the workspace as one JSON document (stdout, or -o FILE)')
    .option('--db <file>', dbHelp)
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action(async (options: { db?: string; out?: string }) => {
      const exported = await withWorkspace(options.db, (w) => w.export(), { mustExist: true });
      const text = `${JSON.stringify(exported, null, 2)}\n`;
      if (options.out === undefined) process.stdout.write(text);
      else {
        writeTextFileAtomic(options.out, text);
        process.stderr.write(`trellis: exported to ${options.out}\n`);
      }
    });

  program
    .command('import')
    .description('Restore a workspace from an export: replaces everything, all or nothing')
    .argument('<file>', 'a JSON document written by trellis export')
    .option('--db <file>', dbHelp)
    .action(async (file: string, options: { db?: string }) => {
      const { value, problems } = parseJsonText(readTextFile(file), file, LIMITS.importBytes);
      if (problems.length > 0) refuse(`${file} is not valid`, problems);
      await withWorkspace(options.db, (workspace) => workspace.import(value, file));
      print(`Restored the workspace from ${file}.`);
    });

  program
    .command('backup')
    .description('Copy the live workspace database to FILE, consistently, even while the server runs')
    .argument('<file>', 'where to write the copy (an SQLite database)')
    .option('--db <file>', dbHelp)
    .action(async (file: string, options: { db?: string }) => {
      await withWorkspace(options.db, (workspace) => workspace.backup(file), { mustExist: true });
      print(`Backed up ${databaseName(options.db)} to ${file}.`);
    });
}
