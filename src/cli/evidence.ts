import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { notFound } from '../core/framework/lookup.js';
import type { Framework } from '../core/framework/schema.js';
import { listEntries, type EvidenceFilter } from '../core/evidence/filter.js';
import { appendEntry, checkEntry, parseEvidenceLog } from '../core/evidence/log.js';
import { buildPacket, renderPacket } from '../core/evidence/packet.js';
import {
  evidenceScopes,
  isCalendarDate,
  type EvidenceEntry,
  type EvidenceScope,
} from '../core/evidence/schema.js';
import { DomainError, type Problem } from '../core/problems.js';
import { readTextFile, writeTextFileAtomic } from '../store/files.js';
import { readFramework } from '../store/frameworks.js';
import { terminalTable } from './format.js';
import { print, printJson } from './output.js';

/** The log used when --log is not given: evidence.yaml in the current directory. */
export const DEFAULT_LOG = 'evidence.yaml';

const collect = (value: string, previous: string[]) => [...previous, value];

/** The flag each entry field comes from, so that a problem names what the user typed. */
const flagOf: Record<string, string> = {
  date: '--date',
  title: '--title',
  description: '--description',
  scope: '--scope',
  competencies: '--competency',
  links: '--link',
};

function competencyIds(framework: Framework): string[] {
  return framework.competencies.map((c) => c.id);
}

function readLog(file: string, framework: Framework): EvidenceEntry[] {
  return parseEvidenceLog(readTextFile(file), file, { competencies: competencyIds(framework) });
}

function dateOption(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !isCalendarDate(value))
    throw new DomainError('usage', `${flag} expects a date written YYYY-MM-DD, got "${value}"`);
  return value;
}

export function registerEvidenceCommands(program: Command): void {
  const group = program
    .command('evidence')
    .description(
      'Your evidence log (brag document): record accomplishments, list them, build a promotion packet',
    );
  const logOption = () =>
    new Option('--log <file>', 'the log: .yaml/.yml, .json or .md (Markdown)').default(DEFAULT_LOG);
  const frameworkOption = () =>
    new Option('--framework <file>', 'a framework file (default: the reference framework)');

  group
    .command('add')
    .description('Add an entry to the log (the file is created if missing and keeps its format)')
    .addOption(logOption())
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
      (options: {
        log: string;
        date: string;
        title: string;
        description?: string;
        scope?: string;
        competency: string[];
        link: string[];
        framework?: string;
        json?: boolean;
      }) => {
        const { framework } = readFramework(options.framework);
        const known = competencyIds(framework);
        const text = existsSync(options.log) ? readTextFile(options.log) : '';
        const entries = parseEvidenceLog(text, options.log, { competencies: known });
        const raw: Record<string, unknown> = { date: options.date, title: options.title };
        if (options.description !== undefined) raw.description = options.description;
        if (options.scope !== undefined) raw.scope = options.scope;
        if (options.competency.length > 0) raw.competencies = options.competency;
        if (options.link.length > 0) raw.links = options.link;
        const { entry, issues } = checkEntry(raw, { competencies: known });
        if (!entry) {
          const problems: Problem[] = issues.map((issue) => ({
            severity: 'error',
            code: issue.code,
            message: issue.message,
            path: issue.path,
            file: flagOf[String(issue.path[0])] ?? String(issue.path[0]),
          }));
          throw new DomainError('invalid-input', 'invalid evidence entry', problems);
        }
        const next = appendEntry(text, options.log, entry);
        // Never write a log that would not read back.
        const written = parseEvidenceLog(next, options.log, { competencies: known });
        writeTextFileAtomic(options.log, next);
        if (options.json) printJson({ log: options.log, entry, entries: written.length });
        else
          print(
            `Added ${entry.date} "${entry.title}" to ${options.log} (${entries.length + 1} ${entries.length === 0 ? 'entry' : 'entries'}).`,
          );
      },
    );

  group
    .command('list')
    .description('List the entries of the log, oldest first, optionally filtered')
    .addOption(logOption())
    .option('--competency <id>', 'only entries that name this competency')
    .addOption(new Option('--scope <scope>', 'only entries with this scope').choices(evidenceScopes))
    .option('--since <date>', 'only entries on or after this date (YYYY-MM-DD)')
    .option('--until <date>', 'only entries on or before this date (YYYY-MM-DD)')
    .addOption(frameworkOption())
    .option('--json', 'machine-readable output')
    .action(
      (options: {
        log: string;
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
        const { framework } = readFramework(options.framework);
        if (options.competency !== undefined) {
          if (!competencyIds(framework).includes(options.competency))
            throw notFound('competency', options.competency, competencyIds(framework));
          filter.competency = options.competency;
        }
        const all = readLog(options.log, framework);
        const entries = listEntries(all, filter);
        if (options.json) {
          printJson({ entries });
          return;
        }
        if (entries.length === 0) {
          print(
            `No entries${all.length > 0 ? ` match (${all.length} in ${options.log})` : ` in ${options.log}`}.`,
          );
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
      },
    );

  group
    .command('packet')
    .description("A promotion packet in Markdown: the evidence under each of the level's expectations")
    .addOption(logOption())
    .requiredOption('--for <level>', 'the level to be promoted to, e.g. staff')
    .addOption(frameworkOption())
    .option('-o, --out <file>', 'write the packet to this file instead of printing it')
    .option('--json', 'the packet as data instead of Markdown')
    .action((options: { log: string; for: string; framework?: string; out?: string; json?: boolean }) => {
      const { framework } = readFramework(options.framework);
      const packet = buildPacket(framework, readLog(options.log, framework), options.for);
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
    });
}
