import type { Strategy } from './earnings.js';

/**
 * Ready-made career strategies. Each rate cites where it comes from; ranges are drawn uniformly
 * per year and run, so the spread of outcomes reflects the spread of the evidence.
 */
export interface Preset extends Strategy {
  description: string;
  sources: string[];
}

export const PRESETS: readonly Preset[] = [
  {
    name: 'stay-merit',
    description: 'Stay with one employer on merit raises alone.',
    merit: 0.035,
    sources: ['WorldatWork 2024 salary budget survey: merit budgets averaged 3.6%, median 3.5%'],
  },
  {
    name: 'stay-promoted',
    description:
      'Stay, with merit raises and a promotion every three years (the seed puts two to four years between levels).',
    merit: 0.035,
    promotions: { every: 3, raise: [0.06, 0.12], max: 3 },
    sources: [
      'WorldatWork 2024 salary budget survey: median merit budget 3.5%',
      'Promotion raises of 6–12% or more (Wilson Group); big-tech promotions land at the bottom of the new band',
    ],
  },
  {
    name: 'switch-survey',
    description:
      'Change jobs every three years at the raises job changers reported in 2024–2025; stayer pay growth in between.',
    merit: [0.045, 0.049],
    switch: { every: 3, raise: [0.064, 0.077] },
    sources: [
      'ADP Pay Insights: job changers 7.7% vs stayers 4.9% (June 2024); 6.4% vs 4.5% (January 2025)',
      'The seed: two to four years per employer is the sweet spot',
    ],
  },
  {
    name: 'switch-seed',
    description:
      "Change jobs every three years at the seed's 15–50% per change; survey data put this in the far tail, not the median.",
    merit: 0.035,
    switch: { every: 3, raise: [0.15, 0.5] },
    sources: [
      'The seed: each job change typically brings a 15–50% increase in total compensation',
      'Keng (Forbes, 2014): 10–20%, sometimes 50%',
    ],
  },
];

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((preset) => preset.name === name);
}
