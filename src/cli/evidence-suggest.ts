import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { parsePullRequestExport } from '../core/evidence/suggest/exports.js';
import type { PullRequest, WorkCommit } from '../core/evidence/suggest/records.js';
import { entryOf, suggestEvidence, type Suggestion } from '../core/evidence/suggest/suggest.js';
import type { EvidenceEntry } from '../core/evidence/schema.js';
import type { Framework } from '../core/framework/schema.js';
import { DomainError } from '../core/problems.js';
import { readTextFile } from '../store/files.js';
import { readFramework } from '../store/frameworks.js';
import { readGitHistory } from '../store/git.js';
import { isDatabaseUrl } from '../store/dialect/target.js';
import {
  addToFile,
  dateOption,
  dbOption,
  frameworkOption,
  logOption,
  readLog,
  targetOf,
  workspaceFramework,
  type TargetOptions,
} from './evidence.js';
import { collect, print, printJson } from './output.js';
import { databaseOption } from './database.js';
import { withWorkspace } from './workspace.js';
import { plural } from '../core/plural.js';

interface SuggestOptions extends TargetOptions {
  git: string[];
  prs: string[];
  author: string[];
  since?: string;
  until?: string;
  interactive?: boolean;
  json?: boolean;
}

/** The log's entries when it exists (a log file not written yet holds none). */
async function existingEntries(
  options: TargetOptions,
): Promise<{ framework: Framework; entries: EvidenceEntry[] }> {
  const target = targetOf(options);
  // A log not written yet holds nothing; reading it creates nothing (an accepted entry will).
  const missing =
    target.kind === 'file'
      ? !existsSync(target.file)
      : !isDatabaseUrl(databaseOption(target.db)) && !existsSync(databaseOption(target.db));
  if (missing) return { framework: readFramework(options.framework).framework, entries: [] };
  return readLog(options, ({ framework, entries }) => ({ framework, entries }));
}

function describe(suggestion: Suggestion, index: number, total: number): string {
  const { basis } = suggestion;
  const counts = [
    plural(basis.commits, 'commit'),
    plural(basis.files, 'file'),
    plural(basis.repositories, 'repository', 'repositories'),
    ...(basis.pullRequests > 0 ? [plural(basis.pullRequests, 'pull request')] : []),
    ...(basis.reviews > 0 ? [plural(basis.reviews, 'review')] : []),
  ];
  return [
    `[${index + 1}/${total}] ${suggestion.date}  ${suggestion.title}`,
    `  scope: ${suggestion.scope}   rests on: ${counts.join(', ')}`,
    ...(suggestion.competencies.length > 0
      ? suggestion.competencies.map((c) => `  shows ${c.id}: ${c.because.join('; ')}`)
      : ['  shows no competency its hints name: add one when you accept it, or drop it']),
    ...suggestion.links.map((link) => `  ${link}`),
  ].join('\n');
}

/** Reads the terminal (or piped) answers one line at a time; undefined at the end of input. */
function answers(): { next(prompt: string): Promise<string | undefined>; close(): void } {
  const lines = createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  return {
    async next(prompt) {
      process.stdout.write(prompt);
      const line = await lines.next();
      return line.done ? undefined : line.value.trim();
    },
    close: () => void lines.return?.(),
  };
}

async function choose(suggestions: Suggestion[]): Promise<{ accepted: EvidenceEntry[]; dropped: number }> {
  const input = answers();
  const accepted: EvidenceEntry[] = [];
  let dropped = 0;
  try {
    for (const [index, suggestion] of suggestions.entries()) {
      print(`\n${describe(suggestion, index, suggestions.length)}`);
      let answer = (await input.next('Accept? [a]ccept, [e]dit the title, [d]rop, [q]uit: '))?.toLowerCase();
      while (answer !== undefined && !['a', 'e', 'd', 'q', ''].includes(answer[0] ?? ''))
        answer = (await input.next('Type a, e, d or q: '))?.toLowerCase();
      if (answer === undefined || answer.startsWith('q')) break;
      if (answer.startsWith('d')) {
        dropped++;
        continue;
      }
      let title = suggestion.title;
      if (answer.startsWith('e')) {
        const edited = await input.next(`Title [${suggestion.title}]: `);
        if (edited) title = edited;
      }
      accepted.push(entryOf(suggestion, title));
    }
  } finally {
    input.close();
  }
  return { accepted, dropped };
}

async function addAll(
  options: TargetOptions,
  entries: EvidenceEntry[],
  framework: Framework,
): Promise<string> {
  const target = targetOf(options);
  if (target.kind === 'file') {
    for (const entry of entries) addToFile(target.file, { ...entry }, framework);
    return target.file;
  }
  await withWorkspace(target.db, async (workspace) => {
    const checked = await workspaceFramework(workspace, options.framework);
    await workspace.transaction(async (r) => {
      for (const entry of entries) await r.evidence.create(entry, checked);
    });
  });
  return databaseOption(target.db);
}

export function registerSuggestCommand(group: Command): void {
  group
    .command('suggest')
    .description(
      'Draft evidence entries from your own work: local git history and exported pull requests, mapped to the ladder',
    )
    .option('--git <dir...>', 'local git repositories to read (their whole history, every branch)', [])
    .option(
      '--prs <file>',
      'pull requests exported by `gh pr list --json …` or `glab mr list --output json` (repeat for several)',
      collect,
      [],
    )
    .option(
      '--author <email-or-login>',
      'you: a commit email or code-host login, matched exactly (repeat for several)',
      collect,
      [],
    )
    .option('--since <date>', 'only work on or after this date (YYYY-MM-DD)')
    .option('--until <date>', 'only work on or before this date (YYYY-MM-DD)')
    .option(
      '--interactive',
      'walk through the suggestions: accept, edit the title or drop each, then add the accepted ones',
    )
    .addOption(logOption())
    .addOption(dbOption())
    .addOption(frameworkOption())
    .option('--json', 'the suggestions as data')
    .action(async (options: SuggestOptions) => {
      if (options.git.length === 0 && options.prs.length === 0)
        throw new DomainError(
          'usage',
          'give --git DIR or --prs FILE (or both): the work records to draw from',
        );
      if (options.author.length === 0)
        throw new DomainError(
          'usage',
          'give --author with your commit email (and your code-host login for --prs): only your own work is suggested',
        );
      if (options.interactive && options.json)
        throw new DomainError('usage', '--interactive and --json do not go together: choose one');
      const since = dateOption(options.since, '--since');
      const until = dateOption(options.until, '--until');
      const { framework, entries } = await existingEntries(options);
      const commits: WorkCommit[] = [];
      for (const dir of options.git)
        commits.push(
          ...(await readGitHistory(dir, {
            authors: options.author,
            ...(since ? { since } : {}),
            ...(until ? { until } : {}),
          })),
        );
      const pulls: PullRequest[] = options.prs.flatMap((file) =>
        parsePullRequestExport(readTextFile(file), file),
      );
      const known = new Set(entries.flatMap((entry) => (entry.source ? [entry.source] : [])));
      const all = suggestEvidence({
        framework,
        commits,
        pulls,
        authors: options.author,
        ...(since ? { since } : {}),
        ...(until ? { until } : {}),
      });
      const suggestions = all.filter((s) => !known.has(s.source));
      const already = all.length - suggestions.length;
      if (options.json) {
        printJson({ suggestions, alreadyInLog: already });
        return;
      }
      const note = already > 0 ? ` (${already} already in the log)` : '';
      if (suggestions.length === 0) {
        print(`No new suggestions${note}.`);
        return;
      }
      if (!options.interactive) {
        print(suggestions.map((s, i) => describe(s, i, suggestions.length)).join('\n\n'));
        print(
          `\n${plural(suggestions.length, 'suggestion')}${note}. Nothing was stored: run again with --interactive to choose.`,
        );
        return;
      }
      const { accepted, dropped } = await choose(suggestions);
      const name = accepted.length > 0 ? await addAll(options, accepted, framework) : targetOf(options).kind;
      print(
        `\nAdded ${accepted.length} ${accepted.length === 1 ? 'entry' : 'entries'}${accepted.length > 0 ? ` to ${name}` : ''}; dropped ${dropped}; ${suggestions.length - accepted.length - dropped} left for later${note}.`,
      );
    });
}
