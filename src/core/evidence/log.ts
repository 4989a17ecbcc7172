import { isMap, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import { checkSchema, didYouMean, parseSource, type SourceDocument } from '../input/document.js';
import { DomainError, formatPath, sortProblems, type Path, type Problem } from '../problems.js';
import { appendMarkdownEntry, readMarkdownLog } from './markdown.js';
import {
  canonicalLink,
  evidenceEntrySchema,
  evidenceLogSchema,
  normaliseEntry,
  type EvidenceEntry,
} from './schema.js';

/**
 * The evidence log as text: YAML (a mapping with an `entries` list), JSON (the same, as JSON) or
 * Markdown (see markdown.ts), chosen by the file name. Everything here is pure text in, text or
 * entries out, so another store (a database) can reuse the checks and the packet.
 */

export type LogFormat = 'yaml' | 'json' | 'markdown';

export function logFormatOf(file: string): LogFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.json')) return 'json';
  return 'yaml';
}

export interface ParseOptions {
  /** Known competency ids; when given, every competency an entry names must be one of them. */
  competencies?: readonly string[];
}

/** Parses and checks a log; every problem is reported, located, in one DomainError. */
export function parseEvidenceLog(text: string, file: string, options: ParseOptions = {}): EvidenceEntry[] {
  let source: SourceDocument;
  const problems: Problem[] = [];
  if (logFormatOf(file) === 'markdown') {
    const read = readMarkdownLog(text, file);
    source = read.source;
    problems.push(...read.problems);
  } else {
    source = parseSource(text, file);
    if (source.syntaxProblems.length > 0)
      throw new DomainError('invalid-input', `${file} is not a valid evidence log`, source.syntaxProblems);
    // An empty file, or `entries:` with nothing under it, is an empty log.
    if (source.value === undefined || source.value === null) return [];
    if (typeof source.value !== 'object' || Array.isArray(source.value))
      throw new DomainError('invalid-input', `${file} is not a valid evidence log`, [
        source.problem([], 'an evidence log is a mapping with one list: entries', 'not-a-mapping'),
      ]);
    const value = source.value as Record<string, unknown>;
    if (value.entries === null) value.entries = [];
  }
  const checked = checkSchema(source, evidenceLogSchema);
  problems.push(...checked.problems);
  if (options.competencies) {
    const entries = (source.value as { entries?: unknown }).entries;
    if (Array.isArray(entries))
      entries.forEach((entry: unknown, index) => {
        const named = (entry as { competencies?: unknown } | null)?.competencies;
        for (const issue of competencyIssues(named, options.competencies ?? []))
          problems.push(
            source.problem(
              ['entries', index, 'competencies', ...issue.path],
              `${formatPath(['entries', index, 'competencies', ...issue.path])}: ${issue.message}`,
              'unknown-reference',
            ),
          );
      });
  }
  if (problems.length > 0 || !checked.value)
    throw new DomainError('invalid-input', `${file} is not a valid evidence log`, sortProblems(problems));
  return checked.value.entries.map(normaliseEntry);
}

export interface EntryIssue {
  /** The entry field, then any index into it. */
  path: Path;
  message: string;
  code: string;
}

/** Unknown competency ids in a list, with "did you mean". */
function competencyIssues(named: unknown, known: readonly string[]): EntryIssue[] {
  if (!Array.isArray(named)) return [];
  return named.flatMap((id: unknown, index) =>
    typeof id === 'string' && !known.includes(id)
      ? [
          {
            path: [index],
            message: `unknown competency "${id}"${didYouMean(id, known) || `; known: ${known.join(', ')}`}`,
            code: 'unknown-reference',
          },
        ]
      : [],
  );
}

/**
 * Checks one entry given as a plain object (from command-line flags or an API body): the entry, or
 * the issues, each naming the field.
 */
export function checkEntry(
  raw: Record<string, unknown>,
  options: ParseOptions = {},
): { entry?: EvidenceEntry; issues: EntryIssue[] } {
  const result = evidenceEntrySchema.safeParse(raw, { reportInput: true });
  const issues: EntryIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({
        path: issue.path as (string | number)[],
        message:
          issue.code === 'invalid_type' && issue.input === undefined
            ? 'is required'
            : issue.code === 'invalid_value' && 'values' in issue
              ? `"${String(issue.input)}" is not one of ${issue.values.join(', ')}${didYouMean(String(issue.input), issue.values.map(String))}`
              : typeof issue.input === 'string' && !issue.message.includes(issue.input)
                ? `"${issue.input}": ${issue.message}`
                : issue.message,
        code: 'invalid-value',
      }));
  if (options.competencies)
    issues.push(
      ...competencyIssues(raw.competencies, options.competencies).map((issue) => ({
        ...issue,
        path: ['competencies', ...issue.path],
      })),
    );
  if (issues.length > 0 || !result.success) return { issues };
  const entry = normaliseEntry(result.data);
  // The link as kept: the same text whichever log (or database) it goes to, and it reads back unchanged.
  if (entry.links) entry.links = entry.links.map(canonicalLink);
  return { entry, issues };
}

/**
 * The log's text with one more entry at the end, in the log's own format. YAML keeps its comments
 * and layout; the new entry is appended, since listing and the packet sort by date anyway.
 */
export function appendEntry(text: string, file: string, entry: EvidenceEntry): string {
  const clean = normaliseEntry(entry);
  const format = logFormatOf(file);
  if (format === 'markdown') return appendMarkdownEntry(text, clean);
  if (format === 'json') {
    const value = (parseSource(text, file).value ?? {}) as { entries?: unknown[] | null };
    value.entries = [...(value.entries ?? []), clean];
    return `${JSON.stringify(value, null, 2)}\n`;
  }
  let doc = parseDocument(text);
  // An empty file, or one with only comments, gets its mapping; the comments stay on top.
  if (!isMap(doc.contents))
    doc = parseDocument(`${text.replace(/\s*$/, '\n')}entries: []\n`.replace(/^\n/, ''));
  let entries = doc.get('entries', true);
  if (!isSeq(entries)) {
    entries = doc.createNode([]);
    doc.set('entries', entries);
  }
  const seq = entries as YAMLSeq;
  seq.flow = false;
  const node = doc.createNode(clean);
  // Short id lists read best inline: competencies: [system-design, influence].
  const competencies = node.get('competencies', true);
  if (isSeq(competencies)) competencies.flow = true;
  seq.items.push(node);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
