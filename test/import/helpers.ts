import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { stringify } from 'yaml';
import type { ImportInput } from '../../src/core/framework/import/index.js';
import { loadFramework } from '../../src/core/framework/load.js';
import type { Framework, FrameworkInput } from '../../src/core/framework/schema.js';
import { DomainError, formatProblem } from '../../src/core/problems.js';
import { samples } from '../helpers/cli.js';

export const fixtures = resolve(import.meta.dirname, '..', 'fixtures', 'import');

/** An input as the CLI would pass it: the name as given, the text as read. */
export function sample(...parts: string[]): ImportInput {
  const name = join(samples, ...parts);
  return { name, text: readFileSync(name, 'utf8') };
}

export function fixture(...parts: string[]): ImportInput {
  const name = join(fixtures, ...parts);
  return { name, text: readFileSync(name, 'utf8') };
}

/** An importer that produces an invalid framework has a bug: fail with every problem listed. */
export function expectValid(framework: FrameworkInput): Framework {
  const { framework: loaded, problems } = loadFramework(stringify(framework), 'imported.yaml');
  const errors = problems.filter((p) => p.severity === 'error').map(formatProblem);
  expect(errors).toEqual([]);
  return loaded!;
}

/** Runs `fn` and returns the DomainError it throws. */
export function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
