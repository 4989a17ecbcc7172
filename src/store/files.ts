import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../core/problems.js';
import { diskFull, isDiskFull } from './faults.js';

/** The package root, found from this file whether it runs from src/ or from dist/. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const referenceFrameworkPath = resolve(packageRoot, 'frameworks', 'reference.yaml');

/** The package's version, from package.json: the one place it is written. */
export const packageVersion = (
  JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;

/** Reads a text file; a file that cannot be read is a usage error (exit 2), not bad content. */
export function readTextFile(path: string): string {
  const bytes = readBytesFile(path);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Reads a file's bytes, for inputs whose encoding is checked (or that are not text at all). */
export function readBytesFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DomainError('usage', `cannot read ${path}: ${missing ? 'no such file' : reasonOf(error)}`);
  }
}

/** Where a file is written through a temporary one: beside it, so that the rename stays on one disk. */
export function temporaryBeside(path: string): string {
  return join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);
}

/** How an output path is written: replaced whole through a temporary file, or written into as it is. */
type Destination = { kind: 'replace'; path: string; mode?: number } | { kind: 'through'; path: string };

/** Symbolic links followed before giving up, as the kernel does (ELOOP). */
const MAX_LINKS = 40;

/**
 * Decides how to write `path` without creating or replacing anything that is not a regular file:
 * a symbolic link is followed (the link stays, its target is written); a named pipe or a character
 * device (`/dev/stdout`, `/dev/null`) is written into; a missing folder, a directory, a block device
 * or a socket is refused.
 */
function destinationOf(path: string, links = 0): Destination {
  const refuse = (why: string) => new DomainError('usage', `cannot write ${path}: ${why}`);
  let stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (!existsSync(dirname(resolve(path))))
      throw refuse(`the folder ${dirname(path)} does not exist (it is not created)`);
    return { kind: 'replace', path };
  }
  if (stats.isSymbolicLink()) {
    if (links >= MAX_LINKS) throw refuse('too many symbolic links');
    return destinationOf(resolve(dirname(resolve(path)), readlinkSync(path)), links + 1);
  }
  if (stats.isFile()) return { kind: 'replace', path, mode: stats.mode & 0o7777 };
  if (stats.isFIFO() || stats.isCharacterDevice()) return { kind: 'through', path };
  if (stats.isDirectory()) throw refuse('it is a directory');
  throw refuse('it is a block device or a socket, not a file');
}

/**
 * Where a whole file written by another writer (the database's online backup) goes: the regular
 * file at `path`, or behind its symbolic links, or a new one in a folder that exists. A missing
 * folder, a pipe, a device or a directory is refused (exit 2): nothing is created.
 */
export function replaceableTarget(path: string): string {
  const destination = destinationOf(path);
  if (destination.kind === 'through')
    throw new DomainError('usage', `cannot write ${path}: it is a pipe or a device, not a file`);
  return destination.path;
}

/**
 * Writes a whole file or nothing: a crash mid-write never leaves half a file behind, and a failed
 * write leaves the previous file as it was. Pipes and devices are written into (see destinationOf).
 */
export function writeTextFileAtomic(path: string, text: string | Uint8Array): void {
  let temporary: string | undefined;
  try {
    const destination = destinationOf(path);
    if (destination.kind === 'through') {
      writeFileSync(destination.path, text);
      return;
    }
    temporary = temporaryBeside(destination.path);
    writeFileSync(temporary, text, { mode: destination.mode ?? 0o666 });
    if (destination.mode !== undefined) chmodSync(temporary, destination.mode);
    renameSync(temporary, destination.path);
  } catch (error) {
    if (temporary !== undefined) {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing was written where the temporary file would have gone.
      }
    }
    if (error instanceof DomainError) throw error;
    if (isDiskFull(error)) throw diskFull();
    throw new DomainError('usage', `cannot write ${path}: ${reasonOf(error)}`);
  }
}

/** A folder an earlier run may have written, and how to recognise it so that it may be replaced. */
export interface FolderMark {
  /** A file every such folder holds, e.g. `index.html`. */
  file: string;
  /** Text that file holds, e.g. the generator line of a site. */
  contains: string;
}

/**
 * Writes a folder of files whole or not at all: into a temporary folder beside `dir`, renamed into
 * place at the end, so that a reader never sees half a site. An existing folder is replaced only
 * when empty or when `mark` shows an earlier run wrote it; anything else there is refused, so that
 * no one's own files are overwritten. A missing parent folder is refused, as for single files.
 */
export function writeFolderAtomic(
  dir: string,
  files: readonly { path: string; text: string }[],
  mark: FolderMark,
): void {
  const refuse = (why: string) => new DomainError('usage', `cannot write ${dir}: ${why}`);
  let target = resolve(dir);
  if (!existsSync(dirname(target)))
    throw refuse(`the folder ${dirname(dir)} does not exist (it is not created)`);
  let exists = false;
  try {
    if (lstatSync(target).isSymbolicLink()) target = realpathSync(target);
    const stats = lstatSync(target);
    if (!stats.isDirectory()) throw refuse('it is not a folder');
    exists = true;
    if (readdirSync(target).length > 0 && !markedBy(target, mark))
      throw refuse('it holds files this command did not write: give a new or empty folder');
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw refuse(reasonOf(error));
  }
  const temporary = temporaryBeside(target);
  const previous = join(dirname(target), `.${basename(target)}.${process.pid}.old`);
  try {
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(temporary);
    for (const file of files) {
      const relative = normalize(file.path);
      if (isAbsolute(relative) || relative.startsWith('..')) throw new Error(`bad path ${file.path}`);
      const path = join(temporary, relative);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text);
    }
    if (exists) renameSync(target, previous);
    try {
      renameSync(temporary, target);
    } catch (error) {
      if (exists) renameSync(previous, target);
      throw error;
    }
    if (exists) rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    if (isDiskFull(error)) throw diskFull();
    throw refuse(reasonOf(error));
  }
}

function markedBy(dir: string, mark: FolderMark): boolean {
  try {
    return readFileSync(join(dir, mark.file), 'utf8').includes(mark.contains);
  } catch {
    return false;
  }
}

/** What went wrong with a file, in words rather than an error code. */
function reasonOf(error: unknown): string {
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    EEXIST: 'a file stands where a directory is needed',
    ENOTDIR: 'a file stands where a directory is needed',
    EROFS: 'read-only file system',
  };
  const code = (error as NodeJS.ErrnoException).code;
  return (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
}
