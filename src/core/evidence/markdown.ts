import { suggest, type SourceDocument } from '../input/document.js';
import type { Path, Problem } from '../problems.js';
import { canonicalLink, type EvidenceEntry } from './schema.js';

/**
 * The Markdown log, for people who keep their brag document as prose in git:
 *
 *     # Evidence log                      <- anything before the first `##` heading is kept, not read
 *
 *     ## 2024-03-14 Led the payments migration
 *
 *     - scope: multi-team
 *     - competencies: system-design, influence
 *     - links: https://example.com/design-doc
 *
 *     Free text: the description, as many paragraphs as needed.
 *
 * Every `##` heading opens an entry: the date, then the title. The list items right after it are
 * the fields; the first line that is not such an item starts the description.
 */

export const markdownFields = ['scope', 'competencies', 'links', 'source'] as const;
type MarkdownField = (typeof markdownFields)[number];

const HEADING = /^##(?:[ \t]+(.*?))?[ \t]*$/;
const FIELD = /^[-*][ \t]+([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/;
/**
 * The date: digits and dashes (so that a malformed date such as 2024-2-30 is read whole and reported
 * once), else the first word.
 */
const HEADING_DATE = /^(?:\d+-\d+-\d+|[^\s:–—]+)/;
/** Between the date and the title: an optional `-`, `–`, `—` or `:`, with or without spaces around it. */
const HEADING_SEPARATOR = /^[ \t]*(?:[-–—:][ \t]*)?/;
/** A title starting with a separator character is written after an explicit one, to read back whole. */
const SEPARATOR_LIKE = /^[-–—:]/;

interface Located {
  line: number;
  col: number;
}

interface EntryPositions {
  heading: Located;
  date: Located;
  title: Located;
  fields: Partial<Record<MarkdownField, { key: Located; value: Located; items: Located[] }>>;
  description?: Located;
}

export interface MarkdownLog {
  source: SourceDocument;
  /** Problems found while reading the structure (unknown or repeated fields). */
  problems: Problem[];
}

/** Splits a list field: items are separated by commas or whitespace; a comma inside an item is kept. */
function splitItems(text: string, start: number): { value: string; col: number }[] {
  const items: { value: string; col: number }[] = [];
  // `<…>` (a Markdown autolink) delimits an item exactly, whatever it contains, spaces included.
  const re = /<([^<>]*)>|[^\s,]+(?:,[^\s,]+)*/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const bracketed = m[1] !== undefined;
    items.push({ value: bracketed ? (m[1] ?? '') : m[0], col: start + m.index + (bracketed ? 1 : 0) });
  }
  return items;
}

/**
 * Reads the Markdown log into the same shape as the YAML log (`{ entries: [...] }`), with a
 * locator, so that the one schema check reports problems as FILE:LINE:COL in both formats.
 */
export function readMarkdownLog(text: string, file: string): MarkdownLog {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const entries: Record<string, unknown>[] = [];
  const positions: EntryPositions[] = [];
  const problems: Problem[] = [];
  const at = (line: number, col: number, path: Path, message: string, code: string): Problem => ({
    severity: 'error',
    code,
    message,
    path,
    file,
    line,
    col,
  });

  let i = 0;
  while (i < lines.length && !HEADING.test(lines[i] ?? '')) i++;
  while (i < lines.length) {
    const headingLine = lines[i] ?? '';
    const index = entries.length;
    const lineNo = i + 1;
    const headingText = HEADING.exec(headingLine)?.[1] ?? '';
    const textCol = headingLine.indexOf(headingText, 2) + 1;
    const date = HEADING_DATE.exec(headingText)?.[0];
    const titleAt =
      date === undefined
        ? 0
        : date.length + (HEADING_SEPARATOR.exec(headingText.slice(date.length))?.[0].length ?? 0);
    const title = headingText.slice(titleAt);
    const entry: Record<string, unknown> = {};
    const pos: EntryPositions = {
      heading: { line: lineNo, col: 1 },
      date: { line: lineNo, col: textCol },
      title: { line: lineNo, col: headingLine.length + 1 },
      fields: {},
    };
    if (date !== undefined) entry.date = date;
    if (title.trim() !== '') {
      entry.title = title;
      pos.title = { line: lineNo, col: textCol + titleAt };
    }
    i++;

    // The fields: list items right after the heading (blank lines allowed between them).
    for (; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line.trim() === '') continue;
      const field = FIELD.exec(line);
      if (!field) break;
      const key = field[1] ?? '';
      const rawValue = field[2] ?? '';
      const known = (markdownFields as readonly string[]).includes(key.toLowerCase());
      const keyCol = line.indexOf(key) + 1;
      if (!known) {
        // A list item that is not a field starts the description, unless it looks like a misspelt field.
        const hint = suggest(key, markdownFields);
        if (hint === undefined) break;
        problems.push(
          at(
            i + 1,
            keyCol,
            ['entries', index],
            `unknown field "${key}" (did you mean "${hint}"?)`,
            'unknown-field',
          ),
        );
        continue;
      }
      const name = key.toLowerCase() as MarkdownField;
      const valueCol = rawValue === '' ? line.length + 1 : line.lastIndexOf(rawValue) + 1;
      if (pos.fields[name]) {
        problems.push(
          at(
            i + 1,
            keyCol,
            ['entries', index, name],
            `given twice in one entry (first on line ${pos.fields[name].key.line})`,
            'duplicate-field',
          ),
        );
        continue;
      }
      const items = splitItems(rawValue, valueCol);
      pos.fields[name] = {
        key: { line: i + 1, col: keyCol },
        value: { line: i + 1, col: valueCol },
        items: items.map((item) => ({ line: i + 1, col: item.col })),
      };
      entry[name] = name === 'scope' || name === 'source' ? rawValue : items.map((item) => item.value);
    }

    // The description: everything up to the next heading.
    const body: string[] = [];
    let firstBodyLine = 0;
    for (; i < lines.length && !HEADING.test(lines[i] ?? ''); i++) {
      if (body.length === 0 && (lines[i] ?? '').trim() === '') continue;
      if (body.length === 0) firstBodyLine = i + 1;
      body.push(lines[i] ?? '');
    }
    while (body.length > 0 && (body[body.length - 1] ?? '').trim() === '') body.pop();
    if (body.length > 0) {
      entry.description = unescapeDescription(body).join('\n');
      pos.description = { line: firstBodyLine, col: 1 };
    }
    entries.push(entry);
    positions.push(pos);
  }

  const locate: SourceDocument['locate'] = (path, which = 'value') => {
    const pos = typeof path[1] === 'number' ? positions[path[1]] : undefined;
    if (path[0] !== 'entries' || !pos) return { line: 1, col: 1 };
    const field = path[2];
    if (field === 'date') return pos.date;
    if (field === 'title') return pos.title;
    if (field === 'description') return pos.description ?? pos.heading;
    const located = typeof field === 'string' ? pos.fields[field as MarkdownField] : undefined;
    if (!located) return pos.heading;
    if (which === 'key') return located.key;
    return typeof path[3] === 'number' ? (located.items[path[3]] ?? located.value) : located.value;
  };
  const source: SourceDocument = {
    file,
    value: { entries },
    syntaxProblems: [],
    locate,
    problem: (path, message, code, severity = 'error', which = 'value') => ({
      severity,
      code,
      message,
      path,
      file,
      ...locate(path, which),
    }),
  };
  return { source, problems };
}

// A description line that would read as a heading, or a first line that would read as a field, is
// written with one more backslash in front (Markdown renders `\##` and `\-` as the plain characters);
// reading removes exactly one, so any text survives a round trip.
const HEADING_LIKE = /^\\*##(?:[ \t]|$)/;
const ITEM_LIKE = /^\\*[-*][ \t]/;

function unescapeDescription(body: string[]): string[] {
  return body.map((line, index) =>
    line.startsWith('\\') && (HEADING_LIKE.test(line) || (index === 0 && ITEM_LIKE.test(line)))
      ? line.slice(1)
      : line,
  );
}

function escapeDescription(description: string): string {
  return description
    .split('\n')
    .map((line, index) =>
      HEADING_LIKE.test(line) || (index === 0 && ITEM_LIKE.test(line)) ? `\\${line}` : line,
    )
    .join('\n');
}

/** One entry as a Markdown section. */
export function renderMarkdownEntry(entry: EvidenceEntry): string {
  // A title that starts like a separator gets an explicit one, so that reading it back keeps it whole.
  const separator = SEPARATOR_LIKE.test(entry.title) ? ' — ' : ' ';
  const out = [`## ${entry.date}${separator}${entry.title}`, ''];
  const fields: string[] = [];
  if (entry.scope) fields.push(`- scope: ${entry.scope}`);
  if (entry.competencies?.length) fields.push(`- competencies: ${entry.competencies.join(', ')}`);
  if (entry.links?.length)
    fields.push(`- links: ${entry.links.map((link) => `<${canonicalLink(link)}>`).join(' ')}`);
  if (entry.source) fields.push(`- source: ${entry.source}`);
  if (fields.length > 0) out.push(...fields, '');
  if (entry.description) out.push(escapeDescription(entry.description), '');
  return out.join('\n');
}

export const MARKDOWN_LOG_HEADER =
  '# Evidence log\n\nOne section per accomplishment: `## YYYY-MM-DD Title`, then its fields.\n';

/** The Markdown log with one more entry at the end; the rest of the text is kept as it was. */
export function appendMarkdownEntry(text: string, entry: EvidenceEntry): string {
  const base = text.trim() === '' ? MARKDOWN_LOG_HEADER : text.replace(/\s*$/, '\n');
  return `${base}\n${renderMarkdownEntry(entry)}`;
}
