import { describe, expect, it } from 'vitest';
import { diffFrameworks } from '../../src/core/framework/diff.js';
import { importFramework } from '../../src/core/framework/import/index.js';
import type { Framework } from '../../src/core/framework/schema.js';
import { expectValid, sample } from '../import/helpers.js';

/** Monzo's customer operations (sub-levels A, B, C) and backend (example criteria with examples). */
const ladder = (file: string[]): Framework =>
  expectValid(importFramework('monzo', [sample('monzo', 'frameworks', ...file)]).framework);

function firstWith(framework: Framework, key: 'subLevels' | 'exampleCriteria') {
  for (const level of framework.levels)
    for (const [competency, e] of Object.entries(level.expectations))
      if ((e[key]?.length ?? 0) > 0) return { level, competency, e };
  throw new Error(`the sample has no ${key}`);
}

describe('framework diff reads what an imported ladder says beside the behaviours', () => {
  it('names the sub-level whose statement changed, not the whole list', () => {
    const before = ladder(['customer-operations.md']);
    const after = structuredClone(before);
    const { level, competency, e } = firstWith(after, 'subLevels');
    const sub = e.subLevels![0]!;
    const old = sub.behaviours[0]!;
    sub.behaviours[0] = `${old} (reworded)`;
    const diff = diffFrameworks(before, after);
    expect(diff.sections.expectations.changed).toEqual([
      {
        id: `${level.id}/${competency}`,
        fields: [
          {
            field: `subLevels[${sub.name}].behaviours`,
            old: [old, ...sub.behaviours.slice(1)],
            new: sub.behaviours,
          },
        ],
      },
    ]);
  });

  it('names an example criterion that was added, by its text', () => {
    const before = ladder(['engineering', 'backend.md']);
    const after = structuredClone(before);
    const { level, competency, e } = firstWith(after, 'exampleCriteria');
    e.exampleCriteria!.push({ criterion: 'Writes the runbook for a new queue', examples: [] });
    const diff = diffFrameworks(before, after);
    expect(diff.sections.expectations.changed).toEqual([
      {
        id: `${level.id}/${competency}`,
        fields: [
          {
            field: 'exampleCriteria[Writes the runbook for a new queue]',
            old: null,
            new: { criterion: 'Writes the runbook for a new queue', examples: [] },
          },
        ],
      },
    ]);
  });
});
