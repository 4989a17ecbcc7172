import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const binary = join(repoRoot, 'dist', 'cli', 'main.js');
/** Published frameworks (MIT-licensed, with their licences) kept as test inputs. */
export const samples = join(repoRoot, 'test', 'fixtures', 'samples');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real built `trellis` binary (npm test builds it first). */
export function trellis(
  args: string[],
  options: { cwd?: string; input?: string; env?: Record<string, string> } = {},
): CliResult {
  const result = spawnSync(process.execPath, [binary, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, ...options.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory for one test's files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'trellis-test-'));
}

export function writeTemp(name: string, text: string, dir = tempDir()): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
