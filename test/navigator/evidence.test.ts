import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listEntries, type EvidenceFilter } from '../../src/core/evidence/filter.js';
import { appendEntry, checkEntry, parseEvidenceLog } from '../../src/core/evidence/log.js';
import { buildPacket, renderPacket } from '../../src/core/evidence/packet.js';
import {
  evidenceScopes,
  isCalendarDate,
  normaliseEntry,
  type EvidenceEntry,
} from '../../src/core/evidence/schema.js';
import { loadFrameworkOrThrow } from '../../src/core/framework/load.js';
import { describeProblem, DomainError } from '../../src/core/problems.js';
import { repoRoot, tempDir, trellis } from '../helpers/cli.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'navigator');
const fixture = (name: string) => join(fixtures, name);
const frameworkFile = fixture('framework.yaml');
const framework = loadFrameworkOrThrow(readFileSync(frameworkFile, 'utf8'), frameworkFile);
const competencies = framework.competencies.map((c) => c.id);
const read = (name: string) => readFileSync(fixture(name), 'utf8');

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError)
      return error.problems.map((p) => `${p.line}:${p.col}: ${describeProblem(p)}`);
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('entry schema', () => {
  it('a date must be a real calendar day', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-04-31')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('2024-1-01')).toBe(false);
  });

  it('a malformed date gets one message, not also "not a real calendar date"', () => {
    for (const date of ['2024-2-28', '28/02/2024', '2024-02-28x', 'soon'])
      expect(checkEntry({ date, title: 'x' }).issues.map((i) => i.message)).toEqual([
        `"${date}": must be a date written YYYY-MM-DD`,
      ]);
    expect(checkEntry({ date: '2024-02-30', title: 'x' }).issues.map((i) => i.message)).toEqual([
      '"2024-02-30" is not a real calendar date',
    ]);
  });

  it('a link is any http(s) URL that new URL() reads, kept with spaces and <> percent-encoded', () => {
    expect(
      checkEntry({
        date: '2024-05-01',
        title: 'x',
        links: ['https://example.com/a b', 'https://example.com/<x>', 'https://example.com/a%20b'],
      }).entry?.links,
    ).toEqual(['https://example.com/a%20b', 'https://example.com/%3Cx%3E', 'https://example.com/a%20b']);
    expect(
      checkEntry({ date: '2024-05-01', title: 'x', links: ['https://exa mple.com', 'ftp://example.com'] })
        .issues.length,
    ).toBe(2);
  });

  it('only date and title are required', () => {
    expect(checkEntry({ date: '2024-05-01', title: 'Shipped it' })).toEqual({
      entry: { date: '2024-05-01', title: 'Shipped it' },
      issues: [],
    });
    expect(checkEntry({}).issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'date: is required',
      'title: is required',
    ]);
  });
});

describe('reading logs', () => {
  it('the YAML and the Markdown fixtures hold the same three entries', () => {
    const yaml = parseEvidenceLog(read('evidence.yaml'), 'evidence.yaml', { competencies });
    const markdown = parseEvidenceLog(read('evidence.md'), 'evidence.md', { competencies });
    expect(markdown).toEqual(yaml);
    expect(yaml).toHaveLength(3);
    expect(yaml[1]).toEqual({
      date: '2024-03-14',
      title: 'Led the payments migration across three teams',
      scope: 'multi-team',
      competencies: ['craft', 'influence'],
      links: ['https://example.com/payments-design'],
      description: 'Moved forty services to the new ledger without downtime.',
    });
  });

  it('a bad YAML log: every problem located, unknown competencies with "did you mean"', () => {
    expect(
      problemsOf(() => parseEvidenceLog(read('bad-evidence.yaml'), 'bad.yaml', { competencies })),
    ).toEqual([
      '2:11: entries[0].date: "2024-02-30" is not a real calendar date',
      '4:27: entries[0].competencies[1]: unknown competency "infuence" (did you mean "influence"?)',
      '5:5: entries[1]: missing required field "date"',
      '6:12: entries[1].scope: "teams" is not one of "self", "team", "multi-team", "organisation", "industry" (did you mean "team"?)',
      '7:13: entries[1].links[0]: must be an http or https URL',
    ]);
  });

  it('a bad Markdown log: the same checks, located in the Markdown, and a misspelt field', () => {
    expect(problemsOf(() => parseEvidenceLog(read('bad-evidence.md'), 'bad.md', { competencies }))).toEqual([
      '3:4: entries[0].date: "2024-13-01" is not a real calendar date',
      '5:3: entries[0]: unknown field "scop" (did you mean "scope"?)',
      '6:24: entries[0].competencies[1]: unknown competency "peple" (did you mean "people"?)',
      '8:1: entries[1]: missing required field "title"',
    ]);
  });

  it('a Markdown heading separates date and title by -, –, — or :, with or without spaces', () => {
    const text = [
      '## 2024-02-28: Colon title',
      '## 2024-02-25—Emdash',
      '## 2024-02-24 — Spaced em dash',
      '## 2024-02-23-Dash',
      '## 2024-02-22 – En dash',
      '## 2024-02-21 :Colon after a space',
      '## 2024-02-20 No separator',
      '## 2024-02-19 — - a title that starts with a dash',
    ].join('\n\n');
    expect(parseEvidenceLog(text, 'log.md').map((e) => [e.date, e.title])).toEqual([
      ['2024-02-28', 'Colon title'],
      ['2024-02-25', 'Emdash'],
      ['2024-02-24', 'Spaced em dash'],
      ['2024-02-23', 'Dash'],
      ['2024-02-22', 'En dash'],
      ['2024-02-21', 'Colon after a space'],
      ['2024-02-20', 'No separator'],
      ['2024-02-19', '- a title that starts with a dash'],
    ]);
  });

  it('a malformed date in a log gets one message, in YAML and in Markdown', () => {
    expect(
      problemsOf(() => parseEvidenceLog('entries:\n  - date: 2024-2-28\n    title: x\n', 'log.yaml')),
    ).toEqual(['2:11: entries[0].date: must be a date written YYYY-MM-DD']);
    expect(problemsOf(() => parseEvidenceLog('## 2024-2-28: Title\n', 'log.md'))).toEqual([
      '1:4: entries[0].date: must be a date written YYYY-MM-DD',
    ]);
  });

  it('a Markdown link in <…> is read whole, spaces included', () => {
    const [entry] = parseEvidenceLog(
      '## 2024-01-01 Did it\n\n- links: <https://example.com/a b> https://example.com/c\n',
      'x.md',
    );
    expect(entry?.links).toEqual(['https://example.com/a b', 'https://example.com/c']);
  });

  it('a list item that is not like any field starts the description', () => {
    const [entry] = parseEvidenceLog(
      '## 2024-01-01 Did it\n\n- scope: team\n- Cut p99 latency: 40%\n',
      'x.md',
    );
    expect(entry).toEqual({
      date: '2024-01-01',
      title: 'Did it',
      scope: 'team',
      description: '- Cut p99 latency: 40%',
    });
  });

  it('an empty file, or `entries:` alone, is an empty log', () => {
    expect(parseEvidenceLog('', 'e.yaml')).toEqual([]);
    expect(parseEvidenceLog('entries:\n', 'e.yaml')).toEqual([]);
    expect(parseEvidenceLog('', 'e.md')).toEqual([]);
  });
});

describe('adding entries', () => {
  const entry: EvidenceEntry = {
    date: '2024-07-01',
    title: 'Ran the incident review',
    scope: 'team',
    competencies: ['people'],
  };

  it('YAML: appended at the end, comments and earlier entries kept as written', () => {
    const before = read('evidence.yaml');
    const after = appendEntry(before, 'evidence.yaml', entry);
    expect(after.startsWith(before.trimEnd())).toBe(true);
    expect(after.slice(before.length)).toBe(
      '  - date: 2024-07-01\n    title: Ran the incident review\n    scope: team\n    competencies: [people]\n',
    );
  });

  // Each layout once with an entry already in it and once without: the rest of the text never moves.
  const layouts: [string, string, string][] = [
    ['a comment after `entries:`', 'entries: # keep\n', 'entries: # keep\n'],
    [
      'comments above, inline, under the last item, after the list and at the end',
      '# head\nentries: # keep\n  # before the first\n  - date: 2024-01-01 # inline\n    title: y\n    # about y\n\n  # after the list\n# end of file\n',
      '# head\nentries: # keep\n  # before the first\n\n  # after the list\n# end of file\n',
    ],
    [
      'a list not indented under its key',
      'entries: # keep\n- date: 2024-01-01\n  title: y\n# end\n',
      'entries: # keep\n# end\n',
    ],
    [
      'a last line without a newline',
      'entries:\n  - date: 2024-01-01\n    title: y # last',
      'entries: # last',
    ],
  ];

  for (const [layout, withEntry, empty] of layouts)
    it(`YAML add keeps comments in place: ${layout}`, () => {
      for (const before of [withEntry, empty]) {
        const after = appendEntry(before, 'log.yaml', entry);
        // The new item is one insertion: what comes before and after it is the text as it was.
        let head = 0;
        while (head < before.length && before[head] === after[head]) head++;
        let tail = 0;
        while (tail < before.length - head && before.at(-1 - tail) === after.at(-1 - tail)) tail++;
        expect(head + tail, after).toBeGreaterThanOrEqual(before.length);
        expect(parseEvidenceLog(after, 'log.yaml')).toEqual([...parseEvidenceLog(before, 'log.yaml'), entry]);
      }
    });

  it('YAML add: `entries: # keep` keeps its comment on its line', () => {
    expect(appendEntry('entries: # keep\n', 'log.yaml', entry)).toBe(
      'entries: # keep\n  - date: 2024-07-01\n    title: Ran the incident review\n    scope: team\n    competencies: [people]\n',
    );
    expect(appendEntry('entries: [] # keep\n', 'log.yaml', entry)).toBe(
      'entries: # keep\n  - date: 2024-07-01\n    title: Ran the incident review\n    scope: team\n    competencies: [people]\n',
    );
    expect(appendEntry('entries: [{date: 2024-01-01, title: y}] # flow\n', 'log.yaml', entry)).toBe(
      'entries: [{date: 2024-01-01, title: y}, {date: 2024-07-01, title: Ran the incident review, scope: team, competencies: [people]}] # flow\n',
    );
  });

  it('Markdown: a new section at the end', () => {
    const before = read('evidence.md');
    expect(appendEntry(before, 'evidence.md', entry)).toBe(
      `${before}\n## 2024-07-01 Ran the incident review\n\n- scope: team\n- competencies: people\n`,
    );
  });

  it('a new Markdown file gets a title; a new JSON file is JSON', () => {
    expect(appendEntry('', 'log.md', entry)).toMatch(/^# Evidence log\n/);
    expect(JSON.parse(appendEntry('', 'log.json', entry))).toEqual({ entries: [entry] });
  });
});

const unit = fc.constantFrom(
  'a',
  'Z',
  ' ',
  '\t',
  '#',
  '-',
  '—',
  ':',
  '*',
  '\\',
  '<',
  '>',
  ',',
  'é',
  '1',
  '"',
  "'",
  '|',
);
const line = fc.string({ unit, minLength: 1, maxLength: 20 });
const trimmed = (text: fc.Arbitrary<string>) => text.map((s) => s.trim()).filter((s) => s !== '');
const entryArbitrary: fc.Arbitrary<EvidenceEntry> = fc
  .record(
    {
      date: fc
        .date({ min: new Date('1990-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      title: trimmed(line),
      description: trimmed(
        fc
          .array(fc.oneof(line, fc.constantFrom('## x', '- scope: team', '\\## y', '')), {
            minLength: 1,
            maxLength: 4,
          })
          .map((l) => l.join('\n')),
      ),
      scope: fc.constantFrom(...evidenceScopes),
      competencies: fc.uniqueArray(fc.constantFrom(...competencies), { minLength: 1 }),
      links: fc.array(
        fc.oneof(
          fc.webUrl({ validSchemes: ['https'] }),
          fc.constantFrom(
            'https://example.com/a b',
            'https://example.com/<x>?q=a>b',
            'http://example.com/%20',
          ),
        ),
        { minLength: 1, maxLength: 2 },
      ),
    },
    { requiredKeys: ['date', 'title'] },
  )
  .map(normaliseEntry);

describe('evidence properties', () => {
  it('adding an entry then reading the log gives the earlier entries and the new one, in every format', () => {
    for (const [file, start] of [
      ['evidence.yaml', read('evidence.yaml')],
      ['evidence.md', read('evidence.md')],
      ['evidence.json', ''],
    ] as const) {
      const before = start === '' ? [] : parseEvidenceLog(start, file);
      fc.assert(
        fc.property(entryArbitrary, (raw) => {
          const { entry, issues } = checkEntry(raw, { competencies });
          expect(issues).toEqual([]);
          const after = parseEvidenceLog(appendEntry(start, file, entry!), file, { competencies });
          expect(after).toEqual([...before, entry]);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('list filters return exactly the entries that pass, oldest first', () => {
    const date = fc
      .date({ min: new Date('2020-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const filterArbitrary: fc.Arbitrary<EvidenceFilter> = fc.record(
      {
        competency: fc.constantFrom(...competencies),
        scope: fc.constantFrom(...evidenceScopes),
        since: date,
        until: date,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(entryArbitrary, { maxLength: 15 }), filterArbitrary, (entries, filter) => {
        const listed = listEntries(entries, filter);
        const passes = (e: EvidenceEntry) =>
          (filter.competency === undefined || (e.competencies ?? []).includes(filter.competency)) &&
          (filter.scope === undefined || e.scope === filter.scope) &&
          (filter.since === undefined || e.date >= filter.since) &&
          (filter.until === undefined || e.date <= filter.until);
        expect(listed.every((e) => entries.includes(e) && passes(e))).toBe(true);
        expect(listed).toHaveLength(entries.filter(passes).length);
        expect(listed.map((e) => e.date)).toEqual(listed.map((e) => e.date).sort());
        // Adding a filter never lists more.
        expect(listed.length).toBeLessThanOrEqual(listEntries(entries).length);
      }),
    );
  });
});

describe('promotion packet', () => {
  const entries = parseEvidenceLog(read('evidence.yaml'), 'evidence.yaml', { competencies });

  it('groups evidence under each expectation of the level and counts it', () => {
    const packet = buildPacket(framework, entries, 'senior');
    expect(packet.sections.map((s) => [s.competency, s.evidence.map((e) => e.date)])).toEqual([
      ['craft', ['2024-03-14', '2024-06-02']],
      ['people', ['2024-01-15']],
      ['influence', ['2024-03-14']],
    ]);
    // Senior's scope is team: the team and multi-team entries reach it, the self one does not.
    expect(packet.summary).toEqual({
      expectations: 3,
      withEvidence: 3,
      withoutEvidence: [],
      entries: 3,
      atLevelScope: 2,
    });
  });

  it('flags the expectations without evidence', () => {
    const packet = buildPacket(
      framework,
      entries.filter((e) => !e.competencies?.includes('people')),
      'senior',
    );
    expect(packet.summary.withoutEvidence).toEqual(['people']);
    const markdown = renderPacket(packet);
    expect(markdown).toContain('**Summary:** 2 of 3 expectations have evidence; 1 has none yet: People.');
    expect(markdown).toContain('| People | 2 (Doing) | **none yet** |');
    expect(markdown).toContain(
      '> **No evidence yet.** Record some with `trellis evidence add … --competency people`.',
    );
  });

  it('an unknown level is refused with a "did you mean"', () => {
    expect(() => buildPacket(framework, entries, 'senoir')).toThrow(
      /unknown level "senoir" \(did you mean "senior"\?\)/,
    );
  });
});

describe('trellis evidence', () => {
  const run = (args: string[], cwd?: string) =>
    trellis([...args, '--framework', frameworkFile], cwd === undefined ? {} : { cwd });

  for (const name of ['log.yaml', 'log.md']) {
    it(`add → list → packet round trip in ${name.endsWith('.md') ? 'Markdown' : 'YAML'}`, () => {
      const log = join(tempDir(), name);
      const first = run([
        'evidence',
        'add',
        '--log',
        log,
        '--date',
        '2024-03-14',
        '--title',
        'Led the payments migration',
        '--scope',
        'multi-team',
        '--competency',
        'craft',
        '--competency',
        'influence',
        '--link',
        'https://example.com/doc',
        '--description',
        'Moved forty services.\n\nNo downtime.',
      ]);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toBe(`Added 2024-03-14 "Led the payments migration" to ${log} (1 entry).\n`);
      expect(
        run([
          'evidence',
          'add',
          '--log',
          log,
          '--date',
          '2024-01-02',
          '--title',
          'Fixed the flaky build',
          '--competency',
          'craft',
        ]).code,
      ).toBe(0);

      const listed = run(['evidence', 'list', '--log', log, '--json']);
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual({
        entries: [
          { date: '2024-01-02', title: 'Fixed the flaky build', competencies: ['craft'] },
          {
            date: '2024-03-14',
            title: 'Led the payments migration',
            scope: 'multi-team',
            competencies: ['craft', 'influence'],
            links: ['https://example.com/doc'],
            description: 'Moved forty services.\n\nNo downtime.',
          },
        ],
      });
      const filtered = run([
        'evidence',
        'list',
        '--log',
        log,
        '--json',
        '--competency',
        'influence',
        '--since',
        '2024-03-01',
        '--until',
        '2024-03-31',
      ]);
      expect(JSON.parse(filtered.stdout).entries.map((e: EvidenceEntry) => e.title)).toEqual([
        'Led the payments migration',
      ]);

      const packet = run(['evidence', 'packet', '--log', log, '--for', 'senior']);
      expect(packet.code).toBe(0);
      expect(packet.stdout).toContain('# Promotion packet: Senior engineer');
      expect(packet.stdout).toContain(
        '**Summary:** 2 of 3 expectations have evidence; 1 has none yet: People.',
      );
      expect(packet.stdout).toContain('- **2024-03-14** Led the payments migration _(scope: multi-team)_');

      const out = join(tempDir(), 'packet.md');
      const written = run(['evidence', 'packet', '--log', log, '--for', 'senior', '-o', out]);
      expect(written.stdout).toBe(`Wrote ${out}: 2 of 3 expectations have evidence; none yet for people.\n`);
      expect(readFileSync(out, 'utf8')).toBe(packet.stdout);
    });
  }

  it('--log defaults to evidence.yaml in the current directory; the reference framework by default', () => {
    const dir = tempDir();
    const r = trellis(
      [
        'evidence',
        'add',
        '--date',
        '2024-05-01',
        '--title',
        'Wrote the design doc',
        '--competency',
        'system-design',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'evidence.yaml'), 'utf8')).toBe(
      'entries:\n  - date: 2024-05-01\n    title: Wrote the design doc\n    competencies: [system-design]\n',
    );
  });

  it('bad flags on add: exit 1, every problem named by its flag, and no file written', () => {
    const log = join(tempDir(), 'log.yaml');
    const r = run([
      'evidence',
      'add',
      '--log',
      log,
      '--date',
      '2024-02-30',
      '--title',
      'x',
      '--scope',
      'tem',
      '--competency',
      'infuence',
      '--link',
      'nope',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      '--competency: unknown competency "infuence" (did you mean "influence"?)',
      '--date: "2024-02-30" is not a real calendar date',
      '--link: "nope": must be an http or https URL',
      '--scope: "tem" is not one of self, team, multi-team, organisation, industry (did you mean "team"?)',
    ]);
    expect(existsSync(log)).toBe(false);
  });

  it('a link with a space is added to a Markdown log as to a YAML one, and reads back the same', () => {
    const dir = tempDir();
    const markdown = join(dir, 'b.md');
    writeFileSync(markdown, read('evidence.md'));
    const yaml = join(dir, 'p.yaml');
    for (const log of [markdown, yaml]) {
      const r = run([
        'evidence',
        'add',
        '--log',
        log,
        '--date',
        '2024-05-01',
        '--title',
        'Spoke at the meetup',
        '--link',
        'https://example.com/a b',
        '--json',
      ]);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(r.stdout).entry.links).toEqual(['https://example.com/a%20b']);
      const listed = JSON.parse(run(['evidence', 'list', '--log', log, '--json']).stdout) as {
        entries: EvidenceEntry[];
      };
      expect(listed.entries.find((e) => e.title === 'Spoke at the meetup')?.links).toEqual([
        'https://example.com/a%20b',
      ]);
    }
    expect(readFileSync(markdown, 'utf8')).toContain('- links: <https://example.com/a%20b>\n');
  });

  it('a bad link or date on add is named by its flag, with one message each, never a file position', () => {
    const dir = tempDir();
    const log = join(dir, 'b.md');
    writeFileSync(log, read('evidence.md'));
    const r = run([
      'evidence',
      'add',
      '--log',
      log,
      '--date',
      '2024-5-01',
      '--title',
      'x',
      '--link',
      'https://exa mple.com/',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      '--date: "2024-5-01": must be a date written YYYY-MM-DD',
      '--link: "https://exa mple.com/": must be an http or https URL',
    ]);
    expect(readFileSync(log, 'utf8')).toBe(read('evidence.md'));
  });

  it('add refuses to touch a broken log, reporting FILE:LINE:COL', () => {
    const dir = tempDir();
    const log = join(dir, 'log.yaml');
    const text = read('bad-evidence.yaml');
    writeFileSync(log, text);
    const r = run(['evidence', 'add', '--log', log, '--date', '2024-05-01', '--title', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${log}:2:11: entries[0].date: "2024-02-30" is not a real calendar date`);
    expect(r.stderr).toContain(
      `${log}:4:27: entries[0].competencies[1]: unknown competency "infuence" (did you mean "influence"?)`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(log, 'utf8')).toBe(text);
  });

  it('list: a Markdown log with a bad date exits 1 located; a missing log exits 2; bad filters', () => {
    const bad = run(['evidence', 'list', '--log', fixture('bad-evidence.md')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      `${fixture('bad-evidence.md')}:3:4: entries[0].date: "2024-13-01" is not a real calendar date`,
    );
    const missing = run(['evidence', 'list', '--log', join(tempDir(), 'none.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect(run(['evidence', 'list', '--log', fixture('evidence.yaml'), '--since', '2024-02-30']).code).toBe(
      2,
    );
    expect(run(['evidence', 'list', '--log', fixture('evidence.yaml'), '--scope', 'teams']).code).toBe(2);
    const unknown = run(['evidence', 'list', '--log', fixture('evidence.yaml'), '--competency', 'crafts']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown competency "crafts" (did you mean "craft"?)');
  });

  it('list prints a table and how many entries passed the filters', () => {
    const r = run(['evidence', 'list', '--log', fixture('evidence.md'), '--scope', 'self']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Fixed the flaky build');
    expect(r.stdout).not.toContain('payments');
    expect(r.stdout.trim().endsWith('1 of 3 entries')).toBe(true);
  });

  it('packet: an unknown level exits 1 with a "did you mean"', () => {
    const r = run(['evidence', 'packet', '--log', fixture('evidence.yaml'), '--for', 'senoir']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown level "senoir" (did you mean "senior"?)');
  });
});
