import { textWidth, wrapWords } from './ticks.js';

/**
 * Where the radar's competency names go: each wrapped between words in a column beside the web (never
 * cut: the column is at least as wide as the longest word), then moved outwards, away from the middle
 * of the chart, until it overlaps no other. The chart is then made as tall as its labels need.
 */

export const FONT = 11;
export const LINE = FONT * 1.2;
/** How far past the web Recharts draws a tick's text, and the room kept between two labels. */
const TICK = 8;
const GAP = 3;

export interface RadarLabel {
  lines: string[];
  anchor: 'start' | 'middle' | 'end';
  /** How far down (px) to move the first line's baseline from the tick Recharts gives. */
  dy: number;
}

export interface RadarLabelLayout {
  radius: number;
  labelWidth: number;
  labels: RadarLabel[];
  /** The labels' highest top and lowest bottom, from the centre of the web (px, down is positive). */
  top: number;
  bottom: number;
}

interface Box {
  left: number;
  right: number;
  top: number;
  height: number;
}

export function radarLabelLayout(width: number, names: readonly string[], maxRadius = 125): RadarLabelLayout {
  const longestWord = Math.max(0, ...names.flatMap((l) => l.split(/\s+/)).map((w) => textWidth(w, FONT)));
  const labelWidth = Math.ceil(Math.max(width < 480 ? 72 : 120, longestWord));
  const radius = Math.max(40, Math.min(width / 2 - labelWidth - 14, maxRadius));
  const n = Math.max(1, names.length);
  const placed = names.map((name, i) => {
    // Recharts starts at the top (90°) and goes clockwise.
    const angle = ((90 - (360 * i) / n) * Math.PI) / 180;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const lines = wrapWords(name, labelWidth, FONT);
    const w = Math.max(0, ...lines.map((l) => textWidth(l, FONT)));
    const height = lines.length * LINE;
    const x = (radius + TICK) * cos;
    const y = -(radius + TICK) * sin;
    const anchor: RadarLabel['anchor'] = cos > 0.01 ? 'start' : cos < -0.01 ? 'end' : 'middle';
    const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    // Labels at the top end at their tick, those at the bottom start at it, the others in between.
    const top = y - (height * (1 + sin)) / 2;
    return { lines, anchor, y, sin, start: top, box: { left, right: left + w, top, height } as Box };
  });
  // Within a hundredth of a pixel is apart: a label moved to just touch another must not move again.
  const apart = (a: Box, b: Box) =>
    a.right <= b.left + 0.01 ||
    b.right <= a.left + 0.01 ||
    a.top + a.height + GAP <= b.top + 0.01 ||
    b.top + b.height + GAP <= a.top + 0.01;
  const done: Box[] = [];
  // The lower half from the middle down, each pushed below what it meets; then the upper half upwards.
  const lower = placed.filter((p) => p.sin <= 0).sort((a, b) => a.box.top - b.box.top);
  const upper = placed.filter((p) => p.sin > 0).sort((a, b) => b.box.top - a.box.top);
  for (const p of lower) {
    for (let moved = true; moved;) {
      const hit = done.find((d) => !apart(d, p.box));
      moved = hit !== undefined;
      if (hit) p.box.top = hit.top + hit.height + GAP;
    }
    done.push(p.box);
  }
  for (const p of upper) {
    for (let moved = true; moved;) {
      const hit = done.find((d) => !apart(d, p.box));
      moved = hit !== undefined;
      if (hit) p.box.top = hit.top - GAP - p.box.height;
    }
    done.push(p.box);
  }
  const labels = placed.map((p) => ({
    lines: p.lines,
    anchor: p.anchor,
    // The baseline of the first line sits about 0.8 of the font below the box's top.
    dy: p.box.top + FONT * 0.85 - p.y,
  }));
  return {
    radius,
    labelWidth,
    labels,
    top: Math.min(-radius, ...placed.map((p) => p.box.top)),
    bottom: Math.max(radius, ...placed.map((p) => p.box.top + p.box.height)),
  };
}
