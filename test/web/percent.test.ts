import { describe, expect, it } from 'vitest';
import { compareOffers } from '../../src/core/comp/compare.js';
import {
  checkEarningsForm,
  defaultCustomStrategy,
  defaultEarningsForm,
  formFromEarningsFile,
} from '../../web/src/lib/earningsForm.js';
import { checkOffersForm, emptyGrant, emptyOffer, type OffersForm } from '../../web/src/lib/offerForm.js';
import { percentMessage, percentText, readPercent } from '../../web/src/lib/validate.js';

/**
 * The offer of the report on percentages: $185,000 base, a yearly raise typed as 3, and $480,000 of
 * RSUs vesting 25% a year. By hand, year 2 is 185,000 × 1.03 = 190,550 of base plus 480,000 / 4 =
 * 120,000 of stock: $310,550 (read as a fraction, 3 made the base 185,000 × 4 and the year $860,000).
 */
function reportedOffer(raise: string): OffersForm {
  return {
    name: 'One offer',
    currency: 'USD',
    years: '4',
    stockGrowth: '0',
    offers: [
      {
        ...emptyOffer('Acme'),
        base: '185000',
        raise,
        equity: [{ ...emptyGrant('rsu'), value: '480000', price: '100', vesting: 'standard' }],
      },
    ],
  };
}

describe('rates typed as percentages', () => {
  it('reads 3 as 3%, exactly the 0.03 a file holds', () => {
    expect(readPercent('3')).toEqual({ value: 0.03 });
    expect(readPercent(' 3 % ')).toEqual({ value: 0.03 });
    expect(readPercent('4.5')).toEqual({ value: 0.045 });
    expect(readPercent('7')).toEqual({ value: 0.07 });
    expect(readPercent('0.5')).toEqual({ value: 0.005 });
    expect(readPercent('-2')).toEqual({ value: -0.02 });
    expect(readPercent('')).toEqual({ value: undefined });
    expect(readPercent('abc').problem).toBe('must be a number');
  });

  it('shows a file’s fraction in per cent, without float noise', () => {
    expect(percentText(0.03)).toBe('3');
    expect(percentText(0.07)).toBe('7');
    expect(percentText(0.035)).toBe('3.5');
    expect(percentText(0.145)).toBe('14.5');
    expect(percentText(undefined)).toBe('');
  });

  it('says the core’s bounds in per cent', () => {
    expect(percentMessage('must be between 0 and 1')).toBe('must be between 0% and 100%');
    expect(percentMessage('must be less than 1')).toBe('must be less than 100%');
    expect(percentMessage('must be greater than -1 (a fraction: 0.03 is 3%)')).toBe(
      'must be greater than -100%',
    );
  });
});

describe('the offer form in per cent', () => {
  it('gives year 2 of the reported offer as $310,550', () => {
    const { parsed, errors, warnings, file } = checkOffersForm(reportedOffer('3'));
    expect(errors).toEqual({});
    expect(warnings).toEqual({});
    expect((file.offers as { raise: number }[])[0]!.raise).toBe(0.03);
    const year2 = compareOffers(parsed!.file).offers[0]!.years[1]!;
    expect(year2.base).toBe(190_550);
    expect(year2.equity).toBe(120_000);
    expect(year2.total).toBe(310_550);
  });

  it('takes 3% written with its sign the same way', () => {
    const { parsed } = checkOffersForm(reportedOffer('3%'));
    expect(compareOffers(parsed!.file).offers[0]!.years[1]!.total).toBe(310_550);
  });

  it('warns beside a raise over 100% and a bonus over 200% of base, and still computes', () => {
    const form = reportedOffer('150');
    form.offers[0]!.bonusTarget = '250';
    const { parsed, errors, warnings } = checkOffersForm(form);
    expect(errors).toEqual({});
    expect(warnings).toEqual({
      'offers[0].raise': 'over 100% a year: is that right? (150 means 150%)',
      'offers[0].bonusTarget': 'over 200% of base: is that right? (250 means 250%)',
    });
    expect(parsed).not.toBeNull();
    const within = reportedOffer('100');
    within.offers[0]!.bonusTarget = '200';
    expect(checkOffersForm(within).warnings).toEqual({});
  });

  it('refuses a chance of an exit over 100% in per cent', () => {
    const form = reportedOffer('3');
    form.offers[0]!.equity = [];
    form.offers[0]!.exitProbability = '150';
    expect(checkOffersForm(form).errors['offers[0].company.exitProbability']).toBe(
      'must be between 0% and 100%',
    );
  });
});

describe('the earnings form in per cent', () => {
  it('reads a merit raise of 4 as 4% and shows it back as 4', () => {
    const form = { ...defaultEarningsForm(), custom: { ...defaultCustomStrategy(), merit: '4' } };
    const { input, file, errors, warnings } = checkEarningsForm(form);
    expect(errors).toEqual({});
    expect(warnings).toEqual({});
    const strategies = file.strategies as { merit?: number; switch?: { raise: number } }[];
    expect(strategies[3]).toEqual({ name: 'my-plan', merit: 0.04, switch: { every: 4, raise: 0.15 } });
    expect(input?.strategies[3]?.name).toBe('my-plan');
    expect(formFromEarningsFile(form.name, file)).toEqual(form);
  });

  it('reads a number written with an exponent as one rate, and "3-4" as a range', () => {
    const merit = (text: string) => {
      const form = { ...defaultEarningsForm(), custom: { ...defaultCustomStrategy(), merit: text } };
      const { file, errors } = checkEarningsForm(form);
      return { errors, merit: (file.strategies as { merit?: unknown }[])[3]?.merit };
    };
    // 1e-1 per cent is 0.1%, the fraction 0.001; the minus belongs to the exponent, not to a range.
    expect(merit('1e-1')).toEqual({ errors: {}, merit: 0.001 });
    expect(merit('3-4')).toEqual({ errors: {}, merit: [0.03, 0.04] });
    expect(merit('3 to 4')).toEqual({ errors: {}, merit: [0.03, 0.04] });
  });

  it('warns beside a merit raise over 100%', () => {
    const form = { ...defaultEarningsForm(), custom: { ...defaultCustomStrategy(), merit: '400' } };
    expect(checkEarningsForm(form).warnings).toEqual({
      'strategies[3].merit': 'over 100% a year: is that right? (400 means 400%)',
    });
  });
});
