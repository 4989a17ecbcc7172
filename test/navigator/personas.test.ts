import { describe, expect, it } from 'vitest';
import { trellis, writeTemp } from '../helpers/cli.js';
import { testServer } from '../server/helpers.js';

/**
 * The personas an experienced engineer would recognise, each with the verdict, path or advice it
 * must get from the built binary. They speak for the seed: parity between the tracks, management
 * is no promotion, one can go back, and a career is a lattice of sideways moves.
 */

interface Position {
  level: string;
  specialisation: string | null;
  company: string | null;
}
interface Step {
  from: string;
  to: string;
  kind: string;
  move: string;
  levelChange: number | null;
  fromPosition: Position;
  toPosition: Position;
}
interface PathJson {
  paths: { steps: Step[]; expectedYears: number }[];
}

const json = <T>(args: string[]): T => {
  const r = trellis([...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
};
const paths = (...args: string[]) => json<PathJson>(['path', ...args]).paths;
const trackOf: Record<string, string> = {
  junior: 'ic',
  mid: 'ic',
  senior: 'ic',
  staff: 'ic',
  principal: 'ic',
  distinguished: 'ic',
  'tech-lead': 'management',
  em: 'management',
  'senior-em': 'management',
  director: 'management',
};

describe('parity: management is not the fast way up', () => {
  it('a senior engineer aiming at principal is shown the IC ladder first', () => {
    const [best] = paths('senior', 'principal');
    for (const step of best!.steps) expect(trackOf[step.to]).toBe('ic');
    expect(best!.steps.map((s) => s.to)).toEqual(['staff', 'principal']);
  });

  it('a junior engineer aiming at distinguished is shown the IC ladder first', () => {
    const [best] = paths('junior', 'distinguished');
    expect(best!.steps.map((s) => s.to)).toEqual(['mid', 'senior', 'staff', 'principal', 'distinguished']);
  });

  it('a senior engineer asking what is within 4 years sees staff beside engineering manager', () => {
    const reach = json<{ reachable: { level: string }[] }>(['path', 'senior', '--within', '4']);
    const where = reach.reachable.map((r) => r.level);
    expect(where).toContain('staff');
    // Staff stands first at band 4: the start's own track wins the tie.
    expect(where.indexOf('staff')).toBeLessThan(where.indexOf('em') === -1 ? Infinity : where.indexOf('em'));
  });

  it('switching from senior to tech lead is a track switch, never a promotion', () => {
    const [, viaManagement] = paths('senior', 'em', '--top', '2');
    const switches = paths('senior', 'em')[0]!.steps.filter((s) => s.to === 'tech-lead');
    for (const s of switches) expect(s.kind).toBe('track-switch');
    expect(viaManagement ?? paths('senior', 'em')[0]).toBeDefined();
  });

  it('--prefer management puts the manager path first for someone who wants it', () => {
    const [best] = paths('senior', 'principal', '--prefer', 'management');
    expect(best!.steps.some((s) => trackOf[s.to] === 'management')).toBe(true);
  });
});

describe('GET /api/paths', () => {
  it('takes positions and prefer, as the command does', async () => {
    const server = await testServer();
    try {
      const get = (query: string) => server.app.inject({ method: 'GET', url: `/api/paths?${query}` });
      const preferred = (await get('from=senior&to=principal&prefer=management')).json<PathJson>();
      expect(preferred.paths[0]!.steps.some((s) => trackOf[s.to] === 'management')).toBe(true);
      const moved = (await get('from=senior%3Abackend&to=senior%3Adata-ml')).json<PathJson>();
      expect(moved.paths[0]!.steps[0]!.move).toBe('backend-to-data-ml-internal');
      expect((await get('from=senior&to=principal&prefer=product')).statusCode).toBe(400);
    } finally {
      await server.close();
    }
  });
});

describe('ways back and sideways', () => {
  it('an engineering manager who misses coding can be a senior engineer again within a year', () => {
    expect(paths('em', 'senior').some((p) => p.expectedYears <= 1)).toBe(true);
  });

  it('an engineering manager can step across to staff in 0.5–1 year', () => {
    const [best] = paths('em', 'staff');
    expect(best!.steps).toHaveLength(1);
    expect(best!.expectedYears).toBe(0.75);
  });

  it('an engineering manager sees what is within 3 years', () => {
    const reach = json<{ reachable: { level: string }[] }>(['path', 'em', '--within', '3']);
    expect(reach.reachable.map((r) => r.level)).toEqual(expect.arrayContaining(['staff', 'senior']));
  });

  it('a director can go back to principal, a senior manager to principal', () => {
    expect(paths('director', 'principal')[0]!.steps).toHaveLength(1);
    expect(paths('senior-em', 'principal')[0]!.steps).toHaveLength(1);
  });

  it('a staff engineer can try product, and a product manager can come back', () => {
    expect(paths('staff', 'pm')[0]!.steps).toHaveLength(1);
    expect(paths('pm', 'senior')[0]!.steps).toHaveLength(1);
  });

  it('developer relations is no dead end: advocate to senior advocate to senior engineer', () => {
    const [best] = paths('devrel', 'senior');
    expect(best!.steps.map((s) => s.to)).toEqual(['senior-devrel', 'senior']);
  });
});

describe('positions: specialisation and company kind', () => {
  it('a senior backend engineer moving into ML sees the internal transfer and the external reset', () => {
    const found = paths('senior:backend', 'senior:data-ml', '--top', '5');
    const internal = found.find((p) => p.steps.length === 1)!;
    expect(internal.steps[0]!.move).toBe('backend-to-data-ml-internal');
    expect(internal.steps[0]!.fromPosition).toEqual({
      level: 'senior',
      specialisation: 'backend',
      company: null,
    });
    expect(internal.steps[0]!.toPosition).toEqual({
      level: 'senior',
      specialisation: 'data-ml',
      company: null,
    });
    const reset = found.find((p) => p.steps[0]!.move === 'backend-to-data-ml')!;
    expect(reset.steps.map((s) => s.toPosition)).toEqual([
      { level: 'mid', specialisation: 'data-ml', company: null },
      { level: 'senior', specialisation: 'data-ml', company: null },
    ]);
    expect(reset.steps[0]!.levelChange).toBe(-1);
  });

  it('a mid-level frontend engineer moving to full-stack', () => {
    const [best] = paths('mid:frontend', 'mid:full-stack');
    expect(best!.steps).toEqual([
      expect.objectContaining({ kind: 'specialisation-change', move: 'frontend-to-full-stack' }),
    ]);
  });

  it('a senior engineer at a big company looking at startups', () => {
    const [best] = paths('senior@big-company', 'senior@startup');
    expect(best!.steps[0]!).toMatchObject({
      kind: 'company-change',
      fromPosition: { level: 'senior', company: 'big-company' },
      toPosition: { level: 'senior', company: 'startup' },
    });
  });

  it('unqualified ids still carry positions with nulls', () => {
    const [best] = paths('junior', 'mid');
    expect(best!.steps[0]!.fromPosition).toEqual({ level: 'junior', specialisation: null, company: null });
  });

  it('an unknown specialisation is an input error that names the known ones', () => {
    const r = trellis(['path', 'senior:backnd', 'staff']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/backend/);
  });
});

describe('verdicts that speak to the person', () => {
  it('a mid-level engineer with delivery 4 and written communication 1 hears what mid-level needs', () => {
    const file = writeTemp(
      'assessment.yaml',
      [
        'current: mid',
        'ratings:',
        '  technical-fundamentals: 2',
        '  system-design: 2',
        '  debugging: 2',
        '  reading-code: 2',
        '  delivery: 4',
        '  written-communication: 1',
        '  verbal-communication: 2',
        '  influence: 1',
        '  strategy: 1',
        '  self-advocacy: 2',
        '  mentoring: 1',
        '  hiring: 1',
        '  culture: 2',
      ].join('\n'),
    );
    const out = json<{
      level: string;
      held: { level: string; holds: boolean; gaps: { competency: string }[] };
    }>(['assess', file]);
    expect(out.level).toBe('junior');
    expect(out.held.level).toBe('mid');
    expect(out.held.holds).toBe(false);
    expect(out.held.gaps.map((g) => g.competency)).toContain('written-communication');
    const text = trellis(['assess', file]).stdout;
    expect(text.split('\n')[0]).toMatch(/below.*Mid-level/i);
  });

  it('a senior engineer who never managed anyone does not meet engineering manager', () => {
    const file = writeTemp(
      'assessment.yaml',
      [
        'current: staff',
        'ratings:',
        '  technical-fundamentals: 5',
        '  system-design: 5',
        '  debugging: 5',
        '  reading-code: 5',
        '  technical-context: 5',
        '  delivery: 5',
        '  written-communication: 5',
        '  verbal-communication: 5',
        '  influence: 5',
        '  strategy: 5',
        '  self-advocacy: 5',
        '  mentoring: 5',
        '  hiring: 5',
        '  culture: 5',
        '  people-management: 1',
      ].join('\n'),
    );
    const out = json<{ tracks: { track: string; level: string | null }[] }>(['assess', file]);
    expect(out.tracks.find((t) => t.track === 'ic')!.level).toBe('distinguished');
    const management = out.tracks.find((t) => t.track === 'management')!.level;
    expect(['em', 'senior-em', 'director', 'vp', 'cto']).not.toContain(management);
  });
});

describe('level maps above staff', () => {
  const map = (...args: string[]) =>
    json<{ to: { codes: string[]; match: string } }>(['levels', 'map', ...args]).to;

  it('Google L8 is Meta E8 and L9 is E9, not the whole bucket', () => {
    expect(map('google', 'L8', '--to', 'meta').codes).toEqual(['E8']);
    expect(map('google', 'L9', '--to', 'meta').codes).toEqual(['E9']);
  });

  it('Amazon L8 answers one Google code', () => {
    expect(map('amazon', 'L8', '--to', 'google').codes).toEqual(['L8']);
  });

  it('no nearest code beyond one band', () => {
    const to = map('meta', 'E7', '--to', 'amazon');
    expect(to.codes).not.toContain('L10');
  });

  it('manager codes for Google, Meta, Amazon, Microsoft and Apple', () => {
    for (const [company, code] of [
      ['google', 'EM I'],
      ['meta', 'M1'],
      ['amazon', 'SDM L6'],
      ['microsoft', 'M5'],
      ['apple', 'M1'],
    ] as const) {
      const out = json<{ level: string; track: string }>(['levels', 'map', company, code]);
      expect(out.track).toBe('management');
    }
  });

  it('each map prints its caveats', () => {
    const r = trellis(['levels', 'map', 'microsoft', '65']);
    expect(r.stdout).toMatch(/Caveat/i);
    expect(r.stdout).toMatch(/no official/i);
  });
});

describe('growth advice specific to the person', () => {
  it('a backend-5 engineer reads around a neighbour of backend, never backend itself', () => {
    // Already T-shaped, so no broadening is suggested: the slot must still name a neighbour.
    const file = writeTemp(
      'learning.yaml',
      [
        'current: senior',
        'yearsOfExperience: 8',
        'skills:',
        '  backend: 5',
        '  infrastructure: 3',
        '  full-stack: 3',
      ].join('\n'),
    );
    const plan = json<{ adjacent: { title: string; specialisation?: string }[] }>([
      'learn',
      'plan',
      file,
      '--hours',
      '5',
    ]);
    const adjacent = plan.adjacent.map((a) => a.specialisation);
    expect(adjacent.length).toBeGreaterThan(0);
    expect(adjacent).not.toContain('backend');
    for (const id of adjacent)
      expect(['full-stack', 'infrastructure', 'data-ml', 'databases', 'security']).toContain(id);
  });

  it('a tech lead whose one gap to engineering manager is hiring gets interviewer training, not a book', () => {
    const rated = [
      'technical-fundamentals',
      'system-design',
      'debugging',
      'reading-code',
      'technical-context',
      'delivery',
      'written-communication',
      'verbal-communication',
      'influence',
      'strategy',
      'self-advocacy',
      'mentoring',
      'people-management',
      'culture',
    ];
    const file = writeTemp(
      'learning.yaml',
      ['current: tech-lead', 'target: em', 'ratings:', ...rated.map((c) => `  ${c}: 5`), '  hiring: 1'].join(
        '\n',
      ),
    );
    const plan = json<{ deep: { title: string; competency?: string }[] }>([
      'learn',
      'plan',
      file,
      '--hours',
      '5',
    ]);
    const hiring = plan.deep.find((d) => d.competency === 'hiring')!;
    expect(hiring.title).toMatch(/interviewer training/i);
    expect(hiring.title).toMatch(/shadow/i);
    expect(plan.deep.map((d) => d.title).join(' ')).not.toMatch(/a course, a book or an open-source/);
  });

  it('a frontend engineer sees the obsolescence examples of a medium-risk depth', () => {
    const file = writeTemp('shape.yaml', ['yearsOfExperience: 7', 'skills:', '  frontend: 5'].join('\n'));
    const r = trellis(['tshape', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/jQuery/);
  });

  it('a full-stack engineer is not told "commoditised" and then "keep investing"', () => {
    const file = writeTemp(
      'shape.yaml',
      ['yearsOfExperience: 7', 'skills:', '  full-stack: 4', '  frontend: 3', '  backend: 3'].join('\n'),
    );
    const r = trellis(['tshape', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/commoditised/);
    expect(r.stdout).not.toMatch(/Keep investing in Full-stack/);
  });
});
