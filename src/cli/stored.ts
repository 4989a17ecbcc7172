import { Option, type Command } from 'commander';
import { DomainError } from '../core/problems.js';
import { numberOption } from './output.js';
import { DEFAULT_DB, databaseName } from './database.js';

/**
 * `--db` and `--id` for the data commands that have a stored counterpart (assess, offers, earnings,
 * learn plan, tshape): with FILE and `--db`, the file is stored in the workspace as the API stores
 * it; without FILE, the command reads what is stored. The workspace is opened by `withWorkspace`,
 * the one way the commands open it.
 */

export const dbOption = () =>
  new Option(
    '--db [file]',
    `the workspace database: store FILE there, or without FILE read what is stored (default: TRELLIS_DB, else ${DEFAULT_DB})`,
  );

export const idOption = (what: string) =>
  new Option('--id <n>', `with --db and no FILE: the stored ${what} to use (default: the most recent)`);

export interface DbOptions {
  db?: string | true;
  id?: string;
}

/** What a command works on: a file alone, a file to store, or something stored. */
export type Source =
  | { kind: 'file'; file: string }
  | { kind: 'store'; file: string; db: string | undefined }
  | { kind: 'stored'; id: number | undefined; db: string | undefined };

const INPUT_FILE = /\.(ya?ml|json)$/i;

/**
 * Reads FILE, `--db` and `--id` into a source, or fails as a usage error. `--db [file]` takes the word
 * after it as the database, so `trellis assess --db me.yaml` would open me.yaml as SQLite: an input
 * file named there is refused with the order that works.
 */
export function sourceOf(file: string | undefined, options: DbOptions, command: Command): Source {
  if (options.db === undefined) {
    if (options.id !== undefined)
      throw new DomainError('usage', '--id names something stored in the workspace: give --db too');
    if (file === undefined) missingFile(command);
    return { kind: 'file', file };
  }
  const db = options.db === true ? undefined : options.db;
  if (db !== undefined && file === undefined && INPUT_FILE.test(db))
    throw new DomainError(
      'usage',
      `--db takes the word after it as the database, and "${db}" looks like an input file: write it before --db (trellis … ${db} --db), or name the database (--db ${DEFAULT_DB} ${db})`,
    );
  if (file !== undefined) {
    if (options.id !== undefined)
      throw new DomainError('usage', '--id reads something stored, FILE stores a new one: give one of them');
    return { kind: 'store', file, db };
  }
  return {
    kind: 'stored',
    id: options.id === undefined ? undefined : storedId(options.id, '--id'),
    db,
  };
}

/** Without FILE and without --db: the error commander gives for a missing argument, word for word. */
export function missingFile(command: Command): never {
  command.error("error: missing required argument 'file'", { code: 'commander.missingArgument' });
}

export function storedId(value: string, flag: string): number {
  return numberOption(value, flag, { integer: true, min: 1 });
}

/** The ids shown after "stored:", so that a wrong id is answered with the right ones. */
function listIds(ids: readonly number[]): string {
  const MAX = 20;
  return ids.length <= MAX ? ids.join(', ') : `${ids.slice(0, MAX).join(', ')} … (${ids.length} in all)`;
}

/**
 * The stored item `id`, or the most recent one when no id is given. An unknown id names the stored
 * ones; an empty store says how to fill it (`empty`). Both are exit 1.
 */
export async function pickStored<T>(
  repository: { ids(): Promise<number[]>; get(id: number): Promise<T> },
  id: number | undefined,
  {
    what,
    db,
    empty,
    latest,
  }: { what: string; db: string | undefined; empty: string; latest?: () => Promise<T | undefined> },
): Promise<T> {
  const ids = await repository.ids();
  if (ids.length === 0)
    throw new DomainError('not-found', `no ${what} stored in ${databaseName(db)} yet: ${empty}`);
  if (id === undefined) {
    const found = latest ? await latest() : await repository.get(ids[ids.length - 1]!);
    if (found !== undefined) return found;
  } else if (ids.includes(id)) return repository.get(id);
  throw new DomainError('not-found', `no stored ${what} ${String(id)}; stored: ${listIds(ids)}`);
}

/** The stored item a result is about, as `--json` shows it under `"stored"`. */
export interface StoredRef {
  id: number;
  name?: string;
  db: string;
}

/** The line printed after the text output: what was stored, or what was read. */
export function storedLine(what: string, ref: StoredRef, created: boolean): string {
  const named = ref.name === undefined ? '' : ` ("${ref.name}")`;
  return created
    ? `Stored as ${what} ${ref.id}${named} in ${ref.db}.`
    : `From the stored ${what} ${ref.id}${named} in ${ref.db}.`;
}
