import { didYouMean, type SourceDocument } from '../../input/document.js';
import { selfNamed, type Path, type Problem } from '../../problems.js';
import { scopeValues, type FrameworkInput } from '../schema.js';
import type { DroppedStatement, FidelityReport } from './fidelity.js';

/** One input file: its name as the user gave it (used in FILE:LINE:COL messages) and its text. */
export interface ImportInput {
  name: string;
  text: string;
  /** A spreadsheet's cells, row by row, as an adapter read them (xlsx is bytes, not text). */
  sheet?: { name: string; rows: string[][] };
}

/** Something the user should know about the conversion: a decision taken, or data left behind. */
export interface ImportNote {
  severity: 'info' | 'warning';
  message: string;
  file?: string;
  line?: number;
  col?: number;
}

export interface ImportResult {
  framework: FrameworkInput;
  notes: ImportNote[];
  /** The inputs the framework was built from, in the order given (prose-only files left out). */
  used: string[];
  /** Statements of the source counted against those imported (importers that report it). */
  fidelity?: FidelityReport;
}

/** Collects located problems and notes while one importer reads its inputs. */
export class Findings {
  readonly problems: Problem[] = [];
  readonly notes: ImportNote[] = [];
  /** Text left behind while reading (under an unknown key), for the fidelity report. */
  readonly dropped: DroppedStatement[] = [];

  error(source: SourceDocument, path: Path, message: string, code = 'invalid-value'): void {
    // An importer's message names what it is about: the path only locates it.
    this.problems.push(selfNamed(source.problem(path, message, code)));
  }

  note(
    message: string,
    where?: { source: SourceDocument; path: Path; at?: 'key' | 'value' },
    severity: ImportNote['severity'] = 'info',
  ): void {
    const location = where ? { file: where.source.file, ...where.source.locate(where.path, where.at) } : {};
    this.notes.push({ severity, message, ...location });
  }

  warn(message: string, where?: { source: SourceDocument; path: Path; at?: 'key' | 'value' }): void {
    this.note(message, where, 'warning');
  }
}

/**
 * Neither Monzo nor the FT state scope, impact or typical years, which the Trellis schema requires.
 * The importer fills them with clearly marked placeholders: scope climbs with the band, so views that
 * sort or colour by scope stay sensible until the author writes the real values.
 */
export function placeholderLevelFields(band: number): {
  scope: (typeof scopeValues)[number];
  impact: string;
  years: { min: number; max: number };
} {
  const scope = scopeValues[Math.min(Math.max(band, 1), scopeValues.length) - 1]!;
  return {
    scope,
    impact: 'Not stated by the source framework: see this level’s expectations.',
    years: { min: 1, max: 3 },
  };
}

export const placeholderNote =
  'scope, impact and typical years of every level are placeholders (the source does not state them): review them before relying on paths or timelines';

/** The one promotion rule an imported framework gets: neither source states one as data. */
export const defaultPromotionRule = {
  id: 'default',
  description: 'Added by the importer (the source states no rule): every core competency met.',
} as const;

/**
 * The competencies of an import, all in the one group the source implies (its themes, its topics).
 * Those the source leaves without a statement at some level are optional rather than given an
 * invented expectation there.
 */
export function competenciesInGroup(
  group: string,
  items: readonly { id: string; name: string; description: string }[],
  optional: ReadonlySet<string>,
) {
  return items.map(({ id, name, description }) => ({
    id,
    name,
    group,
    description,
    ...(optional.has(id) ? { core: false } : {}),
  }));
}

/**
 * Warns, located and with a suggestion, about each key of a mapping that the reader does not know:
 * a misspelt `content` or `examples` would otherwise leave its text behind without a word.
 */
export function warnUnknownKeys(
  findings: Findings,
  source: SourceDocument,
  value: unknown,
  path: Path,
  known: readonly string[],
  what: string,
): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const hint = didYouMean(key, known);
    findings.warn(`unknown key "${key}" in ${what}${hint}: ignored`, {
      source,
      path: [...path, key],
      at: 'key',
    });
    // Every text under the key is a statement the framework will not hold.
    // A text too large to place (over LIMITS.locatedBytes) has no line: its first is named.
    const line = source.locate([...path, key], 'key').line ?? 1;
    const texts = textLeaves((value as Record<string, unknown>)[key]);
    for (let i = 0; i < texts; i++)
      findings.dropped.push({ path: source.file, line, reason: `under the unknown key "${key}"${hint}` });
  }
}

function textLeaves(value: unknown): number {
  if (typeof value === 'string') return value.trim() === '' ? 0 : 1;
  if (value === null || typeof value !== 'object') return 0;
  return Object.values(value).reduce<number>((n, v) => n + textLeaves(v), 0);
}
