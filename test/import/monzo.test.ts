import { describe, expect, it } from 'vitest';
import { importFramework } from '../../src/core/framework/import/index.js';
import { slugify } from '../../src/core/framework/import/slug.js';
import { formatProblem } from '../../src/core/problems.js';
import { domainError, expectValid, fixture, sample } from './helpers.js';

const monzo = (text: string, name = 'file.md') => importFramework('monzo', [{ name, text }]);

describe('Monzo import of the published samples', () => {
  const { framework, notes, used } = importFramework('monzo', [
    sample('monzo', 'frameworks', 'engineering', 'backend.md'),
    sample('monzo', 'frameworks', 'generic.md'),
  ]);
  const fw = expectValid(framework);

  it('maps topics to competencies and levels to the ic track with ranks 1..n', () => {
    expect(fw.id).toBe('monzo-backend');
    expect(fw.name).toBe('Backend Engineering Framework');
    expect(fw.tracks.map((t) => t.id)).toEqual(['ic']);
    expect(fw.levels.map((l) => [l.id, l.title, l.rank, l.band])).toEqual([
      ['level-1', 'Level 1', 1, 1],
      ['level-2', 'Level 2', 2, 2],
      ['level-3', 'Level 3', 3, 3],
      ['level-4', 'Level 4', 4, 4],
      ['level-5', 'Level 5', 5, 5],
      ['level-6', 'Level 6', 6, 6],
    ]);
    expect(fw.competencies.map((c) => c.id)).toEqual([
      'communication',
      'impact',
      'leadership',
      'influence',
      'mastery',
    ]);
    expect(fw.scales[0]!.points.map((p) => p.value)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(used).toHaveLength(2);
  });

  it('inherits generic criteria first and the generic title when the topic has none', () => {
    const communication = fw.competencies.find((c) => c.id === 'communication')!;
    expect(communication.name).toBe('Communication');
    const behaviours = fw.levels[0]!.expectations.communication!.behaviours;
    expect(behaviours.slice(0, 2)).toEqual([
      'Actively communicates what they are working on',
      'Seeks out feedback',
    ]);
    expect(behaviours).toContain('Provides regular status updates to their mentor/buddy');
    // Topics only in generic.md are not imported: inheritance goes by name.
    expect(fw.competencies.some((c) => c.id === 'knowledge')).toBe(false);
    expect(notes.some((n) => n.message.includes('"knowledge"'))).toBe(true);
  });

  it('keeps example criteria apart from the criteria, each with its examples', () => {
    const level2 = fw.levels[1]!.expectations.communication!;
    expect(level2.exampleCriteria).toContainEqual({
      criterion: 'Provides helpful and actionable feedback in code reviews in an empathetic manner',
      examples: ['Take a look at the levelling up your code reviews talk for some ideas'],
    });
    expect(level2.behaviours.some((b) => b.startsWith('Provides helpful'))).toBe(false);
  });

  it('makes a topic without criteria at the lowest levels optional instead of inventing a rating', () => {
    const leadership = fw.competencies.find((c) => c.id === 'leadership')!;
    expect(leadership.core).toBe(false);
    expect(fw.levels[0]!.expectations.leadership).toBeUndefined();
    expect(fw.levels[2]!.expectations.leadership!.rating).toBe(3);
    expect(fw.competencies.filter((c) => c.core).map((c) => c.id)).toEqual([
      'communication',
      'impact',
      'influence',
      'mastery',
    ]);
  });

  it('imports generic.md alone as a framework of its own', () => {
    const alone = expectValid(
      importFramework('monzo', [sample('monzo', 'frameworks', 'generic.md')]).framework,
    );
    expect(alone.competencies.map((c) => c.id)).toEqual([
      'knowledge',
      'impact',
      'communication',
      'teamwork',
      'conduct',
    ]);
    expect(alone.competencies[0]!.name).toBe('Knowledge');
  });

  it('inherits whichever order the files come in', () => {
    const reversed = importFramework('monzo', [
      sample('monzo', 'frameworks', 'generic.md'),
      sample('monzo', 'frameworks', 'engineering', 'backend.md'),
    ]);
    expect(reversed.framework).toEqual(framework);
  });
});

describe('Monzo files that vary', () => {
  const result = importFramework('monzo', [fixture('monzo', 'levels-from-3.md')]);
  const fw = expectValid(result.framework);

  it('ranks levels that start at 3 from 1 and keeps their numbers in id, title, band and rating', () => {
    expect(fw.levels.map((l) => [l.id, l.title, l.rank, l.band])).toEqual([
      ['level-3', 'Level 3', 1, 3],
      ['level-4', 'Level 4', 2, 4],
      ['level-5', 'Level 5', 3, 5],
    ]);
    expect(fw.scales[0]!.points.map((p) => p.value)).toEqual([3, 4, 5]);
  });

  it('rates each level with the highest level at or below it that has criteria', () => {
    const impact = fw.levels.map((l) => l.expectations.impact!.rating);
    expect(impact).toEqual([3, 3, 5]);
    expect(fw.levels[1]!.expectations.impact!.behaviours).toEqual(
      fw.levels[0]!.expectations.impact!.behaviours,
    );
  });

  it('slugs punctuation and emoji into unique ids', () => {
    expect(fw.competencies.map((c) => [c.id, c.name])).toEqual([
      ['communication', 'Communication'],
      ['impact', 'Impact'],
      ['impact-2', 'Impact (again)'],
      ['rocket', 'Rocket'],
    ]);
    expect(fw.competencies[0]!.description).toBe('transparent communication; giving and receiving feedback');
  });

  it('names a framework without title after its file', () => {
    expect(fw.name).toBe('Levels from 3');
    expect(result.notes.some((n) => n.message.includes('has no title'))).toBe(true);
  });

  it('restores an unquoted criterion that YAML read as a mapping, with a located warning', () => {
    expect(fw.levels[1]!.expectations.communication!.behaviours).toEqual([
      'Asks why: does not take truths for granted',
    ]);
    const warning = result.notes.find((n) => n.message.includes('read as a mapping'))!;
    expect(warning).toMatchObject({ severity: 'warning', line: 17, col: 13 });
  });

  it('skips a prose-only file next to an importable one, with a warning naming it', () => {
    const both = importFramework('monzo', [
      fixture('monzo', 'levels-from-3.md'),
      fixture('monzo', 'prose-only.md'),
    ]);
    expect(both.framework).toEqual(result.framework);
    expect(both.notes.find((n) => n.message.includes('prose-only.md'))).toMatchObject({
      severity: 'warning',
      line: 6,
    });
    expect(both.used).toEqual([fixture('monzo', 'levels-from-3.md').name]);
  });

  it('refuses a prose-only file alone with a located message naming it', () => {
    const error = domainError(() => importFramework('monzo', [fixture('monzo', 'prose-only.md')]));
    expect(error.code).toBe('invalid-input');
    expect(error.problems.map(formatProblem)).toEqual([
      `${fixture('monzo', 'prose-only.md').name}:6:7: prose-only.md is prose only (yaml: false): it has no levels or topics, and no "## Level N" headings to read as a ladder`,
    ]);
  });

  it('refuses several specific files rather than guessing how to merge them', () => {
    const error = domainError(() =>
      importFramework('monzo', [
        sample('monzo', 'frameworks', 'engineering', 'backend.md'),
        fixture('monzo', 'mobile.md'),
      ]),
    );
    expect(error.code).toBe('usage');
    expect(error.message).toContain('backend.md, mobile.md');
  });

  it('gives a one-level file a scale of two points', () => {
    const fw1 = expectValid(
      monzo(
        '---\ntitle: One\ntopics:\n  - name: craft\n    content:\n      - level: 2\n        criteria: [Builds]\n---\n',
      ).framework,
    );
    expect(fw1.scales[0]!.points.map((p) => p.value)).toEqual([1, 2]);
    expect(fw1.levels.map((l) => l.id)).toEqual(['level-2']);
  });

  it('merges a level listed twice in one topic, with a warning', () => {
    const text =
      '---\ntitle: T\ntopics:\n  - name: a\n    content:\n      - { level: 1, criteria: [x] }\n      - { level: 1, criteria: [y] }\n---\n';
    const result2 = monzo(text);
    expect(result2.framework.levels[0]!.expectations!.a!.behaviours).toEqual(['x', 'y']);
    expect(result2.notes.some((n) => n.severity === 'warning' && n.message.includes('level 1 twice'))).toBe(
      true,
    );
  });
});

describe('Monzo input that cannot be imported', () => {
  it('reports a non-numeric level at its line and column', () => {
    const error = domainError(() => importFramework('monzo', [fixture('monzo', 'bad-level.md')]));
    expect(error.code).toBe('invalid-input');
    expect(error.problems[0]).toMatchObject({ line: 7, col: 16 });
    expect(error.problems[0]!.message).toContain('"2A"');
  });

  it('reports a file without front matter', () => {
    const error = domainError(() => monzo('# Just a heading\n', 'notes.md'));
    expect(error.problems.map(formatProblem)).toEqual([
      'notes.md:1:1: no YAML front matter: a Monzo framework file starts with a line "---", then `levels` and `topics`',
    ]);
  });

  it('reports front matter that is never closed', () => {
    expect(domainError(() => monzo('---\ntitle: x\n')).problems[0]!.message).toContain('never closed');
  });

  it('reports YAML syntax errors with the line of the file', () => {
    const error = domainError(() => monzo('---\ntitle: x\ntopics:\n  - name: a\n    content: [\n---\n'));
    expect(error.problems[0]!.code).toBe('yaml-syntax');
    expect(error.problems[0]!.line).toBeGreaterThan(1);
  });

  it('reports a file with no topics and no yaml: false', () => {
    expect(domainError(() => monzo('---\ntitle: x\n---\n')).problems[0]!.code).toBe('no-topics');
  });

  it('reports a criterion that is neither text nor a slip', () => {
    const error = domainError(() =>
      monzo(
        '---\ntopics:\n  - name: a\n    content:\n      - level: 1\n        criteria:\n          - [1, 2]\n---\n',
      ),
    );
    expect(error.problems[0]).toMatchObject({ line: 7, col: 13 });
  });

  it('reports topics with no level content at all', () => {
    expect(domainError(() => monzo('---\ntopics:\n  - name: a\n---\n')).problems[0]!.code).toBe('no-levels');
  });
});

describe('slugify', () => {
  it('folds accents, punctuation and emoji into a valid id', () => {
    expect(slugify('Problem Solving & Decision Making')).toBe('problem-solving-and-decision-making');
    expect(slugify('Café: l’équipe!')).toBe('cafe-l-equipe');
    expect(slugify('🚀')).toBe('');
    expect(slugify('a'.repeat(30) + ' ' + 'b'.repeat(30))).toBe('a'.repeat(30));
  });
});
