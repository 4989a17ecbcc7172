import { hinter } from '../input/suggest.js';
import type { Report } from './rules.js';
import type { Salvaged } from './salvage.js';
import type { PayRow } from './schema.js';

const PERCENTILES = ['p25', 'p50', 'p75'] as const;

const total = (row: PayRow) => row.base + row.bonus + row.equity;

/**
 * The rules of market pay: every level's market is a declared market, every figure names a known
 * source, and the percentiles rise (p25 ≤ p50 ≤ p75 in total pay).
 */
export function checkPay(fw: Salvaged, report: Report): void {
  const markets = new Set(fw.markets.map((m) => m.value.id));
  const sources = new Set(fw.sources.map((s) => s.value.id));
  const seen = new Map<string, string>();
  for (const { index, value: market } of fw.markets) {
    const first = seen.get(market.id);
    if (first !== undefined)
      report(
        ['markets', index, 'id'],
        `duplicate market id "${market.id}" (first defined at ${first})`,
        'duplicate-id',
      );
    else seen.set(market.id, `markets[${index}]`);
  }
  const marketHint = hinter(markets);
  const sourceHint = hinter(sources);
  const source = (id: string | undefined, path: (string | number)[]) => {
    if (id !== undefined && !sources.has(id) && !fw.brokenIds.has(id))
      report(path, `unknown source "${id}"${sourceHint(id)}`, 'unknown-reference');
  };
  for (const { index, value: market } of fw.markets) source(market.source, ['markets', index, 'source']);
  for (const { index, value: level } of fw.levels) {
    for (const [market, pay] of Object.entries(level.pay ?? {})) {
      const at = ['levels', index, 'pay', market];
      if (!markets.has(market) && !fw.brokenIds.has(market))
        report(at, `unknown market "${market}"${marketHint(market)}`, 'unknown-reference');
      for (const percentile of PERCENTILES) {
        source(pay[percentile].source, [...at, percentile, 'source']);
        source(pay[percentile].splitSource, [...at, percentile, 'splitSource']);
      }
      if (total(pay.p25) > total(pay.p50) || total(pay.p50) > total(pay.p75))
        report(
          at,
          `the total pay must rise from p25 to p50 to p75, got ${total(pay.p25)}, ${total(pay.p50)} and ${total(pay.p75)}`,
          'range-order',
        );
    }
  }
}
