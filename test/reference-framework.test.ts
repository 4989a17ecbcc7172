import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../src/core/framework/load.js';
import type { Framework } from '../src/core/framework/schema.js';
import { repoRoot } from './helpers/cli.js';

// The reference ladder is the default framework of every command: these facts of the domain
// source must survive any edit to it.
const file = join(repoRoot, 'frameworks', 'reference.yaml');
const result = loadFramework(readFileSync(file, 'utf8'), file);

function framework(): Framework {
  if (!result.framework)
    throw new Error(`reference framework did not load: ${JSON.stringify(result.problems)}`);
  return result.framework;
}

function level(id: string) {
  const found = framework().levels.find((l) => l.id === id);
  if (!found) throw new Error(`no level "${id}"`);
  return found;
}

function track(id: string): string[] {
  return framework()
    .levels.filter((l) => l.track === id)
    .sort((a, b) => a.rank - b.rank)
    .map((l) => l.id);
}

function mapped(company: string, code: string): string | undefined {
  return framework()
    .companies.find((c) => c.id === company)
    ?.levels.find((l) => l.code === code)?.level;
}

describe('reference framework', () => {
  it('is valid with no problems at all, not even warnings', () => {
    expect(result.problems).toEqual([]);
    expect(result.framework).toBeDefined();
  });

  it('has both ladders in rank order and the lateral roles', () => {
    expect(track('ic')).toEqual(['junior', 'mid', 'senior', 'staff', 'principal', 'distinguished']);
    expect(track('management')).toEqual(['tech-lead', 'em', 'senior-em', 'director', 'vp', 'cto']);
    expect(framework().roles.map((r) => r.id)).toEqual(expect.arrayContaining(['pm', 'devrel']));
  });

  it('gives staff and engineering manager the same band', () => {
    expect(level('staff').band).toBe(level('em').band);
  });

  it('makes senior a career level and keeps principal under 1% of engineers', () => {
    expect(level('senior').careerLevel).toBe(true);
    expect(level('principal').share?.max).toBeLessThanOrEqual(0.01);
  });

  it('keeps the typical years of junior and mid from the domain source', () => {
    expect(level('junior').years).toEqual({ min: 2, max: 3 });
    expect(level('mid').years).toEqual({ min: 2, max: 4 });
  });

  it('has the four staff archetypes', () => {
    expect(level('staff').archetypes.map((a) => a.id)).toEqual([
      'tech-lead',
      'architect',
      'solver',
      'right-hand',
    ]);
  });

  it('maps company codes as the domain source does', () => {
    expect(mapped('google', 'L5')).toBe('senior');
    expect(mapped('google', 'L7')).toBe('principal');
    expect(mapped('meta', 'E5')).toBe('senior');
    expect(mapped('meta', 'E7')).toBe('principal');
  });

  it('has every competency the issue lists', () => {
    const ids = framework().competencies.map((c) => c.id);
    for (const id of [
      'technical-fundamentals',
      'system-design',
      'debugging',
      'reading-code',
      'delivery',
      'written-communication',
      'verbal-communication',
      'influence',
      'strategy',
      'self-advocacy',
      'mentoring',
      'hiring',
      'culture',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('records the 20-40% premium of ML over backend in 2024', () => {
    const premium = framework().specialisations.find((s) => s.id === 'data-ml')?.market.premium;
    expect(premium).toMatchObject({ min: 0.2, max: 0.4, over: 'backend', year: 2024 });
  });

  it('models the senior backend to mid ML reset as a one-band setback', () => {
    const move = framework().moves.find(
      (m) =>
        m.fromSpecialisation === 'backend' &&
        m.toSpecialisation === 'data-ml' &&
        m.from === 'senior' &&
        m.to === 'mid',
    );
    expect(move?.levelChange).toBe(-1);
  });
});
