import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir, trellis, writeTemp } from '../helpers/cli.js';

const minimal = join(repoRoot, 'test', 'fixtures', 'frameworks', 'minimal.yaml');
const bad = (name: string) => join(repoRoot, 'test', 'fixtures', 'frameworks', 'bad', `${name}.yaml`);
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);

describe('trellis framework validate', () => {
  it('exits 0 on a valid file and says so', () => {
    const r = trellis(['framework', 'validate', minimal]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('minimal.yaml: valid');
    expect(r.stderr).toBe('');
  });

  it('exits 1 and prints every problem as FILE:LINE:COL: message', () => {
    const file = bad('rule-unknown-id');
    const r = trellis(['framework', 'validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}:63:42: unknown level "senoir" (did you mean "senior"?)`,
      `${file}:63:77: unknown competency group "tech"`,
    ]);
    noStackTrace(r.stderr);
  });

  it('checks several files in one run and fails if any is invalid', () => {
    const r = trellis(['framework', 'validate', minimal, bad('rank-hole'), '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.files.map((f: { valid: boolean }) => f.valid)).toEqual([true, false]);
    expect(out.files[1].problems[0]).toMatchObject({
      line: 24,
      col: 11,
      severity: 'error',
      code: 'rank-hole',
      path: ['levels', 1, 'rank'],
    });
  });

  it('passes with warnings: a warning is not a failure', () => {
    const r = trellis(['framework', 'validate', bad('expectation-drops')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/:31:24: warning: expectation for "craft" drops/);
  });

  it('exits 2 on a missing file, and on a missing argument, without a stack trace', () => {
    const missing = trellis(['framework', 'validate', 'no/such/file.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read no/such/file.yaml: no such file');
    const none = trellis(['framework', 'validate']);
    expect(none.code).toBe(2);
    noStackTrace(missing.stderr + none.stderr);
  });

  it('survives files that are not frameworks at all', () => {
    const dir = tempDir();
    for (const [name, text] of [
      ['binary.yaml', '\u0000\u0001\u0002'],
      ['deep.yaml', '['.repeat(2000)],
      [
        'alias-bomb.yaml',
        'a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
      ],
      ['tabs.yaml', 'id: x\n\tname: y\n'],
    ] as const) {
      const r = trellis(['framework', 'validate', writeTemp(name, text, dir)]);
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toMatch(new RegExp(`${name}:\\d+:\\d+: `));
      noStackTrace(r.stderr);
    }
  });
});

describe('trellis framework show', () => {
  it('prints the tracks side by side by band', () => {
    const r = trellis(['framework', 'show', '--framework', minimal]);
    expect(r.code).toBe(0);
    const row = r.stdout.split('\n').find((line) => line.includes('Senior engineer (senior)'));
    expect(row).toContain('Engineering manager (manager)');
  });

  it('gives the framework as JSON', () => {
    const r = trellis(['framework', 'show', '--framework', minimal, '--json']);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ id: 'minimal', name: 'Minimal dual-track ladder' });
    expect(out.tracks.map((t: { id: string }) => t.id)).toEqual(['ic', 'management', 'product']);
    expect(out.levels[1]).toMatchObject({
      id: 'senior',
      title: 'Senior engineer',
      track: 'ic',
      rank: 2,
      band: 2,
    });
    expect(out.levels[1].expectations).toBeUndefined();
    expect(out.competencies.map((c: { id: string; name: string }) => [c.id, c.name])).toEqual([
      ['craft', 'Craft'],
      ['people', 'People'],
    ]);
    // The implied promotion appears among the moves, with the years of the level it leaves.
    expect(out.moves).toContainEqual(
      expect.objectContaining({
        id: 'promote-engineer',
        kind: 'promotion',
        from: 'engineer',
        to: 'senior',
        years: { min: 2, max: 3 },
        implied: true,
      }),
    );
  });

  it('gives one level in full with its expectations', () => {
    const r = trellis(['framework', 'show', 'engineer', '--framework', minimal, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ id: 'engineer', track: 'ic', rank: 1, band: 1 });
    expect(out.expectations).toEqual([
      {
        competency: 'craft',
        name: 'Craft',
        group: 'technical',
        core: true,
        rating: 2,
        label: 'Doing',
        text: 'Ships features with guidance',
        behaviours: ['Ships features with guidance'],
      },
      {
        competency: 'people',
        name: 'People',
        group: 'people',
        core: true,
        rating: 1,
        label: 'Learning',
        text: '',
        behaviours: [],
      },
    ]);
    expect(out.companies).toEqual([
      { company: 'acme', name: 'Acme', codes: ['E1'] },
      { company: 'globex', name: 'Globex', codes: ['SWE'] },
    ]);
  });

  it('shows a lateral role, with the moves into and out of it', () => {
    const out = JSON.parse(trellis(['framework', 'show', 'pm', '--framework', minimal, '--json']).stdout);
    expect(out).toMatchObject({ id: 'pm', kind: 'role', track: 'product', band: 2 });
    expect(out.moves.incoming).toEqual([expect.objectContaining({ from: 'senior', kind: 'lateral' })]);
    expect(trellis(['framework', 'show', 'pm', '--framework', minimal]).stdout).toContain(
      'Reached from: Senior engineer (lateral)',
    );
  });

  it('exits 1 for an unknown level, suggesting the closest', () => {
    const r = trellis(['framework', 'show', 'senoir', '--framework', minimal]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown level "senoir" (did you mean "senior"?)');
  });

  it('exits 1 with located problems when --framework is invalid', () => {
    const r = trellis(['framework', 'show', '--framework', bad('rank-hole')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rank-hole\.yaml:24:11: track "ic" has a hole/);
  });
});

describe('trellis framework schema', () => {
  const schema = JSON.parse(trellis(['framework', 'schema']).stdout);
  const validate = new Ajv2020({ strict: false }).compile(schema);

  it('is a JSON Schema that accepts valid framework files', () => {
    expect(validate(parse(readFileSync(minimal, 'utf8')))).toBe(true);
    expect(validate(parse(readFileSync(join(repoRoot, 'frameworks', 'reference.yaml'), 'utf8')))).toBe(true);
  });

  it('rejects unknown fields, as the loader does', () => {
    expect(validate(parse(readFileSync(bad('unknown-field'), 'utf8')))).toBe(false);
    expect(validate(parse(readFileSync(bad('bad-enum'), 'utf8')))).toBe(false);
  });
});

describe('trellis framework diff', () => {
  const changed = () => {
    const text = readFileSync(minimal, 'utf8')
      .replace('version: 1.0.0', 'version: 1.1.0')
      .replace('    years: { min: 3, max: 6 }', '    years: { min: 3, max: 8 }')
      .replace('      craft: { rating: 3 }', '      craft: { rating: 4 }')
      .replace(
        '  - { id: senior-to-pm, kind: lateral, from: senior, to: pm, years: { min: 0.5, max: 1 } }\n',
        '',
      )
      .replace(
        '      - { code: E2, level: senior }',
        '      - { code: E2, level: senior }\n      - { code: E3, level: senior }',
      );
    return writeTemp('v2.yaml', text);
  };

  it('reports what was added, removed and changed, keyed by id', () => {
    const r = trellis(['framework', 'diff', minimal, changed(), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.old.version).toBe('1.0.0');
    expect(out.new.version).toBe('1.1.0');
    expect(out.framework).toEqual([{ field: 'version', old: '1.0.0', new: '1.1.0' }]);
    expect(out.sections.levels.changed).toEqual([
      { id: 'senior', fields: [{ field: 'years.max', old: 6, new: 8 }] },
    ]);
    expect(out.sections.expectations.changed).toEqual([
      { id: 'senior/craft', fields: [{ field: 'rating', old: 3, new: 4 }] },
    ]);
    expect(out.sections.moves.removed).toEqual(['senior-to-pm']);
    expect(out.sections.companies.changed[0]).toEqual({
      id: 'acme',
      fields: [{ field: 'levels[E3]', old: null, new: { code: 'E3', level: 'senior' } }],
    });
    expect(out.summary).toEqual({ added: 0, removed: 1, changed: 4 });
  });

  it('reads well in a terminal', () => {
    const r = trellis(['framework', 'diff', minimal, changed()]);
    expect(r.stdout).toContain('minimal 1.0.0 → minimal 1.1.0');
    expect(r.stdout).toContain('  - senior-to-pm');
    expect(r.stdout).toContain('  ~ senior/craft\n      rating: 3 → 4');
  });

  it('finds no change between a file and itself', () => {
    const out = JSON.parse(trellis(['framework', 'diff', minimal, minimal, '--json']).stdout);
    expect(out.summary).toEqual({ added: 0, removed: 0, changed: 0 });
  });

  it('refuses to diff an invalid file, with located problems', () => {
    const r = trellis(['framework', 'diff', minimal, bad('rank-hole')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rank-hole\.yaml:24:11:/);
  });
});

describe('trellis framework render', () => {
  it('renders a readable Markdown ladder to a file', () => {
    const out = join(tempDir(), 'ladder.md');
    const r = trellis(['framework', 'render', minimal, '--format', 'markdown', '-o', out]);
    expect(r.code).toBe(0);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toContain('# Minimal dual-track ladder');
    expect(markdown).toContain('| 2 | Senior engineer | Engineering manager |');
    expect(markdown).toContain('#### Senior engineer');
    expect(markdown).toContain('**Craft**: Leading (3)\n\n');
    expect(markdown).toContain('- **Product manager** (Product, band 2)');
  });

  it('refuses an unknown format with exit 2', () => {
    const r = trellis(['framework', 'render', minimal, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('known formats: markdown');
  });
});

describe('trellis levels map', () => {
  it('maps a code to a level and its equivalents', () => {
    const r = trellis(['levels', 'map', 'acme', 'E2', '--framework', minimal, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      company: 'acme',
      code: 'E2',
      level: 'senior',
      track: 'ic',
      band: 2,
      title: 'Senior engineer',
      rung: 1,
      equivalents: [{ company: 'globex', codes: ['SSWE'], match: 'level' }],
      caveats: [],
    });
  });

  it('finds the equivalent at one company with --to, falling back to the same band', () => {
    const out = JSON.parse(
      trellis(['levels', 'map', 'Acme', 'm1', '--to', 'globex', '--framework', minimal, '--json']).stdout,
    );
    expect(out.to).toEqual({ company: 'globex', codes: ['SSWE'], match: 'band' });
  });

  it('exits 1 listing the known companies or codes', () => {
    const company = trellis(['levels', 'map', 'initech', 'L5', '--framework', minimal]);
    expect(company.code).toBe(1);
    expect(company.stderr).toContain('known companies: acme, globex');
    const code = trellis(['levels', 'map', 'acme', 'E9', '--framework', minimal]);
    expect(code.code).toBe(1);
    expect(code.stderr).toContain('known codes: E1, E2, M1');
  });
});

describe('usage errors', () => {
  it('exit 2 for an unknown command or option', () => {
    expect(trellis(['framework', 'frobnicate']).code).toBe(2);
    expect(trellis(['framework', 'show', '--no-such-flag']).code).toBe(2);
  });

  it('help is not an error', () => {
    const r = trellis(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('framework');
  });
});

describe('the shipped JSON Schema file', () => {
  it('is exactly what `trellis framework schema` prints, so editors never check against a stale schema', () => {
    const shipped = readFileSync(join(repoRoot, 'frameworks', 'trellis-framework.schema.json'), 'utf8');
    expect(shipped).toBe(trellis(['framework', 'schema']).stdout);
  });

  it('accepts the examples', () => {
    const validate = new Ajv2020({ strict: false }).compile(
      JSON.parse(trellis(['framework', 'schema']).stdout),
    );
    for (const file of ['ladder.yaml', 'ladder-v1.1.yaml']) {
      expect(validate(parse(readFileSync(join(repoRoot, 'examples', file), 'utf8'))), file).toBe(true);
    }
  });
});

describe('trellis levels map on the reference framework', () => {
  it('google L5 is senior, and meta calls it E5', () => {
    const out = JSON.parse(trellis(['levels', 'map', 'google', 'L5', '--json']).stdout);
    expect(out).toMatchObject({ company: 'google', code: 'L5', level: 'senior', track: 'ic', band: 3 });
    expect(out.equivalents).toContainEqual({ company: 'meta', codes: ['E5'], match: 'level' });
    const to = JSON.parse(trellis(['levels', 'map', 'google', 'L5', '--to', 'meta', '--json']).stdout);
    expect(to.to).toEqual({ company: 'meta', codes: ['E5'], match: 'level' });
  });

  it('principal is Google L7 and Meta E7, as the seed gives them', () => {
    expect(JSON.parse(trellis(['levels', 'map', 'google', 'L7', '--json']).stdout).level).toBe('principal');
    expect(JSON.parse(trellis(['levels', 'map', 'meta', 'E7', '--json']).stdout).level).toBe('principal');
  });

  it('where a company has nothing at the band, gives the codes bordering it one band either side', () => {
    // Amazon L7 is the top of its staff band, L8 the bottom of its distinguished band; L10 is too far.
    const out = JSON.parse(trellis(['levels', 'map', 'meta', 'E7', '--to', 'amazon', '--json']).stdout);
    expect(out.to).toEqual({ company: 'amazon', codes: ['L7', 'L8'], match: 'nearest' });
  });
});

describe('broken copies of the reference framework', () => {
  it('reports each break at its own line and column, in one run', () => {
    const lines = readFileSync(join(repoRoot, 'frameworks', 'reference.yaml'), 'utf8').split('\n');
    const at = (pattern: RegExp, from = 0) => lines.findIndex((line, i) => i >= from && pattern.test(line));
    // Three breaks far apart, each reported once and nothing else: no cascade from the misspelt track.
    const track = at(/^ {4}track: management$/);
    lines[track] = '    track: managment';
    const rating = at(/^ {8}rating: \d$/, at(/^ {2}- id: staff$/));
    lines[rating] = lines[rating]!.replace(/rating: \d/, 'rating: 9');
    const to = at(/^ {4}to: pm$/);
    lines[to] = '    to: pmm';
    const file = writeTemp('reference-broken.yaml', lines.join('\n'));
    const r = trellis(['framework', 'validate', file]);
    expect(r.code).toBe(1);
    const reported = r.stderr.trim().split('\n');
    expect(reported).toEqual([
      `${file}:${rating + 1}:17: rating 9 is not on scale "five-point" (1, 2, 3, 4, 5)`,
      `${file}:${track + 1}:12: unknown track "managment" (did you mean "management"?)`,
      `${file}:${to + 1}:9: unknown level or role "pmm" (did you mean "pm"?)`,
    ]);
  });
});

describe('writing output files', () => {
  it('refuses a directory, or a path through a file, as a usage error that leaves nothing behind', () => {
    const dir = tempDir();
    const file = writeTemp('ladder.md', 'x', dir);
    for (const [target, reason] of [
      [dir, 'it is a directory'],
      [join(file, 'inside.md'), 'a file stands where a directory is needed'],
    ] as const) {
      const r = trellis(['framework', 'render', minimal, '-o', target]);
      expect(r.code, target).toBe(2);
      expect(r.stderr).toBe(`trellis: cannot write ${target}: ${reason}\n`);
    }
    expect(readdirSync(dir)).toEqual(['ladder.md']);
  });
});
