import type { MoveKind } from '../../../src/core/framework/schema.js';

/**
 * How each kind of move is named and drawn. Every kind differs in its dash pattern and in the
 * marker at its end as well as in colour, so the legend reads without colour too. The colours keep
 * 4.5:1 against the map's white.
 */
export const moveKindStyle: Record<
  MoveKind,
  {
    label: string;
    colour: string;
    dash: string | undefined;
    marker: 'arrow' | 'open' | 'dot' | 'diamond' | 'bar';
  }
> = {
  promotion: { label: 'Promotion', colour: '#1d2125', dash: undefined, marker: 'arrow' },
  'track-switch': { label: 'Track switch', colour: '#8a4b08', dash: '8 4', marker: 'open' },
  lateral: { label: 'Lateral move', colour: '#1e6b3a', dash: '2 4', marker: 'dot' },
  'specialisation-change': {
    label: 'Specialisation change',
    colour: '#6a3d9a',
    dash: '10 3 2 3',
    marker: 'diamond',
  },
  'company-change': { label: 'Company change', colour: '#a12622', dash: '14 5', marker: 'bar' },
};

export const moveKindLabel = (kind: string): string =>
  (moveKindStyle as Record<string, { label: string } | undefined>)[kind]?.label ?? kind;

/** "2", or "2–4": a range of years as the pages write it. */
export function yearsText(range: { min: number; max?: number | undefined } | undefined): string {
  if (!range) return 'not given';
  return range.max === undefined || range.max === range.min ? `${range.min}` : `${range.min}–${range.max}`;
}
