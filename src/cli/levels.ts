import type { Command } from 'commander';
import { mapLevel, type CompanyCodes } from '../core/framework/levelmap.js';
import { readFramework } from '../store/frameworks.js';
import { print, printJson } from './output.js';

export function registerLevelCommands(program: Command): void {
  const group = program.command('levels').description("Map levels between companies' ladders");

  group
    .command('map')
    .description('Where a company level lands in the framework, and what it is called elsewhere')
    .argument('<company>', 'a company id or name, e.g. google')
    .argument('<code>', "the company's level code, e.g. L5")
    .option('--to <company>', 'only the equivalent at this company')
    .option('--framework <file>', 'a framework file (default: the reference framework)')
    .option('--json', 'machine-readable output')
    .action((company: string, code: string, options: { to?: string; framework?: string; json?: boolean }) => {
      const { framework } = readFramework(options.framework);
      const mapping = mapLevel(framework, company, code, options.to);
      if (options.json) {
        printJson(mapping);
        return;
      }
      const name = (id: string) => framework.companies.find((c) => c.id === id)?.name ?? id;
      const qualifier = {
        level: '',
        band: ' (same band, other track)',
        nearest: ' (nothing at this band; the codes one band either side)',
        none: 'nothing within one band',
      };
      const codes = (e: CompanyCodes) =>
        `${e.codes.join(', ')}${qualifier[e.match]}${e.note ? ` (${e.note})` : ''}`;
      const lines = [
        `${name(mapping.company)} ${mapping.code} = ${mapping.title} (${mapping.level}): ${mapping.track} track, band ${mapping.band ?? '–'}`,
      ];
      if (mapping.to) lines.push(`At ${name(mapping.to.company)}: ${codes(mapping.to)}`);
      else if (mapping.equivalents.length > 0) {
        lines.push('Equivalents:');
        const width = Math.max(...mapping.equivalents.map((e) => name(e.company).length));
        for (const e of mapping.equivalents) lines.push(`  ${name(e.company).padEnd(width)}  ${codes(e)}`);
      }
      if (mapping.caveats.length > 0) {
        lines.push('Caveats:');
        for (const c of mapping.caveats) lines.push(`  ${name(c.company)}: ${c.text}`);
      }
      print(lines.join('\n'));
    });
}
