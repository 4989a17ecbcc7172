import { DomainError } from '../../problems.js';

/**
 * The text of an input file, which must be UTF-8 (a byte-order mark is allowed and removed). Read as
 * UTF-8 without this check, a Windows-1252 "é" silently becomes "\uFFFD" in the imported ladder; here
 * it is refused at the line and column of the first byte that is not UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const { line, col, byte } = firstInvalidByte(bytes);
    throw new DomainError('invalid-input', `${file} is not UTF-8 text`, [
      {
        severity: 'error',
        code: 'not-utf8',
        message: `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8: save the file as UTF-8 (it looks like another encoding, e.g. Windows-1252 or Latin-1) and import it again`,
        path: [],
        file,
        line,
        col,
      },
    ]);
  }
}

/** Where decoding fails: the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): { line: number; col: number; byte: number } {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  for (;;) {
    const end = sequenceEnd(bytes, at, strict);
    if (end === undefined) break;
    at = end;
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, at)).replace(/^\uFEFF/, '');
  const lines = prefix.split('\n');
  return { line: lines.length, col: lines.at(-1)!.length + 1, byte: bytes[at] ?? 0 };
}

/** The end of the valid UTF-8 sequence starting at `at`; undefined when it is not valid. */
function sequenceEnd(
  bytes: Uint8Array,
  at: number,
  strict: { decode(input: Uint8Array): string },
): number | undefined {
  const b = bytes[at];
  if (b === undefined) return undefined;
  const length = b < 0x80 ? 1 : b < 0xc2 ? 0 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : b < 0xf5 ? 4 : 0;
  if (length === 0 || at + length > bytes.length) return undefined;
  try {
    strict.decode(bytes.subarray(at, at + length));
    return at + length;
  } catch {
    return undefined;
  }
}
