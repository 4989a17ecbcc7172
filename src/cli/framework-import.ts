import type { Command } from 'commander';
import { DomainError } from '../core/problems.js';

export function registerImportCommand(group: Command): void {
  group
    .command('import')
    .description("Convert another company's published framework into a Trellis framework")
    .requiredOption('--from <format>', 'monzo or ft')
    .argument('<file...>')
    .action(() => {
      throw new DomainError('usage', 'import is not available yet');
    });
}
