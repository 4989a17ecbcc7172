import { DomainError } from '../core/problems.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Parses a numeric flag, or fails as a usage error that names the flag. */
export function numberOption(
  value: string,
  flag: string,
  { integer = false, min }: { integer?: boolean; min?: number } = {},
): number {
  const parsed = Number(value);
  if (
    value.trim() === '' ||
    !Number.isFinite(parsed) ||
    (integer && !Number.isInteger(parsed)) ||
    (min !== undefined && parsed < min)
  ) {
    const what = integer ? 'a whole number' : 'a number';
    throw new DomainError(
      'usage',
      `${flag} expects ${what}${min !== undefined ? ` of at least ${min}` : ''}, got "${value}"`,
    );
  }
  return parsed;
}
