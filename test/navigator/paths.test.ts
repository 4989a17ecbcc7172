import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFrameworkOrThrow } from '../../src/core/framework/load.js';
import type { Framework } from '../../src/core/framework/schema.js';
import { findPaths } from '../../src/core/lattice/paths.js';
import { reachWithin } from '../../src/core/lattice/reach.js';
import { repoRoot, trellis } from '../helpers/cli.js';

const reference = loadFrameworkOrThrow(
  readFileSync(join(repoRoot, 'frameworks', 'reference.yaml'), 'utf8'),
  'reference.yaml',
);
const minimal = loadFrameworkOrThrow(
  readFileSync(join(repoRoot, 'test', 'fixtures', 'frameworks', 'minimal.yaml'), 'utf8'),
  'minimal.yaml',
);
const nodesOf = (steps: { from: string; to: string }[]) => [steps[0]!.from, ...steps.map((s) => s.to)];

describe('paths across the reference lattice', () => {
  it('junior to senior takes two promotions and 4–7 years', () => {
    const best = findPaths(reference, 'junior', 'senior').paths[0]!;
    expect(best.steps.map((s) => [s.from, s.to, s.kind])).toEqual([
      ['junior', 'mid', 'promotion'],
      ['mid', 'senior', 'promotion'],
    ]);
    expect(best.years).toEqual({ min: 4, max: 7 });
  });

  it('the years of a promotion are the typical years of the level left', () => {
    const best = findPaths(reference, 'junior', 'mid').paths[0]!;
    expect(best.steps[0]!.years).toEqual(reference.levels.find((l) => l.id === 'junior')!.years);
  });

  it('senior to director passes through engineering manager, on the best path', () => {
    const best = findPaths(reference, 'senior', 'director').paths[0]!;
    expect(nodesOf(best.steps)).toEqual(['senior', 'tech-lead', 'em', 'senior-em', 'director']);
    // Every way there climbs the management track at some point.
    for (const path of findPaths(reference, 'senior', 'director', { top: 5 }).paths)
      expect(nodesOf(path.steps)).toContain('senior-em');
  });

  it('senior to product manager is one lateral move', () => {
    const best = findPaths(reference, 'senior', 'pm').paths[0]!;
    expect(best.steps).toEqual([expect.objectContaining({ from: 'senior', to: 'pm', kind: 'lateral' })]);
  });

  it('a reset to a new specialisation shows its temporary setback', () => {
    const path = findPaths(reference, 'senior', 'mid').paths.find(
      (p) => p.steps[0]!.kind === 'specialisation-change',
    )!;
    expect(path.steps[0]!.levelChange).toBe(-1);
  });

  it('paths come best first by expected years, ties to fewer moves', () => {
    const { paths } = findPaths(reference, 'junior', 'director', { top: 5 });
    for (let i = 1; i < paths.length; i++)
      expect(paths[i]!.expectedYears).toBeGreaterThanOrEqual(paths[i - 1]!.expectedYears);
    for (const p of paths) expect(p.expectedYears).toBe((p.years.min + p.years.max) / 2);
  });

  it('--avoid management keeps every intermediate step off the management track', () => {
    const { paths } = findPaths(reference, 'senior', 'principal', { avoid: 'management', top: 5 });
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths)
      for (const node of nodesOf(p.steps))
        expect(reference.levels.find((l) => l.id === node)?.track ?? 'role').not.toBe('management');
  });

  it('--max-moves bounds the number of moves', () => {
    expect(findPaths(reference, 'junior', 'director', { maxMoves: 3 }).paths).toEqual([]);
    for (const p of findPaths(reference, 'junior', 'director', { maxMoves: 6, top: 10 }).paths)
      expect(p.steps.length).toBeLessThanOrEqual(6);
  });

  it('where can I be in 6 years from senior', () => {
    const reach = reachWithin(reference, 'senior', 6);
    const where = reach.reachable.map((r) => r.level);
    expect(where).toEqual(expect.arrayContaining(['staff', 'em', 'tech-lead', 'pm']));
    expect(where).not.toContain('director');
    for (const r of reach.reachable) expect(r.path.expectedYears).toBeLessThanOrEqual(6);
  });
});

describe('properties', () => {
  const ids = [...reference.levels.map((l) => l.id), ...reference.roles.map((r) => r.id)];

  it('paths never repeat a node and always join from to to', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.constantFrom(...ids),
        fc.integer({ min: 1, max: 6 }),
        (from, to, top) => {
          if (from === to) {
            expect(() => findPaths(reference, from, to, { top })).toThrow(/both/);
            return;
          }
          for (const path of findPaths(reference, from, to, { top }).paths) {
            const nodes = nodesOf(path.steps);
            expect(new Set(nodes).size).toBe(nodes.length);
            expect(nodes[0]).toBe(from);
            expect(nodes.at(-1)).toBe(to);
            for (let i = 1; i < path.steps.length; i++)
              expect(path.steps[i]!.from).toBe(path.steps[i - 1]!.to);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a dense lattice full of cycles does not hang the search', () => {
    // Every level can move to every other: cycles everywhere.
    const dense: Framework = structuredClone(minimal);
    const levels = dense.levels.map((l) => l.id);
    dense.moves = levels.flatMap((from) =>
      levels
        .filter((to) => to !== from)
        .map((to) => ({
          id: `${from}-${to}`,
          kind: 'lateral' as const,
          from,
          to,
          years: { min: 1, max: 1 },
          prerequisites: [],
          advice: [],
        })),
    );
    const { paths } = findPaths(dense, 'engineer', 'manager', { top: 10 });
    expect(paths.length).toBeGreaterThan(0);
    expect(paths[0]!.steps).toHaveLength(1);
  });
});

describe('trellis path', () => {
  it('prints the issue JSON shape', () => {
    const r = trellis(['path', 'senior', 'director', '--top', '2', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ from: 'senior', to: 'director' });
    expect(out.paths).toHaveLength(2);
    const step = out.paths[0].steps[0];
    expect(Object.keys(step)).toEqual(
      expect.arrayContaining(['from', 'to', 'kind', 'years', 'levelChange', 'advice']),
    );
    expect(Object.keys(out.paths[0].years)).toEqual(['min', 'max']);
  });

  it('answers "where can I be in N years" with --within', () => {
    const out = JSON.parse(trellis(['path', 'mid', '--within', '4', '--json']).stdout);
    expect(out).toMatchObject({ from: 'mid', years: 4 });
    expect(out.reachable.map((r: { level: string }) => r.level)).toContain('senior');
  });

  it('unknown ids exit 1 with a suggestion; bad flags exit 2', () => {
    const unknown = trellis(['path', 'senoir', 'staff']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown level or role "senoir" (did you mean "senior"?)');
    expect(trellis(['path', 'senior', 'staff', '--top', 'many']).code).toBe(2);
    expect(trellis(['path', 'senior', 'staff', '--avoid', 'sales']).code).toBe(2);
    expect(trellis(['path', 'senior']).code).toBe(2);
    const same = trellis(['path', 'senior', 'senior']);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('from and to are both "senior"');
    const both = trellis(['path', 'senior', 'staff', '--within', '3']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--within');
  });
});
