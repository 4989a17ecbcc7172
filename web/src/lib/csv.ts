import { stringify } from 'csv-stringify/browser/esm/sync';

/**
 * Rows as CSV text, through the same library the server's CSV exports use (RFC 4180 quoting), so
 * a table downloaded from a page reads back exactly like one written by the CLI.
 */
export function csvText(rows: readonly (readonly string[])[]): string {
  return stringify(rows as string[][], { record_delimiter: 'unix' });
}
