import type { Command } from 'commander';
import { readPayText } from '../core/pay/bands.js';
import { diffPay, payDiffLines } from '../core/pay/diff.js';
import { readTextFile } from '../store/files.js';
import { readFramework } from '../store/frameworks.js';
import { plural } from '../core/plural.js';
import { print, printJson } from './output.js';

/** `trellis pay`: the pay-bands file, checked and compared like a framework file. */
export function registerPayCommands(program: Command): void {
  const pay = program.command('pay').description('Pay bands as a file (pay.yaml): validate and diff');

  pay
    .command('validate')
    .description(
      'Check a pay-bands file, every problem at FILE:LINE:COL; its bands and levels against a framework',
    )
    .argument('<file>', 'a pay-bands file (YAML or JSON)')
    .option('--framework <file>', 'the framework whose bands and levels it names (default: the reference)')
    .action((file: string, options: { framework?: string }) => {
      const { framework } = readFramework(options.framework);
      const bands = readPayText(readTextFile(file), file, framework);
      print(
        `${file} is valid: ${plural(bands.ranges.length, 'range')}, ${bands.currency}, effective ${bands.effective}.`,
      );
    });

  pay
    .command('diff')
    .description('What changed between two pay-bands files: ranges added, removed and changed')
    .argument('<old>', 'the earlier file')
    .argument('<new>', 'the later file')
    .option('--json', 'machine-readable output')
    .action((oldFile: string, newFile: string, options: { json?: boolean }) => {
      const diff = diffPay(
        readPayText(readTextFile(oldFile), oldFile),
        readPayText(readTextFile(newFile), newFile),
      );
      if (options.json) return printJson(diff);
      const lines = payDiffLines(diff);
      print(lines.length === 0 ? 'No changes.' : lines.join('\n'));
    });
}
