import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { notFound } from '../core/framework/lookup.js';
import type { Framework } from '../core/framework/schema.js';
import { listEntries, type EvidenceFilter } from '../core/evidence/filter.js';
import {
  appendEntry,
  checkEntry,
  parseEvidenceLog,
  readEvidenceLog,
  type EntryIssue,
} from '../core/evidence/log.js';
import { buildPacket, renderPacket } from '../core/evidence/packet.js';
import {
  evidenceScopes,
  isCalendarDate,
  normaliseEntry,
  type EvidenceEntry,
  type EvidenceScope,
} from '../core/evidence/schema.js';
import { DomainError, type Path, type Problem } from '../core/problems.js';
import { readTextFile, writeTextFileAtomic } from '../store/files.js';
import { readFramework } from '../store/frameworks.js';
import { terminalTable } from './format.js';
import { collect, print, printJson } from './output.js';
import { DEFAULT_DB, databaseName } from './database.js';
import { withWorkspace } from './workspace.js';
import type { Workspace } from '../store/workspace.js';

/** The log used when --log is not given: evidence.yaml in the current directory. */
export const DEFAULT_LOG = 'evidence.yaml';

/** The flag each entry field comes from, so that a problem names what the user typed. */
const flagOf: Record<string, string> = {
  date: '--date',
  title: '--title',
  description: '--description',
  scope: '--scope',
  competencies: '--competency',
  links: '--link',
};

export function competencyIds(framework: Framework): string[] {
  return framework.competencies.map((c) => c.id);
}

/** A problem in a flag, named by the flag (in place of a file): the flags of `add` are the entry's data. */
function flagProblem(path: Path, message: string, code: string): Problem {
  const file = flagOf[String(path[0])] ?? String(path[0]);
  return { severity: 'error', code, message, path, file, showPath: false };
}

export function invalidEntry(issues: readonly EntryIssue[]): DomainError {
  return new DomainError(
    'invalid-input',
    'invalid evidence entry',
    issues.map((issue) => flagProblem(issue.path, issue.message, issue.code)),
  );
}

/**
 * Where the entries are: a log file (`--log`, the default) or the workspace database (`--db`), the
 * same one `trellis serve` uses. Naming both is a usage error: they are two different logs.
 */
export type Target = { kind: 'file'; file: string } | { kind: 'db'; db: string | undefined };

export interface TargetOptions {
  log?: string;
  db?: string | true;
  framework?: string;
}

export function targetOf(options: TargetOptions): Target {
  if (options.log !== undefined && options.db !== undefined)
    throw new DomainError(
      'usage',
      '--log and --db name two different logs (a file and the workspace database): give one of them',
    );
  if (options.db !== undefined) return { kind: 'db', db: options.db === true ? undefined : options.db };
  return { kind: 'file', file: options.log ?? DEFAULT_LOG };
}

/** What the commands read: the log's entries, its name, and the framework they are checked against. */
export interface OpenLog {
  name: string;
  framework: Framework;
  entries: EvidenceEntry[];
}

/**
 * Reads the chosen log. A file is checked in full against the framework (a typo is caught where it
 * was made); the database's entries were checked when they were stored, and are listed as stored.
 * The framework is `--framework FILE`, else the reference one for a file and the workspace's
 * framework in use for the database.
 */
export async function readLog<T>(options: TargetOptions, work: (log: OpenLog) => T): Promise<T> {
  const target = targetOf(options);
  if (target.kind === 'file') {
    const { framework } = readFramework(options.framework);
    const entries = parseEvidenceLog(readTextFile(target.file), target.file, {
      competencies: competencyIds(framework),
    });
    return work({ name: target.file, framework, entries });
  }
  return withWorkspace(
    target.db,
    async (workspace) => {
      const framework = await workspaceFramework(workspace, options.framework);
      // The stored entry without the database's id and timestamps: the same shape as a file's.
      const entries = (await workspace.evidence.list()).map((stored) => normaliseEntry(stored));
      return work({ name: databaseName(target.db), framework, entries });
    },
    { mustExist: true },
  );
}

/** `--framework FILE` when given, else the workspace's framework in use. */
export async function workspaceFramework(workspace: Workspace, file: string | undefined): Promise<Framework> {
  return file === undefined ? (await workspace.activeFramework()).framework : readFramework(file).framework;
}

/**
 * Appends a checked entry to a log file; the number of entries after it. The new text is read back
 * before it is written: should it not read back, the problem is the entry's, named by its flag,
 * never a position in a file that does not exist yet.
 */
export function addToFile(
  file: string,
  raw: Record<string, unknown>,
  framework: Framework,
): { entry: EvidenceEntry; entries: number } {
  const known = competencyIds(framework);
  const text = existsSync(file) ? readTextFile(file) : '';
  const before = parseEvidenceLog(text, file, { competencies: known });
  const { entry, issues } = checkEntry(raw, { competencies: known });
  if (!entry) throw invalidEntry(issues);
  const next = appendEntry(text, file, entry);
  // What the entry alone cannot show (how it reads back in this file) is checked on the whole log.
  const { problems } = readEvidenceLog(next, file, { competencies: known });
  const ours = problems.filter((p) => p.path[0] === 'entries' && p.path[1] === before.length);
  // Anything else would mean that appending changed the entries already there: a bug.
  if (ours.length < problems.length)
    throw new Error(`adding the entry would change the entries already in ${file}`);
  if (ours.length > 0)
    throw new DomainError(
      'invalid-input',
      'invalid evidence entry',
      ours.map((p) => flagProblem(p.path.slice(2), p.message, p.code)),
    );
  writeTextFileAtomic(file, next);
  return { entry, entries: before.length + 1 };
}

export function dateOption(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !isCalendarDate(value))
    throw new DomainError('usage', `${flag} expects a date written YYYY-MM-DD, got "${value}"`);
  return value;
}

export const logOption = () =>
  new Option('--log <file>', `the log: .yaml/.yml, .json or .md (Markdown) (default: ${DEFAULT_LOG})`);
export const dbOption = () =>
  new Option(
    '--db [file]',
    `use the workspace database instead of a log file (default: TRELLIS_DB, else ${DEFAULT_DB})`,
  );
export const frameworkOption = () =>
  new Option('--framework <file>', 'a framework file (default: the reference framework)');

export function registerEvidenceCommands(program: Command): Command {
  const group = program
    .command('evidence')
    .description(
      'Your evidence log (brag document): record accomplishments, list them, build a promotion packet',
    );

  group
    .command('add')
    .description('Add an entry to the log (the file is created if missing and keeps its format)')
    .addOption(logOption())
    .addOption(dbOption())
    .requiredOption('--date <date>', 'when, YYYY-MM-DD')
    .requiredOption('--title <title>', 'what, in one line')
    .option('--description <text>', 'the story: what you did and what changed because of it')
    .option('--scope <scope>', `how far the impact reached: ${evidenceScopes.join(', ')}`)
    .option('--competency <id>', 'a competency the work shows (repeat for several)', collect, [])
    .option(
      '--link <url>',
      'a link to the work: a design doc, a pull request … (repeat for several)',
      collect,
      [],
    )
    .addOption(frameworkOption())
    .option('--json', 'machine-readable output')
    .action(
      async (options: {
        log?: string;
        db?: string | true;
        date: string;
        title: string;
        description?: string;
        scope?: string;
        competency: string[];
        link: string[];
        framework?: string;
        json?: boolean;
      }) => {
        const target = targetOf(options);
        const raw: Record<string, unknown> = { date: options.date, title: options.title };
        if (options.description !== undefined) raw.description = options.description;
        if (options.scope !== undefined) raw.scope = options.scope;
        if (options.competency.length > 0) raw.competencies = options.competency;
        if (options.link.length > 0) raw.links = options.link;
        let added: { name: string; entry: EvidenceEntry; entries: number };
        if (target.kind === 'file') {
          const { framework } = readFramework(options.framework);
          added = { name: target.file, ...addToFile(target.file, raw, framework) };
        } else {
          added = await withWorkspace(target.db, async (workspace) => {
            const framework = await workspaceFramework(workspace, options.framework);
            // Checked here first so that problems name the flags; the repository checks it again.
            const { entry, issues } = checkEntry(raw, { competencies: competencyIds(framework) });
            if (!entry) throw invalidEntry(issues);
            const entries = await workspace.transaction(async (r) => {
              await r.evidence.create(entry, framework);
              return r.evidence.count();
            });
            return { name: databaseName(target.db), entry, entries };
          });
        }
        const { name, entry, entries } = added;
        if (options.json) printJson({ log: name, entry, entries });
        else
          print(
            `Added ${entry.date} "${entry.title}" to ${name} (${entries} ${entries === 1 ? 'entry' : 'entries'}).`,
          );
      },
    );

  group
    .command('list')
    .description('List the entries of the log, oldest first, optionally filtered')
    .addOption(logOption())
    .addOption(dbOption())
    .option('--competency <id>', 'only entries that name this competency')
    .addOption(new Option('--scope <scope>', 'only entries with this scope').choices(evidenceScopes))
    .option('--since <date>', 'only entries on or after this date (YYYY-MM-DD)')
    .option('--until <date>', 'only entries on or before this date (YYYY-MM-DD)')
    .addOption(frameworkOption())
    .option('--json', 'machine-readable output')
    .action(
      async (options: {
        log?: string;
        db?: string | true;
        competency?: string;
        scope?: EvidenceScope;
        since?: string;
        until?: string;
        framework?: string;
        json?: boolean;
      }) => {
        const filter: EvidenceFilter = {};
        const since = dateOption(options.since, '--since');
        const until = dateOption(options.until, '--until');
        if (since !== undefined) filter.since = since;
        if (until !== undefined) filter.until = until;
        if (options.scope !== undefined) filter.scope = options.scope;
        await readLog(options, ({ name, framework, entries: all }) => {
          if (options.competency !== undefined) {
            if (!competencyIds(framework).includes(options.competency))
              throw notFound('competency', options.competency, competencyIds(framework));
            filter.competency = options.competency;
          }
          const entries = listEntries(all, filter);
          if (options.json) {
            printJson({ entries });
            return;
          }
          if (entries.length === 0) {
            print(`No entries${all.length > 0 ? ` match (${all.length} in ${name})` : ` in ${name}`}.`);
            return;
          }
          print(
            terminalTable(
              ['Date', 'Title', 'Scope', 'Competencies'],
              entries.map((e) => [e.date, e.title, e.scope ?? '', (e.competencies ?? []).join(', ')]),
              { colWidths: [12, 44, 14, 28] },
            ),
          );
          print(`${entries.length} of ${all.length} ${all.length === 1 ? 'entry' : 'entries'}`);
        });
      },
    );

  group
    .command('packet')
    .description("A promotion packet in Markdown: the evidence under each of the level's expectations")
    .addOption(logOption())
    .addOption(dbOption())
    .requiredOption('--for <level>', 'the level to be promoted to, e.g. staff')
    .addOption(frameworkOption())
    .option('-o, --out <file>', 'write the packet to this file instead of printing it')
    .option('--json', 'the packet as data instead of Markdown')
    .action(
      async (options: {
        log?: string;
        db?: string | true;
        for: string;
        framework?: string;
        out?: string;
        json?: boolean;
      }) => {
        const packet = await readLog(options, ({ framework, entries }) =>
          buildPacket(framework, entries, options.for),
        );
        if (options.json) {
          printJson(packet);
          return;
        }
        const markdown = renderPacket(packet);
        if (options.out === undefined) {
          print(markdown);
          return;
        }
        writeTextFileAtomic(options.out, markdown);
        const { withEvidence, expectations, withoutEvidence } = packet.summary;
        print(
          `Wrote ${options.out}: ${withEvidence} of ${expectations} expectations have evidence${withoutEvidence.length > 0 ? `; none yet for ${withoutEvidence.join(', ')}` : ''}.`,
        );
      },
    );
  return group;
}
