import type { z } from 'zod';
import { formatPath } from '../../../src/core/problems.js';

export type FieldErrors = Record<string, string>;

/**
 * Checks a form's value with a core schema (the one the API checks requests with) and returns the
 * first message per field, keyed the way the API names fields (`offers[0].base`), so that local
 * and server messages land in the same place.
 */
export function check<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; value: z.output<S>; errors: FieldErrors } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = formatPath(issue.path.filter((p): p is string | number => typeof p !== 'symbol'));
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The messages under a path prefix, re-keyed relative to it (`offers[1].base` → `base` under `offers[1]`). */
export function under(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key === prefix) out[''] ??= message;
    else if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] ??= message;
    else if (key.startsWith(`${prefix}[`)) out[key.slice(prefix.length)] ??= message;
  }
  return out;
}

/** A number typed in a text field: empty stays undefined, anything else is read as a number (NaN fails the schema). */
export function numberOrUndefined(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}
