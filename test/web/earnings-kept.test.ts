import { describe, expect, it } from 'vitest';
import { checkEarningsForm, formFromEarningsFile } from '../../web/src/lib/earningsForm.js';
import { strategyInWords } from '../../web/src/pages/earnings/KeptStrategies.js';

/** A stored scenario the four fields of one's own strategy cannot show: nothing in it may be lost. */
const file = {
  currency: 'USD',
  start: { salary: 150000, level: 'mid' },
  market: 'us-tech',
  inflation: 0.02,
  years: 12,
  runs: 300,
  seed: 11,
  strategies: [
    { preset: 'stay-merit' },
    { preset: 'stay-promoted', name: 'promoted-faster', promotions: { every: 2, raise: 0.12 } },
    { preset: 'switch-survey', merit: 0.04 },
    { name: 'mine', merit: 0.035, switch: { every: 4, raise: 0.15 } },
  ],
};

describe('a stored earnings scenario with a preset that has a name or overrides', () => {
  it('comes back into the form and out of it unchanged', () => {
    const form = formFromEarningsFile('Faster', file);
    expect(form.presets).toEqual(['stay-merit']);
    expect(form.kept).toEqual([file.strategies[1], file.strategies[2]]);
    expect(form.custom).toEqual({ name: 'mine', merit: '3.5', switchEvery: '4', switchRaise: '15' });
    const checked = checkEarningsForm(form);
    expect(checked.errors).toEqual({});
    expect(checked.file).toEqual(file);
    // The overrides reach the simulation: the named preset keeps its own name and 12% promotions.
    expect(checked.input?.strategies.map((s) => s.name)).toEqual([
      'stay-merit',
      'promoted-faster',
      'switch-survey',
      'mine',
    ]);
    expect(checked.input?.strategies[1]?.promotions?.raise).toBe(0.12);
    expect(checked.input?.strategies[2]?.merit).toBe(0.04);
    expect(formFromEarningsFile('Faster', checked.file)).toEqual(form);
  });

  it('keeps a second strategy of its own, and one with promotions, rather than dropping it', () => {
    const own = {
      ...file,
      strategies: [
        { name: 'a', merit: 0.03 },
        { name: 'b', merit: [0.02, 0.03], promotions: { every: 3, raise: 0.1, max: 2 } },
        { name: 'c', merit: 0.05 },
      ],
    };
    const form = formFromEarningsFile('Own', own);
    expect(form.custom?.name).toBe('a');
    expect(form.kept.map((s) => s.name)).toEqual(['b', 'c']);
    // Written back with the kept ones before the one in the fields; the same strategies, none lost.
    expect(checkEarningsForm(form).file.strategies).toEqual([
      own.strategies[1],
      own.strategies[2],
      own.strategies[0],
    ]);
  });

  it('says a kept strategy in words and keys its problems at its place in the file', () => {
    expect(strategyInWords(file.strategies[1]!)).toBe(
      'the preset stay-promoted, with promotions every 2 years for 12%',
    );
    expect(
      strategyInWords({ name: 'b', merit: [0.02, 0.03], promotions: { every: 3, raise: 0.1, max: 2 } }),
    ).toBe('your own, with merit 2–3% a year, promotions every 3 years for 10%, at most 2');
    const broken = formFromEarningsFile('Broken', {
      ...file,
      strategies: [{ preset: 'stay-merit' }, { preset: 'stay-promoted', merit: -2 }],
    });
    expect(Object.keys(checkEarningsForm(broken).errors)).toEqual(['strategies[1].merit']);
  });
});
