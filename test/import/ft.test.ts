import { describe, expect, it } from 'vitest';
import { summaryBehaviours } from '../../src/core/framework/import/ft.js';
import { importFramework } from '../../src/core/framework/import/index.js';
import { describeProblem } from '../../src/core/problems.js';
import { domainError, expectValid, fixture, sample } from './helpers.js';

const ft = (text: string, name = 'family.yml') => importFramework('ft', [{ name, text }]);
const by = <T extends { id: string }>(items: T[]) => Object.fromEntries(items.map((i) => [i.id, i]));

describe('FT import of the published engineering job family', () => {
  const { framework, notes } = importFramework('ft', [sample('ft', 'job-families', 'engineering.yml')]);
  const fw = expectValid(framework);
  const levels = by(fw.levels);

  it('puts shared levels and -ic variants on the IC track, -pm variants on management, bands from order', () => {
    const placed = (track: string) =>
      fw.levels.filter((l) => l.track === track).map((l) => [l.id, l.rank, l.band]);
    expect(placed('ic')).toEqual([
      ['junior', 1, 1],
      ['engineer', 2, 2],
      ['senior-1', 3, 3],
      ['senior-2-ic', 4, 4],
      ['principal-ic', 5, 5],
    ]);
    expect(placed('management')).toEqual([
      ['senior-2-pm', 1, 4],
      ['principal-pm', 2, 5],
      ['tech-director', 3, 6],
    ]);
    expect(levels['senior-2-pm']!.title).toBe('Senior Engineer 2 (People Manager)');
  });

  it('maps themes to core competencies and proficiency to the 1..5 scale', () => {
    expect(fw.competencies).toHaveLength(9);
    expect(fw.competencies.every((c) => c.core)).toBe(true);
    expect(by(fw.competencies)['problem-solving-decision-making']!.name).toBe(
      'Problem Solving & Decision Making',
    );
    expect(fw.scales[0]!.points.map((p) => p.label)).toEqual([
      'Awareness',
      'Foundational',
      'Working knowledge',
      'Practitioner',
      'Expert',
    ]);
    expect(levels.junior!.expectations.technical!.rating).toBe(2);
    expect(levels['tech-director']!.expectations.leadership!.rating).toBe(5);
    expect(levels['senior-2-pm']!.expectations.leadership!.rating).toBe(3);
  });

  it('splits a numbered statement into one behaviour per item', () => {
    const technical = levels['senior-2-ic']!.expectations.technical!.behaviours;
    expect(technical).toHaveLength(4);
    expect(technical[1]).toBe('Provides architectural guidance on projects');
  });

  it('adds a track switch both ways between each -ic/-pm pair, a promotion onto the management track, and into tech-director', () => {
    expect(fw.moves.map((m) => [m.kind, m.from, m.to])).toEqual([
      ['track-switch', 'senior-2-ic', 'senior-2-pm'],
      ['track-switch', 'senior-2-pm', 'senior-2-ic'],
      ['track-switch', 'principal-ic', 'principal-pm'],
      ['track-switch', 'principal-pm', 'principal-ic'],
      ['track-switch', 'senior-1', 'senior-2-pm'],
      ['track-switch', 'principal-ic', 'tech-director'],
    ]);
    expect(notes.some((n) => n.message.includes('"tech-director"') && n.line === 29)).toBe(true);
  });
});

describe('FT job families that vary', () => {
  const { framework, notes } = importFramework('ft', [fixture('ft', 'other-family.yml')]);
  const fw = expectValid(framework);
  const levels = by(fw.levels);

  it('works with other level ids and a level without variant above the split', () => {
    expect(fw.id).toBe('ft-site-reliability');
    expect(fw.levels.map((l) => [l.id, l.track, l.rank, l.band])).toEqual([
      ['associate', 'ic', 1, 1],
      ['sre', 'ic', 2, 2],
      ['lead-ic', 'ic', 3, 3],
      ['staff', 'ic', 4, 4],
      ['lead-pm', 'management', 1, 3],
    ]);
    expect(fw.moves.map((m) => m.id)).toEqual([
      'lead-ic-to-lead-pm',
      'lead-pm-to-lead-ic',
      'sre-to-lead-pm',
      'lead-pm-to-staff',
    ]);
  });

  it('carries the nearest lower expectation, through the shared levels below the split', () => {
    expect(levels.sre!.expectations.automation).toEqual(levels.associate!.expectations.automation);
    expect(levels['lead-pm']!.expectations.operations).toEqual(levels.sre!.expectations.operations);
    expect(notes.some((n) => n.message.includes('lead-pm/automation (from associate)'))).toBe(true);
  });

  it('makes a theme that starts above the first level optional', () => {
    const people = by(fw.competencies).people!;
    expect(people.core).toBe(false);
    expect(levels.associate!.expectations.people).toBeUndefined();
    expect(levels['lead-pm']!.expectations.people!.rating).toBe(4);
  });

  it('accepts proficiency in any case and a theme without name or summary', () => {
    expect(levels['lead-ic']!.expectations.operations!.rating).toBe(4);
    expect(by(fw.competencies).automation!.description).toBe('FT theme "Automation".');
  });

  it('puts a level without variant whose title reads as management on the management track', () => {
    const text = [
      'name: Tiny',
      'levels: [{ id: dev, name: Developer }, { id: lead-ic, name: Lead }, { id: lead-pm, name: Lead manager }, { id: head, name: Head of Engineering }]',
      'themes: [{ id: craft, name: Craft }]',
      'competencies:',
      ...['dev', 'lead-ic', 'lead-pm', 'head'].map(
        (l, i) =>
          `  - { level: ${l}, theme: craft, proficiency: ${['Awareness', 'Working knowledge', 'Working knowledge', 'Expert'][i]}, summary: Does ${l} things. }`,
      ),
    ].join('\n');
    const tiny = expectValid(ft(text).framework);
    expect(tiny.levels.map((l) => [l.id, l.track, l.rank, l.band])).toEqual([
      ['dev', 'ic', 1, 1],
      ['lead-ic', 'ic', 2, 2],
      ['lead-pm', 'management', 1, 2],
      ['head', 'management', 2, 3],
    ]);
    expect(tiny.moves.at(-1)).toMatchObject({ from: 'lead-ic', to: 'head' });
  });

  it('imports a family with one track and no variants, slugging odd ids', () => {
    const text =
      'name: Data\nlevels: [{ id: Level 1 }, { id: Level 2 }]\nthemes: [{ id: SQL & Modelling }]\ncompetencies:\n  - { level: Level 1, theme: SQL & Modelling, proficiency: Awareness, summary: Queries. }\n  - { level: Level 2, theme: SQL & Modelling, proficiency: Expert, summary: Models. }\n';
    const data = expectValid(ft(text).framework);
    expect(data.tracks.map((t) => t.id)).toEqual(['ic']);
    expect(data.levels.map((l) => [l.id, l.title, l.aliases])).toEqual([
      ['level-1', 'Level 1', ['Level 1']],
      ['level-2', 'Level 2', ['Level 2']],
    ]);
    expect(data.competencies[0]!.id).toBe('sql-and-modelling');
    expect(data.moves).toEqual([]);
  });

  it('rates several statements for one level and theme with the highest grade and keeps them all', () => {
    const text =
      'levels: [{ id: a }]\nthemes: [{ id: t }]\ncompetencies:\n  - { level: a, theme: t, proficiency: Awareness, summary: One. }\n  - { level: a, theme: t, proficiency: Practitioner, summary: Two. }\n';
    const one = ft(text).framework;
    expect(one.levels[0]!.expectations!.t).toEqual({ rating: 4, behaviours: ['One.', 'Two.'] });
    expect(one.name).toBe('Financial Times Family');
  });
});

describe('FT input that cannot be imported', () => {
  it('reports unknown levels and proficiencies where they are, with a suggestion', () => {
    const error = domainError(() => importFramework('ft', [fixture('ft', 'bad-references.yml')]));
    expect(error.code).toBe('invalid-input');
    expect(error.problems.map((p) => [p.line, p.col, p.message])).toEqual([
      [8, 14, 'unknown level "junoir" (did you mean "junior"?)'],
      [
        9,
        53,
        'unknown proficiency "Expret": expected one of Awareness, Foundational, Working knowledge, Practitioner, Expert (did you mean "Expert"?)',
      ],
    ]);
  });

  it('reports missing and mistyped sections', () => {
    const error = domainError(() => ft('levels: []\nthemes: x\n'));
    expect(error.problems.map((p) => `${p.line}:${p.col}: ${describeProblem(p)}`)).toEqual([
      '1:1: missing required field "competencies"',
      '1:9: levels: needs at least one level',
      '2:9: themes: expected array, got the text "x"',
    ]);
  });

  it('reports duplicate level and theme ids', () => {
    const error = domainError(() =>
      ft(
        'levels: [{ id: a }, { id: a }]\nthemes: [{ id: t }, { id: t }]\ncompetencies: [{ level: a, theme: t, summary: S, proficiency: Expert }]\n',
      ),
    );
    expect(error.problems.map((p) => p.code)).toEqual(['duplicate-id', 'duplicate-id']);
  });

  it('points a Monzo file given as FT at --from monzo', () => {
    const error = domainError(() =>
      importFramework('ft', [sample('monzo', 'frameworks', 'engineering', 'backend.md')]),
    );
    expect(error.problems[0]!.message).toContain('--from monzo');
  });

  it('reports YAML syntax errors and a file that is not a mapping', () => {
    expect(domainError(() => ft('levels: [\n')).problems[0]!.code).toBe('yaml-syntax');
    expect(domainError(() => ft('- a\n')).problems[0]!.code).toBe('not-a-mapping');
    expect(domainError(() => ft('')).problems[0]!.code).toBe('not-a-mapping');
  });

  it('refuses several files and unknown formats as usage errors', () => {
    expect(
      domainError(() =>
        importFramework('ft', [
          sample('ft', 'job-families', 'engineering.yml'),
          sample('ft', 'job-families', 'engineering.yml'),
        ]),
      ).code,
    ).toBe('usage');
    const unknown = domainError(() => importFramework('mozno', []));
    expect(unknown.code).toBe('usage');
    expect(unknown.message).toBe(
      'unknown format "mozno" (did you mean "monzo"?): known formats are monzo, ft, markdown, snowflake, csv, xlsx',
    );
  });
});

describe('summaryBehaviours', () => {
  it('splits lists and joins wrapped prose', () => {
    expect(summaryBehaviours('- a\n- b\n')).toEqual(['a', 'b']);
    expect(summaryBehaviours('Wrapped\nprose.\n')).toEqual(['Wrapped prose.']);
    expect(summaryBehaviours('  \n')).toEqual([]);
  });
});
