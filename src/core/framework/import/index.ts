import { didYouMean } from '../../input/suggest.js';
import { DomainError } from '../../problems.js';
import type { ImportInput, ImportResult } from './common.js';
import { importFt } from './ft.js';
import { importMarkdown } from './markdown.js';
import { importMonzo } from './monzo.js';
import { importSnowflake } from './snowflake.js';
import { importSpreadsheet } from './spreadsheet.js';

export type { ImportInput, ImportNote, ImportResult } from './common.js';
export type { DroppedStatement, FidelityReport } from './fidelity.js';
export { fidelitySummary } from './fidelity.js';
export { slugify } from './slug.js';

const importers = {
  monzo: importMonzo,
  ft: importFt,
  markdown: importMarkdown,
  snowflake: importSnowflake,
  csv: importSpreadsheet,
  xlsx: importSpreadsheet,
} as const;

export type ImportFormat = keyof typeof importers;
export const importFormats = Object.keys(importers) as ImportFormat[];

/**
 * Converts another company's published framework into a Trellis framework. Throws a DomainError:
 * `usage` for an unknown format or a combination of files it will not merge, `invalid-input` with
 * located problems for content it cannot read.
 */
export function importFramework(format: string, inputs: ImportInput[]): ImportResult {
  assertImportFormat(format);
  if (inputs.length === 0) throw new DomainError('usage', 'no files to import');
  return importers[format](inputs);
}

/** Fails as a usage error listing the known formats; callers check before reading any file. */
export function assertImportFormat(format: string): asserts format is ImportFormat {
  if (!Object.hasOwn(importers, format)) {
    throw new DomainError(
      'usage',
      `unknown format "${format}"${didYouMean(format, importFormats)}: known formats are ${importFormats.join(', ')}`,
    );
  }
}
