import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFramework } from '../../src/core/framework/import/index.js';
import { samples, tempDir, trellis, writeTemp } from '../helpers/cli.js';
import { domainError, expectValid, sample } from './helpers.js';

const designFiles = ['product-design.md', 'user-research.md', 'visual-design.md'];
const md = (text: string, name = 'ladder.md') => importFramework('markdown', [{ name, text }]);

describe('Markdown import of Monzo’s heading-structured design ladders', () => {
  for (const file of designFiles) {
    it(`imports ${file} as six levels of Knowledge, Ownership and Collaboration, nothing dropped`, () => {
      const input = sample('monzo', 'frameworks', 'design', file);
      const { framework, fidelity } = importFramework('markdown', [input]);
      const fw = expectValid(framework);
      expect(fw.levels.map((l) => [l.id, l.title, l.rank, l.band])).toEqual(
        [1, 2, 3, 4, 5, 6].map((n) => [`level-${n}`, `Level ${n}`, n, n]),
      );
      expect(fw.competencies.map((c) => c.id)).toEqual(['knowledge', 'ownership', 'collaboration']);
      // Six levels × three topics, one paragraph each (counted by hand in the files).
      expect(fidelity).toEqual({ statements: { source: 18, imported: 18 }, dropped: [] });
      // Each paragraph arrives whole: the first words of level 1's Knowledge and the last level's.
      const paragraphs = readFileSync(input.name, 'utf8')
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p !== '' && !p.startsWith('#') && !p.startsWith('---'));
      expect(paragraphs).toHaveLength(18);
      expect(fw.levels[0]!.expectations.knowledge!.behaviours).toEqual([paragraphs[0]!.replace(/\s+/g, ' ')]);
      expect(fw.levels[5]!.expectations.collaboration!.behaviours).toEqual([
        paragraphs[17]!.replace(/\s+/g, ' '),
      ]);
    });
  }

  it('reads level titles, bullets, a preamble and summaries; text outside the levels is reported as dropped', () => {
    const { framework, fidelity } = md(
      [
        '# Platform ladder',
        '',
        'How we grow.',
        '',
        '## Engineer',
        '',
        'Learns the platform.',
        '',
        '### Delivery',
        '',
        '- Ships small changes',
        '- Asks for review',
        '  early and often',
        '',
        '## Senior engineer',
        '',
        '### Delivery',
        '',
        '* Ships projects',
        '',
        '### Mentoring',
        '',
        '1. Mentors one engineer',
        '',
        '## Further reading',
        '',
        'See the wiki.',
      ].join('\n'),
    );
    const fw = expectValid(framework);
    expect(fw.name).toBe('Platform ladder');
    expect(fw.description).toBe('How we grow.');
    expect(fw.levels.map((l) => [l.id, l.title, l.band, l.summary])).toEqual([
      ['engineer', 'Engineer', 1, 'Learns the platform.'],
      ['senior-engineer', 'Senior engineer', 2, undefined],
    ]);
    expect(fw.levels[0]!.expectations).toEqual({
      delivery: { rating: 1, behaviours: ['Ships small changes', 'Asks for review early and often'] },
    });
    expect(fw.levels[1]!.expectations).toEqual({
      delivery: { rating: 2, behaviours: ['Ships projects'] },
      mentoring: { rating: 2, behaviours: ['Mentors one engineer'] },
    });
    // Mentoring starts at the second level: optional rather than an invented expectation below.
    expect(fw.competencies.find((c) => c.id === 'mentoring')!.core).toBe(false);
    expect(fidelity).toEqual({
      statements: { source: 7, imported: 6 },
      dropped: [
        {
          path: 'ladder.md',
          line: 27,
          reason: 'under "## Further reading", which is not a level (no level number and no ### topics)',
        },
      ],
    });
  });

  it('refuses prose without a heading ladder, located', () => {
    const error = domainError(() =>
      md('# Notes\n\nSome prose.\n\n## Background\n\nMore prose.\n', 'notes.md'),
    );
    expect(error.code).toBe('invalid-input');
    expect(error.problems.map((p) => [p.file, p.line, p.col, p.code])).toEqual([
      ['notes.md', 5, 1, 'no-ladder'],
    ]);
    expect(error.problems[0]!.message).toContain('its first "##" is "Background"');
  });
});

describe('trellis framework import --from markdown', () => {
  it('writes a valid framework and prints the fidelity counts; --json adds the fidelity report', () => {
    const file = join(samples, 'monzo', 'frameworks', 'design', 'product-design.md');
    const out = join(tempDir(), 'design.yaml');
    const imported = trellis(['framework', 'import', '--from', 'markdown', file, '-o', out]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe(`${out}: 6 levels on ic, 3 competencies\n`);
    expect(imported.stderr).toContain(
      'trellis: fidelity: 18 of 18 source statements imported, none dropped\n',
    );
    const validated = trellis(['framework', 'validate', out]);
    expect([validated.code, validated.stderr]).toEqual([0, '']);

    const json = trellis(['framework', 'import', '--from', 'markdown', file, '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as {
      framework: { id: string };
      notes: unknown[];
      fidelity: unknown;
    };
    expect(parsed.framework.id).toBe('markdown-product-design');
    expect(parsed.fidelity).toEqual({ statements: { source: 18, imported: 18 }, dropped: [] });
  });

  it('refuses a file that yields no ladder with exit 1 and a located message', () => {
    const file = writeTemp('prose.md', 'Just a page of prose.\n');
    const result = trellis(['framework', 'import', '--from', 'markdown', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:1:1: no ladder`);
    expect(result.stdout).toBe('');
  });

  it('accepts UTF-8 with a byte-order mark and refuses Windows-1252 at the line and column of the byte', () => {
    const dir = tempDir();
    const good = join(dir, 'bom.md');
    writeFileSync(good, `\uFEFF## Level 1\n\n### Craft\n\nWrites café-grade code.\n`);
    const ok = trellis(['framework', 'import', '--from', 'markdown', good, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.stringify(JSON.parse(ok.stdout).framework.levels[0].expectations)).toContain('café-grade');

    const bad = join(dir, 'cp1252.md');
    // "café" with é as the single Windows-1252 byte 0xE9, on line 5 after "Writes caf".
    writeFileSync(
      bad,
      Buffer.concat([
        Buffer.from('## Level 1\n\n### Craft\n\nWrites caf'),
        Buffer.from([0xe9]),
        Buffer.from(' code.\n'),
      ]),
    );
    const refused = trellis(['framework', 'import', '--from', 'markdown', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}:5:11: byte 0xE9 is not UTF-8`);
  });
});
