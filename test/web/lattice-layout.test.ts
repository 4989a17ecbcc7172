import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkOrThrow } from '../../src/core/framework/load.js';
import { moveKinds } from '../../src/core/framework/schema.js';
import { moveKindStyle } from '../../web/src/lattice/kinds.js';
import { layoutLattice, neighbour, wrapWords } from '../../web/src/lattice/layout.js';
import { contrast } from '../../web/src/lib/contrast.js';

const reference = loadFrameworkOrThrow(
  readFileSync(join(import.meta.dirname, '../../frameworks/reference.yaml'), 'utf8'),
  'reference.yaml',
);
const layout = layoutLattice(reference);
const at = (id: string) => layout.nodes.find((n) => n.id === id)!;

describe('the lattice map layout', () => {
  it('wraps titles between words only', () => {
    expect(wrapWords('Senior engineering manager')).toEqual(['Senior engineering', 'manager']);
    expect(wrapWords('Distinguished engineer')).toEqual(['Distinguished', 'engineer']);
    expect(wrapWords('Tech lead')).toEqual(['Tech lead']);
  });

  it('places the ladders first, then the lateral tracks, and the highest band at the top', () => {
    expect(layout.columns.map((c) => c.track)).toEqual(['ic', 'management', 'product', 'devrel']);
    expect(layout.rows.map((r) => r.band)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    // Two lines at most, so every box is 12 + 2 × 14 = 40 px high; a row is one box and a gap of 28
    // below the 40 px header: band 8 at 40, band 3 at 40 + 5 × 68 = 380, band 1 at 40 + 7 × 68 = 516.
    expect(at('cto')).toMatchObject({ x: 56 + 230 + 40, y: 40, height: 40, column: 1 });
    expect(at('senior')).toMatchObject({ x: 56 + 40, y: 380, column: 0 });
    expect(at('pm')).toMatchObject({ x: 56 + 2 * 230 + 40, y: 380, column: 2 });
    expect(at('devrel')).toMatchObject({ x: 56 + 3 * 230 + 40, y: 448, column: 3 });
    expect(at('junior')).toMatchObject({ y: 516 });
    // 56 + 4 × 230 + 16 wide; the last row ends at 516 + 40, and 16 below it.
    expect([layout.width, layout.height]).toEqual([992, 572]);
  });

  it('draws every move of the lattice, those that keep the level as loops', () => {
    const ids = layout.edges.map((e) => e.id);
    expect(ids).toContain('junior-to-mid');
    expect(ids).toContain('senior-to-pm');
    const loop = layout.edges.find((e) => e.id === 'big-company-to-startup')!;
    expect(loop).toMatchObject({ kind: 'company-change', from: 'senior', to: 'senior' });
    // Out of the right side of Senior engineer (96 + 150 = 246), from 6 px below its top to 6 above its bottom.
    expect(loop.d.startsWith('M246,386 C')).toBe(true);
    expect(loop.d.endsWith(' 246,414')).toBe(true);
    // Up one column: a straight line from the top of Junior engineer to the bottom of Mid-level, 12 px left of the middle.
    expect(layout.edges.find((e) => e.id === 'junior-to-mid')!.d).toBe('M159,516 L159,488');
  });

  it('moves between neighbours: up and down the column, across to the nearest band of the next track', () => {
    expect(neighbour(layout, 'senior', 'up')).toBe('staff');
    expect(neighbour(layout, 'senior', 'down')).toBe('mid');
    expect(neighbour(layout, 'senior', 'left')).toBeNull();
    expect(neighbour(layout, 'senior', 'right')).toBe('tech-lead');
    expect(neighbour(layout, 'tech-lead', 'right')).toBe('pm');
    expect(neighbour(layout, 'pm', 'right')).toBe('senior-devrel');
    expect(neighbour(layout, 'pm', 'up')).toBeNull();
    // Junior engineer (band 1) has no manager beside it: the nearest is Tech lead (band 3).
    expect(neighbour(layout, 'junior', 'right')).toBe('tech-lead');
    expect(neighbour(layout, 'cto', 'left')).toBe('distinguished');
    expect(neighbour(layout, 'junior', 'down')).toBeNull();
  });

  it('gives each kind of move its own dashes and marker, and a colour of 4.5:1 on white', () => {
    const patterns = moveKinds.map((k) => `${moveKindStyle[k].dash}/${moveKindStyle[k].marker}`);
    expect(new Set(patterns).size).toBe(moveKinds.length);
    for (const kind of moveKinds)
      expect(contrast(moveKindStyle[kind].colour, '#ffffff')).toBeGreaterThan(4.5);
  });
});

describe('contrast', () => {
  it('is the WCAG ratio', () => {
    expect(contrast('#000', '#fff')).toBe(21);
    // #767676 is the lightest grey with 4.5:1 on white; #777777 just misses it.
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('rgb(119, 119, 119)', 'rgb(255, 255, 255)')).toBeCloseTo(4.48, 2);
  });
});
