import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { importFramework } from '../../src/core/framework/import/index.js';
import { loadFramework } from '../../src/core/framework/load.js';
import { DomainError } from '../../src/core/problems.js';

const imported: Record<string, number> = {};

/** Either a framework that validates, or a DomainError: never a crash, never an invalid framework. */
function check(format: string, text: string): void {
  try {
    const { framework } = importFramework(format, [{ name: 'input', text }]);
    imported[format] = (imported[format] ?? 0) + 1;
    const errors = loadFramework(stringify(framework), 'imported.yaml').problems.filter(
      (p) => p.severity === 'error',
    );
    expect(errors.map((p) => p.message)).toEqual([]);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}

const name = fc.oneof(
  fc.constantFrom('impact', 'Impact!', '🚀', 'a: b; c', '', 'x'),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);
// Mostly well-formed, with odd values mixed in, so both the success and the refusal paths run.
const mostly = <T, U>(good: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: good, weight: 20 }, { arbitrary: odd, weight: 1 });
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -2, max: 9 }),
  fc.constant(null),
  fc.boolean(),
);

describe('importers on arbitrary input', () => {
  it('Monzo: shapes of front matter', () => {
    const criterion = mostly(
      fc.string({ maxLength: 12 }),
      fc.oneof(scalar, fc.dictionary(fc.string({ maxLength: 4 }), scalar, { maxKeys: 2 })),
    );
    const example = mostly(
      fc.record({
        criteria: fc.string({ maxLength: 8 }),
        examples: fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }),
      }),
      scalar,
    );
    const content = fc.record(
      {
        level: mostly(fc.integer({ min: -1, max: 8 }), scalar),
        criteria: mostly(fc.array(criterion, { maxLength: 3 }), scalar),
        exampleCriteria: fc.array(example, { maxLength: 2 }),
      },
      { requiredKeys: ['level'] },
    );
    const topic = fc.record(
      {
        name: mostly(name, scalar),
        title: mostly(fc.option(name), scalar),
        content: mostly(fc.array(content, { maxLength: 4 }), scalar),
      },
      { requiredKeys: ['name'] },
    );
    const front = fc.record(
      {
        title: fc.option(fc.string({ maxLength: 10 })),
        yaml: mostly(fc.constant(true), scalar),
        levels: scalar,
        topics: mostly(fc.array(topic, { maxLength: 4 }), scalar),
      },
      { requiredKeys: ['topics'] },
    );
    fc.assert(
      fc.property(front, (fm) => check('monzo', `---\n${stringify(fm)}---\nprose\n`)),
      { numRuns: 400 },
    );
  });

  it('FT: shapes of job families', () => {
    const ids = fc.constantFrom(
      'junior',
      'mid',
      'senior-ic',
      'senior-pm',
      'lead_IC',
      'lead_PM',
      'director',
      'Staff Engineer',
      '-',
    );
    const themes = fc.constantFrom('tech', 'people', 'Delivery & Impact');
    const text = fc.option(fc.string({ maxLength: 8 }));
    const level = fc.record({ id: mostly(ids, scalar), name: mostly(text, scalar) });
    const theme = fc.record({ id: mostly(themes, scalar), name: text, summary: text });
    const unique = <T extends { id: unknown }>(item: fc.Arbitrary<T>, maxLength: number) =>
      mostly(
        fc.uniqueArray(item, { selector: (i) => i.id, minLength: 1, maxLength }),
        fc.array(item, { maxLength: 2 }),
      );
    const proficiency = mostly(
      fc.constantFrom('Awareness', 'Foundational', 'Working knowledge', 'Practitioner', 'Expert', 'expert'),
      fc.constant('Guru'),
    );
    // Statements mostly refer to the levels and themes actually defined, so many families import.
    const family = fc
      .tuple(unique(level, 7), unique(theme, 3), text)
      .chain(([levels, themesOf, familyName]) => {
        const pick = (items: { id: unknown }[], fallback: fc.Arbitrary<unknown>) =>
          items.length === 0 ? fallback : mostly(fc.constantFrom(...items.map((i) => i.id)), fallback);
        const statement = fc.record({
          level: pick(levels, ids),
          theme: pick(themesOf, themes),
          proficiency,
          summary: fc.oneof(fc.string({ maxLength: 10 }), fc.constant('1. a\n2. b')),
        });
        return fc.record({
          name: fc.constant(familyName),
          levels: fc.constant(levels),
          themes: fc.constant(themesOf),
          competencies: fc.array(statement, { maxLength: 14 }),
        });
      });
    fc.assert(
      fc.property(family, (f) => check('ft', stringify(f))),
      { numRuns: 400 },
    );
  });
});

it('the arbitrary inputs reach the success path too', () => {
  // Guards the generators: if every case were refused, the checks above would prove nothing.
  expect(imported.monzo ?? 0).toBeGreaterThan(10);
  expect(imported.ft ?? 0).toBeGreaterThan(10);
});
