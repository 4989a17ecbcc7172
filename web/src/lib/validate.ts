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
    errors[key] ??= plainMessage(issue.message);
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

/** What a form says for text in a number field that is not a number. */
export const NOT_A_NUMBER = 'must be a number';

// Plain decimal notation as people type it: 145000, -5, 0.03, .5, 1e6. Not hex, not "Infinity".
const decimal = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/**
 * Reads a number typed in a text field. Empty is undefined; anything that is not plain decimal
 * notation is a problem said in words ("3%" gets a hint on how to write a rate), never NaN handed on
 * to a schema whose message would be about NaN.
 */
export function readNumber(text: string): { value: number | undefined; problem?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: undefined };
  if (decimal.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return { value };
    return { value: Number.NaN, problem: 'is too large a number' };
  }
  if (/^[-+]?\d*\.?\d+\s*%$/.test(trimmed))
    return { value: Number.NaN, problem: `${NOT_A_NUMBER}: this field is not a percentage` };
  if (/^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(trimmed))
    return { value: Number.NaN, problem: `${NOT_A_NUMBER}: leave out the thousands separators` };
  return { value: Number.NaN, problem: NOT_A_NUMBER };
}

/** 3 (per cent) as the fraction files and the core compute with, 0.03; exactly as if 0.03 had been typed. */
export const fromPercent = (percent: number): number => Number((percent / 100).toPrecision(15));

/** A fraction from a file as the form shows it: 0.03 → 3. */
export const toPercent = (fraction: number): number => Number((fraction * 100).toPrecision(15));

/** A rate range as files hold it: `[min, max]`. */
export const isRateRange = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number');

/** A rate from a file as its field shows it, in per cent: 0.03 → "3"; nothing stays empty. */
export function percentText(value: unknown): string {
  if (typeof value === 'number') return String(toPercent(value));
  // A [min, max] range shows as "3–4", the way the field reads one back.
  if (isRateRange(value)) return `${toPercent(value[0])}–${toPercent(value[1])}`;
  return value === undefined || value === null ? '' : String(value);
}

/**
 * Reads a rate typed as a percentage, as people say rates: "3" (or "3%") is 3% and reads as 0.03.
 * Empty is undefined; text that is not a number is a problem in words, as for `readNumber`.
 */
export function readPercent(text: string): { value: number | undefined; problem?: string } {
  const read = readNumber(text.trim().replace(/\s*%$/, ''));
  if (read.value === undefined || read.problem) return read;
  return { value: fromPercent(read.value) };
}

/** A rate's bounds said in per cent, for a message the core gave in fractions ("between 0 and 1"). */
export function percentMessage(message: string): string {
  return message
    .replace(/ \(a fraction: 0\.03 is 3%\)/, '')
    .replace(/\(0\.03 is 3%\) /, '')
    .replace(/\bbetween 0 and 1\b/, 'between 0% and 100%')
    .replace(/\b(greater|less) than (-?)1\b/, '$1 than $2100%');
}

/** Past this a rate is most likely a slip (a raise over 100%); the field says so beside it. */
export interface Plausible {
  /** The largest plausible value, in per cent. */
  max: number;
  /** What the value is a share of, for the message: "a year", "of base". */
  of: string;
}

/** A number typed in a text field: empty stays undefined, text that is not a number is NaN. */
export function numberOrUndefined(text: string): number | undefined {
  return readNumber(text).value;
}

/**
 * Reads a form's number fields into the file the API takes, keeping what was wrong with each under
 * the path it has in that file. A required field left empty, or a field that holds no number, goes
 * into the file as NaN so the file keeps its shape; its message here replaces the schema's.
 */
export class NumberReader {
  readonly errors: FieldErrors = {};
  /** Values that are allowed but most likely a slip, keyed like the errors. */
  readonly warnings: FieldErrors = {};
  /** The paths read as percentages: their messages from the core are put in per cent. */
  readonly percentPaths = new Set<string>();

  /** A rate typed as a percentage (see `readPercent`), with a warning past what is plausible. */
  percent(
    path: string,
    text: string,
    { required = false, plausible }: { required?: boolean; plausible?: Plausible } = {},
  ) {
    this.percentPaths.add(path);
    const { value, problem } = readPercent(text);
    if (problem) this.errors[path] = problem;
    else if (value === undefined && required) {
      this.errors[path] = 'required';
      return Number.NaN;
    } else if (value !== undefined && plausible && toPercent(value) > plausible.max)
      this.warnings[path] =
        `over ${plausible.max}% ${plausible.of}: is that right? (${toPercent(value)} means ${toPercent(value)}%)`;
    return value;
  }

  /**
   * A rate that may be a range: "3–4" (or "3-4", "3 to 4") is [0.03, 0.04], the file's [min, max];
   * anything else, and any text that is one number ("1e-3", "-2"), reads as one percentage.
   */
  rate(path: string, text: string, options: { required?: boolean; plausible?: Plausible } = {}) {
    const range = /^\s*([^–\s]+?)\s*(?:–|-|to)\s*([^–\s]+)\s*$/.exec(text);
    if (!range || !readPercent(text).problem) return this.percent(path, text, options);
    const low = this.percent(path, range[1]!, { ...options, required: true });
    const high = this.percent(path, range[2]!, { ...options, required: true });
    return this.errors[path] ? Number.NaN : [low as number, high as number];
  }

  /** The core's messages at percentage fields, put in per cent. */
  inPercent(errors: FieldErrors): FieldErrors {
    return Object.fromEntries(
      Object.entries(errors).map(([key, message]) => [
        key,
        this.percentPaths.has(key) ? percentMessage(message) : message,
      ]),
    );
  }

  read(path: string, text: string, required = false): number | undefined {
    const { value, problem } = readNumber(text);
    if (problem) this.errors[path] = problem;
    else if (value === undefined && required) {
      this.errors[path] = 'required';
      return Number.NaN;
    }
    return value;
  }
}

/**
 * A core or schema message put the way a person reads it beside a field: the path the core puts in
 * front is dropped, the schema's words about types become plain ones, and references to other
 * entries by their place in the file (`offers[0]`) become their number in the form (`offer 1`).
 */
export function plainMessage(message: string): string {
  const text = message.replace(/^(?:\(root\)|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])+): (?=\S)/, '');
  if (/^Invalid input: expected number, received (?:NaN|string)\b/.test(text)) return NOT_A_NUMBER;
  if (/^Invalid input: expected \w+, received undefined\b/.test(text)) return 'required';
  return text.replace(/\b(offers|strategies|equity|links)\[(\d+)\]/g, (_, list: string, index: string) => {
    const noun = { offers: 'offer', strategies: 'strategy', equity: 'grant', links: 'link' }[list]!;
    return `${noun} ${Number(index) + 1}`;
  });
}

/** Every message of a set, put plainly (see `plainMessage`). */
export function plainMessages(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([key, message]) => [key, plainMessage(message)]));
}
