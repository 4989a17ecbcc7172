import type { Minor } from '../comp/money.js';
import { rangeFor, type PayBands } from './bands.js';
import { fullTime, gap, median } from './stats.js';

/**
 * Band health: where each person's pay sits in the range of their band (compa-ratio, range
 * penetration, below the minimum or above the maximum), and parity between the individual
 * contributor and management tracks at each band. The figure is base pay, FTE-adjusted: a range is
 * a full-time base salary.
 */

export interface HealthPerson {
  email: string;
  level: string;
  track: string;
  band: number;
  zone?: string | undefined;
  currency: string;
  base: Minor;
  fte: number;
}

export interface PersonHealth {
  email: string;
  level: string;
  band: number;
  zone: string | null;
  /** FTE-adjusted base pay, minor units. */
  pay: Minor;
  /** pay ÷ midpoint; null without a range in the pay's currency. */
  compaRatio: number | null;
  /** (pay − min) ÷ (max − min); null without a range or when min equals max. */
  rangePenetration: number | null;
  belowMin: boolean;
  aboveMax: boolean;
  /** Why there is no figure: no range, or a range in another currency. */
  missing?: 'no-range' | 'other-currency';
}

export interface BandParity {
  band: number;
  ic: { people: number; median: number | null };
  management: { people: number; median: number | null };
  /** (IC median − management median) ÷ IC median; null unless both tracks have people. */
  gap: number | null;
}

export interface BandHealth {
  people: PersonHealth[];
  belowMin: number;
  aboveMax: number;
  parity: BandParity[];
}

export interface HealthOptions {
  icTrack?: string;
  managementTrack?: string;
}

export function bandHealth(
  people: readonly HealthPerson[],
  bands: PayBands,
  options: HealthOptions = {},
): BandHealth {
  const icTrack = options.icTrack ?? 'ic';
  const managementTrack = options.managementTrack ?? 'management';
  const result: PersonHealth[] = people.map((p) => {
    const pay = fullTime(p.base, p.fte);
    const range = rangeFor(bands, p.band, p.level, p.zone);
    const common = { email: p.email, level: p.level, band: p.band, zone: p.zone ?? null, pay };
    if (range === undefined || range.currency !== p.currency)
      return {
        ...common,
        compaRatio: null,
        rangePenetration: null,
        belowMin: false,
        aboveMax: false,
        missing: range === undefined ? 'no-range' : 'other-currency',
      };
    return {
      ...common,
      compaRatio: range.midpoint === 0 ? null : pay / range.midpoint,
      rangePenetration: range.max === range.min ? null : (pay - range.min) / (range.max - range.min),
      belowMin: pay < range.min,
      aboveMax: pay > range.max,
    };
  });
  const byBand = new Map<number, { ic: number[]; management: number[] }>();
  people.forEach((p, index) => {
    if (p.track !== icTrack && p.track !== managementTrack) return;
    let entry = byBand.get(p.band);
    if (!entry) byBand.set(p.band, (entry = { ic: [], management: [] }));
    entry[p.track === icTrack ? 'ic' : 'management'].push(result[index]!.pay);
  });
  const parity = [...byBand.entries()]
    .sort(([a], [b]) => a - b)
    .map(([band, { ic, management }]): BandParity => {
      const icMedian = median(ic);
      const managementMedian = median(management);
      return {
        band,
        ic: { people: ic.length, median: icMedian },
        management: { people: management.length, median: managementMedian },
        gap: gap(icMedian, managementMedian),
      };
    });
  return {
    people: result,
    belowMin: result.filter((p) => p.belowMin).length,
    aboveMax: result.filter((p) => p.aboveMax).length,
    parity,
  };
}
