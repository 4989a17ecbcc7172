import { labelledSource } from '../core/input/value.js';
import type { Command } from 'commander';
import {
  simulateEarnings,
  type EarningsInput,
  type EarningsReport,
  type Progress,
} from '../core/comp/earnings.js';
import { MAX_RUNS, readEarningsText, readEarningsValue } from '../core/comp/earnings-schema.js';
import { DEFAULT_MARKET, ladderFor, NO_MARKET } from '../core/comp/ladder.js';
import { readFramework } from '../store/frameworks.js';
import { DomainError } from '../core/problems.js';
import { readTextFile } from '../store/files.js';
import { scenariosKind } from '../store/repositories/documents.js';
import { alignedTable, money } from './offers.js';
import { numberOption, print, printJson } from './output.js';
import { databaseName } from './database.js';
import {
  dbOption,
  idOption,
  pickStored,
  sourceOf,
  storedLine,
  type DbOptions,
  type Source,
  type StoredRef,
} from './stored.js';
import { withWorkspace } from './workspace.js';

/** Below this many simulated career-years a run takes well under a second: no progress bar. */
const PROGRESS_THRESHOLD = 5_000_000;

export function registerEarningsCommands(program: Command): void {
  const group = program
    .command('earnings')
    .description('Career earnings under staying, promotion and job-change strategies');

  group
    .command('simulate')
    .description(
      'Simulate career earnings per strategy; prints p10, p50 and p90 of the total and of each year',
    )
    .argument(
      '[file]',
      'an earnings file (YAML or JSON); with --db, stored in the workspace (without FILE: a stored scenario)',
    )
    .option('--runs <n>', 'simulated careers per strategy (default: runs in the file, else 1000)')
    .option('--seed <s>', 'seed of the random draws (default: seed in the file, else 1)')
    .option(
      '--market <id>',
      `the market whose pay per level the careers walk (default: market in the file, else ${DEFAULT_MARKET}); ${NO_MARKET} for a salary alone`,
    )
    .option('--framework <file>', 'a framework file carrying market pay (default: the reference framework)')
    .addOption(dbOption())
    .addOption(idOption('scenario'))
    .option('--json', 'machine-readable output')
    .action(
      async (
        file: string | undefined,
        options: {
          runs?: string;
          seed?: string;
          market?: string;
          framework?: string;
          json?: boolean;
        } & DbOptions,
        command: Command,
      ) => {
        const { input, keep } = await scenarioInput(sourceOf(file, options, command));
        if (options.runs !== undefined) {
          input.runs = numberOption(options.runs, '--runs', { integer: true, min: 1 });
          if (input.runs > MAX_RUNS) {
            throw new DomainError('usage', `--runs must be at most ${MAX_RUNS}, got "${options.runs}"`);
          }
        }
        if (options.seed !== undefined) input.seed = numberOption(options.seed, '--seed', { integer: true });
        const ladder = inFile(file, () =>
          ladderFor(readFramework(options.framework).framework, input, options.market ?? input.market),
        );
        if (ladder !== undefined) input.ladder = ladder;
        const work = input.runs * input.years * input.strategies.length;
        const report = simulateEarnings(
          input,
          process.stderr.isTTY && work >= PROGRESS_THRESHOLD ? progressBar() : undefined,
        );
        for (const warning of report.warnings) process.stderr.write(`trellis: warning: ${warning}\n`);
        const kept = await keep();
        if (options.json) printJson(kept ? { ...report, stored: kept.ref } : report);
        else {
          const closing = kept ? `\n${storedLine('scenario', kept.ref, kept.created)}` : '';
          print(`${renderEarnings(report)}${closing}`);
        }
      },
    );
}

type Kept = { ref: StoredRef; created: boolean } | undefined;

/** Problems found in what the earnings file asked of the framework (its start level) name the file. */
function inFile<T>(file: string | undefined, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (file === undefined || !(error instanceof DomainError) || error.problems.length === 0) throw error;
    throw new DomainError(
      error.code,
      error.message,
      error.problems.map((p) => ({ ...p, file })),
    );
  }
}

/**
 * The scenario to simulate: FILE, or with `--db` a stored scenario (`--id`, else the most recent).
 * `keep`, called once the simulation has run, stores FILE when `--db` was given with it.
 */
async function scenarioInput(source: Source): Promise<{ input: EarningsInput; keep: () => Promise<Kept> }> {
  if (source.kind !== 'stored') {
    const read = readEarningsText(readTextFile(source.file), source.file);
    const input = read.earnings;
    if (source.kind === 'file') return { input, keep: async () => undefined };
    return {
      input,
      keep: async () => {
        // Stored as it was checked: the file is not read again.
        const document = { name: scenariosKind.defaultName(read.input), file: read.input };
        const stored = await withWorkspace(source.db, (workspace) => workspace.scenarios.store(document));
        return { ref: { id: stored.id, name: stored.name, db: databaseName(source.db) }, created: true };
      },
    };
  }
  const stored = await withWorkspace(
    source.db,
    (workspace) =>
      pickStored(workspace.scenarios, source.id, {
        what: 'scenario',
        db: source.db,
        empty: 'store one with trellis earnings simulate FILE --db, or POST /api/scenarios',
      }),
    { mustExist: true },
  );
  const label = `scenario ${stored.id}`;
  const input = readEarningsValue(stored.file, labelledSource(stored.file, label)).earnings;
  const ref = { id: stored.id, name: stored.name, db: databaseName(source.db) };
  return { input, keep: async () => ({ ref, created: false }) };
}

/** A one-line bar on stderr, redrawn only when the whole percentage changes. */
function progressBar(): Progress {
  let shown = -1;
  return (done, total) => {
    const percent = Math.floor((100 * done) / total);
    if (percent === shown) return;
    shown = percent;
    const filled = Math.round(percent / 4);
    process.stderr.write(`\r  simulating [${'#'.repeat(filled)}${' '.repeat(25 - filled)}] ${percent}%`);
    if (done >= total) process.stderr.write('\r\x1b[K');
  };
}

function renderEarnings(report: EarningsReport): string {
  const out = [
    `Career earnings, ${report.currency}: ${report.runs} runs per strategy, seed ${report.seed}`,
    '',
  ];
  out.push(
    alignedTable(
      ['Strategy', 'Total p10', 'Total p50', 'Total p90', 'Final salary p50'],
      report.strategies.map((s) => [
        s.name,
        s.total.p10,
        s.total.p50,
        s.total.p90,
        s.years[s.years.length - 1]?.p50 ?? 0,
      ]),
      report.currency,
    ),
  );
  out.push('', 'Salary by year, p50 (p10 and p90 in --json)');
  const years = report.strategies[0]?.years.length ?? 0;
  const rows: (string | number)[][] = [];
  for (let index = 0; index < years; index++) {
    rows.push([String(index + 1), ...report.strategies.map((s) => s.years[index]?.p50 ?? 0)]);
  }
  out.push(alignedTable(['Year', ...report.strategies.map((s) => s.name)], rows, report.currency));
  if (report.ladder !== undefined) out.push('', ...ladderLines(report));
  return out.join('\n');
}

/** Where each strategy stands at the end, and what its job changes left unvested. */
function ladderLines(report: EarningsReport): string[] {
  const ladder = report.ladder!;
  const title = new Map(ladder.levels.map((l) => [l.id, l.title]));
  const lines = [
    `Pay walks the levels of market ${ladder.market}${ladder.inflation === 0 ? '' : `, figures rising ${ladder.inflation * 100}% a year`}: base, bonus target and yearly equity; equity left unvested at a change is subtracted.`,
    '',
    `Level held in year ${report.strategies[0]?.years.length ?? 0} (share of runs), and equity forfeited over the career (p50):`,
  ];
  for (const s of report.strategies) {
    const last = s.years[s.years.length - 1]?.levels ?? {};
    const held = Object.entries(last)
      .sort((a, b) => b[1] - a[1])
      .map(([id, share]) => `${title.get(id) ?? id} ${share < 0.005 ? 'under 1' : Math.round(share * 100)}%`)
      .join(', ');
    lines.push(`  ${s.name}: ${held}; forfeited ${money(s.forfeited?.p50 ?? 0, report.currency)}`);
  }
  return lines;
}
