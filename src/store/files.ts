import { readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../core/problems.js';

/** The package root, found from this file whether it runs from src/ or from dist/. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const referenceFrameworkPath = resolve(packageRoot, 'frameworks', 'reference.yaml');

/** Reads a text file; a file that cannot be read is a usage error (exit 2), not bad content. */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String(code ?? error);
    throw new DomainError('usage', `cannot read ${path}: ${reason}`);
  }
}

/** Writes a whole file or nothing: a crash mid-write never leaves half a file behind. */
export function writeTextFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
