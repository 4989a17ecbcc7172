import { DomainError } from '../core/problems.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Commander's collector for a flag that may be given several times (`--competency a --competency b`). */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Parses a numeric flag, or fails as a usage error that names the flag and the range it takes. */
export function numberOption(
  value: string,
  flag: string,
  { integer = false, min, max }: { integer?: boolean; min?: number; max?: number } = {},
): number {
  const parsed = Number(value);
  if (
    value.trim() === '' ||
    !Number.isFinite(parsed) ||
    (integer && !Number.isInteger(parsed)) ||
    (min !== undefined && parsed < min) ||
    (max !== undefined && parsed > max)
  ) {
    const what = integer ? 'a whole number' : 'a number';
    const range =
      min !== undefined && max !== undefined
        ? ` from ${min} to ${max}`
        : min !== undefined
          ? ` of at least ${min}`
          : max !== undefined
            ? ` of at most ${max}`
            : '';
    throw new DomainError('usage', `${flag} expects ${what}${range}, got "${value}"`);
  }
  return parsed;
}
