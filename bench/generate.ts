import { stringify } from 'yaml';

/** A large valid framework: `tracks` ladders of `levels` levels, each expecting all `competencies`. */
export function generateFramework(tracks: number, levels: number, competencies: number): string {
  const competencyIds = Array.from({ length: competencies }, (_, i) => `c${i}`);
  // Expectations in flow style, one per line, as people write them.
  return stringify(
    {
      id: 'generated',
      name: 'Generated framework',
      version: '1.0.0',
      tracks: Array.from({ length: tracks }, (_, t) => ({ id: `t${t}`, name: `Track ${t}` })),
      levels: Array.from({ length: tracks }, (_, t) =>
        Array.from({ length: levels }, (_, l) => ({
          id: `t${t}-l${l}`,
          title: `Track ${t} level ${l + 1}`,
          track: `t${t}`,
          rank: l + 1,
          band: l + 1,
          scope: 'team',
          impact: 'Through the work of the team',
          years: { min: 2, max: 4 },
          expectations: Object.fromEntries(
            competencyIds.map((c, i) => [
              c,
              { rating: 1 + Math.min(4, Math.floor((l * 5) / levels + (i % 2) * 0.5)) },
            ]),
          ),
        })),
      ).flat(),
      scales: [
        {
          id: 'five',
          name: 'Five-point',
          points: [1, 2, 3, 4, 5].map((value) => ({ value, label: `Point ${value}` })),
        },
      ],
      groups: [{ id: 'g', name: 'Group' }],
      competencies: competencyIds.map((id) => ({
        id,
        name: `Competency ${id}`,
        group: 'g',
        description: 'Generated',
      })),
      promotionRules: [{ id: 'default', maxBelow: 1 }],
    },
    { flowCollectionPadding: false, collectionStyle: 'any' },
  ).replace(/^( +)(c\d+):\n +rating: (\d)$/gm, '$1$2: { rating: $3 }');
}
