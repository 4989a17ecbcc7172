import { decodeUtf8 } from '../core/framework/import/encoding.js';
import type { ImportFormat, ImportInput } from '../core/framework/import/index.js';
import { readCsv, readXlsx } from './spreadsheet.js';

/**
 * A file to import as its importer reads it: text checked to be UTF-8, or a spreadsheet's cells.
 * The command line reads the bytes from disk, the API from the request: both end here.
 */
export async function readImportInput(
  format: ImportFormat,
  name: string,
  bytes: Uint8Array,
): Promise<ImportInput> {
  if (format === 'xlsx') return { name, text: '', sheet: await readXlsx(bytes, name) };
  const text = decodeUtf8(bytes, name);
  return format === 'csv' ? { name, text, sheet: readCsv(text, name) } : { name, text };
}
