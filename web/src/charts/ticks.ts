/**
 * Category labels on a chart's x axis: long names are shortened so the axis has room for them
 * (the tooltip and the table beside the chart keep the full name), and the axis is given the
 * height and the left margin its rotated labels need so that none is cut at the chart's edge.
 */

/** About how wide a character of the axis font is, per pixel of font size. Generous on purpose. */
const CHAR_WIDTH = 0.62;

/**
 * `text` in at most `max` characters. With `keepTail`, a short last word ("Y2") is kept after the
 * ellipsis, so that "Seedling Ventures Y2" stays telling apart from "Seedling Ventures Y3".
 */
export function shortLabel(text: string, max: number, keepTail = false): string {
  if (text.length <= max) return text;
  const tail = keepTail ? /\s(\S{1,4})$/.exec(text)?.[1] : undefined;
  if (tail && max > tail.length + 3) return `${text.slice(0, max - tail.length - 2).trimEnd()}… ${tail}`;
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The axis height and the chart's left margin for labels rotated by `angle` degrees (negative: up to the right). */
export function rotatedLabelRoom(
  labels: readonly string[],
  { fontSize, angle, yAxisWidth }: { fontSize: number; angle: number; yAxisWidth: number },
): { height: number; left: number } {
  const longest = Math.max(0, ...labels.map((l) => l.length)) * fontSize * CHAR_WIDTH;
  const radians = (Math.abs(angle) * Math.PI) / 180;
  // Text drawn from its end at the tick: it reaches down by sin and to the left by cos of the angle.
  const height = Math.ceil(longest * Math.sin(radians) + fontSize * 1.5 + 8);
  const left = Math.max(8, Math.ceil(longest * Math.cos(radians) + fontSize - yAxisWidth));
  return { height, left };
}

/** About how wide `text` is drawn at `fontSize` px, by the same generous estimate as the axes'. */
export const textWidth = (text: string, fontSize: number): number => text.length * fontSize * CHAR_WIDTH;

/**
 * `text` broken between words into lines of at most `width` px, never inside a word and never cut:
 * a word wider than the line keeps a line of its own (the caller makes the column that wide).
 */
export function wrapWords(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, fontSize) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
