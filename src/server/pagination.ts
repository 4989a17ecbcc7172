import { z } from 'zod';
import type { Page, PageRequest } from '../store/repositories/common.js';
import { wholeNumberText } from './routes/common.js';

/**
 * Lists answer a page at a time. A page ends with the key of its last item (its sort key, made
 * unique by the id); the next page starts after it, so that rows added or removed meanwhile never
 * make a page repeat or skip one. The key travels as an opaque cursor: base64url of its JSON.
 */

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

const notOurs = 'is not a cursor this server gave out: pass back nextCursor from the previous page as it is';

/** The cursor for a key; `cursorOf` reads it back. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function cursorOf<K extends z.ZodType>(key: K) {
  return z
    .string()
    .transform((text, context) => {
      let decoded: unknown;
      try {
        decoded = /^[A-Za-z0-9_-]+$/.test(text)
          ? JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
          : undefined;
      } catch {
        decoded = undefined;
      }
      const parsed = key.safeParse(decoded);
      if (parsed.success) return parsed.data as z.output<K>;
      context.addIssue({ code: 'custom', message: notOurs });
      return z.NEVER;
    })
    .describe(
      'Where to continue: `nextCursor` from the previous page, as it is. Leave out for the first page.',
    );
}

/** The `limit` and `cursor` of a list's query string, for keys of the given shape. */
export function pageQuery<K extends z.ZodType>(key: K) {
  return {
    limit: wholeNumberText(z.number().int().min(1).max(MAX_PAGE_SIZE))
      .optional()
      .describe(`Items per page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`),
    cursor: cursorOf(key).optional(),
  };
}

/** The page the query asks for. */
export function pageRequest<K>(query: {
  limit?: number | undefined;
  cursor?: K | undefined;
}): PageRequest<K> {
  return { after: query.cursor, limit: query.limit ?? DEFAULT_PAGE_SIZE };
}

/** `nextCursor` of an answer: null on the last page. */
export const nextCursorSchema = z
  .string()
  .nullable()
  .describe('The cursor of the next page; null on the last one.');

export function nextCursor<K>(page: Page<unknown, K>): string | null {
  return page.next === undefined ? null : encodeCursor(page.next);
}

/** Sort keys: the id alone, or a date made unique by the id (`DatedKey`). */
export const idKey = z.number().int().positive();
export const datedKey = z.tuple([z.string().max(32), z.number().int().positive()]);
