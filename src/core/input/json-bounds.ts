import type { Path } from '../problems.js';
import { LIMITS, TOO_DEEP, TOO_LARGE, tooDeepMessage, tooManyKeysMessage, tooWideMessage } from './limits.js';

/** One open list or mapping: how many items it has begun so far, and where its current key is. */
interface Frame {
  mapping: boolean;
  /** Items begun so far, less one (commas seen). */
  commas: number;
  /** In a mapping, whether the next text is a key. */
  expectKey: boolean;
  keyStart: number;
  keyEnd: number;
}

/**
 * The first place where a JSON text nests deeper than `LIMITS.depth` or opens a list longer than
 * `LIMITS.storedItems` or a mapping with more than `LIMITS.mappingKeys` keys, found in one pass over
 * its brackets and commas, before it is parsed: building a mapping of a million keys takes
 * `JSON.parse` seconds, before any check on the value could run. This does not parse: a text it
 * passes still goes to `JSON.parse`, which judges its syntax. JSON spells strings and brackets one
 * way only, so a bracket inside a string cannot be mistaken for one outside.
 */
export function jsonBoundsProblem(text: string): { path: Path; message: string; code: string } | undefined {
  const frames: Frame[] = [];
  const pathTo = (count: number): Path =>
    frames.slice(0, count).map((frame) => (frame.mapping ? keyOf(text, frame) : frame.commas));
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (end === -1) return undefined;
      const top = frames[frames.length - 1];
      if (top?.mapping && top.expectKey) {
        top.expectKey = false;
        top.keyStart = i;
        top.keyEnd = end + 1;
      }
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (frames.length >= LIMITS.depth)
        return { path: pathTo(frames.length), message: tooDeepMessage, code: TOO_DEEP };
      frames.push({
        mapping: c === OPEN_BRACE,
        commas: 0,
        expectKey: c === OPEN_BRACE,
        keyStart: 0,
        keyEnd: 0,
      });
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      frames.pop();
    } else if (c === COMMA) {
      const top = frames[frames.length - 1];
      if (!top) continue;
      top.commas++;
      if (top.mapping) {
        top.expectKey = true;
        if (top.commas >= LIMITS.mappingKeys)
          return { path: pathTo(frames.length - 1), message: tooManyKeysMessage, code: TOO_LARGE };
      } else if (top.commas >= LIMITS.storedItems)
        return { path: pathTo(frames.length - 1), message: tooWideMessage, code: TOO_LARGE };
    }
  }
  return undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** The offset of the quote that ends the string opened at `start`, or -1. */
function closingQuote(text: string, start: number): number {
  for (let end = text.indexOf('"', start + 1); end !== -1; end = text.indexOf('"', end + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
  }
  return -1;
}

/** The current key of a mapping, decoded by `JSON.parse` (a key that is not valid JSON stays as written). */
function keyOf(text: string, frame: Frame): string {
  const raw = text.slice(frame.keyStart, frame.keyEnd);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw;
  }
}
