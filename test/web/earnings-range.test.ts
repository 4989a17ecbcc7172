import { describe, expect, it } from 'vitest';
import {
  checkEarningsForm,
  defaultEarningsForm,
  formFromEarningsFile,
} from '../../web/src/lib/earningsForm.js';

describe('a custom strategy with a range', () => {
  const file = {
    currency: 'USD',
    start: { salary: 150000 },
    years: 10,
    runs: 200,
    seed: 7,
    strategies: [
      { preset: 'stay-merit' },
      { name: 'mine', merit: [0.03, 0.04], switch: { every: 3, raise: [0.1, 0.2] } },
    ],
  };

  it('shows a stored range as "3–4" and reads it back as the same range', () => {
    const form = formFromEarningsFile('x', file);
    expect(form.custom?.merit).toBe('3–4');
    expect(form.custom?.switchRaise).toBe('10–20');
    const checked = checkEarningsForm(form);
    expect(checked.errors).toEqual({});
    expect(checked.input?.strategies[1]?.merit).toEqual([0.03, 0.04]);
    expect(checked.file).toEqual(file);
  });

  it('says where a range is broken', () => {
    const form = {
      ...defaultEarningsForm(),
      custom: { name: 'mine', merit: '4-3', switchEvery: '', switchRaise: '' },
    };
    expect(checkEarningsForm(form).errors['strategies[3].merit']).toMatch(/min is above its max/);
    form.custom.merit = '3-x';
    expect(checkEarningsForm(form).errors['strategies[3].merit']).toBe('must be a number');
  });
});
