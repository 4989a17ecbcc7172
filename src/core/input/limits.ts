import type { Path } from '../problems.js';

/**
 * The bounds every input is held to before any work that grows with it starts; documented, with the
 * answer when one is exceeded, in docs/api.md ("Limits").
 */
export const LIMITS = {
  /** A file read by the command line, or a YAML/JSON text sent in a body: 10 MiB. */
  textBytes: 10 * 1024 * 1024,
  /** Levels of lists and mappings inside one another; the root value is level 1. */
  depth: 64,
  /** Problems reported for one input; the rest are counted in one last problem. */
  problems: 100,
  /** Unknown field names that get a "did you mean" (each is compared with every known name). */
  suggestions: 20,
  /** YAML aliases: how many values the aliases of one document may stand for, in all. */
  aliasCount: 1000,
  /** A one-line text: an evidence entry's title. */
  lineLength: 1000,
  /** Items in one list of a document: a framework's levels, an entry's competencies, a level's behaviours. */
  listItems: 10_000,
  /** Items in one list of a whole workspace export: evidence entries, assessments, stored files. */
  storedItems: 200_000,
  /** People in one organisation import (one CSV file). */
  peopleRows: 100_000,
  /**
   * Keys of one mapping: ids of competencies, levels, questions. A wide mapping costs far more to
   * build than a list of the same size (the engine turns it into a hash table), so it is bounded
   * lower, before a body is parsed.
   */
  mappingKeys: 10_000,
  /** A whole workspace export sent to `POST /api/import`: keeps the server's peak memory under 300 MB. */
  importBytes: 16 * 1024 * 1024,
  /**
   * Texts up to this size get a line and column on every problem; past it, problems carry their
   * path only, as placing them would mean reading the whole text a second, ten times slower way.
   */
  locatedBytes: 1024 * 1024,
} as const;

/** How many nested collections a text parser may open before it is stopped, to keep its stack safe. */
export const PARSER_DEPTH = LIMITS.depth * 2 + 8;

export const TOO_DEEP = 'too-deep';
export const TOO_LARGE = 'too-large';
export const TOO_MANY_PROBLEMS = 'too-many-problems';
export const NOT_CHECKED = 'not-checked';

export const tooDeepMessage = `is nested more than ${LIMITS.depth} levels deep`;
export const tooWideMessage = `holds more than ${LIMITS.storedItems} items`;
export const tooManyKeysMessage = `holds more than ${LIMITS.mappingKeys} keys`;

/** The size of a text in UTF-8 bytes, counted without copying it. */
export function utf8Length(text: string): number {
  // The regular expression engine finds the first non-ASCII character many times faster than a
  // loop over every character; an ASCII text is then measured at once.
  const first = text.search(/[^\0-\x7f]/);
  if (first === -1) return text.length;
  let bytes = text.length;
  for (let i = first; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit < 0xdc00) {
      // A surrogate pair is 4 bytes in UTF-8 and 2 units here.
      bytes += 2;
      i++;
    } else if (unit >= 0x800) bytes += 2;
    else if (unit >= 0x80) bytes += 1;
  }
  return bytes;
}

/** Whether a text is over the byte limit; cheap for the common case of a short text. */
export function textTooLarge(text: string, limit: number = LIMITS.textBytes): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return utf8Length(text) > limit;
}

export const tooLargeMessage = (limit: number = LIMITS.textBytes) =>
  `is larger than ${formatBytes(limit)}, the most Trellis reads`;

export function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/**
 * Where a value first goes deeper than `maxDepth`, holds one list longer than `maxWidth` or one
 * mapping with more than `maxKeys` keys, or whether it holds more than `maxNodes` values in all (aliases sharing one value count it each
 * time, as every later step walks it again). Walked with an explicit stack, so that a value nested
 * ten thousand levels deep cannot overflow the call stack, and before any schema looks at it.
 */
export function boundsOf(
  value: unknown,
  {
    maxDepth = LIMITS.depth,
    maxWidth = LIMITS.storedItems,
    maxKeys = LIMITS.mappingKeys,
    maxNodes = Infinity,
  }: { maxDepth?: number; maxWidth?: number; maxKeys?: number; maxNodes?: number } = {},
): { tooDeep?: Path; tooWide?: Path; tooManyKeys?: Path; tooMany?: true } {
  // The common case, everything within bounds, allocates nothing per value: two parallel stacks.
  const values: object[] = [];
  const depths: number[] = [];
  let nodes = 1;
  if (typeof value === 'object' && value !== null) {
    values.push(value);
    depths.push(1);
  }
  const push = (child: unknown, depth: number) => {
    if (typeof child === 'object' && child !== null) {
      values.push(child);
      depths.push(depth);
    }
  };
  while (values.length > 0) {
    const current = values.pop()!;
    const depth = depths.pop()!;
    if (depth > maxDepth) return { tooDeep: firstPath(value, (_, path) => path.length >= maxDepth) };
    // Children are visited where they are, without a list of them made for each value.
    let children = 0;
    if (Array.isArray(current)) {
      children = current.length;
      if (children > maxWidth)
        return { tooWide: firstPath(value, (node) => Array.isArray(node) && node.length > maxWidth) };
      for (let i = 0; i < children; i++) push(current[i], depth + 1);
    } else {
      for (const key in current) {
        if (!Object.hasOwn(current, key)) continue;
        // The mapping found over the bound is not counted again on the way to its path: listing the
        // keys of a mapping of a hundred thousand costs as much as reading them.
        if (++children > maxKeys)
          return {
            tooManyKeys: firstPath(
              value,
              (node) => node === current || (!Array.isArray(node) && keysOver(node, maxKeys)),
            ),
          };
        push((current as Record<string, unknown>)[key], depth + 1);
      }
      if (children > maxWidth)
        return { tooWide: firstPath(value, (node) => Array.isArray(node) && node.length > maxWidth) };
    }
    nodes += children;
    if (nodes > maxNodes) return { tooMany: true };
  }
  return {};
}

/** Whether a mapping has more than `max` keys, counted only as far as `max`. */
function keysOver(node: object, max: number): boolean {
  let count = 0;
  for (const key in node) if (Object.hasOwn(node, key) && ++count > max) return true;
  return false;
}

/** The path of the first list or mapping, depth first, that `found` picks (there is one). */
function firstPath(value: unknown, found: (node: object, path: Path) => boolean): Path {
  const stack: { value: unknown; path: Path }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (found(current, path)) return path;
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((child, index) => [index, child])
      : Object.entries(current);
    for (let i = entries.length - 1; i >= 0; i--)
      stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]] });
  }
  return [];
}
