import { formatMoney, minorDigits, roundHalfAwayFromZero, type Minor } from '../comp/money.js';
import type { PayGapReport } from './gap.js';
import type { BandHealth } from './health.js';

/** The pay reports as tables: one long CSV table, and Markdown with percentages, from the same rows. */

export const percent = (value: number | null): string =>
  value === null ? '–' : `${(value * 100).toFixed(1)}%`;
const raw = (value: number | boolean | string | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

export const payGapCsvHeader = [
  'section',
  'key',
  'women',
  'men',
  'meanGap',
  'medianGap',
  'flagged',
  'suppressed',
  'justification',
];

/**
 * The report as rows under `payGapCsvHeader`: `pay` and `variable` (women and men are counts, then
 * the shares who received variable pay), each `quartile` (fractions), each `category` (counts).
 */
export function payGapCsvRows(report: PayGapReport): string[][] {
  return [
    payGapCsvHeader,
    [
      'pay',
      'all',
      raw(report.workers.women),
      raw(report.workers.men),
      raw(report.pay.meanGap),
      raw(report.pay.medianGap),
      '',
      '',
      '',
    ],
    [
      'variable',
      'share',
      raw(report.variable.share.women),
      raw(report.variable.share.men),
      raw(report.variable.meanGap),
      raw(report.variable.medianGap),
      '',
      '',
      '',
    ],
    ...report.quartiles.map((q) => [
      'quartile',
      String(q.quartile),
      raw(q.women),
      raw(q.men),
      '',
      '',
      '',
      '',
      '',
    ]),
    ...report.categories.map((c) => [
      'category',
      c.category,
      raw(c.women),
      raw(c.men),
      raw(c.meanGap),
      raw(c.medianGap),
      raw(c.flagged),
      raw(c.suppressed),
      raw(c.justification),
    ]),
  ];
}

const table = (head: string[], rows: string[][]): string[] => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];

export function payGapMarkdown(report: PayGapReport): string {
  const out = [
    `# Gender pay gap, ${report.period}`,
    '',
    `${report.workers.women} women and ${report.workers.men} men; pay in ${report.currency}, full-time equivalent. A gap is (men − women) ÷ men: positive when men are paid more.`,
    '',
    ...table(
      ['figure', 'mean gap', 'median gap', 'women', 'men'],
      [
        ['pay (base + variable)', percent(report.pay.meanGap), percent(report.pay.medianGap), '', ''],
        [
          'variable pay, among those who received any',
          percent(report.variable.meanGap),
          percent(report.variable.medianGap),
          `${percent(report.variable.share.women)} received it`,
          `${percent(report.variable.share.men)} received it`,
        ],
      ],
    ),
    '',
    '## Pay quartiles',
    '',
    ...table(
      ['quartile', 'women', 'men'],
      report.quartiles.map((q) => [String(q.quartile), percent(q.women), percent(q.men)]),
    ),
    '',
    '## Categories of work of equal value',
    '',
    ...table(
      ['category', 'women', 'men', 'mean gap', 'median gap', 'flag', 'justification'],
      report.categories.map((c) => [
        c.category,
        String(c.women),
        String(c.men),
        c.suppressed ? 'suppressed' : percent(c.meanGap),
        c.suppressed ? 'suppressed' : percent(c.medianGap),
        c.flagged ? '5% or more: joint pay assessment' : '',
        c.justification ?? '',
      ]),
    ),
  ];
  return `${out.join('\n')}\n`;
}

/** Band health as terminal rows: the people outside their range, then parity at each band. */
export function bandHealthRows(
  health: BandHealth,
  currency: string,
): { outside: string[][]; parity: string[][] } {
  const digits = minorDigits(currency);
  const money = (amount: number | null) =>
    amount === null ? '–' : formatMoney(roundHalfAwayFromZero(amount) as Minor, digits);
  const ratio = (value: number | null) => (value === null ? '–' : value.toFixed(2));
  return {
    outside: health.people
      .filter((p) => p.belowMin || p.aboveMax)
      .map((p) => [
        p.email,
        p.level,
        p.zone ?? '',
        money(p.pay),
        ratio(p.compaRatio),
        ratio(p.rangePenetration),
        p.belowMin ? 'below min' : 'above max',
      ]),
    parity: health.parity.map((b) => [
      String(b.band),
      `${money(b.ic.median)} (${b.ic.people})`,
      `${money(b.management.median)} (${b.management.people})`,
      percent(b.gap),
    ]),
  };
}
