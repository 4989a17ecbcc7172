import { describe, expect, it } from 'vitest';
import { parseEarningsFile } from '../../src/core/comp/earnings-schema.js';
import { parseOffersFile } from '../../src/core/comp/offer-schema.js';
import { DomainError, formatProblem } from '../../src/core/problems.js';
import { offerFrom } from './helpers.js';

/** Every problem of a file, formatted as the CLI prints it; a valid file fails the test. */
function problems(parse: () => unknown): string[] {
  try {
    parse();
  } catch (error) {
    if (error instanceof DomainError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const offers = (text: string) => problems(() => parseOffersFile(text, 'o.yaml'));
const earnings = (text: string) => problems(() => parseEarningsFile(text, 'e.yaml'));

describe('cadence lists', () => {
  it('a one-item cadence list for a two-year schedule is refused at the cadence', () => {
    expect(
      offers(`offers:
  - name: A
    base: 1
    equity: [{ type: rsu, shares: 10, price: 1, vesting: { years: [50, 50], cadence: [monthly] } }]
`),
    ).toEqual([
      'o.yaml:4:86: offers[0].equity[0].vesting.cadence: lists 1 cadence for 2 years; give one per year or a single cadence',
    ]);
  });

  it('in a named schedule too, while a single cadence name applies to every year', () => {
    expect(
      offers(`schedules:
  lumpy: { years: [50, 50], cadence: [annual] }
offers: [{ name: A, base: 1 }]
`),
    ).toEqual([
      'o.yaml:2:38: schedules.lumpy.cadence: lists 1 cadence for 2 years; give one per year or a single cadence',
    ]);
    const offer = offerFrom(`offers:
  - { name: A, base: 1, equity: [{ type: rsu, shares: 10, price: 1, vesting: { years: [50, 50], cadence: annual } }] }
`);
    expect(offer.rsus[0]!.schedule.cadence).toBe('annual');
    const listed = offerFrom(`offers:
  - { name: A, base: 1, equity: [{ type: rsu, shares: 10, price: 1, vesting: { years: [100], cadence: [quarterly] } }] }
`);
    expect(listed.rsus[0]!.schedule.cadence).toEqual(['quarterly']);
  });
});

describe('one message per mistake', () => {
  it('a clawback of -3 months is reported once', () => {
    expect(offers('offers: [{ name: A, base: 1, signing: 5, clawback: { months: -3 } }]\n')).toEqual([
      'o.yaml:1:62: offers[0].clawback.months: must be at least 1, got -3',
    ]);
  });
});

describe('every problem of a file in one run', () => {
  it('a bonus with both target and amount and a duplicate name are reported beside another offer’s schema error', () => {
    expect(
      offers(`currency: usd
offers:
  - { name: A, base: -1 }
  - { name: B, base: 1, bonus: { target: 0.1, amount: 5 } }
  - { name: B, base: 2 }
  - { name: A, base: 3, refreshers: { value: 10 } }
`),
    ).toEqual([
      'o.yaml:1:11: currency: must be a three-letter ISO 4217 code such as USD',
      'o.yaml:3:22: offers[0].base: must be at least 0, got -1',
      'o.yaml:4:32: offers[1].bonus: give either target (with an optional multiplier) or amount, not both',
      'o.yaml:5:13: offers[2].name: "B" is already the name of offers[1]; names must be unique',
      'o.yaml:6:13: offers[3].name: "A" is already the name of offers[0]; names must be unique',
      'o.yaml:6:25: offers[3].refreshers: needs a price, or an RSU grant to take the price from',
    ]);
  });

  it('a duplicate strategy name is reported beside another strategy’s schema error, and a nameless duplicate too', () => {
    expect(
      earnings(`start: { salary: -1 }
years: 3
strategies:
  - { name: x, merit: abc }
  - { name: y, merit: 0.03 }
  - { name: y, merit: 0.04 }
  - { name: z }
  - { name: z, merit: 0.1 }
  - { preset: stay-merit }
  - { preset: stay-merit, merit: 0.05 }
`),
    ).toEqual([
      'e.yaml:1:18: start.salary: must be at least 0, got -1',
      'e.yaml:4:23: strategies[0].merit: must be a rate (0.03 is 3%) or a [min, max] range',
      'e.yaml:6:5: strategies[2]: strategy name "y" is already used by strategies[1]',
      'e.yaml:7:5: strategies[3]: missing required field "merit" (or a preset)',
      'e.yaml:8:5: strategies[4]: strategy name "z" is already used by strategies[3]',
      'e.yaml:10:5: strategies[6]: strategy name "stay-merit" is already used by strategies[5]',
    ]);
  });
});
