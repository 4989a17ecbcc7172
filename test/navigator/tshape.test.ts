import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFrameworkOrThrow } from '../../src/core/framework/load.js';
import {
  BREADTH_FOR_T,
  parseTShapeFile,
  stageOf,
  tShape,
  type TShapeInput,
} from '../../src/core/growth/tshape.js';
import { describeProblem, DomainError } from '../../src/core/problems.js';
import { repoRoot, trellis, writeTemp } from '../helpers/cli.js';

const fixture = join(repoRoot, 'test', 'fixtures', 'navigator', 'framework.yaml');
const framework = loadFrameworkOrThrow(readFileSync(fixture, 'utf8'), fixture);
const shapeOf = (yearsOfExperience: number, skills: Record<string, number>) =>
  tShape(framework, { yearsOfExperience, skills });
const codes = (items: { code: string }[]) => items.map((i) => i.code);

describe('career stage', () => {
  it('stays broad under 5 years, develops the T from 5 to under 10, follows context from 10', () => {
    expect([4, 5, 9.9, 10].map(stageOf)).toEqual(['explore', 'develop', 'develop', 'context']);
    expect(shapeOf(4, {}).stage).toBe('explore');
    expect(shapeOf(5, {}).stage).toBe('develop');
    expect(shapeOf(9.9, {}).stage).toBe('develop');
    expect(shapeOf(10, {}).stage).toBe('context');
  });
});

describe('shape', () => {
  it('a generalist: working knowledge in three areas, depth in none', () => {
    const result = shapeOf(3, { frontend: 3, backend: 3, infrastructure: 2 });
    expect(result.shape).toBe('generalist');
    expect(result.depth).toEqual([]);
    expect(result.breadth.map((b) => b.id)).toEqual(['frontend', 'backend', 'infrastructure']);
    // Early and broad is what the stage asks for: no risk.
    expect(result.risks).toEqual([]);
    expect(codes(result.suggestions)[0]).toBe('explore');
  });

  it('T-shaped: backend deep, two neighbours at working knowledge', () => {
    const result = shapeOf(7, { backend: 5, frontend: 3, infrastructure: 2, 'data-ml': 1 });
    expect(result.shape).toBe('t-shaped');
    expect(result.depth.map((d) => [d.id, d.skill])).toEqual([['backend', 5]]);
    expect(result.breadth.map((b) => [b.id, b.skill])).toEqual([
      ['frontend', 3],
      ['infrastructure', 2],
    ]);
    expect(result.risks).toEqual([]);
    // Data and ML is backend's premium neighbour, rated 1.
    expect(codes(result.suggestions)).toEqual(['premium-adjacent', 'market']);
    expect(result.suggestions[0]?.specialisations).toEqual(['data-ml']);
  });

  it('pi-shaped: two deep areas and a third at working knowledge', () => {
    expect(shapeOf(12, { backend: 5, 'data-ml': 4, infrastructure: 2 }).shape).toBe('pi-shaped');
  });

  it('over-specialised early: backend only at 3 years, with both risks and the neighbours to learn', () => {
    const result = shapeOf(3, { backend: 5, frontend: 1 });
    expect(result.shape).toBe('over-specialised');
    expect(codes(result.risks)).toEqual(['no-breadth', 'early-specialisation']);
    const broaden = result.suggestions.find((s) => s.code === 'broaden-adjacent');
    // Backend's neighbours below working knowledge, lowest obsolescence risk first.
    expect(broaden?.specialisations).toEqual(['infrastructure', 'data-ml']);
  });

  it('one other area at working knowledge is not enough breadth for a T', () => {
    expect(BREADTH_FOR_T).toBe(2);
    expect(shapeOf(8, { backend: 4, frontend: 2 }).shape).toBe('over-specialised');
    expect(shapeOf(8, { backend: 4, frontend: 2, mobile: 2 }).shape).toBe('t-shaped');
  });

  it('emerging: nothing at working knowledge yet has no shape to speak of', () => {
    expect(shapeOf(1, { frontend: 1, backend: 1 }).shape).toBe('emerging');
  });
});

describe('risks from the market and obsolescence notes', () => {
  it('depth only in a declining technology: risk named with its examples, and where to move', () => {
    const result = shapeOf(8, { plugins: 5, frontend: 3, backend: 2 });
    expect(result.shape).toBe('t-shaped');
    expect(codes(result.risks)).toEqual(['declining-depth']);
    expect(result.risks[0]?.text).toContain('Flash, Silverlight');
    const move = result.suggestions.find((s) => s.code === 'move-depth');
    // plugins' only neighbour is frontend, already at working knowledge, so the breadth is where to go.
    expect(move?.specialisations).toEqual(['frontend', 'backend']);
    // No "niche, defensible position" note for a declining area.
    expect(result.suggestions.some((s) => s.code === 'market' && s.specialisations[0] === 'plugins')).toBe(
      false,
    );
  });

  it('depth in a commoditised specialisation', () => {
    const result = shapeOf(6, { 'full-stack': 5, frontend: 2, backend: 2 });
    expect(codes(result.risks)).toEqual(['commoditised-depth']);
  });

  it('mid career without depth', () => {
    const result = shapeOf(6, { frontend: 3, backend: 3, mobile: 2 });
    expect(result.shape).toBe('generalist');
    expect(codes(result.risks)).toEqual(['no-depth']);
    expect(result.suggestions[0]).toMatchObject({
      code: 'choose-depth',
      specialisations: ['frontend', 'backend'],
    });
  });

  it('a generalist at 10+ years is a legitimate route (architecture, leadership): no risk', () => {
    expect(shapeOf(15, { frontend: 3, backend: 3, mobile: 2 }).risks).toEqual([]);
  });

  it('breadth away from the depth: none of backend’s neighbours at working knowledge', () => {
    const result = shapeOf(7, { backend: 5, mobile: 3, plugins: 2 });
    expect(codes(result.risks)).toEqual(['no-adjacent-breadth']);
    // Backend's neighbours, lowest obsolescence risk first: frontend (medium) comes after the low ones.
    expect(result.suggestions.find((s) => s.code === 'broaden-adjacent')?.specialisations).toEqual([
      'infrastructure',
      'data-ml',
    ]);
  });

  it('a premium specialisation names its premium from the framework', () => {
    const result = shapeOf(7, { 'data-ml': 5, backend: 3, infrastructure: 2 });
    expect(result.suggestions.find((s) => s.code === 'market')?.text).toBe(
      'Data and ML pays a premium of 20-40% over Backend (2024). Among the fastest-growing specialisations.',
    );
  });
});

describe('input checks', () => {
  it('an unknown specialisation gets a "did you mean"; a skill must be a whole number from 0 to 5', () => {
    try {
      tShape(framework, { yearsOfExperience: -1, skills: { bakend: 3, frontend: 2.5 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).problems.map(describeProblem)).toEqual([
        'yearsOfExperience: must not be negative',
        'skills.frontend: must be a whole number from 0 to 5, got 2.5',
        expect.stringMatching(
          /^skills\.bakend: unknown specialisation "bakend" \(did you mean "backend"\?\)/,
        ),
      ]);
    }
  });

  it('a file reports every problem located', () => {
    const text = 'yearsOfExperience: 3\nskills:\n  bakend: 2\n  mobile: 7\n';
    expect(() => parseTShapeFile(text, 't.yaml', framework)).toThrow(DomainError);
    try {
      parseTShapeFile(text, 't.yaml', framework);
    } catch (error) {
      expect((error as DomainError).problems.map((p) => `${p.line}:${p.col} ${p.code}`)).toEqual([
        '4:11 invalid-value',
        '3:3 unknown-reference',
      ]);
    }
  });
});

const ids = framework.specialisations.map((s) => s.id);
const inputArbitrary: fc.Arbitrary<TShapeInput> = fc.record({
  yearsOfExperience: fc.double({ min: 0, max: 45, noNaN: true }),
  skills: fc.dictionary(fc.constantFrom(...ids), fc.integer({ min: 0, max: 5 })),
});

describe('T-shape properties', () => {
  it('the shape follows its definition from the depth and breadth counts', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const { depth, breadth, shape } = tShape(framework, input);
        expect(depth.every((d) => d.skill >= 4)).toBe(true);
        expect(breadth.every((b) => b.skill >= 2 && b.skill <= 3)).toBe(true);
        const others = Math.max(0, depth.length - 1) + breadth.length;
        const expected =
          depth.length === 0
            ? breadth.length >= 2
              ? 'generalist'
              : 'emerging'
            : others < 2
              ? 'over-specialised'
              : depth.length >= 2
                ? 'pi-shaped'
                : 't-shaped';
        expect(shape).toBe(expected);
      }),
    );
  });

  it('raising one skill never shrinks the depth, nor depth and breadth together', () => {
    fc.assert(
      fc.property(inputArbitrary, fc.constantFrom(...ids), (input, id) => {
        fc.pre((input.skills[id] ?? 0) < 5);
        const before = tShape(framework, input);
        const after = tShape(framework, {
          ...input,
          skills: { ...input.skills, [id]: (input.skills[id] ?? 0) + 1 },
        });
        expect(after.depth.length + after.breadth.length).toBeGreaterThanOrEqual(
          before.depth.length + before.breadth.length,
        );
        expect(after.depth.length).toBeGreaterThanOrEqual(before.depth.length);
      }),
    );
  });
});

describe('trellis tshape', () => {
  it('--json gives stage, shape, depth, breadth, risks and suggestions', () => {
    const file = writeTemp(
      'me.yaml',
      'yearsOfExperience: 8\nskills: { plugins: 5, frontend: 3, backend: 2 }\n',
    );
    const r = trellis(['tshape', file, '--framework', fixture, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual([
      'yearsOfExperience',
      'stage',
      'stageText',
      'shape',
      'depth',
      'breadth',
      'risks',
      'suggestions',
    ]);
    expect(out).toMatchObject({ stage: 'develop', shape: 't-shaped', risks: [{ code: 'declining-depth' }] });
  });

  it('prints a readable report', () => {
    const file = writeTemp('me.json', JSON.stringify({ yearsOfExperience: 3, skills: { backend: 5 } }));
    const r = trellis(['tshape', file, '--framework', fixture]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Shape: over-specialised');
    expect(r.stdout).toContain('##### 5  Backend');
  });

  it('an unknown specialisation exits 1 with FILE:LINE:COL and a "did you mean"', () => {
    const file = writeTemp('me.yaml', 'yearsOfExperience: 3\nskills:\n  bakend: 2\n');
    const r = trellis(['tshape', file, '--framework', fixture]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^${file}:3:3: skills\\.bakend: unknown specialisation "bakend" \\(did you mean "backend"\\?\\)`,
      ),
    );
  });

  it('uses the reference framework by default', () => {
    const file = writeTemp(
      'me.yaml',
      'yearsOfExperience: 7\nskills: { backend: 5, frontend: 3, data-ml: 2 }\n',
    );
    const r = trellis(['tshape', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      stage: 'develop',
      shape: 't-shaped',
      depth: [{ id: 'backend' }],
    });
  });

  it('a missing file exits 2', () => {
    expect(trellis(['tshape', 'no/such.yaml', '--framework', fixture]).code).toBe(2);
  });
});
