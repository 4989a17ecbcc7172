import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assessment/evaluate.js';
import { importFramework } from '../../src/core/framework/import/index.js';
import { loadFrameworkOrThrow } from '../../src/core/framework/load.js';
import { findPaths } from '../../src/core/lattice/paths.js';
import { samples } from '../helpers/cli.js';

// The navigator works on any valid framework: here, the Financial Times ladder as imported.
const ftFile = join(samples, 'ft', 'job-families', 'engineering.yml');
const imported = importFramework('ft', [{ name: ftFile, text: readFileSync(ftFile, 'utf8') }]);
const ft = loadFrameworkOrThrow(stringify(imported.framework), 'ft.yaml');
const exactly = (id: string) =>
  Object.fromEntries(
    Object.entries(ft.levels.find((l) => l.id === id)!.expectations).map(([c, e]) => [c, e.rating]),
  );

describe('the navigator on an imported framework (FT engineering)', () => {
  it('ratings that exactly meet senior-1 meet it, and the next level up is senior-2-ic', () => {
    const result = assess(ft, { current: 'senior-1', ratings: exactly('senior-1') });
    expect(result.level).toBe('senior-1');
    expect(result.next.find((n) => n.relation === 'up')?.level).toBe('senior-2-ic');
  });

  it('the people-manager variant sits across at the same band', () => {
    const result = assess(ft, { current: 'senior-2-ic', ratings: exactly('senior-2-ic') });
    expect(result.next).toContainEqual(expect.objectContaining({ level: 'senior-2-pm', relation: 'across' }));
  });

  it('junior to principal-pm passes through the management track switch', () => {
    const best = findPaths(ft, 'junior', 'principal-pm').paths[0]!;
    expect(best.steps.at(-1)!.to).toBe('principal-pm');
    expect(best.steps.some((s) => s.kind === 'track-switch')).toBe(true);
    expect(best.steps.filter((s) => s.kind === 'promotion').length).toBeGreaterThanOrEqual(3);
  });
});
