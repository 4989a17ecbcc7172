import { CompiledQuery } from 'kysely';
import type { Db } from './repositories/common.js';
import type { Tables } from './tables.js';

/** Parameters in one statement: far below SQLite's and PostgreSQL's own limits. */
const MAX_PARAMETERS = 4800;

/**
 * Writes `rows` into `table` as multi-row inserts, in order. Every row has the same columns, in the
 * same order (the first row's). The statement's text is compiled once for a full batch and once for
 * the last, shorter one, with placeholders only; each batch then runs that text with its values, so
 * that the work per row is placing its values, not building and compiling a query of its own (for an
 * import of fifty thousand entries, most of the writing time). On SQLite the driver's statement cache
 * prepares each text once.
 */
export async function insertRows<T extends keyof Tables & string>(
  db: Db,
  table: T,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const perBatch = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const texts = new Map<number, string>();
  for (let start = 0; start < rows.length; start += perBatch) {
    const count = Math.min(perBatch, rows.length - start);
    let text = texts.get(count);
    if (text === undefined) {
      text = statementText(db, table, columns, count);
      texts.set(count, text);
    }
    const parameters: unknown[] = new Array(count * columns.length);
    let at = 0;
    for (let row = start; row < start + count; row++) {
      const values = rows[row]!;
      for (const column of columns) parameters[at++] = values[column];
    }
    await db.executeQuery(CompiledQuery.raw(text, parameters));
  }
}

/** The text of an insert of `count` rows of `columns` in the handle's own dialect, values as placeholders. */
function statementText(db: Db, table: string, columns: readonly string[], count: number): string {
  const placeholder = Object.fromEntries(columns.map((column) => [column, null]));
  const compiled = db
    .insertInto(table as keyof Tables)
    .values(Array.from({ length: count }, () => placeholder) as never)
    .compile();
  // Each value a parameter, row by row and column by column: what the batches fill in.
  if (compiled.parameters.length !== count * columns.length)
    throw new Error(`an insert into ${table} did not compile to one parameter per value`);
  return compiled.sql;
}
