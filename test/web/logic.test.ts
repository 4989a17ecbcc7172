// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assessment/evaluate.js';
import { loadFrameworkOrThrow } from '../../src/core/framework/load.js';
import { findPaths } from '../../src/core/lattice/paths.js';
import { offerDocument } from '../../src/store/entities.js';
import { emptyEvidenceForm, entryFromForm } from '../../web/src/lib/evidenceForm.js';
import {
  checkOffersForm,
  emptyOffersForm,
  exampleOffersForm,
  formFromOffersFile,
} from '../../web/src/lib/offerForm.js';
import { checkEarningsForm, defaultEarningsForm } from '../../web/src/lib/earningsForm.js';
import { plainMessage, readNumber } from '../../web/src/lib/validate.js';
import { rotatedLabelRoom, shortLabel } from '../../web/src/charts/ticks.js';

const reference = loadFrameworkOrThrow(
  readFileSync(join(import.meta.dirname, '../../frameworks/reference.yaml'), 'utf8'),
  'reference.yaml',
);

describe('the framework the app computes on', () => {
  // What `GET /api/framework/bundle` sends, through JSON as over the wire.
  const rebuilt = JSON.parse(JSON.stringify(reference)) as typeof reference;

  it('comes through JSON whole', () => {
    expect(rebuilt).toEqual(reference);
  });

  it('gives the same verdicts and paths as the framework file', () => {
    const ratings = Object.fromEntries(reference.competencies.map((c, i) => [c.id, 1 + (i % 4)]));
    expect(assess(rebuilt, { current: 'senior', ratings })).toEqual(
      assess(reference, { current: 'senior', ratings }),
    );
    expect(findPaths(rebuilt, 'junior', 'director', { top: 3 })).toEqual(
      findPaths(reference, 'junior', 'director', { top: 3 }),
    );
  });
});

describe('the offer form', () => {
  it('turns the example into a file the API accepts and the core can compare', () => {
    const { file, parsed, errors } = checkOffersForm(exampleOffersForm());
    expect(errors).toEqual({});
    expect(parsed?.file.offers.map((o) => o.name)).toEqual(['Bigco', 'Seedling']);
    expect(offerDocument.input.safeParse({ name: 'x', file }).success).toBe(true);
  });

  it('leaves empty optional fields out instead of sending zeros', () => {
    const form = emptyOffersForm();
    form.name = 'Two';
    form.offers[0]!.base = '100000';
    form.offers[1]!.base = '90000';
    const { file, errors } = checkOffersForm(form);
    expect(errors).toEqual({});
    expect((file.offers as Record<string, unknown>[])[0]).toEqual({
      name: 'Offer A',
      base: 100000,
      equity: [],
    });
  });

  it('puts each problem on the field it is about', () => {
    const form = exampleOffersForm();
    form.offers[0]!.base = '-1';
    form.offers[0]!.signing = '30000, x';
    form.offers[1]!.equity[0]!.strike = '';
    const { parsed, errors } = checkOffersForm(form);
    expect(parsed).toBeNull();
    expect(errors['offers[0].base']).toBe('must not be negative');
    expect(errors['offers[0].signing']).toBe(
      '"x" is not a number; give one amount per year, separated by commas',
    );
    expect(errors['offers[1].equity[0]']).toBe('missing required field "strike"');
  });

  it('refuses two offers of the same name, as the API would', () => {
    const form = exampleOffersForm();
    form.offers[1]!.name = 'Bigco';
    expect(checkOffersForm(form).errors['offers[1].name']).toBe(
      '"Bigco" is already the name of offer 1; names must be unique',
    );
  });

  it('says "must be a number" for text in a number field, never what the schema makes of NaN', () => {
    const form = exampleOffersForm();
    form.offers[0]!.base = 'abc';
    form.offers[0]!.clawbackMonths = '3%';
    form.offers[0]!.bonusTarget = 'lots';
    form.offers[1]!.equity[0]!.strike = '1,000';
    form.offers[1]!.base = '';
    const { parsed, errors } = checkOffersForm(form);
    expect(parsed).toBeNull();
    expect(errors['offers[0].base']).toBe('must be a number');
    expect(errors['offers[0].clawback.months']).toBe('must be a number: this field is not a percentage');
    expect(errors['offers[0].bonusTarget']).toBe('must be a number');
    expect(errors['offers[1].equity[0].strike']).toBe('must be a number: leave out the thousands separators');
    expect(errors['offers[1].base']).toBe('required');
    expect(Object.values(errors).join('\n')).not.toMatch(/Invalid input|NaN|offers\[/);
  });

  it('reads a stored file back into the same form', () => {
    const form = exampleOffersForm();
    const { file } = checkOffersForm(form);
    expect(formFromOffersFile(form.name, file)).toEqual(form);
  });
});

describe('the evidence form', () => {
  it('sends only the fields that were filled in', () => {
    const form = { ...emptyEvidenceForm('2026-03-01'), title: 'Shipped search' };
    expect(entryFromForm(form)).toEqual({
      entry: { date: '2026-03-01', title: 'Shipped search' },
      errors: {},
      linkLines: [],
    });
  });

  it('names the line of a bad link and refuses impossible dates', () => {
    const form = {
      ...emptyEvidenceForm('2026-02-30'),
      title: 'x',
      links: 'https://a.example\nftp://b.example',
    };
    const { entry, errors } = entryFromForm(form);
    expect(entry).toBeNull();
    expect(errors.links).toBe('line 2: must be an http or https URL');
    expect(errors.date).toMatch(/not a real calendar date/);
  });

  it('reports every bad link, on the line it was typed on', () => {
    const form = {
      ...emptyEvidenceForm('2026-03-01'),
      title: 'x',
      links: 'not a url\nftp://x\n\nhttps://ok.example\nmailto:me',
    };
    expect(entryFromForm(form).errors.links).toBe(
      'line 1: must be an http or https URL; line 2: must be an http or https URL; line 5: must be an http or https URL',
    );
  });
});

describe('the earnings form', () => {
  it('simulates the defaults and refuses what the browser should not run', () => {
    expect(checkEarningsForm(defaultEarningsForm()).input?.strategies.map((s) => s.name)).toEqual([
      'stay-merit',
      'stay-promoted',
      'switch-survey',
    ]);
    const errors = checkEarningsForm({
      ...defaultEarningsForm(),
      runs: '50000',
      years: '0',
      presets: [],
    }).errors;
    expect(errors.runs).toMatch(/at most 20,000/);
    expect(errors.years).toMatch(/^must be at least 1/);
    expect(errors.strategies).toBe('choose at least one strategy');
  });

  it('says "must be a number" for text in a number field', () => {
    const errors = checkEarningsForm({
      ...defaultEarningsForm(),
      salary: 'abc',
      custom: { name: 'mine', merit: 'x', switchEvery: '4', switchRaise: '15' },
    }).errors;
    expect(errors['start.salary']).toBe('must be a number');
    expect(errors['strategies[3].merit']).toBe('must be a number');
  });
});

describe('messages beside a field', () => {
  it('reads numbers as people type them, and says what is wrong with the rest', () => {
    expect(readNumber(' 145000 ')).toEqual({ value: 145000 });
    expect(readNumber('.5')).toEqual({ value: 0.5 });
    expect(readNumber('1e6')).toEqual({ value: 1e6 });
    expect(readNumber('')).toEqual({ value: undefined });
    for (const text of ['abc', '0x10', 'Infinity', '1 2', '--1'])
      expect(readNumber(text).problem, text).toBe('must be a number');
  });

  it('puts core messages in words: no paths, no types, entries by their number', () => {
    expect(plainMessage('Invalid input: expected number, received NaN')).toBe('must be a number');
    expect(plainMessage('Invalid input: expected string, received undefined')).toBe('required');
    expect(plainMessage('offers[1].name: "A" is already the name of offers[0]; names must be unique')).toBe(
      '"A" is already the name of offer 1; names must be unique',
    );
    expect(plainMessage('strategy name "x" is already used by strategies[2]')).toBe(
      'strategy name "x" is already used by strategy 3',
    );
    expect(plainMessage('must not be negative')).toBe('must not be negative');
  });
});

describe('chart labels', () => {
  it('shortens long names, keeping a short last word when asked', () => {
    expect(shortLabel('Bigco Y1', 16, true)).toBe('Bigco Y1');
    expect(shortLabel('Seedling Ventures Incorporated Y12', 16, true)).toBe('Seedling Ve… Y12');
    expect(shortLabel('Infrastructure, DevOps and SRE', 18)).toBe('Infrastructure, D…');
    expect(shortLabel('x'.repeat(5000), 16).length).toBe(16);
  });

  it('gives rotated labels the height and left margin they need', () => {
    const room = rotatedLabelRoom(['a'.repeat(16)], { fontSize: 11, angle: -35, yAxisWidth: 56 });
    const width = 16 * 11 * 0.62;
    expect(room.height).toBeGreaterThan(width * Math.sin((35 * Math.PI) / 180));
    expect(room.left + 56).toBeGreaterThan(width * Math.cos((35 * Math.PI) / 180));
  });
});
