import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importFramework } from '../../src/core/framework/import/index.js';
import { loadFrameworkOrThrow } from '../../src/core/framework/load.js';
import { findPaths } from '../../src/core/lattice/paths.js';
import { formatProblem } from '../../src/core/problems.js';
import { samples } from '../helpers/cli.js';
import { domainError, expectValid, sample } from './helpers.js';

const family = (file: string) => importFramework('ft', [sample('ft', 'job-families', file)]);
const ft = (text: string) => importFramework('ft', [{ name: 'family.yml', text }]);
const legacyFiles = readdirSync(join(samples, 'ft', 'legacy-layout'))
  .sort()
  .map((f) => sample('ft', 'legacy-layout', f));

describe('FT job families, statement by statement', () => {
  // Counted by hand: summaries + examples + supporting URLs + theme summaries + the family summary.
  it.each([
    ['engineering-v1.yml', 101 + 257 + 3 + 0 + 1],
    ['engineering.yml', 72 + 0 + 0 + 9 + 1],
    ['operations.yml', 48 + 74 + 0 + 0 + 1],
  ])('%s carries every statement across', (file, count) => {
    expect(family(file).fidelity).toEqual({ statements: { source: count, imported: count }, dropped: [] });
  });

  it('keeps each statement’s examples and supporting URLs with the behaviour they illustrate', () => {
    const fw = expectValid(family('engineering-v1.yml').framework);
    const engineer = fw.levels.find((l) => l.id === 'engineer')!.expectations.technical!;
    const owasp = engineer.illustrations!.find((i) => i.links.length > 0)!;
    expect(owasp.links).toEqual([
      { label: 'Open Web Application Security Project', url: 'https://www.owasp.org/' },
    ]);
    expect(engineer.behaviours).toContain(owasp.behaviour);
    const junior = fw.levels.find((l) => l.id === 'junior')!.expectations.technical!;
    expect(junior.illustrations![0]).toEqual({
      behaviour: 'Is responsible for and maintains their computer and local development environment',
      examples: [
        'Keeps their local tools up to date',
        'Follows instructions to get software projects running locally',
      ],
      links: [],
    });
  });

  it('reads `examples:` written as one string as one example', () => {
    const result = ft(
      'levels: [{ id: a }]\nthemes: [{ id: t }]\ncompetencies:\n  - { level: a, theme: t, summary: Ships, proficiency: Expert, examples: Shipped the app }\n',
    );
    expect(result.framework.levels[0]!.expectations!.t!.illustrations).toEqual([
      { behaviour: 'Ships', examples: ['Shipped the app'], links: [] },
    ]);
    expect(result.fidelity!.statements).toEqual({ source: 2, imported: 2 });
  });

  it('warns at a misspelt key with a suggestion, at its line, and reports its text as dropped', () => {
    const { notes, fidelity } = ft(
      'levels: [{ id: a }]\nthemes: [{ id: t }]\ncompetencies:\n  - level: a\n    theme: t\n    summary: Ships\n    proficiency: Expert\n    exmaples: [Shipped]\n',
    );
    expect(fidelity!.dropped).toEqual([
      { path: 'family.yml', line: 8, reason: 'under the unknown key "exmaples" (did you mean "examples"?)' },
    ]);
    expect(notes.find((n) => n.severity === 'warning')).toMatchObject({
      message: 'unknown key "exmaples" in competency 1 (did you mean "examples"?): ignored',
      file: 'family.yml',
      line: 8,
    });
  });

  it('refuses `competencies: []` with exit-1 problem at its line', () => {
    const error = domainError(() => ft('levels: [{ id: a }]\nthemes: [{ id: t }]\ncompetencies: []\n'));
    expect(error.code).toBe('invalid-input');
    expect(error.problems.map(formatProblem)).toEqual([
      'family.yml:3:15: competencies: needs at least one competency: an empty list is no ladder',
    ]);
  });
});

describe('FT tracks joined', () => {
  const fw = loadFrameworkOrThrow(stringify(family('engineering.yml').framework), 'ft.yaml');

  it('Senior Engineer 1 → Senior Engineer 2 (People Manager) is one move: a promotion with a track switch', () => {
    const best = findPaths(fw, 'senior-1', 'senior-2-pm').paths[0]!;
    expect(best.steps).toHaveLength(1);
    expect(best.steps[0]).toMatchObject({ kind: 'track-switch', levelChange: 1, years: { min: 1, max: 3 } });
  });
});

describe('the FT’s earlier four-file layout', () => {
  const result = importFramework('ft', legacyFiles);
  const fw = expectValid(result.framework);

  it('imports as one ladder of four levels with the level summaries', () => {
    expect(fw.levels.map((l) => l.id)).toEqual(['junior', 'engineer', 'senior1', 'senior2']);
    expect(fw.levels[2]!.summary).toMatch(/^Senior 1 \(S1\) engineers are expected/);
    expect(fw.competencies.map((c) => c.id)).toEqual([
      'technical',
      'communication',
      'delivery',
      'leadership',
    ]);
    expect(fw.scales[0]!.points.map((p) => p.label)).toEqual([
      'Junior Engineer',
      'Engineer',
      'Senior Engineer 1',
      'Senior Engineer 2',
    ]);
  });

  it('carries every statement: 101 summaries, 257 examples, 3 URLs, 4 level summaries', () => {
    expect(result.fidelity).toEqual({ statements: { source: 365, imported: 365 }, dropped: [] });
  });

  it('needs levels.yml and competencies.yml', () => {
    const error = domainError(() =>
      importFramework(
        'ft',
        legacyFiles.filter((f) => !f.name.endsWith('levels.yml')),
      ),
    );
    expect(error.code).toBe('usage');
    expect(error.message).toContain('needs levels.yml');
  });

  it('points a lone levels list at the layout', () => {
    const error = domainError(() => ft('- id: junior\n  name: Junior\n'));
    expect(error.problems[0]!.message).toContain('earlier layout');
  });
});
