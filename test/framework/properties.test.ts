import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { diffFrameworks } from '../../src/core/framework/diff.js';
import { loadFramework } from '../../src/core/framework/load.js';
import type { Framework } from '../../src/core/framework/schema.js';
import { repoRoot } from '../helpers/cli.js';

const minimalText = readFileSync(join(repoRoot, 'test', 'fixtures', 'frameworks', 'minimal.yaml'), 'utf8');
const minimal = loadFramework(minimalText, 'minimal.yaml').framework!;

/** Every problem must say where it is: a line and a column inside the text. */
function expectLocated(text: string) {
  const lines = text.split('\n').length;
  const result = loadFramework(text, 'fuzz.yaml');
  for (const problem of result.problems) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lines + 1);
    expect(problem.col).toBeGreaterThanOrEqual(1);
    expect(problem.message.length).toBeGreaterThan(0);
  }
  return result;
}

describe('the loader never throws and always locates its problems', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expectLocated(text);
      }),
      { numRuns: 300 },
    );
  });

  it('on a valid file with a line deleted, duplicated or cut short', () => {
    const lines = minimalText.split('\n');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: lines.length - 1 }),
        fc.constantFrom('delete', 'duplicate', 'truncate', 'indent'),
        (at, how) => {
          const copy = [...lines];
          if (how === 'delete') copy.splice(at, 1);
          if (how === 'duplicate') copy.splice(at, 0, copy[at]!);
          if (how === 'truncate') copy[at] = copy[at]!.slice(0, Math.floor(copy[at]!.length / 2));
          if (how === 'indent') copy[at] = `  ${copy[at]}`;
          expectLocated(copy.join('\n'));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on a valid framework with one value replaced by a value of another type', () => {
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value))
          walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
      } else paths.push(path);
    };
    walk(minimal, []);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.constantFrom<unknown>(null, -1, 'x', true, [], {}, 1.5),
        (path, replacement) => {
          const copy = structuredClone(minimal) as unknown as Record<string, unknown>;
          let parent: Record<string | number, unknown> = copy;
          for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
          parent[path[path.length - 1]!] = replacement;
          expectLocated(stringify(copy));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('diff', () => {
  const variant = fc.record({
    band: fc.integer({ min: 2, max: 3 }),
    years: fc.integer({ min: 6, max: 9 }),
    rating: fc.integer({ min: 3, max: 4 }),
    dropMove: fc.boolean(),
  });
  const make = (v: { band: number; years: number; rating: number; dropMove: boolean }): Framework => {
    const f = structuredClone(minimal);
    f.levels[1]!.band = v.band;
    f.levels[1]!.years.max = v.years;
    f.levels[1]!.expectations.craft!.rating = v.rating;
    if (v.dropMove) f.moves = f.moves.slice(0, 1);
    return f;
  };

  it('finds nothing between a framework and itself', () => {
    fc.assert(
      fc.property(variant, (v) => {
        expect(diffFrameworks(make(v), make(v)).summary).toEqual({ added: 0, removed: 0, changed: 0 });
      }),
    );
  });

  it('is antisymmetric: what one way adds, the other way removes, and changes swap old and new', () => {
    fc.assert(
      fc.property(variant, variant, (a, b) => {
        const forward = diffFrameworks(make(a), make(b));
        const backward = diffFrameworks(make(b), make(a));
        for (const section of Object.keys(forward.sections) as (keyof typeof forward.sections)[]) {
          expect(forward.sections[section].added).toEqual(backward.sections[section].removed);
          expect(
            forward.sections[section].changed.map((c) => c.fields.map((f) => [f.field, f.old, f.new])),
          ).toEqual(
            backward.sections[section].changed.map((c) => c.fields.map((f) => [f.field, f.new, f.old])),
          );
        }
      }),
    );
  });
});
