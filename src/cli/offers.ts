import { labelledSource } from '../core/input/value.js';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { compareOffers, type Comparison } from '../core/comp/compare.js';
import { leaveCost, type LeaveReport } from '../core/comp/leave.js';
import { formatMoney, major, minorDigits, toMinor } from '../core/comp/money.js';
import { negotiationBrief, type NegotiationBrief } from '../core/comp/negotiate.js';
import type { Horizon } from '../core/comp/offer.js';
import {
  MAX_YEARS,
  parseOffersFile,
  readOffersValue,
  selectOffer,
  withinFile,
  type ParsedOffers,
} from '../core/comp/offer-schema.js';
import { DomainError } from '../core/problems.js';
import { readTextFile } from '../store/files.js';
import { offersKind } from '../store/repositories/documents.js';
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

/**
 * A table whose numeric columns are amounts of `currency`, right-aligned so that they line up on
 * the decimal point.
 */
export function alignedTable(head: string[], rows: (string | number)[][], currency: string): string {
  const table = new Table({ head, style: { head: [], border: [], compact: false } });
  for (const row of rows) {
    table.push(
      row.map((cell) =>
        typeof cell === 'number' ? { content: money(cell, currency), hAlign: 'right' as const } : cell,
      ),
    );
  }
  return table.toString();
}

/**
 * An amount of a report as printed in tables: grouped thousands, the currency's decimals (none for
 * JPY). Reports are in major units; sums of them made for a table are too.
 */
export function money(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  return formatMoney(toMinor(major(amount), digits), digits);
}

function readOffers(file: string): ParsedOffers {
  return parseOffersFile(readTextFile(file), file);
}

/**
 * The offers a command computes on: FILE, or with `--db` a stored offer file (`--id`, else the most
 * recent), whose problems name what was read (FILE, or "offer file 3"); `keep`, called once the computation succeeded, stores FILE when `--db` was given with it, so that a
 * failed command stores nothing.
 */
interface OffersInput {
  parsed: ParsedOffers;
  keep: () => Promise<{ ref: StoredRef; created: boolean } | undefined>;
}

async function offersInput(source: Source): Promise<OffersInput> {
  if (source.kind === 'file') return { parsed: readOffers(source.file), keep: async () => undefined };
  const db = databaseName(source.db);
  if (source.kind === 'store') {
    const parsed = readOffers(source.file);
    return {
      parsed,
      keep: async () => {
        // Stored as it was checked: the file is not read again.
        const document = { name: offersKind.defaultName(parsed.input), file: parsed.input };
        const stored = await withWorkspace(source.db, (workspace) => workspace.offers.store(document));
        return { ref: { id: stored.id, name: stored.name, db }, created: true };
      },
    };
  }
  const stored = await withWorkspace(
    source.db,
    (workspace) =>
      pickStored(workspace.offers, source.id, {
        what: 'offer file',
        db: source.db,
        empty: 'store one with trellis offers compare FILE --db, or POST /api/offers',
      }),
    { mustExist: true },
  );
  const label = `offer file ${stored.id}`;
  return {
    parsed: readOffersValue(stored.file, labelledSource(stored.file, label)),
    keep: async () => ({ ref: { id: stored.id, name: stored.name, db }, created: false }),
  };
}

/** Prints a result, with `"stored"` in JSON and a closing line in text when the workspace was used. */
function printResult<T extends object>(
  result: T,
  text: (result: T) => string,
  kept: { ref: StoredRef; created: boolean } | undefined,
  json: boolean | undefined,
): void {
  if (json) printJson(kept ? { ...result, stored: kept.ref } : result);
  else {
    const closing = kept ? `\n${storedLine('offer file', kept.ref, kept.created)}` : '';
    print(`${text(result)}${closing}`);
  }
}

function horizonOptions(options: { years?: string; growth?: string }): Partial<Horizon> {
  const horizon: Partial<Horizon> = {};
  if (options.years !== undefined) {
    horizon.years = numberOption(options.years, '--years', { integer: true, min: 1 });
    // The same bound as the file's assumptions.years.
    if (horizon.years > MAX_YEARS)
      throw new DomainError('usage', `--years must be at most ${MAX_YEARS}, got "${options.years}"`);
  }
  if (options.growth !== undefined) {
    const growth = numberOption(options.growth, '--growth');
    // At −100% the shares are worthless and refreshers could buy infinitely many of them.
    if (growth <= -1)
      throw new DomainError('usage', `--growth must be greater than -1, got "${options.growth}"`);
    horizon.stockGrowth = growth;
  }
  return horizon;
}

function percent(fraction: number, digits = 4): string {
  return `${Number((fraction * 100).toPrecision(digits))}%`;
}

const fileHelp =
  'an offer file (YAML or JSON); with --db, stored in the workspace (without FILE: a stored one)';

export function registerOfferCommands(program: Command): void {
  const group = program
    .command('offers')
    .description('Compare job offers: vesting, options, leaving costs and negotiation');

  group
    .command('compare')
    .description(
      'Year-by-year liquid pay of every offer in a file, options apart, under bear, flat and bull stock',
    )
    .argument('[file]', fileHelp)
    .option('--years <n>', 'horizon in years (default: assumptions.years)')
    .option('--growth <g>', 'annual share price growth, e.g. 0.05 (default: assumptions.stockGrowth)')
    .addOption(dbOption())
    .addOption(idOption('offer file'))
    .option('--json', 'machine-readable output')
    .action(
      async (
        file: string | undefined,
        options: { years?: string; growth?: string; json?: boolean } & DbOptions,
        command: Command,
      ) => {
        // First, as when FILE was a required argument: a missing one is the first error reported.
        const source = sourceOf(file, options, command);
        const horizon = horizonOptions(options);
        const { parsed, keep } = await offersInput(source);
        const comparison = withinFile(parsed, () => compareOffers(parsed.file, horizon));
        printResult(comparison, renderComparison, await keep(), options.json);
      },
    );

  group
    .command('leave')
    .description('What leaving an offer after M months costs: forfeited equity and signing bonus paid back')
    .argument('[file]', fileHelp)
    .requiredOption('--offer <name>', 'the offer, by name')
    .requiredOption('--month <m>', 'months worked before leaving')
    .option('--growth <g>', 'annual share price growth (default: assumptions.stockGrowth)')
    .addOption(dbOption())
    .addOption(idOption('offer file'))
    .option('--json', 'machine-readable output')
    .action(
      async (
        file: string | undefined,
        options: { offer: string; month: string; growth?: string; json?: boolean } & DbOptions,
        command: Command,
      ) => {
        // First, as when FILE was a required argument: a missing one is the first error reported.
        const source = sourceOf(file, options, command);
        const month = numberOption(options.month, '--month', {
          integer: true,
          min: 1,
          max: MAX_YEARS * 12,
        });
        const horizon = horizonOptions(options);
        const { parsed, keep } = await offersInput(source);
        const offer = selectOffer(parsed, options.offer);
        const report = withinFile(parsed, () =>
          leaveCost(offer, month, horizon.stockGrowth ?? parsed.file.stockGrowth),
        );
        printResult(report, (r) => renderLeave(r, parsed.file.currency), await keep(), options.json);
      },
    );

  group
    .command('negotiate')
    .description('A negotiation brief for one offer against the best of the others')
    .argument('[file]', fileHelp)
    .requiredOption('--offer <name>', 'the offer to negotiate, by name')
    .option('--years <n>', 'horizon in years (default: assumptions.years)')
    .option('--growth <g>', 'annual share price growth (default: assumptions.stockGrowth)')
    .addOption(dbOption())
    .addOption(idOption('offer file'))
    .option('--json', 'machine-readable output')
    .action(
      async (
        file: string | undefined,
        options: { offer: string; years?: string; growth?: string; json?: boolean } & DbOptions,
        command: Command,
      ) => {
        // First, as when FILE was a required argument: a missing one is the first error reported.
        const source = sourceOf(file, options, command);
        const horizon = horizonOptions(options);
        const { parsed, keep } = await offersInput(source);
        const offer = selectOffer(parsed, options.offer);
        const brief = withinFile(parsed, () => negotiationBrief(parsed.file, offer, horizon));
        printResult(brief, renderBrief, await keep(), options.json);
      },
    );
}

function renderComparison(comparison: Comparison): string {
  const out: string[] = [
    `Offers over ${comparison.years} years, ${comparison.currency}, share prices growing ${percent(comparison.stockGrowth)} a year`,
  ];
  for (const offer of comparison.offers) {
    out.push('', offer.name);
    const rows: (string | number)[][] = offer.years.map((y) => [
      String(y.year),
      y.base,
      y.bonus,
      y.signing,
      y.equity,
      y.total,
      y.illiquid,
    ]);
    const totalOf = (key: 'base' | 'bonus' | 'signing' | 'equity') =>
      offer.years.reduce((sum, y) => sum + y[key], 0);
    rows.push([
      'all',
      totalOf('base'),
      totalOf('bonus'),
      totalOf('signing'),
      totalOf('equity'),
      offer.total,
      offer.illiquid,
    ]);
    out.push(
      alignedTable(
        ['Year', 'Base', 'Bonus', 'Signing', 'Equity', 'Total', 'Illiquid (not in total)'],
        rows,
        comparison.currency,
      ),
    );
    for (const option of offer.options) {
      out.push(
        alignedTable(
          ['Options', 'Exercise cost', 'Paper value', 'Spread at 409A', 'Exit value, net', 'Expected value'],
          [
            [
              `${option.shares.toLocaleString('en-US')} ${option.kind.toUpperCase()}`,
              option.exerciseCost,
              option.paperValue,
              option.spreadAtFmv,
              option.exitValueNet ?? '–',
              option.expectedValue ?? '–',
            ],
          ],
          comparison.currency,
        ),
      );
      const exit = option.ownershipAtExit === null ? '' : `, ${percent(option.ownershipAtExit)} at exit`;
      const tax =
        option.tax.treatment === 'ordinary-income'
          ? 'ordinary income at exercise'
          : option.tax.treatment === 'amt-preference'
            ? 'an AMT preference item'
            : 'part AMT preference, part ordinary income';
      out.push(
        `  ownership ${percent(option.ownership)} now${exit}; the spread is ${tax}, estimated tax ${money(option.tax.estimate, comparison.currency)}`,
      );
      for (const flag of option.flags) out.push(`  ! ${flag}`);
    }
  }
  out.push('', 'Totals under stock scenarios (liquid pay only)');
  const scenarioRows = comparison.offers.map((offer) => [
    offer.name,
    offer.total,
    ...comparison.scenarios.map((s) => s.totals.find((t) => t.name === offer.name)?.total ?? 0),
  ]);
  out.push(
    alignedTable(
      ['Offer', 'As assumed', ...comparison.scenarios.map((s) => `${s.name} (${percent(s.stockGrowth)})`)],
      scenarioRows,
      comparison.currency,
    ),
  );
  out.push(`Best: ${comparison.best}; ${comparison.scenarios.map((s) => `${s.name}: ${s.best}`).join(', ')}`);
  for (const pair of comparison.breakEven) {
    const [a, b] = pair.offers;
    out.push(
      pair.leader === null
        ? `${a} and ${b} finish level`
        : `${pair.leader} ${pair.month === 1 ? 'leads from the first month' : `pulls ahead for good in month ${pair.month}`} (${a} vs ${b})`,
    );
  }
  return out.join('\n');
}

function renderLeave(report: LeaveReport, currency: string): string {
  const rows: (string | number)[][] = [
    ['RSU shares vested', String(report.vestedShares)],
    ['Vested value', report.vestedValue],
    ['RSU shares forfeited', String(report.forfeitedShares)],
    ['Forfeited value (at scheduled vests)', report.forfeitedValue],
    ['Signing bonus to pay back', report.clawback],
  ];
  report.options.forEach((option, index) => {
    rows.push([
      `Options grant ${index + 1}: vested / forfeited`,
      `${option.vestedShares} / ${option.forfeitedShares}`,
    ]);
    rows.push([`  cost to exercise within ${option.exerciseWindowDays} days`, option.exerciseCost]);
  });
  return [
    `Leaving ${report.offer} after ${report.month} months (${currency})`,
    alignedTable(['', 'Amount'], rows, currency),
  ].join('\n');
}

function renderBrief(brief: NegotiationBrief): string {
  const out = [`Negotiation brief: ${brief.offer} (${brief.currency})`];
  if (brief.against === null) out.push('', 'No competing offer in the file: add one to measure the gap.');
  else {
    out.push(
      '',
      `Against the best competing offer, ${brief.against} (a positive gap means ${brief.offer} trails):`,
    );
    const rows: (string | number)[][] = brief.gaps.map((g) => [String(g.year), g.offer, g.against, g.gap]);
    rows.push([
      'all',
      brief.gaps.reduce((s, g) => s + g.offer, 0),
      brief.gaps.reduce((s, g) => s + g.against, 0),
      brief.totalGap,
    ]);
    out.push(alignedTable(['Year', brief.offer, brief.against, 'Gap'], rows, brief.currency));
    out.push(
      `Signing bonus that would close the year-one gap: ${money(brief.signingToCloseYearOne, brief.currency)}`,
    );
  }
  out.push('', 'Still open to ask for:', ...brief.openComponents.map((c) => `  - ${c}`));
  out.push(
    '',
    'Equity questions:',
    ...brief.equityQuestions.map(
      (q) => `  - ${q.question} ${q.known === null ? '(not stated: ask)' : `(offer: ${q.known})`}`,
    ),
  );
  out.push('', 'Principles:', ...brief.principles.map((p, i) => `  ${i + 1}. ${p}`));
  return out.join('\n');
}
