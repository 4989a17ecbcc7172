import { formatMoney, minorDigits } from '../comp/money.js';
import {
  formatRange,
  meetingInWords,
  ratingText,
  readExpectations,
  ruleInWords,
} from '../framework/render/reading.js';
import type { Framework, Level } from '../framework/schema.js';
import type { PayBands } from './bands.js';
import { bandCategory } from './categories.js';

/**
 * The criteria for pay and pay progression (Directive 2023/970, Article 6), as a Markdown document
 * every worker can read: for each band, the levels at it on every track (work of equal value), what
 * each level expects, how one is promoted, and the pay ranges of the band in each zone.
 */
export function criteriaMarkdown(framework: Framework, bands: PayBands | undefined): string {
  const out: string[] = [
    `# Pay and progression criteria: ${framework.name} ${framework.version}`,
    '',
    'Pay is set by band. Levels at the same band, on any track, are work of equal value: they share',
    'a pay range and are compared with each other in the gender pay-gap report. Within a band, pay',
    'moves with the range of the pay zone a person works in; between bands, with promotion.',
  ];
  if (bands) out.push('', `The pay ranges below are effective from ${bands.effective}.`);
  const rules = framework.promotionRules.flatMap((rule) => ruleInWords(framework, rule));
  const meeting = meetingInWords(framework);
  if (rules.length > 0 || meeting) {
    out.push('', '## Promotion', '');
    if (meeting) out.push(meeting, '');
    for (const line of rules) out.push(`- ${line}`);
  }
  const byBand = new Map<number, Level[]>();
  for (const level of framework.levels) {
    const list = byBand.get(level.band) ?? [];
    list.push(level);
    byBand.set(level.band, list);
  }
  const trackName = new Map(framework.tracks.map((t) => [t.id, t.name]));
  for (const band of [...byBand.keys()].sort((a, b) => a - b)) {
    const levels = byBand.get(band)!;
    out.push('', `## Band ${band} (category \`${bandCategory(band)}\`)`, '');
    out.push('| level | track | scope | typical years |', '| --- | --- | --- | --- |');
    for (const l of levels)
      out.push(
        `| ${l.title} | ${trackName.get(l.track) ?? l.track} | ${l.scope} | ${formatRange(l.years)} |`,
      );
    const ranges = (bands?.ranges ?? []).filter((r) => r.band === band);
    if (ranges.length > 0) {
      out.push('', '| zone | level | min | midpoint | max | currency | effective |');
      out.push('| --- | --- | --- | --- | --- | --- | --- |');
      for (const r of ranges) {
        const money = (amount: typeof r.min) => formatMoney(amount, minorDigits(r.currency));
        out.push(
          `| ${r.zone ?? 'every zone'} | ${r.level ?? 'every level'} | ${money(r.min)} | ${money(r.midpoint)} | ${money(r.max)} | ${r.currency} | ${r.effective} |`,
        );
      }
    } else if (bands) out.push('', 'No pay range is set for this band.');
    for (const level of levels) {
      out.push('', `### ${level.title}`, '');
      if (level.summary) out.push(level.summary, '');
      out.push(`Impact: ${level.impact}`);
      const expectations = readExpectations(framework, level);
      if (expectations.length > 0) out.push('');
      for (const e of expectations) {
        const carried = e.carriedFrom ? ` (as at ${e.carriedFrom.title})` : '';
        const behaviours = e.fresh.length > 0 ? `: ${e.fresh.join('; ')}` : '';
        out.push(`- ${e.name}, ${ratingText(e)}${carried}${behaviours}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}
