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

/** Managers' levels by depth below the top, and how many each manages (the ICs below the last). */
const MANAGERS = [
  { level: 'cto', span: 5 },
  { level: 'vp', span: 4 },
  { level: 'director', span: 4 },
  { level: 'senior-em', span: 8 },
  { level: 'em', span: 15 },
];
/** Individual contributors' levels, a pyramid: out of every 20, this many at each level. */
const IC_PYRAMID = [
  ...Array<string>(4).fill('junior'),
  ...Array<string>(7).fill('mid'),
  ...Array<string>(6).fill('senior'),
  ...Array<string>(2).fill('staff'),
  'principal',
];
const GENDERS = ['woman', 'man', 'non-binary', 'undisclosed', ''];
const ZONES = ['uk', 'de', 'us-east', 'remote'];

/**
 * An HRIS export of `count` people on the reference ladder: one CTO, vice-presidents, directors and
 * engineering managers down to teams of about fifteen engineers, the engineers' levels a pyramid;
 * everyone is listed after their manager, as an HRIS lists a tree walked breadth first. One engineer
 * in fifty has left.
 */
export function generatePeopleCsv(count: number): string {
  const lines = [
    'name,email,level,manager_email,team,zone,start_date,level_start_date,gender,status,leave_date',
  ];
  const queue: { email: string; depth: number; team: string; left: number }[] = [];
  const add = (i: number, level: string, manager: string, team: string, leaver: boolean) => {
    const email = `person${i}@bigco.test`;
    const year = 2010 + (i % 15);
    const start = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const levelStart = `${Math.min(2025, year + (i % 4))}${start.slice(4)}`;
    const status = leaver ? 'left,2025-06-30' : 'active,';
    lines.push(
      `Person ${i},${email},${level},${manager},${team},${ZONES[i % ZONES.length]},${start},${levelStart},${GENDERS[i % GENDERS.length]},${status}`,
    );
    return email;
  };
  queue.push({
    email: add(0, MANAGERS[0]!.level, '', 'Office of the CTO', false),
    depth: 0,
    team: 'Office of the CTO',
    left: MANAGERS[0]!.span,
  });
  for (let i = 1; i < count; i++) {
    const manager = queue[0]!;
    const depth = manager.depth + 1;
    const managing = MANAGERS[depth];
    if (managing) {
      const team = depth === MANAGERS.length - 1 ? `Team ${i}` : manager.team;
      queue.push({
        email: add(i, managing.level, manager.email, team, false),
        depth,
        team,
        left: managing.span,
      });
    } else add(i, IC_PYRAMID[i % IC_PYRAMID.length]!, manager.email, manager.team, i % 50 === 0);
    if (--manager.left === 0) queue.shift();
  }
  return `${lines.join('\n')}\n`;
}
