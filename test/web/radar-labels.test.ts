import { describe, expect, it } from 'vitest';
import { radarLabelLayout } from '../../web/src/charts/radarLabels.js';
import { wrapWords } from '../../web/src/charts/ticks.js';

describe('the radar labels', () => {
  it('wraps between words and never cuts one', () => {
    // 11 px text at 0.62 of the font a character: 6.82 px, so 72 px holds 10 characters.
    expect(wrapWords('Written communication', 72, 11)).toEqual(['Written', 'communication']);
    expect(wrapWords('Mentoring and people development', 120, 11)).toEqual([
      'Mentoring and',
      'people',
      'development',
    ]);
    expect(wrapWords('  Hiring  ', 72, 11)).toEqual(['Hiring']);
  });

  it('makes the label column as wide as the longest word, and keeps every name whole', () => {
    const names = ['Written communication', 'Verbal communication', 'Delivery', 'Hiring', 'Strategy'];
    const layout = radarLabelLayout(343, names);
    // "communication" is 13 characters: 13 × 6.82 = 88.66, so 89 px rather than the phone's 72.
    expect(layout.labelWidth).toBe(89);
    // Half of 343, less the label column and 14 px: 171.5 − 89 − 14 = 68.5.
    expect(layout.radius).toBe(68.5);
    expect(layout.labels.map((l) => l.lines.join(' '))).toEqual(names);
  });
});
