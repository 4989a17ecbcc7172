import { describe, expect, it } from 'vitest';
import { dilutedOwnership, optionReports } from '../../src/core/comp/options.js';
import { offersFrom } from './helpers.js';

const grant = (extra: string) => `
offers:
  - name: S
    base: 1
    equity:
      - { type: option, shares: 10000, strike: 1, fmv: 1.5, preferredPrice: 5, fullyDilutedShares: 10000000${extra} }
    company: { dilutionPerRound: 0.2, roundsToExit: 2, exitValuation: 1000000000, exitProbability: 0.1 }
`;

const report = (yaml: string) => {
  const file = offersFrom(yaml);
  return optionReports(file.offers[0]!, file.tax);
};

describe('startup options', () => {
  it('dilution compounds over rounds', () => {
    // 0.1% after one 20% round is 0.08%; after two, 0.064%; 0.1 × 0.8 × 0.85 = 0.068 for mixed rounds.
    expect(dilutedOwnership(0.001, 0.2, 1)).toBeCloseTo(0.0008, 12);
    expect(dilutedOwnership(0.001, 0.2, 2)).toBeCloseTo(0.00064, 12);
    expect(dilutedOwnership(0.1 * 0.8, 0.15, 1)).toBeCloseTo(0.068, 12);
  });

  it('values a grant at exit, net of the exercise cost, weighted by the odds', () => {
    // Exercise 10,000 × 1 = 10,000; paper (5 − 1) × 10,000 = 40,000; spread (1.5 − 1) × 10,000 = 5,000.
    // Ownership 0.1%, 0.064% after two 20% rounds; × 1e9 = 640,000; net 630,000; × 0.1 = 63,000.
    const [option] = report(grant(', kind: nso'));
    expect(option).toMatchObject({
      shares: 10000,
      exerciseCost: 10000,
      paperValue: 40000,
      spreadAtFmv: 5000,
      ownership: 0.001,
      exitValue: 640000,
      exitValueNet: 630000,
      expectedValue: 63000,
    });
    expect(option!.ownershipAtExit).toBe(0.00064);
  });

  it('an NSO spread is ordinary income, an ISO spread an AMT preference item', () => {
    // The same 5,000 spread: 32% income tax = 1,600 for an NSO; 28% AMT = 1,400 for an ISO.
    const [nso] = report(grant(', kind: nso, exerciseWindowDays: 90'));
    const [iso] = report(grant(', kind: iso, exerciseWindowDays: 90'));
    expect(nso!.tax).toEqual({
      treatment: 'ordinary-income',
      isoShares: 0,
      nsoShares: 10000,
      ordinaryIncome: 5000,
      amtPreference: 0,
      estimate: 1600,
    });
    expect(iso!.tax).toEqual({
      treatment: 'amt-preference',
      isoShares: 10000,
      nsoShares: 0,
      ordinaryIncome: 0,
      amtPreference: 5000,
      estimate: 1400,
    });
  });

  it('treats ISOs beyond $100,000 first exercisable in a year as NSOs', () => {
    // 100,000 ISOs at a 409A price of 5, standard vesting: 25,000 a year = 125,000 > 100,000, so
    // 20,000 fit and 5,000 a year are NSOs: 20,000 over four years.
    const [option] = report(`
offers:
  - name: S
    base: 1
    equity:
      - { type: option, shares: 100000, strike: 5, fmv: 5, preferredPrice: 10, fullyDilutedShares: 10000000, kind: iso, exerciseWindowDays: 3650 }
`);
    expect(option!.tax).toMatchObject({ treatment: 'mixed', isoShares: 80000, nsoShares: 20000 });
    expect(option!.flags[0]).toMatch(/20000 ISO shares exceed the \$100,000/);
    expect(option!.flags).toContain('ISOs exercised more than 90 days after leaving are taxed as NSOs');
  });

  it('flags a 90-day window and unstated terms', () => {
    const [option] = report(grant(''));
    expect(option!.kind).toBe('nso');
    expect(option!.flags).toEqual([
      '90-day exercise window: on leaving, vested options must be bought within 90 days or are lost (10,000.00 for the whole grant)',
      'the offer does not say ISO or NSO; assumed NSO (taxed at exercise)',
      'the offer does not state the exercise window; assumed 90 days',
    ]);
  });

  it('an option under water is worth nothing rather than less than nothing', () => {
    // Strike 6 above a preferred price of 5: paper value 0; at exit 640,000 − 60,000 exercise still pays.
    // At a 50M exit: 0.064% × 50M = 32,000 < 60,000: net −28,000, expected value 0.
    const [option] = report(`
offers:
  - name: S
    base: 1
    equity: [{ type: option, shares: 10000, strike: 6, fmv: 5, preferredPrice: 5, fullyDilutedShares: 10000000 }]
    company: { dilutionPerRound: 0.2, roundsToExit: 2, exitValuation: 50000000, exitProbability: 0.5 }
`);
    expect(option).toMatchObject({
      paperValue: 0,
      spreadAtFmv: 0,
      exitValue: 32000,
      exitValueNet: -28000,
      expectedValue: 0,
    });
  });
});
