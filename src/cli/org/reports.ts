import type { Command } from 'commander';
import { structureTables } from '../../core/org/structure.js';
import { bandHealthRows, payGapCsvRows, payGapMarkdown } from '../../core/pay/tables.js';
import { DomainError } from '../../core/problems.js';
import { writeCsv } from '../../store/spreadsheet.js';
import { terminalTable } from '../format.js';
import { numberOption, print, printJson } from '../output.js';
import { orgOptions, withOrganisation, type OrgOptions } from './common.js';

interface GapOptions extends OrgOptions {
  period: string;
  minGroup?: string;
  categories?: string;
  json?: boolean;
  format?: string;
}

interface StructureOptions extends OrgOptions {
  json?: boolean;
  format?: string;
  table?: string;
  since?: string;
  until?: string;
  minGroup?: string;
}

/** `trellis org report …`: the pay-gap report and band health. */
export function registerOrgReportCommands(org: Command): void {
  const report = org.command('report').description('Reports over the organisation: pay gap, band health');

  orgOptions(
    report
      .command('pay-gap')
      .description('The gender pay-gap report of the EU Pay Transparency Directive for one period')
      .requiredOption('--period <period>', 'the period, e.g. 2026')
      .option('--min-group <n>', 'suppress a category with fewer women or men than this', '5')
      .option('--categories <rule>', 'band (default), level, or LEVEL=NAME,… (others stay in their band)')
      .option('--json', 'the report as JSON')
      .option('--format <format>', 'csv or md'),
  ).action(async (options: GapOptions) => {
    if (options.format !== undefined && options.format !== 'csv' && options.format !== 'md')
      throw new DomainError('usage', `--format expects csv or md, got "${options.format}"`);
    if (options.json && options.format !== undefined)
      throw new DomainError('usage', 'give --json or --format, not both');
    const minGroup = numberOption(options.minGroup ?? '5', '--min-group', {
      integer: true,
      min: 1,
      max: 1000,
    });
    // Loaded on demand, as the store is: other commands start without it.
    const { payGapOf } = await import('../../store/repositories/org/pay-reports.js');
    const gap = await withOrganisation(options, (r) =>
      payGapOf(r, { period: options.period, minGroup, categories: options.categories }),
    );
    if (options.json) return printJson(gap);
    if (options.format === 'csv') return print(writeCsv(payGapCsvRows(gap)));
    print(payGapMarkdown(gap));
  });

  orgOptions(
    report
      .command('structure')
      .description(
        'The shape of the organisation: headcount by level and track, spans of control, layers, time in level, leavers, promotions',
      )
      .option('--json', 'the report as JSON')
      .option('--format <format>', 'csv: every table, or the one --table names')
      .option(
        '--table <name>',
        'with --format csv: headcount, spans, layers, time-in-level, leavers or promotions',
      )
      .option('--since <day>', "promotions: the window's first day (default: a year before --until)")
      .option('--until <day>', "promotions: the window's last day (default: today)")
      .option('--min-group <n>', 'promotions: suppress a level held by fewer people than this', '5'),
  ).action(async (options: StructureOptions) => {
    if (options.format !== undefined && options.format !== 'csv')
      throw new DomainError('usage', `--format expects csv, got "${options.format}"`);
    const minGroup = numberOption(options.minGroup ?? '5', '--min-group', {
      integer: true,
      min: 1,
      max: 1000,
    });
    const { structureOf } = await import('../../store/repositories/org/pay-reports.js');
    const structure = await withOrganisation(options, (r) =>
      structureOf(r, { since: options.since, until: options.until, minGroup }),
    );
    if (options.json) return printJson(structure);
    const tables = structureTables(structure);
    if (options.table !== undefined && !Object.hasOwn(tables, options.table))
      throw new DomainError(
        'usage',
        `--table expects one of ${Object.keys(tables).join(', ')}, got "${options.table}"`,
      );
    const chosen =
      options.table === undefined
        ? Object.entries(tables)
        : [[options.table, tables[options.table]!] as const];
    if (options.format === 'csv')
      return print(
        chosen
          .map(([name, rows]) => (options.table === undefined ? `${name}\n` : '') + writeCsv(rows))
          .join('\n'),
      );
    for (const [name, [head, ...rows]] of chosen) print(`${name}\n${terminalTable(head!, rows)}`);
  });

  orgOptions(
    report
      .command('bands')
      .description(
        'Band health: compa-ratio and range penetration, people outside their range, IC and management parity',
      )
      .option('--period <period>', 'the period of pay (default: the latest)')
      .option('--json', 'every person and band as JSON'),
  ).action(async (options: OrgOptions & { period?: string; json?: boolean }) => {
    const { bandHealthOf } = await import('../../store/repositories/org/pay-reports.js');
    const health = await withOrganisation(options, (r) => bandHealthOf(r, options.period));
    if (options.json) return printJson(health);
    const rows = bandHealthRows(health, health.currency);
    print(
      `Band health, ${health.period} (${health.currency}): ${health.belowMin} below their range, ${health.aboveMax} above.`,
    );
    if (rows.outside.length > 0)
      print(terminalTable(['email', 'level', 'zone', 'pay', 'compa', 'penetration', ''], rows.outside));
    print(terminalTable(['band', 'IC median (people)', 'management median (people)', 'gap'], rows.parity));
  });
}
