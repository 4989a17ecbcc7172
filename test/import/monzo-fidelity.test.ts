import { describe, expect, it } from 'vitest';
import { importFramework } from '../../src/core/framework/import/index.js';
import { formatProblem } from '../../src/core/problems.js';
import { domainError, expectValid, sample } from './helpers.js';

const generic = sample('monzo', 'frameworks', 'generic.md');
const withGeneric = (...path: string[]) =>
  importFramework('monzo', [sample('monzo', 'frameworks', ...path), generic]);

describe('a Monzo discipline file with generic.md', () => {
  it('keeps the levels of the discipline: generic.md adds none', () => {
    const levelsOf = (...path: string[]) =>
      expectValid(withGeneric(...path).framework).levels.map((l) => l.id);
    expect(levelsOf('customer-operations.md')).toEqual(['level-1', 'level-2']);
    expect(levelsOf('engineering', 'qualityanalyst.md')).toEqual(['level-1', 'level-2', 'level-3']);
    expect(levelsOf('executive-support.md')).toHaveLength(5);
    expect(levelsOf('techops.md')).toHaveLength(5);
    expect(levelsOf('operations', 'ops-individual-contributor.md')).toHaveLength(5);
    expect(levelsOf('operations', 'ops-leadership.md')).toEqual([
      'level-2',
      'level-3',
      'level-4',
      'level-5',
      'level-6',
    ]);
  });

  it('says which generic levels it left out', () => {
    const { notes } = withGeneric('customer-operations.md');
    expect(notes.map((n) => n.message)).toContain(
      'generic.md speaks of level(s) 3, 4, 5, 6, which customer-operations.md does not have: its criteria there are not part of this ladder',
    );
  });

  // Counted by hand from the files: the discipline's criteria, example criteria and their
  // examples, plus generic.md's for the matching topics at the discipline's levels.
  it.each([
    [['customer-operations.md'], 53 + 12],
    [['engineering', 'qualityanalyst.md'], 55 + 12],
    [['engineering', 'backend.md'], 157 + 18],
    [['operations', 'ops-leadership.md'], 152 + 58],
  ])('carries every statement of %j across', (path, count) => {
    expect(withGeneric(...path).fidelity).toEqual({
      statements: { source: count, imported: count },
      dropped: [],
    });
  });

  it('keeps customer operations’ sub-levels A, B, C as sub-levels of their level', () => {
    const fw = expectValid(withGeneric('customer-operations.md').framework);
    const level1 = fw.levels[0]!.expectations.knowledgeandimpact!;
    expect(level1.subLevels!.map((s) => s.name)).toEqual(['A', 'A (after probation)', 'B', 'C']);
    expect(level1.subLevels![2]).toEqual({
      name: 'B',
      behaviours: [
        'Consistently performs expected targets for core scaling tasks: 12 conversations per hour, 95% activity and 95% QA',
      ],
    });
    expect(level1.behaviours.some((b) => /sublevel/i.test(b))).toBe(false);
    expect(fw.levels[1]!.expectations.knowledgeandimpact!.subLevels!.map((s) => s.name)).toEqual(['A', 'B']);
  });
});

describe('Monzo files that yield no ladder of topics', () => {
  it.each(['product-design.md', 'user-research.md', 'visual-design.md'])(
    'reads the design file %s alone through the heading reader: six levels',
    (file) => {
      const result = importFramework('monzo', [sample('monzo', 'frameworks', 'design', file)]);
      expect(expectValid(result.framework).levels).toHaveLength(6);
      expect(result.fidelity!.dropped).toEqual([]);
      expect(result.notes[0]!.message).toContain('read as the ladder');
    },
  );

  it('refuses a design file with generic.md at its yaml: false line, naming --from markdown', () => {
    const design = sample('monzo', 'frameworks', 'design', 'product-design.md');
    const error = domainError(() => importFramework('monzo', [design, generic]));
    expect(error.code).toBe('invalid-input');
    expect(error.problems.map(formatProblem)).toEqual([
      `${design.name}:6:7: product-design.md is prose only (yaml: false): it has no topics for generic.md to add to; import it alone, or with --from markdown if its ladder is written as "## Level N" headings`,
    ]);
  });

  it('refuses `topics: []` at its line', () => {
    const error = domainError(() =>
      importFramework('monzo', [{ name: 'empty.md', text: '---\ntitle: Empty\ntopics: []\n---\n' }]),
    );
    expect(error.problems.map(formatProblem)).toEqual([
      'empty.md:3:9: empty.md has no topics: nothing to import (mark prose-only files with "yaml: false")',
    ]);
  });
});

describe('Monzo keys that are misspelt or written another way', () => {
  const file = (topic: string) => ({
    name: 'slip.md',
    text: `---\ntitle: Slip\ntopics:\n  - name: impact\n${topic}---\n`,
  });

  it('warns at a misspelt `content` key with a suggestion, and reports its text as dropped', () => {
    const result = importFramework('monzo', [
      file(
        '    contnet:\n      - level: 1\n        criteria: ["x"]\n    content:\n      - level: 1\n        criteria: ["Ships"]\n',
      ),
    ]);
    expect(result.fidelity).toEqual({
      statements: { source: 2, imported: 1 },
      dropped: [
        { path: 'slip.md', line: 5, reason: 'under the unknown key "contnet" (did you mean "content"?)' },
      ],
    });
    const warning = result.notes.find((n) => n.message.startsWith('unknown key'))!;
    expect(warning).toMatchObject({
      severity: 'warning',
      message: 'unknown key "contnet" in topic "impact" (did you mean "content"?): ignored',
      file: 'slip.md',
      line: 5,
    });
  });

  it('reads `examples:` written as one string as one example', () => {
    const result = importFramework('monzo', [
      file(
        '    content:\n      - level: 1\n        exampleCriteria:\n          - criteria: Reviews code\n            examples: Leaves kind comments\n',
      ),
    ]);
    expect(result.framework.levels[0]!.expectations!.impact!.exampleCriteria).toEqual([
      { criterion: 'Reviews code', examples: ['Leaves kind comments'] },
    ]);
    expect(result.fidelity!.statements).toEqual({ source: 2, imported: 2 });
  });
});
