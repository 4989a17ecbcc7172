import type { Command } from 'commander';
import {
  assertImportFormat,
  fidelitySummary,
  importFormats,
  type ImportInput,
  type ImportNote,
} from '../core/framework/import/index.js';
import { publishImport } from '../core/framework/import/publish.js';
import { readBytesFile, writeTextFileAtomic } from '../store/files.js';
import { readImportInput } from '../store/import-files.js';
import { print, printJson } from './output.js';

export function registerImportCommand(group: Command): void {
  group
    .command('import')
    .description("Convert another company's published framework into a Trellis framework")
    .requiredOption('--from <format>', `one of ${importFormats.join(', ')}`)
    .argument(
      '<file...>',
      'Monzo: a framework .md (with generic.md to inherit from); FT: a job-family .yml; markdown: a heading-structured .md; snowflake: constants.js; csv, xlsx: a competency × level matrix',
    )
    .option('-o, --output <file>', 'write the framework YAML here instead of to stdout')
    .option('--json', 'print {"framework", "notes", "fidelity"} as JSON')
    .action(async (files: string[], options: { from: string; output?: string; json?: boolean }) => {
      const format = options.from;
      assertImportFormat(format);
      // Read every file first: an unreadable one is a usage error (exit 2) before any conversion.
      const bytes = files.map((name) => ({ name, bytes: readBytesFile(name) }));
      const inputs: ImportInput[] = [];
      for (const file of bytes) inputs.push(await readImportInput(format, file.name, file.bytes));
      const published = publishImport(
        format,
        inputs,
        `\`trellis framework import --from ${options.from}\``,
        options.output ?? 'imported framework',
      );
      const { framework, fidelity, yaml: yamlText, notes: allNotes } = published;

      if (options.output) writeTextFileAtomic(options.output, yamlText);
      if (options.json) {
        printJson({ framework, notes: allNotes, ...(fidelity ? { fidelity } : {}) });
      } else {
        for (const note of allNotes) process.stderr.write(`${formatNote(note)}\n`);
        if (fidelity) {
          for (const d of fidelity.dropped)
            process.stderr.write(`${d.path}:${d.line}: warning: dropped: ${d.reason}\n`);
          process.stderr.write(`trellis: ${fidelitySummary(fidelity)}\n`);
        }
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
