import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../core/problems.js';

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

/** Writes a whole file or nothing: a crash mid-write never leaves half a file behind. */
export function writeTextFileAtomic(path: string, text: string | Uint8Array): void {
  const temporary = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);
  try {
    if (existsSync(path) && statSync(path).isDirectory()) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written where the temporary file would have gone.
    }
    throw new DomainError('usage', `cannot write ${path}: ${reasonOf(error)}`);
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
    ENOSPC: 'no space left on the device',
  };
  const code = (error as NodeJS.ErrnoException).code;
  return (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
}
