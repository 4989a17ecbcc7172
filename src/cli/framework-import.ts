import { basename } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { decodeUtf8 } from '../core/framework/import/encoding.js';
import {
  assertImportFormat,
  fidelitySummary,
  importFormats,
  importFramework,
  type ImportFormat,
  type ImportInput,
  type ImportNote,
} from '../core/framework/import/index.js';
import { loadFramework } from '../core/framework/load.js';
import { formatProblem } from '../core/problems.js';
import { readBytesFile, writeTextFileAtomic } from '../store/files.js';
import { readCsv, readXlsx } from '../store/spreadsheet.js';
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
      for (const file of bytes) inputs.push(await readInput(format, file.name, file.bytes));
      const { framework, notes, used, fidelity } = importFramework(format, inputs);

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

/** An input as its importer reads it: text checked to be UTF-8, or a spreadsheet's cells. */
async function readInput(format: ImportFormat, name: string, bytes: Uint8Array): Promise<ImportInput> {
  if (format === 'xlsx') return { name, text: '', sheet: await readXlsx(bytes, name) };
  const text = decodeUtf8(bytes, name);
  return format === 'csv' ? { name, text, sheet: readCsv(text, name) } : { name, text };
}

function formatNote(note: ImportNote): string {
  const where = [note.file, note.line, note.col].filter((part) => part !== undefined).join(':');
  return `${where || 'trellis'}: ${note.severity === 'warning' ? 'warning' : 'note'}: ${note.message}`;
}
