import { Document, isMap, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { checkSchema, didYouMean, hinter, parseSource, type SourceDocument } from '../input/document.js';
import { yamlDocument } from '../input/yaml.js';
import { DomainError, selfNamed, sortProblems, type Path, type Problem } from '../problems.js';
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
  const { entries, problems } = readEvidenceLog(text, file, options);
  if (entries === undefined)
    throw new DomainError('invalid-input', `${file} is not a valid evidence log`, problems);
  return entries;
}

/** A log's entries, or every problem found in it, located; never throws for bad content. */
export function readEvidenceLog(
  text: string,
  file: string,
  options: ParseOptions = {},
): { entries?: EvidenceEntry[]; problems: Problem[] } {
  let source: SourceDocument;
  const problems: Problem[] = [];
  if (logFormatOf(file) === 'markdown') {
    const read = readMarkdownLog(text, file);
    source = read.source;
    problems.push(...read.problems);
  } else {
    source = parseSource(text, file);
    if (source.syntaxProblems.length > 0) return { problems: source.syntaxProblems };
    // An empty file, or `entries:` with nothing under it, is an empty log.
    if (source.value === undefined || source.value === null) return { entries: [], problems: [] };
    if (typeof source.value !== 'object' || Array.isArray(source.value))
      return {
        problems: [
          selfNamed(
            source.problem([], 'an evidence log is a mapping with one list: entries', 'not-a-mapping'),
          ),
        ],
      };
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
              issue.message,
              'unknown-reference',
            ),
          );
      });
  }
  if (problems.length > 0 || !checked.value) return { problems: sortProblems(problems) };
  return { entries: checked.value.entries.map(normaliseEntry), problems: [] };
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
  const ids = new Set(known);
  const hint = hinter(known);
  return named.flatMap((id: unknown, index) =>
    typeof id === 'string' && !ids.has(id)
      ? [
          {
            path: [index],
            message: `unknown competency "${id}"${hint(id) || `; known: ${known.join(', ')}`}`,
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
              ? `${typeof issue.input === 'string' ? `"${issue.input}"` : JSON.stringify(issue.input)} is not one of ${issue.values.join(', ')}${typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : ''}`
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
 * and layout: the new item is written into the text right after the last entry of the `entries`
 * sequence (and the comments indented under it), found through the parsed Document, and nothing
 * else changes. The new entry is appended, since listing and the packet sort by date anyway.
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
  return appendYamlEntry(text, clean);
}

const yamlOptions = { lineWidth: 0, flowCollectionPadding: false } as const;

/** One entry as a block sequence item (`- date: …`), each line indented by `indent`. */
function blockItem(entry: EvidenceEntry, indent: number): string {
  const doc = new Document([entry]);
  // Short id lists read best inline: competencies: [system-design, influence].
  const competencies = (doc.contents as YAMLSeq<YAMLMap>).items[0]?.get('competencies', true);
  if (isSeq(competencies)) competencies.flow = true;
  const pad = ' '.repeat(indent);
  return doc
    .toString(yamlOptions)
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

/** One entry as a flow mapping (`{ date: …, title: … }`), for a log written in flow style. */
function flowItem(entry: EvidenceEntry): string {
  const doc = new Document(entry);
  (doc.contents as YAMLMap).flow = true;
  return doc.toString(yamlOptions).trimEnd();
}

/** The offset where the line holding `offset` starts. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line holding the character before `offset` ends (after its newline). */
function endOfLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** `text` with `insert` at `at`, making sure a line break comes before it. */
function insertLines(text: string, at: number, insert: string): string {
  const before = text.slice(0, at);
  const joint = before === '' || before.endsWith('\n') ? '' : '\n';
  return `${before}${joint}${insert}${text.slice(at)}`;
}

/** Removes an empty value (`[]`, `~`, `null`) from its line, keeping a comment after it in place. */
function removeValue(text: string, start: number, end: number): string {
  const before = text.slice(0, start).replace(/[ \t]+$/, '');
  const after = text.slice(end);
  return /^[ \t]*#/.test(after) ? `${before} ${after.replace(/^[ \t]+/, '')}` : before + after;
}

function appendYamlEntry(text: string, entry: EvidenceEntry): string {
  const doc = yamlDocument(text);
  const contents = doc.contents;
  // An empty file, or one with only comments: the comments stay on top.
  if (contents === null && doc.errors.length === 0) {
    const base = text.trim() === '' ? '' : text.replace(/\s*$/, '\n');
    return `${base}entries:\n${blockItem(entry, 2)}`;
  }
  if (isMap(contents) && !contents.flow && doc.errors.length === 0) {
    const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === 'entries');
    const key = pair?.key as Node | undefined;
    const value = pair?.value as Node | null | undefined;
    if (key?.range) {
      const keyIndent = key.range[0] - lineStart(text, key.range[0]);
      // `entries:` with nothing, `entries: ~` or `entries: []`: the list starts on the next line.
      const empty =
        value === null ||
        value === undefined ||
        (isScalar(value) && value.value === null) ||
        (isSeq(value) && value.items.length === 0);
      if (empty) {
        const source =
          value?.range && value.range[1] > value.range[0]
            ? removeValue(text, value.range[0], value.range[1])
            : text;
        // The key comes before its value, so its end is the same offset in both texts.
        return insertLines(source, endOfLine(source, key.range[1]), blockItem(entry, keyIndent + 2));
      }
      if (isSeq(value) && value.flow && value.range) {
        const close = value.range[1] - 1;
        if (text[close] === ']') {
          const before = text.slice(0, close).replace(/\s+$/, '');
          const joint = before.endsWith(',') ? ' ' : ', ';
          return `${before}${joint}${flowItem(entry)}${text.slice(close)}`;
        }
      }
      if (isSeq(value) && !value.flow) {
        const last = value.items[value.items.length - 1] as Node | undefined;
        const first = value.items[0] as Node | undefined;
        if (last?.range && first?.range) {
          const marker = /^([ \t]*)-[ \t]+$/.exec(
            text.slice(lineStart(text, first.range[0]), first.range[0]),
          );
          if (marker) {
            const indent = marker[1]?.length ?? 0;
            return insertLines(
              text,
              afterItem(text, endOfLine(text, last.range[1]), indent),
              blockItem(entry, indent),
            );
          }
        }
      }
    }
  }
  return reflowedAppend(doc, entry);
}

/**
 * The end of the last item: after its last line and the comment lines indented under it (they
 * belong to it), before blank lines and the comments that follow at the list's level or less.
 */
function afterItem(text: string, from: number, indent: number): number {
  let end = from;
  let at = from;
  while (at < text.length) {
    const next = text.indexOf('\n', at);
    const lineEnd = next === -1 ? text.length : next + 1;
    const line = text.slice(at, lineEnd).replace(/\r?\n$/, '');
    if (line.trim() === '') {
      at = lineEnd;
      continue;
    }
    const comment = /^([ \t]*)#/.exec(line);
    if (!comment || (comment[1]?.length ?? 0) <= indent) break;
    end = lineEnd;
    at = lineEnd;
  }
  return end;
}

/** Any other shape (a flow mapping, a broken file): the Document is rewritten with the entry added. */
function reflowedAppend(parsed: Document.Parsed, entry: EvidenceEntry): string {
  let doc: Document = parsed;
  if (!isMap(doc.contents)) doc = new Document({ entries: [] });
  let entries = doc.get('entries', true);
  if (!isSeq(entries)) {
    entries = doc.createNode([]);
    doc.set('entries', entries);
  }
  const seq = entries as YAMLSeq;
  const node = doc.createNode(entry);
  const competencies = node.get('competencies', true);
  if (isSeq(competencies)) competencies.flow = true;
  seq.items.push(node);
  return doc.toString(yamlOptions);
}
