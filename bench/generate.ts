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

/** A small deterministic random source (mulberry32), so that every run makes the same organisation. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Management levels by depth below the top; deeper managers lead as engineering managers or tech leads. */
const MANAGER_LEVELS = ['cto', 'vp', 'director', 'senior-em', 'em'];
/** The IC pyramid: out of every 20 engineers, this many at each level. */
const IC_LEVELS = IC_PYRAMID;
const BAND: Record<string, number> = {
  junior: 1,
  mid: 2,
  senior: 3,
  staff: 4,
  principal: 5,
  'tech-lead': 3,
  em: 4,
  'senior-em': 5,
  director: 6,
  vp: 7,
  cto: 8,
};
/** A level one band down on the IC track: where a promoted person came from. */
const PREVIOUS: Record<string, string> = {
  mid: 'junior',
  senior: 'mid',
  staff: 'senior',
  principal: 'staff',
  'tech-lead': 'senior',
  em: 'senior',
  'senior-em': 'em',
  director: 'senior-em',
  vp: 'director',
};
/** The midpoints of examples/pay.yaml by band, in euros. */
const MIDPOINT = [0, 47_500, 60_000, 75_000, 100_000, 125_000, 155_000, 190_000, 230_000];

export interface GeneratedOrganisation {
  /** The HRIS export (`org people import`). */
  people: string;
  /** People's pay for `period` (`org pay import`): `email,period,base,variable,fte`. */
  pay: string;
  period: string;
  /** Levels held before the current one: each person's earlier level and the day it began. */
  earlier: { email: string; level: string; from: string }[];
}

const day = (year: number, r: () => number) =>
  `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;

/**
 * A realistic organisation of `count` people on the reference ladder: a reporting tree whose
 * managers lead three to ten people each (the top ones on the management track by depth, the
 * lowest engineering managers or tech leads), engineers in a level pyramid, both tracks at every
 * band from 3; a gender mix (about 42% women, 52% men, the rest non-binary or undisclosed); base
 * pay spread around the band's midpoint (±15%, men's a little higher), variable pay for four in
 * ten, a tenth part time; three engineers in a hundred left in 2026; a third promoted into their level from
 * the one below, their earlier level recorded. Everyone is listed after their manager.
 */
export function generateOrganisation(count: number, seed = 14): GeneratedOrganisation {
  const r = seeded(seed);
  const people = [
    'name,email,level,manager_email,team,zone,start_date,level_start_date,gender,status,leave_date',
  ];
  const pay = ['email,period,base,variable,fte'];
  const earlier: GeneratedOrganisation['earlier'] = [];
  // About one in six leads: with spans of 3–10 (mean 6.5) that is everyone placed.
  const managers = Math.ceil(count / 6.5);
  const queue: { email: string; depth: number; team: string; left: number }[] = [];
  for (let i = 0; i < count; i++) {
    const manager = queue[0];
    const depth = manager === undefined ? 0 : manager.depth + 1;
    const leads = i < managers;
    const level = leads
      ? (MANAGER_LEVELS[depth] ?? (r() < 0.7 ? 'em' : 'tech-lead'))
      : IC_LEVELS[Math.floor(r() * IC_LEVELS.length)]!;
    const email = `person${i}@bigco.test`;
    const team = depth <= 3 ? (manager?.team ?? 'Office of the CTO') : (manager?.team ?? `Team ${i}`);
    const startYear = 2012 + Math.floor(r() * 14);
    const start = day(startYear, r);
    const promoted = PREVIOUS[level] !== undefined && r() < 0.35 && startYear < 2025;
    const levelStart = promoted ? day(Math.min(2026, startYear + 1 + Math.floor(r() * 3)), r) : start;
    if (promoted) earlier.push({ email, level: PREVIOUS[level]!, from: start });
    const g = r();
    const gender = g < 0.42 ? 'woman' : g < 0.94 ? 'man' : g < 0.97 ? 'non-binary' : '';
    const left = !leads && r() < 0.03;
    const zone = r() < 0.2 ? 'berlin' : 'remote';
    people.push(
      `Person ${i},${email},${level},${manager?.email ?? ''},${depth === 4 ? `Team ${i}` : team},${zone},${start},${levelStart < start ? start : levelStart},${gender},${left ? 'left,2026-06-30' : 'active,'}`,
    );
    const band = BAND[level]!;
    const base = Math.round(MIDPOINT[band]! * (0.85 + 0.3 * r()) * (gender === 'man' ? 1.02 : 1));
    const variable = r() < 0.4 ? Math.round(base * (0.05 + 0.1 * r())) : 0;
    pay.push(`${email},2026,${base},${variable},${r() < 0.1 ? 0.8 : 1}`);
    if (leads)
      queue.push({ email, depth, team: depth === 4 ? `Team ${i}` : team, left: 3 + Math.floor(r() * 8) });
    if (manager && --manager.left === 0) queue.shift();
  }
  return { people: `${people.join('\n')}\n`, pay: `${pay.join('\n')}\n`, period: '2026', earlier };
}
