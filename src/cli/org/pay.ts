import type { Command } from 'commander';
import { isKnownCurrency } from '../../core/comp/money.js';
import { payDiffLines } from '../../core/pay/diff.js';
import { plural } from '../../core/plural.js';
import { DomainError } from '../../core/problems.js';
import { readTextFile } from '../../store/files.js';
import { readCsvRecords } from '../../store/spreadsheet.js';
import { print } from '../output.js';
import { orgOptions, withOrganisation, type OrgOptions } from './common.js';

/** `trellis org pay …`: the organisation's pay bands, people's pay, and hr's justifications. */
export function registerOrgPayCommands(org: Command): void {
  const pay = org.command('pay').description("The organisation's pay: bands, people's pay, justifications");
  const bands = pay.command('bands').description('The pay bands of the ladder');

  orgOptions(
    bands
      .command('set')
      .description('Check a pay-bands file against the current framework and make it the bands (audited)')
      .argument('<file>', 'a pay-bands file (YAML or JSON)'),
  ).action(async (file: string, options: OrgOptions) => {
    const source = readTextFile(file);
    const set = await withOrganisation(options, (r) => r.pay.setBands(source, file));
    print(
      `Set the pay bands from ${file} (version ${set.number}): ${plural(set.bands.ranges.length, 'range')}.`,
    );
    if (set.diff) {
      const lines = payDiffLines(set.diff);
      print(lines.length === 0 ? 'No change from the bands before.' : lines.join('\n'));
    }
  });

  orgOptions(
    pay
      .command('import')
      .description(
        "Import people's pay from CSV (email,period,base,variable,fte): every row checked first, all or nothing",
      )
      .argument('<file>', 'a CSV file with a header row; annual gross figures, fte 1 when empty')
      .option('--currency <code>', 'the currency of the amounts (default: that of the pay bands)'),
  ).action(async (file: string, options: OrgOptions & { currency?: string }) => {
    if (options.currency !== undefined && !isKnownCurrency(options.currency))
      throw new DomainError('usage', `--currency: "${options.currency}" is not an ISO 4217 code such as EUR`);
    const records = readCsvRecords(readTextFile(file), file);
    const summary = await withOrganisation(options, (r) => r.pay.importCsv(records, options.currency));
    print(
      `Imported ${file}: ${summary.created} added, ${summary.replaced} replaced, for ${summary.periods.join(', ')}.`,
    );
  });

  orgOptions(
    pay
      .command('justify')
      .description("Record an objective, gender-neutral justification of a category's pay gap (audited)")
      .requiredOption('--period <period>', 'the period of the report, e.g. 2026')
      .requiredOption('--category <category>', 'the category, as the report names it (e.g. band-3)')
      .requiredOption('--reason <text>', 'the justification'),
  ).action(async (options: OrgOptions & { period: string; category: string; reason: string }) => {
    await withOrganisation(options, (r) => r.pay.justify(options.period, options.category, options.reason));
    print(`Recorded the justification of ${options.category} for ${options.period}.`);
  });

  orgOptions(
    org
      .command('setting')
      .description("Turn one of the organisation's settings on or off (audited): managers-see-pay")
      .argument('<key>', 'the setting')
      .argument('<value>', 'on or off'),
  ).action(async (key: string, value: string, options: OrgOptions) => {
    if (value !== 'on' && value !== 'off')
      throw new DomainError('usage', `the value is on or off, got "${value}"`);
    await withOrganisation(options, (r) => r.settings.set(key, value === 'on'));
    print(`${key} is ${value}.`);
  });
}
