import type { Framework, Move } from './schema.js';

/** A move with its band change worked out, and whether the engine implied it. */
export type LatticeMove = Omit<Move, 'levelChange'> & { levelChange: number | null; implied: boolean };

/**
 * Every edge of the lattice: the moves the file lists, plus a promotion between each pair of
 * consecutive ranks that the file leaves implicit. A promotion takes the typical years of the
 * level being left.
 */
export function latticeMoves(framework: Framework): LatticeMove[] {
  const bands = new Map<string, number | undefined>([
    ...framework.levels.map((l) => [l.id, l.band] as const),
    ...framework.roles.map((r) => [r.id, r.band] as const),
  ]);
  const bandChange = (move: Move): number | null => {
    if (move.levelChange !== undefined) return move.levelChange;
    const from = bands.get(move.from);
    const to = bands.get(move.to);
    return from === undefined || to === undefined ? null : to - from;
  };
  const explicit: LatticeMove[] = framework.moves.map((m) => ({
    ...m,
    levelChange: bandChange(m),
    implied: false,
  }));
  const listed = new Set(
    framework.moves.filter((m) => m.kind === 'promotion').map((m) => `${m.from}>${m.to}`),
  );

  const implied: LatticeMove[] = [];
  for (const track of framework.tracks) {
    const ladder = framework.levels.filter((l) => l.track === track.id).sort((a, b) => a.rank - b.rank);
    for (let i = 1; i < ladder.length; i++) {
      const from = ladder[i - 1]!;
      const to = ladder[i]!;
      if (listed.has(`${from.id}>${to.id}`)) continue;
      implied.push({
        id: `promote-${from.id}`,
        kind: 'promotion',
        from: from.id,
        to: to.id,
        years: from.years,
        levelChange: to.band - from.band,
        prerequisites: [],
        advice: [],
        implied: true,
      });
    }
  }
  // Promotions listed without years take them from the level left, like implied ones.
  for (const move of explicit) {
    if (move.kind === 'promotion' && move.years === undefined) {
      move.years = framework.levels.find((l) => l.id === move.from)?.years;
    }
  }
  return [...explicit, ...implied];
}
