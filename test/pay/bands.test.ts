import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Minor } from '../../src/core/comp/money.js';
import { rangeFor, readPayText } from '../../src/core/pay/bands.js';
import { criteriaMarkdown } from '../../src/core/pay/criteria.js';
import { diffPay, payDiffLines } from '../../src/core/pay/diff.js';
import { bandHealth, type HealthPerson } from '../../src/core/pay/health.js';
import { DomainError, formatProblem } from '../../src/core/problems.js';
import { readTextFile } from '../../src/store/files.js';
import { readFramework } from '../../src/store/frameworks.js';
import { repoRoot } from '../helpers/cli.js';

const { framework } = readFramework();
const example = (name: string) => readTextFile(join(repoRoot, 'examples', name));
const bands = readPayText(example('pay.yaml'), 'pay.yaml', framework);

function problems(text: string): string[] {
  try {
    readPayText(text, 'pay.yaml', framework);
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.problems.map(formatProblem);
  }
}

describe('the pay-bands file', () => {
  it('reads amounts into minor units of each range’s currency', () => {
    expect(bands.currency).toBe('EUR');
    expect(bands.ranges[2]).toEqual({
      band: 3,
      level: undefined,
      zone: undefined,
      currency: 'EUR',
      min: 6_000_000,
      midpoint: 7_500_000,
      max: 9_000_000,
      effective: '2026-01-01',
    });
    expect(bands.ranges.at(-1)!.effective).toBe('2026-04-01');
  });

  it('locates every problem at FILE:LINE:COL', () => {
    const text = [
      'currency: EUR',
      'effective: 2026-13-01',
      'ranges:',
      '  - { band: 3, min: 90000, midpoint: 75000, max: 60000 }',
      '  - { band: 3, min: 1, midpoint: 2, max: 3 }',
      '  - { band: 4, level: senior, min: 1, midpoint: 2, max: 3.001 }',
      '  - { band: 4, level: staf, min: 1, midpoint: 2, max: 3 }',
      '  - { band: 5, min: 1, midpoint: 2, max: 3, colour: red }',
      '  - { band: 12, min: 1, midpoint: 2, max: 3 }',
    ].join('\n');
    expect(problems(text)).toEqual([
      'pay.yaml:2:12: effective: must be a date as YYYY-MM-DD',
      'pay.yaml:4:38: ranges[0].midpoint: is below min',
      'pay.yaml:4:50: ranges[0].max: is below midpoint',
      'pay.yaml:5:5: ranges[1]: band 3 is already given by ranges[0]',
      'pay.yaml:6:13: ranges[2].band: level "senior" is at band 3, not 4',
      'pay.yaml:6:57: ranges[2].max: has more than 2 decimal digits',
      'pay.yaml:7:23: ranges[3].level: unknown level "staf" (did you mean "staff"?)',
      'pay.yaml:8:45: ranges[4].colour: unknown field "colour"',
      'pay.yaml:9:13: ranges[5].band: the framework has no band 12; its bands are 1, 2, 3, 4, 5, 6, 7, 8',
    ]);
  });

  it('finds the most specific range: level beats band, a zone beats every zone', () => {
    expect(rangeFor(bands, 4, 'staff', undefined)?.min).toBe(8_500_000);
    expect(rangeFor(bands, 4, 'em', undefined)?.min).toBe(8_000_000);
    expect(rangeFor(bands, 3, 'senior', 'berlin')?.min).toBe(5_000_000);
    expect(rangeFor(bands, 3, 'senior', 'paris')?.min).toBe(6_000_000);
    expect(rangeFor(bands, 9, 'x', undefined)).toBeUndefined();
  });

  it('diffs two files range by range', () => {
    const next = readPayText(example('pay-2027.yaml'), 'pay-2027.yaml', framework);
    // Changes come as: the file's own fields, ranges added, removed, then changed in the new file's order.
    const moved = (key: string) => `~ ${key}: effective 2026-01-01 → 2027-01-01`;
    expect(payDiffLines(diffPay(bands, next))).toEqual([
      'effective: 2026-01-01 → 2027-01-01',
      '+ band 2 zone berlin',
      '- band 3 zone berlin',
      moved('band 1'),
      moved('band 2'),
      '~ band 3: min 60,000.00 → 62,000.00',
      '~ band 3: midpoint 75,000.00 → 77,000.00',
      '~ band 3: max 90,000.00 → 92,000.00',
      moved('band 3'),
      moved('band 4'),
      moved('band 4 level staff'),
      moved('band 5'),
      moved('band 6'),
      moved('band 7'),
    ]);
    expect(payDiffLines(diffPay(bands, bands))).toEqual([]);
  });
});

describe('band health', () => {
  const person = (
    email: string,
    level: string,
    track: string,
    band: number,
    base: number,
    fte = 1,
    zone?: string,
  ): HealthPerson => ({ email, level, track, band, zone, currency: 'EUR', base: (base * 100) as Minor, fte });
  /*
   * Ranges (euros): band 3 60,000 / 75,000 / 90,000, in Berlin 50,000 / 62,500 / 75,000; band 4
   * 80,000 / 100,000 / 120,000, for staff 85,000 / 102,500 / 120,000.
   */
  const health = bandHealth(
    [
      person('a', 'senior', 'ic', 3, 75_000),
      person('b', 'tech-lead', 'management', 3, 54_000, 0.9),
      person('c', 'senior', 'ic', 3, 45_000, 1, 'berlin'),
      person('d', 'staff', 'ic', 4, 125_000),
      person('e', 'em', 'management', 4, 100_000),
      person('f', 'tech-lead', 'management', 3, 66_000),
    ],
    bands,
  );
  const of = (email: string) => health.people.find((p) => p.email === email)!;

  it('compa-ratio, range penetration, below the minimum and above the maximum', () => {
    // a: 75,000 ÷ 75,000 = 1; (75,000 − 60,000) ÷ (90,000 − 60,000) = 0.5.
    expect(of('a')).toMatchObject({ pay: 7_500_000, compaRatio: 1, rangePenetration: 0.5 });
    // b: 54,000 at fte 0.9 = 60,000; 60,000 ÷ 75,000 = 0.8; (60,000 − 60,000) ÷ 30,000 = 0.
    expect(of('b')).toMatchObject({ pay: 6_000_000, compaRatio: 0.8, rangePenetration: 0, belowMin: false });
    // c in Berlin: 45,000 ÷ 62,500 = 0.72; (45,000 − 50,000) ÷ 25,000 = −0.2, below the minimum.
    expect(of('c')).toMatchObject({ compaRatio: 0.72, rangePenetration: -0.2, belowMin: true });
    // d, staff: 125,000 ÷ 102,500 = 1.2195…; (125,000 − 85,000) ÷ 35,000 = 1.1428…, above the maximum.
    expect(of('d').compaRatio).toBeCloseTo(125_000 / 102_500, 12);
    expect(of('d').rangePenetration).toBeCloseTo(40_000 / 35_000, 12);
    expect(of('d').aboveMax).toBe(true);
    expect(health.belowMin).toBe(1);
    expect(health.aboveMax).toBe(1);
  });

  it('parity between the IC and management tracks at each band', () => {
    // Band 3: IC 75,000 and 45,000 → median 60,000; management 60,000 and 66,000 → 63,000;
    //   gap (60,000 − 63,000) ÷ 60,000 = −0.05.
    // Band 4: IC 125,000; management 100,000; gap 25,000 ÷ 125,000 = 0.2.
    expect(health.parity).toEqual([
      {
        band: 3,
        ic: { people: 2, median: 6_000_000 },
        management: { people: 2, median: 6_300_000 },
        gap: -0.05,
      },
      {
        band: 4,
        ic: { people: 1, median: 12_500_000 },
        management: { people: 1, median: 10_000_000 },
        gap: 0.2,
      },
    ]);
  });

  it('names a person without a range in their currency', () => {
    const other = bandHealth([{ ...person('g', 'vp', 'management', 7, 1), currency: 'GBP' }], bands);
    expect(other.people[0]).toMatchObject({ compaRatio: null, missing: 'other-currency' });
  });
});

describe('the criteria document (Article 6)', () => {
  it('lists each band’s levels on every track with their ranges', () => {
    const text = criteriaMarkdown(framework, bands);
    expect(text).toContain('## Band 4 (category `band-4`)');
    expect(text).toContain('| berlin | every level | 50,000.00 | 62,500.00 | 75,000.00 | EUR | 2026-01-01 |');
    expect(text).toContain('### Engineering manager');
    expect(text).toContain('effective from 2026-01-01');
  });
});
