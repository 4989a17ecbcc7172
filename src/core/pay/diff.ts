import { formatMoney, minorDigits } from '../comp/money.js';
import { rangeKey, type PayBands, type PayRange } from './bands.js';

/** What changed between two pay files: ranges added, removed, and changed field by field. */

export interface PayFieldChange {
  field: 'currency' | 'min' | 'midpoint' | 'max' | 'effective';
  old: string;
  new: string;
}

export interface PayDiff {
  file: PayFieldChange[];
  added: string[];
  removed: string[];
  changed: { range: string; fields: PayFieldChange[] }[];
}

const shown = (r: PayRange, field: PayFieldChange['field']): string =>
  field === 'currency' || field === 'effective' ? r[field] : formatMoney(r[field], minorDigits(r.currency));

export function diffPay(before: PayBands, after: PayBands): PayDiff {
  const file: PayFieldChange[] = [];
  if (before.currency !== after.currency)
    file.push({ field: 'currency', old: before.currency, new: after.currency });
  if (before.effective !== after.effective)
    file.push({ field: 'effective', old: before.effective, new: after.effective });
  const old = new Map(before.ranges.map((r) => [rangeKey(r), r]));
  const now = new Map(after.ranges.map((r) => [rangeKey(r), r]));
  const changed: PayDiff['changed'] = [];
  for (const [key, r] of now) {
    const was = old.get(key);
    if (was === undefined) continue;
    const fields = (['currency', 'min', 'midpoint', 'max', 'effective'] as const)
      .filter((f) => was[f] !== r[f])
      .map((f) => ({ field: f, old: shown(was, f), new: shown(r, f) }));
    if (fields.length > 0) changed.push({ range: key, fields });
  }
  return {
    file,
    added: [...now.keys()].filter((k) => !old.has(k)),
    removed: [...old.keys()].filter((k) => !now.has(k)),
    changed,
  };
}

/** The diff in words, one change a line; empty when nothing changed. */
export function payDiffLines(diff: PayDiff): string[] {
  return [
    ...diff.file.map((c) => `${c.field}: ${c.old} → ${c.new}`),
    ...diff.added.map((k) => `+ ${k}`),
    ...diff.removed.map((k) => `- ${k}`),
    ...diff.changed.flatMap((c) => c.fields.map((f) => `~ ${c.range}: ${f.field} ${f.old} → ${f.new}`)),
  ];
}
