import { describe, expect, it } from 'vitest';
import { promotionFigures, yearBefore } from '../../src/core/org/promotion.js';
import { structureReport, structureTables } from '../../src/core/org/structure.js';
import { readFramework } from '../../src/store/frameworks.js';

const { framework } = readFramework();
const band = new Map(framework.levels.map((l) => [l.id, l.band]));
const held = (...steps: [string, string][]) => ({
  held: steps.map(([level, from]) => ({ level, band: band.get(level)!, from })),
});

/*
 * Window 2025-12-01 … 2026-12-01 (the twelve months to the report's day), minimum group 5.
 * Senior (ic, band 3), held on 2025-12-01 by s1…s6:
 *   s1 senior from 2023-12-01 → staff (band 4) 2026-06-01: promoted after 2.5 years
 *        (2023-12-01 → 2026-06-01 is 913 days; 913 / 365.25 = 2.49966)
 *   s2 senior from 2024-06-01 → staff 2026-03-01: promoted after 638 days = 1.74675 years
 *   s3 senior from 2022-12-01 → staff 2025-06-01: promoted before the window, so on 2025-12-01
 *        s3 holds staff, not senior (counted under staff)
 *   s4 senior from 2024-01-01 → em (band 4, management) 2026-02-01: a promotion too, across tracks
 *        (2024 is a leap year: 366 + 365 + 31 = 762 days = 2.08624 years)
 *   s5 senior from 2024-01-01 → tech-lead (band 3) 2026-01-01: a same-band track switch, not one
 *   s6 senior from 2025-01-01, still senior
 *   s7 senior from 2025-01-01, left 2025-11-30: gone before the window, not counted
 *   s8 senior from 2026-01-01: joined the level after the window began, not counted
 *   s9 senior from 2024-01-01 → staff 2027-01-01: after the window, not promoted in it
 * Senior held at the start: s1, s2, s4, s5, s6, s9 = 6 people; promoted: s1, s2, s4 = 3;
 * rate 3 / 6 = 0.5; median time of 1.74675, 2.08624, 2.49966 = 2.08624 years.
 * Staff held at the start: s3 alone (1 person < 5): suppressed.
 */
const histories = [
  held(['senior', '2023-12-01'], ['staff', '2026-06-01']),
  held(['senior', '2024-06-01'], ['staff', '2026-03-01']),
  held(['senior', '2022-12-01'], ['staff', '2025-06-01']),
  held(['senior', '2024-01-01'], ['em', '2026-02-01']),
  held(['senior', '2024-01-01'], ['tech-lead', '2026-01-01']),
  held(['senior', '2025-01-01']),
  { ...held(['senior', '2025-01-01']), leaveDate: '2025-11-30' },
  held(['senior', '2026-01-01']),
  held(['senior', '2024-01-01'], ['staff', '2027-01-01']),
];

describe('promotion rate and time to promotion', () => {
  it('counts who held each level at the window start and who moved up a band in it', () => {
    const figures = promotionFigures(histories, framework.levels, {
      since: '2025-12-01',
      until: '2026-12-01',
    });
    expect(figures).toMatchObject({ since: '2025-12-01', until: '2026-12-01', minGroup: 5 });
    const [senior, staff] = figures.levels;
    expect(senior).toMatchObject({
      level: 'senior',
      track: 'ic',
      band: 3,
      people: 6,
      promoted: 3,
      rate: 0.5,
      suppressed: false,
    });
    expect(senior!.medianYearsToPromotion).toBeCloseTo(762 / 365.25, 10);
    expect(staff).toEqual({
      level: 'staff',
      track: 'ic',
      band: 4,
      people: 1,
      promoted: null,
      rate: null,
      medianYearsToPromotion: null,
      suppressed: true,
    });
    expect(figures.levels).toHaveLength(2);
  });

  it('takes a smaller minimum group, and a window that starts later', () => {
    const figures = promotionFigures(histories, framework.levels, {
      since: '2026-02-15',
      until: '2026-12-01',
      minGroup: 1,
    });
    // On 2026-02-15: senior s1, s2, s6, s8, s9 (s4 and s5 moved before it); staff s3; em s4; tech-lead s5.
    expect(figures.levels.map((l) => [l.level, l.people, l.promoted])).toEqual([
      ['senior', 5, 2],
      ['staff', 1, 0],
      ['tech-lead', 1, 0],
      ['em', 1, 0],
    ]);
  });

  it('defaults the window to the twelve months to the report day, and exports a CSV table', () => {
    expect(yearBefore('2026-12-01')).toBe('2025-12-01');
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
    const report = structureReport([], framework, '2026-12-01', { histories });
    expect(report.promotions.since).toBe('2025-12-01');
    expect(report.promotions.levels[0]).toMatchObject({ level: 'senior', people: 6, promoted: 3 });
    expect(structureTables(report).promotions).toEqual([
      ['level', 'track', 'band', 'people', 'promoted', 'rate', 'median_years_to_promotion', 'suppressed'],
      ['senior', 'ic', '3', '6', '3', '0.5000', '2.09', ''],
      ['staff', 'ic', '4', '1', '', '', '', 'yes'],
    ]);
  });
});
