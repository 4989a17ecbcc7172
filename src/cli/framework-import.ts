import { basename } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import {
  assertImportFormat,
  importFormats,
  importFramework,
  type ImportNote,
} from '../core/framework/import/index.js';
import { loadFramework } from '../core/framework/load.js';
import { formatProblem } from '../core/problems.js';
import { readTextFile, writeTextFileAtomic } from '../store/files.js';
import { print, printJson } from './output.js';

export function registerImportCommand(group: Command): void {
  group
    .command('import')
    .description("Convert another company's published framework into a Trellis framework")
    .requiredOption('--from <format>', importFormats.join(' or '))
    .argument('<file...>', 'Monzo: a framework .md (with generic.md to inherit from); FT: a job-family .yml')
    .option('-o, --output <file>', 'write the framework YAML here instead of to stdout')
    .option('--json', 'print {"framework", "notes"} as JSON')
    .action((files: string[], options: { from: string; output?: string; json?: boolean }) => {
      assertImportFormat(options.from);
      // Read every file first: an unreadable one is a usage error (exit 2) before any conversion.
      const inputs = files.map((name) => ({ name, text: readTextFile(name) }));
      const { framework, notes, used } = importFramework(options.from, inputs);

      const header = [
        `# Imported by \`trellis framework import --from ${options.from}\` from ${used.map((f) => basename(f)).join(', ')}.`,
        '# Scope, impact and typical years of each level are placeholders: the source does not state them.',
      ].join('\n');
      const yamlText = `${header}\n${stringify(framework, { lineWidth: 0 })}`;

      // Validate exactly what is written: an importer that produces an invalid framework is a bug.
      const check = loadFramework(yamlText, options.output ?? 'imported framework');
      const errors = check.problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) {
        throw new Error(
          `the importer produced an invalid framework (a bug):\n${errors.map(formatProblem).join('\n')}`,
        );
      }
      const warnings: ImportNote[] = check.problems.map((p) => ({
        severity: 'warning',
        message: `imported framework: ${p.message}`,
      }));
      const allNotes = [...notes, ...warnings];

      if (options.output) writeTextFileAtomic(options.output, yamlText);
      if (options.json) {
        printJson({ framework, notes: allNotes });
      } else {
        for (const note of allNotes) process.stderr.write(`${formatNote(note)}\n`);
        if (options.output) {
          const tracks = framework.tracks.map((t) => t.id).join(' and ');
          print(
            `${options.output}: ${framework.levels.length} levels on ${tracks}, ${framework.competencies.length} competencies`,
          );
        } else print(yamlText);
      }
    });
}

function formatNote(note: ImportNote): string {
  const where = [note.file, note.line, note.col].filter((part) => part !== undefined).join(':');
  return `${where || 'trellis'}: ${note.severity === 'warning' ? 'warning' : 'note'}: ${note.message}`;
}
