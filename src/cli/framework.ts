import type { Command } from 'commander';
import { loadFramework } from '../core/framework/load.js';
import { frameworkJsonSchema } from '../core/framework/schema.js';
import { formatProblem, hasErrors } from '../core/problems.js';
import { readTextFile } from '../store/files.js';
import { registerImportCommand } from './framework-import.js';
import { print, printJson } from './output.js';

export function registerFrameworkCommands(program: Command): void {
  const group = program.command('framework').description('Validate, show, diff, render and import career frameworks');

  group
    .command('validate')
    .description('Check framework files deeply; every problem as FILE:LINE:COL: message')
    .argument('<file...>', 'framework files (YAML or JSON)')
    .option('--json', 'machine-readable output')
    .action((files: string[], options: { json?: boolean }) => {
      // Read every file first: an unreadable one is a usage error (exit 2) before any verdict.
      const texts = files.map((file) => ({ file, text: readTextFile(file) }));
      const results = texts.map(({ file, text }) => ({ file, ...loadFramework(text, file) }));
      const valid = results.every((r) => !hasErrors(r.problems));
      if (options.json) {
        printJson({
          valid,
          files: results.map((r) => ({
            file: r.file,
            valid: !hasErrors(r.problems),
            problems: r.problems.map(({ file: _file, ...problem }) => problem),
          })),
        });
      } else {
        for (const r of results) {
          for (const problem of r.problems) process.stderr.write(`${formatProblem(problem)}\n`);
          const errors = r.problems.filter((p) => p.severity === 'error').length;
          const warnings = r.problems.length - errors;
          const counts = [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean).join(', ');
          print(`${r.file}: ${errors === 0 ? 'valid' : 'invalid'}${counts ? ` (${counts})` : ''}`);
        }
      }
      process.exitCode = valid ? 0 : 1;
    });

  group
    .command('schema')
    .description('Print the JSON Schema of framework files, for editors')
    .action(() => printJson(frameworkJsonSchema()));

  registerImportCommand(group);
}
