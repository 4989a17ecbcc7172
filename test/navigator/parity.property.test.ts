import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFrameworkOrThrow } from '../../src/core/framework/load.js';
import type { Framework, Level, Move } from '../../src/core/framework/schema.js';
import { findPaths } from '../../src/core/lattice/paths.js';
import { reachWithin } from '../../src/core/lattice/reach.js';
import { repoRoot } from '../helpers/cli.js';

const reference = loadFrameworkOrThrow(
  readFileSync(join(repoRoot, 'frameworks', 'reference.yaml'), 'utf8'),
  'reference.yaml',
);
const minimal = loadFrameworkOrThrow(
  readFileSync(join(repoRoot, 'test', 'fixtures', 'frameworks', 'minimal.yaml'), 'utf8'),
  'minimal.yaml',
);

/** The fastest expected years from `from` to every level, by the reach search with no horizon. */
function fastest(framework: Framework, from: string): Map<string, number> {
  const reach = reachWithin(framework, from, 1000);
  return new Map(reach.reachable.map((r) => [r.level, r.path.expectedYears]));
}

describe('parity in the reference lattice', () => {
  const ic = reference.levels.filter((l) => l.track === 'ic');
  const management = reference.levels.filter((l) => l.track === 'management');

  it('from every IC level, no band is reached sooner through management than on the IC track', () => {
    for (const start of ic) {
      const years = fastest(reference, start.id);
      for (const manager of management) {
        const peer = ic.find((l) => l.band === manager.band && l.band > start.band);
        if (!peer || !years.has(manager.id)) continue;
        expect(years.get(manager.id), `${start.id} → ${manager.id} vs ${peer.id}`).toBeGreaterThanOrEqual(
          years.get(peer.id)!,
        );
      }
    }
  });

  it('senior reaches staff and engineering manager in the same expected 4 years', () => {
    // Staff: senior's 2–6 years. Manager: the 0.5–1 switch plus tech lead's 1.5–5 = 2–6.
    const years = fastest(reference, 'senior');
    expect(years.get('staff')).toBe(4);
    expect(years.get('em')).toBe(4);
  });

  it('an IC to management move at the same band is a track switch, never a promotion', () => {
    const bandOf = new Map(reference.levels.map((l) => [l.id, l] as const));
    for (const move of reference.moves) {
      const from = bandOf.get(move.from);
      const to = bandOf.get(move.to);
      if (!from || !to || from.track === to.track) continue;
      expect(move.kind, move.id).toBe('track-switch');
      expect(to.band, move.id).toBeLessThanOrEqual(from.band);
    }
  });

  it('every move between the tracks at the same band takes 0.5–1 year, both ways', () => {
    const level = new Map(reference.levels.map((l) => [l.id, l] as const));
    const switches = reference.moves.filter(
      (m) => m.kind === 'track-switch' && level.get(m.from)?.band === level.get(m.to)?.band,
    );
    const fromManagement = switches.filter((m) => level.get(m.from)!.track === 'management');
    expect(fromManagement.map((m) => m.id)).toEqual(
      expect.arrayContaining(['em-to-staff', 'senior-em-to-principal']),
    );
    for (const m of switches.filter((s) => s.id !== 'director-to-distinguished'))
      expect(m.years, m.id).toEqual(
        m.id === 'tech-lead-to-senior' ? { min: 0, max: 0.5 } : { min: 0.5, max: 1 },
      );
  });
});

/** A dual-track lattice where every level takes the same years and every switch the same time. */
function equalLattice(
  icLevels: number,
  managementFrom: number,
  years: number,
  switchYears: number,
): Framework {
  const framework: Framework = structuredClone(minimal);
  const level = (track: string, rank: number, band: number): Level => ({
    ...structuredClone(minimal.levels[0]!),
    id: `${track}-${band}`,
    title: `${track} ${band}`,
    track,
    rank,
    band,
    years: { min: years, max: years },
    expectations: {},
  });
  const ic = Array.from({ length: icLevels }, (_, i) => level('ic', i + 1, i + 1));
  const management = Array.from({ length: icLevels - managementFrom + 1 }, (_, i) =>
    level('management', i + 1, managementFrom + i),
  );
  const move = (from: Level, to: Level): Move => ({
    id: `${from.id}-to-${to.id}`,
    kind: 'track-switch',
    from: from.id,
    to: to.id,
    years: { min: switchYears, max: switchYears },
    prerequisites: [],
    advice: [],
  });
  framework.levels = [...ic, ...management];
  framework.roles = [];
  framework.companies = [];
  framework.moves = management.flatMap((m) => {
    const peer = ic.find((l) => l.band === m.band)!;
    return [move(peer, m), move(m, peer)];
  });
  return framework;
}

describe('properties of the ranking on a lattice with equal durations', () => {
  const lattice = fc.record({
    icLevels: fc.integer({ min: 3, max: 7 }),
    managementFrom: fc.integer({ min: 2, max: 3 }),
    years: fc.integer({ min: 1, max: 6 }),
    switchYears: fc.constantFrom(0, 0.25, 0.5, 1, 2),
  });

  it('the best path between two levels of one track stays on it', () => {
    fc.assert(
      fc.property(lattice, fc.nat(), fc.nat(), ({ icLevels, managementFrom, years, switchYears }, a, b) => {
        const framework = equalLattice(icLevels, managementFrom, years, switchYears);
        for (const track of ['ic', 'management']) {
          const ladder = framework.levels.filter((l) => l.track === track);
          const from = ladder[a % ladder.length]!;
          const to = ladder[b % ladder.length]!;
          if (from.id === to.id) continue;
          const [best] = findPaths(framework, from.id, to.id).paths;
          if (!best) continue;
          for (const step of best.steps)
            expect(framework.levels.find((l) => l.id === step.to)!.track).toBe(track);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('management is never ranked faster to a band: from an IC level the IC peer comes first', () => {
    fc.assert(
      fc.property(lattice, fc.nat(), ({ icLevels, managementFrom, years, switchYears }, a) => {
        const framework = equalLattice(icLevels, managementFrom, years, switchYears);
        const start = framework.levels.filter((l) => l.track === 'ic')[a % icLevels]!;
        const reach = reachWithin(framework, start.id, 1000).reachable;
        for (const band of new Set(reach.map((r) => r.band))) {
          const atBand = reach.filter((r) => r.band === band);
          const ic = atBand.find((r) => r.track === 'ic');
          const manager = atBand.find((r) => r.track === 'management');
          if (!ic || !manager) continue;
          expect(ic.path.expectedYears).toBeLessThanOrEqual(manager.path.expectedYears);
          expect(atBand.indexOf(ic)).toBeLessThan(atBand.indexOf(manager));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('--prefer management wins exact ties for the manager path, and nothing more than 10% slower', () => {
    fc.assert(
      fc.property(lattice, ({ icLevels, managementFrom, years, switchYears }) => {
        const framework = equalLattice(icLevels, managementFrom, years, switchYears);
        const top = framework.levels.find((l) => l.track === 'ic' && l.band === icLevels)!;
        const start = framework.levels.find((l) => l.track === 'ic' && l.band === managementFrom - 1)!;
        const { paths } = findPaths(framework, start.id, top.id, { prefer: 'management', top: 5 });
        const direct = paths.find((p) => p.steps.every((s) => s.to.startsWith('ic-')))!;
        const [best] = paths;
        // The manager detour costs two switches: it wins only when they are within 10% of the direct path.
        if (best !== direct)
          expect(best!.expectedYears).toBeLessThanOrEqual(direct.expectedYears * 1.1 + 1e-9);
      }),
      { numRuns: 100 },
    );
  });
});
