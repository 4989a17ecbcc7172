import { describe, expect, it } from 'vitest';
import { clawbackOwed, leaveCost } from '../../src/core/comp/leave.js';
import { offerFrom } from './helpers.js';

const cliffOffer = offerFrom(`
offers:
  - name: A
    base: 100000
    signing: 24000
    clawback: { months: 12, prorated: true }
    equity: [{ type: rsu, shares: 4800, price: 10, vesting: standard }]
`);

describe('offers leave', () => {
  it('leaving at month 11 under a one-year cliff forfeits the whole grant', () => {
    // Nothing vests before month 12: 4,800 shares × 10 = 48,000 forfeited.
    // The signing bonus was held 11 of 12 months: prorated, 24,000 × 1/12 = 2,000 is owed.
    expect(leaveCost(cliffOffer, 11, 0)).toMatchObject({
      vestedShares: 0,
      vestedValue: 0,
      forfeitedShares: 4800,
      forfeitedValue: 48000,
      clawback: 2000,
    });
  });

  it('leaving at month 12 keeps the cliff and owes nothing back', () => {
    // The cliff vests 1,200 shares (12,000); 3,600 (36,000) are forfeited; t = 12 is not under 12 months.
    expect(leaveCost(cliffOffer, 12, 0)).toMatchObject({
      vestedShares: 1200,
      vestedValue: 12000,
      forfeitedShares: 3600,
      forfeitedValue: 36000,
      clawback: 0,
    });
  });

  it('a prorated clawback owes the unserved months, a full one the whole amount', () => {
    // Leave at month 9: prorated 24,000 × (12 − 9) / 12 = 6,000; full 24,000.
    const full = offerFrom(`
offers:
  - { name: A, base: 1, signing: 24000, clawback: { months: 12, prorated: false } }
`);
    expect(clawbackOwed(cliffOffer, 9)).toBe(600000);
    expect(clawbackOwed(full, 9)).toBe(2400000);
    expect(clawbackOwed(full, 12)).toBe(0);
  });

  it('each yearly signing payment is clawed back from its own payment date', () => {
    // 30,000 paid at month 0, 20,000 at month 12; 12-month prorated clawback.
    // Month 18: the first was held 18 months (nothing owed); the second 6: 20,000 × 6/12 = 10,000.
    // Month 6: the first owes 30,000 × 6/12 = 15,000; the second was never paid.
    const offer = offerFrom(`
offers:
  - { name: A, base: 1, signing: [30000, 20000], clawback: { months: 12, prorated: true } }
`);
    expect(clawbackOwed(offer, 18)).toBe(1000000);
    expect(clawbackOwed(offer, 6)).toBe(1500000);
  });

  it('counts refreshers granted before leaving and ignores those not yet granted', () => {
    // Refreshers of 4,800 shares (48,000 at 10) from year 2. Leaving at month 13: the initial grant
    // has 1,300 vested (cliff 1,200 + 100) and 3,500 forfeited; the year-2 refresher (granted at
    // month 12) vests nothing yet, so all 4,800 go. The year-3 refresher was never granted.
    const offer = offerFrom(`
offers:
  - name: A
    base: 1
    equity: [{ type: rsu, shares: 4800, price: 10 }]
    refreshers: { value: 48000, from: 2 }
`);
    expect(leaveCost(offer, 13, 0)).toMatchObject({ vestedShares: 1300, forfeitedShares: 3500 + 4800 });
  });

  it('reports vested options and the cost to exercise them', () => {
    // 10,000 options, standard: 2,500 + 6 × 208.33 → floor(10,000 × 18/48) = 3,750 at month 18; strike 1.
    const offer = offerFrom(`
offers:
  - name: S
    base: 1
    equity: [{ type: option, shares: 10000, strike: 1, fmv: 1.5, preferredPrice: 5, fullyDilutedShares: 10000000 }]
`);
    expect(leaveCost(offer, 18, 0).options).toEqual([
      {
        shares: 10000,
        vestedShares: 3750,
        forfeitedShares: 6250,
        exerciseCost: 3750,
        exerciseWindowDays: 90,
      },
    ]);
  });
});

describe('the clawback in the leaving report', () => {
  it('is in major units, as every amount of the report: 900.375 dinars, not 900,375 fils', () => {
    // 1,200.500 BHD paid at month 0, 12-month prorated clawback, leaving at month 3:
    // 1,200.500 × (12 − 3) / 12 = 900.375 BHD owed, which is 900,375 fils.
    const offer = offerFrom(`
currency: BHD
offers:
  - { name: A, base: 1, signing: 1200.5, clawback: { months: 12, prorated: true } }
`);
    expect(clawbackOwed(offer, 3)).toBe(900375);
    expect(leaveCost(offer, 3, 0).clawback).toBe(900.375);
  });
});
