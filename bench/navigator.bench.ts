// Path search in a large generated lattice, and assessments against the reference framework.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess } from '../src/core/assessment/evaluate.js';
import { loadFrameworkOrThrow } from '../src/core/framework/load.js';
import type { Framework, Move } from '../src/core/framework/schema.js';
import { buildLattice } from '../src/core/lattice/graph.js';
import { shortestPaths } from '../src/core/lattice/shortest.js';
import { findPaths } from '../src/core/lattice/paths.js';
import { measure, report } from './measure.js';

/** A small deterministic generator, so that every run benches the same lattice. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateLattice(tracks: number, levelsPerTrack: number, moves: number): Framework {
  const random = mulberry32(42);
  const levels = Array.from({ length: tracks * levelsPerTrack }, (_, i) => {
    const track = Math.floor(i / levelsPerTrack);
    const rank = (i % levelsPerTrack) + 1;
    return {
      id: `t${track}-l${rank}`,
      title: `Level ${rank} of track ${track}`,
      track: `t${track}`,
      rank,
      band: rank,
      aliases: [],
      scope: 'team' as const,
      impact: 'x',
      years: { min: 1 + (rank % 3), max: 3 + (rank % 4) },
      careerLevel: false,
      archetypes: [],
      responsibilities: [],
      notes: [],
      expectations: {},
    };
  });
  const promotions = tracks * (levelsPerTrack - 1);
  const extra: Move[] = Array.from({ length: moves - promotions }, (_, i) => {
    const from = levels[Math.floor(random() * levels.length)]!;
    const to = levels[Math.floor(random() * levels.length)]!;
    const min = Math.round(random() * 20) / 4;
    return {
      id: `m${i}`,
      kind: 'lateral',
      from: from.id,
      to: to.id,
      years: { min, max: min + 1 },
      prerequisites: [],
      advice: [],
    };
  });
  return {
    id: 'lattice',
    name: 'Generated lattice',
    version: '1',
    tracks: Array.from({ length: tracks }, (_, t) => ({
      id: `t${t}`,
      name: `Track ${t}`,
      kind: 'ladder' as const,
    })),
    levels,
    roles: [],
    scales: [
      {
        id: 's',
        name: 's',
        points: [
          { value: 1, label: 'a' },
          { value: 2, label: 'b' },
        ],
      },
    ],
    groups: [{ id: 'g', name: 'g' }],
    competencies: [],
    promotionRules: [{ id: 'r', coreMustMeet: true, maxBelow: 0, maxStepsBelow: 1, minMetPerGroup: {} }],
    moves: extra,
    specialisations: [],
    companies: [],
    assumptions: [],
    markets: [],
    sources: [],
  };
}

export default function run(): void {
  const lattice = generateLattice(100, 20, 20_000);
  const graph = buildLattice(lattice);
  console.log(`lattice: ${graph.nodes.length} levels, ${graph.out.reduce((n, e) => n + e.length, 0)} moves`);
  const pairs = [
    ['t0-l1', 't99-l20'],
    ['t10-l5', 't50-l15'],
    ['t3-l2', 't77-l19'],
  ] as const;
  const baseline = measure('one Dijkstra, graph prebuilt (baseline)', () => {
    for (const [from] of pairs)
      shortestPaths(
        graph.nodes.length,
        graph.index.get(from)!,
        (n) => graph.out[n]!,
        (e) => e.to,
      );
  });
  // The lattice of a loaded framework is built once and cached; the first query pays for it.
  measure('build the lattice (once per framework)', () => buildLattice(lattice));
  const paths = measure('top-5 paths, lattice cached', () => {
    for (const [from, to] of pairs)
      if (findPaths(lattice, from, to, { top: 5 }).paths.length < 5) throw new Error('expected five paths');
  });
  const per = (m: typeof paths) => ({ ...m, medianMs: m.medianMs / pairs.length });
  console.log(`  per query: ${per(paths).medianMs.toFixed(2)} ms`);
  report(per(paths), per(baseline), { maxMs: 50 });

  const reference = loadFrameworkOrThrow(
    readFileSync(join(import.meta.dirname, '..', 'frameworks', 'reference.yaml'), 'utf8'),
    'reference.yaml',
  );
  const random = mulberry32(7);
  const assessments = Array.from({ length: 10_000 }, () => ({
    current: 'senior',
    ratings: Object.fromEntries(reference.competencies.map((c) => [c.id, 1 + Math.floor(random() * 5)])),
  }));
  const compareOnly = measure('10,000 × compare ratings (baseline)', () => {
    let met = 0;
    for (const a of assessments)
      for (const level of reference.levels)
        for (const c in level.expectations) if ((a.ratings[c] ?? 0) >= level.expectations[c]!.rating) met++;
    if (met < 0) throw new Error('unreachable');
  });
  const full = measure('10,000 assessments, explained', () => {
    for (const a of assessments) assess(reference, a);
  });
  report(full, compareOnly, { maxMs: 500 });
}
