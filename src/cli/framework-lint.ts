import type { Command } from 'commander';
import { lintFramework } from '../core/framework/lint/lint.js';
import { describeProblem, hasErrors, type Problem } from '../core/problems.js';
import { readTextFile } from '../store/files.js';
import { print, printJson } from './output.js';

/** `FILE:LINE:COL: severity rule-id: message`, the shape editors and CI annotate from. */
function formatFinding(p: Problem): string {
  const where = [p.file ?? '<input>', p.line, p.col].filter((x) => x !== undefined).join(':');
  return `${where}: ${p.severity} ${p.code}: ${describeProblem(p)}`;
}

export function registerLintCommand(group: Command): void {
  group
    .command('lint')
    .description(
      'Check what a framework says, beyond validate: observable behaviours, growth, reachable rules',
    )
    .argument('<file...>', 'framework files (YAML or JSON)')
    .option('--json', 'machine-readable output')
    .action((files: string[], options: { json?: boolean }) => {
      // Read every file first: an unreadable one is a usage error (exit 2) before any verdict.
      const texts = files.map((file) => ({ file, text: readTextFile(file) }));
      const results = texts.map(({ file, text }) => ({ file, ...lintFramework(text, file) }));
      const failed = results.some((r) => hasErrors(r.problems));
      if (options.json) {
        printJson({
          ok: !failed,
          files: results.map((r) => ({
            file: r.file,
            ok: !hasErrors(r.problems),
            off: r.off,
            findings: r.problems.map((p) => ({
              rule: p.code,
              severity: p.severity,
              message: p.message,
              path: p.path,
              line: p.line,
              col: p.col,
            })),
          })),
        });
      } else {
        for (const r of results) {
          for (const p of r.problems) process.stderr.write(`${formatFinding(p)}\n`);
          const errors = r.problems.filter((p) => p.severity === 'error').length;
          const warnings = r.problems.length - errors;
          const counts = [
            errors && `${errors} error${errors === 1 ? '' : 's'}`,
            warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`,
          ].filter(Boolean);
          print(
            `${r.file}: ${counts.length === 0 ? 'clean' : counts.join(', ')}${r.off.length > 0 ? ` (off: ${r.off.join(', ')})` : ''}`,
          );
        }
      }
      process.exitCode = failed ? 1 : 0;
    });
}
