import { isMap, isScalar, isSeq, LineCounter, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import {
  capProblems,
  DomainError,
  moreProblems,
  sortProblems,
  type Path,
  type Problem,
} from '../problems.js';
import {
  boundsOf,
  LIMITS,
  TOO_DEEP,
  TOO_LARGE,
  tooDeepMessage,
  tooLargeMessage,
  textTooLarge,
  tooManyKeysMessage,
  tooWideMessage,
} from './limits.js';
import { jsonBoundsProblem } from './json-bounds.js';
import { didYouMean } from './suggest.js';

// The suggestions live on their own, so that code in the browser can offer them without the parsers.
export { didYouMean, hinter, suggest } from './suggest.js';
import { fastYaml, TooDeepText, yamlDocument, yamlValue } from './yaml.js';

/**
 * A YAML (or JSON, which is YAML) text parsed with its positions kept, so that every problem
 * found later, by the schema or by a semantic rule, can be reported as FILE:LINE:COL.
 */
export interface SourceDocument {
  file: string;
  /** The plain JavaScript value of the document; undefined when the text is empty. */
  value: unknown;
  /** YAML syntax problems; when there are any, `value` is the parser's best effort. */
  syntaxProblems: Problem[];
  /**
   * The position of the node at `path`, or of its closest existing ancestor; none in a text over
   * `LIMITS.locatedBytes` or a value that came without a text.
   */
  locate(path: Path, at?: 'key' | 'value'): { line?: number; col?: number };
  /** A problem located at `path`. */
  problem(
    path: Path,
    message: string,
    code: string,
    severity?: Problem['severity'],
    at?: 'key' | 'value',
  ): Problem;
}

/**
 * The value comes from a fast parser; the positional Document (ten times slower on large files)
 * is built only when a problem needs a line and column, or when the fast parser refuses the
 * text, so that every syntax error is still reported in one run. A text over the size limit, or
 * nested past the parsers' depth, is refused before it is parsed further.
 */
export function parseSource(raw: string, file: string): SourceDocument {
  // A byte-order mark is not content: left in, it would shift every column of the first line.
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (textTooLarge(text))
    return refusedSource(file, {
      code: TOO_LARGE,
      message: `the file ${tooLargeMessage()}`,
      line: 1,
      col: 1,
    });
  if (/\.json$/i.test(file)) {
    const json = jsonSyntaxProblem(text, file);
    if (json)
      return refusedSource(file, {
        code: json.code,
        message: json.message,
        line: json.line!,
        col: json.col!,
      });
  }
  const fast = fastYaml(text);
  if (fast.ok) {
    let positional: Positional | undefined;
    // A large text's problems keep their path only: placing them would cost a second, slow reading.
    const locate: SourceDocument['locate'] = textTooLarge(text, LIMITS.locatedBytes)
      ? () => ({})
      : (path, at) => (positional ??= positionalParse(text, file, false)).locate(path, at);
    return { file, value: fast.value, syntaxProblems: [], locate, problem: problemAt(file, locate) };
  }
  if (fast.tooDeep) return refusedSource(file, tooDeepProblem(text, fast.tooDeep.offset));
  // A large text is not read a second time only to list its syntax errors: the first one, as the
  // fast reader found it, stands for them.
  if (fast.syntax && textTooLarge(text, LIMITS.locatedBytes))
    return refusedSource(file, {
      code: 'yaml-syntax',
      message: `YAML syntax error: ${fast.syntax.reason}`,
      ...positionOf(text, fast.syntax.offset),
    });
  const positional = positionalParse(text, file, true);
  return {
    file,
    value: positional.value,
    syntaxProblems: positional.syntaxProblems,
    locate: positional.locate,
    problem: problemAt(file, positional.locate),
  };
}

/**
 * A JSON text read as a plain value (a workspace export): its size, nesting and width bounded first,
 * then `JSON.parse`, whose syntax errors are placed at their line and column. The value, or the
 * problems that stopped it, each in `file`.
 */
export function parseJsonText(
  text: string,
  file: string,
  maxBytes: number = LIMITS.textBytes,
): { value?: unknown; problems: Problem[] } {
  if (textTooLarge(text, maxBytes))
    return {
      problems: [
        {
          severity: 'error',
          code: TOO_LARGE,
          message: `the file ${tooLargeMessage(maxBytes)}`,
          path: [],
          file,
        },
      ],
    };
  const bounds = jsonBoundsProblem(text);
  if (bounds) return { problems: [{ severity: 'error', ...bounds, file }] };
  try {
    return { value: JSON.parse(text), problems: [] };
  } catch {
    // Parsed again, only now, to place the error.
    return { problems: [jsonSyntaxProblem(text, file)!] };
  }
}

/** A text refused as a whole: one problem, and every location is its own. */
function refusedSource(
  file: string,
  problem: { code: string; message: string; line: number; col: number },
): SourceDocument {
  const where = () => ({ line: problem.line, col: problem.col });
  return {
    file,
    value: undefined,
    syntaxProblems: [{ severity: 'error', path: [], file, ...problem }],
    locate: where,
    problem: problemAt(file, where),
  };
}

function tooDeepProblem(text: string, offset: number) {
  return { code: TOO_DEEP, message: `the document ${tooDeepMessage}`, ...positionOf(text, offset) };
}

/** Line and column (both from 1) of an offset, counted without a positional parse. */
function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

/** A JSON file's syntax error in JSON's own words, at its line and column; undefined when it parses. */
function jsonSyntaxProblem(text: string, file: string): Problem | undefined {
  const whole = jsonFailure(text);
  if (!whole) return undefined;
  let offset = whole.offset ?? (whole.atEnd ? text.length : undefined);
  if (offset === undefined) {
    // The parser names the bad token but not where it is: find the shortest prefix that already
    // fails for a reason other than ending early; its last character is the culprit.
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const failure = jsonFailure(text.slice(0, mid));
      if (failure && !failure.atEnd) hi = mid;
      else lo = mid + 1;
    }
    offset = Math.max(0, lo - 1);
  }
  const before = text.slice(0, offset).split('\n');
  return {
    severity: 'error',
    code: 'json-syntax',
    showPath: false,
    message: `JSON syntax error: ${whole.message}`,
    path: [],
    file,
    line: before.length,
    col: before[before.length - 1]!.length + 1,
  };
}

function jsonFailure(text: string): { message: string; offset?: number; atEnd: boolean } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const full = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(full);
    const offset = at ? Number(at[1]) : undefined;
    const message = full
      .split('\n')[0]!
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/, (\.\.\.)?".*$/, '');
    const atEnd = /end of JSON input/.test(full) || (offset !== undefined && offset >= text.length);
    return { message, atEnd, ...(offset === undefined ? {} : { offset }) };
  }
}

function problemAt(file: string, locate: SourceDocument['locate']): SourceDocument['problem'] {
  return (path, message, code, severity = 'error', at = 'value') => ({
    severity,
    code,
    message,
    path,
    file,
    ...locate(path, at),
  });
}

interface Positional {
  value: unknown;
  syntaxProblems: Problem[];
  locate: SourceDocument['locate'];
}

function positionalParse(text: string, file: string, withValue: boolean): Positional {
  const lineCounter = new LineCounter();
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  let doc: Document.Parsed;
  try {
    doc = yamlDocument(text, lineCounter);
  } catch (error) {
    if (!(error instanceof TooDeepText)) throw error;
    const problem = { severity: 'error' as const, path: [], file, ...tooDeepProblem(text, error.offset) };
    return { value: undefined, syntaxProblems: [problem], locate: () => position(error.offset) };
  }

  // Each mapping's keys, indexed when a problem is first located in it: locating many problems in
  // a wide mapping stays linear.
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string) => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items)
        if (isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
      indexes.set(map, index);
    }
    return index.get(key);
  };

  const locate = (path: Path, at: 'key' | 'value' = 'value') => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      if (isMap(node)) {
        const pair = pairOf(node, String(segment));
        if (!pair) break;
        const keyStart = (pair.key as Node).range?.[0];
        const valueStart = (pair.value as Node | null)?.range?.[0];
        const wantKey = at === 'key' && i === path.length - 1;
        offset = (wantKey ? keyStart : (valueStart ?? keyStart)) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    return position(offset);
  };

  const syntaxProblems: Problem[] = doc.errors.map((error) => {
    // An error found only at the end of the text (an unclosed quote or bracket) is reported on the
    // last line, with a hint, rather than on a line the file does not have.
    const atEnd = error.pos[0] >= text.trimEnd().length;
    const hint = atEnd ? ' (at the end of the file: look above for an unclosed quote or bracket)' : '';
    return {
      severity: 'error',
      code: 'yaml-syntax',
      showPath: false,
      message: `YAML syntax error: ${error.message.split('\n')[0]}${hint}`,
      path: [],
      file,
      ...position(atEnd ? Math.max(0, text.trimEnd().length - 1) : error.pos[0]),
    };
  });
  if (!withValue) return { value: undefined, syntaxProblems, locate };

  // Expanding aliases can explode (a "billion laughs" file): refuse past a bound instead of hanging.
  let value: unknown;
  const unreadable = (message: string): Problem => ({
    severity: 'error',
    code: 'yaml-syntax',
    showPath: false,
    message: `YAML cannot be read: ${message}`,
    path: [],
    file,
    line: 1,
    col: 1,
  });
  try {
    value = yamlValue(doc);
  } catch (error) {
    value = undefined;
    syntaxProblems.push(unreadable(error instanceof Error ? error.message : String(error)));
  }
  // Without aliases a text holds fewer values than characters; with them, the values they stand
  // for are walked again by every later step, so they are counted the same way.
  if (value !== undefined && boundsOf(value, { maxDepth: Infinity, maxNodes: text.length + 1000 }).tooMany) {
    value = undefined;
    syntaxProblems.push({
      ...unreadable('its aliases stand for more values than the text holds'),
      code: TOO_LARGE,
    });
  }
  return { value, syntaxProblems, locate };
}

/**
 * Validates a document against a zod schema and turns every issue into a located problem.
 * Returns the parsed value when there were no issues.
 */
export function checkSchema<S extends z.ZodType>(
  source: SourceDocument,
  schema: S,
  basePath: Path = [],
): {
  value?: z.output<S>;
  problems: Problem[];
  /**
   * Where each of the schema's issues is (relative to `basePath`), all of them, past the problem
   * cap too: a caller that checks parts of the value again can leave out the parts already failed.
   */
  failedPaths?: readonly Path[];
} {
  const input = basePath.reduce<unknown>(
    (value, key) => (value as Record<string | number, unknown> | undefined)?.[key],
    source.value,
  );
  const { tooDeep, tooWide, tooManyKeys } = boundsOf(input);
  if (tooDeep) return { problems: [tooDeepAt(source, [...basePath, ...tooDeep])] };
  if (tooWide) return { problems: [tooWideAt(source, [...basePath, ...tooWide], tooWideMessage)] };
  if (tooManyKeys)
    return { problems: [tooWideAt(source, [...basePath, ...tooManyKeys], tooManyKeysMessage)] };
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { value: result.data, problems: [] };
  const problems: Problem[] = [];
  // Bounded work, not only a bounded answer: past the limit, problems are counted, not described.
  const { issues } = result.error;
  let suggestions = LIMITS.suggestions;
  let omitted = 0;
  const full = () => problems.length >= LIMITS.problems;
  for (const issue of issues) {
    if (full()) {
      omitted += issue.code === 'unrecognized_keys' ? issue.keys.length : 1;
      continue;
    }
    const path = [...basePath, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, issue.path as (string | number)[]);
      for (const key of issue.keys) {
        if (full()) {
          omitted++;
          continue;
        }
        const hint = suggestions-- > 0 ? didYouMean(key, known) : '';
        problems.push(
          source.problem([...path, key], `unknown field "${key}"${hint}`, 'unknown-field', 'error', 'key'),
        );
      }
      continue;
    }
    // A field that is absent altogether is missing, whatever kind of value it would have taken.
    if (
      issue.input === undefined &&
      issue.path.length > 0 &&
      !hasKey(input, issue.path as (string | number)[])
    ) {
      const field = path[path.length - 1];
      problems.push(
        source.problem(path.slice(0, -1), `missing required field "${String(field)}"`, 'missing-field'),
      );
      continue;
    }
    problems.push(source.problem(path, describeIssue(issue), 'invalid-value'));
  }
  if (omitted > 0) problems.push(moreProblems(omitted, source.file));
  return { problems, failedPaths: issues.map((issue) => issue.path as Path) };
}

/** A located problem for a value nested past the depth limit. */
function tooDeepAt(source: SourceDocument, path: Path): Problem {
  return source.problem(path, tooDeepMessage, TOO_DEEP);
}

/** A located problem for a list or mapping past its width limit. */
function tooWideAt(source: SourceDocument, path: Path, message: string): Problem {
  return source.problem(path, message, TOO_LARGE);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && issue.values.length > 0) {
    const received = typeof issue.input === 'string' ? `"${issue.input}"` : JSON.stringify(issue.input);
    const hint = typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : '';
    return `${received} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${hint}`;
  }
  // A schema's own message stays; zod's default ("Too small: expected string to have >=1
  // characters") is put in the words of the rest.
  if ((issue.code === 'too_small' || issue.code === 'too_big') && /^Too (small|big):/.test(issue.message)) {
    const size = sizeMessage(issue);
    if (size !== undefined) return size;
  }
  if (
    (issue.code === 'too_small' || issue.code === 'too_big') &&
    ['number', 'int', 'bigint'].includes(issue.origin)
  ) {
    const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
    const word =
      issue.code === 'too_small'
        ? issue.inclusive
          ? 'at least'
          : 'more than'
        : issue.inclusive
          ? 'at most'
          : 'less than';
    return `must be ${word} ${String(bound)}, got ${JSON.stringify(issue.input)}`;
  }
  if (issue.code === 'invalid_type' && typeof issue.input === 'number' && !Number.isFinite(issue.input)) {
    return `must be a finite number, got ${String(issue.input)}`;
  }
  if (issue.code === 'invalid_type') {
    return `expected ${issue.expected}, got ${describeType(issue.input)}`;
  }
  return issue.message;
}

/** A text or a list of the wrong length, in words: "must not be empty", "must be at most 80 characters". */
function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string | undefined {
  const unit = issue.origin === 'string' ? 'character' : issue.origin === 'array' ? 'item' : undefined;
  if (unit === undefined) return undefined;
  const plural = (n: number | bigint) => `${String(n)} ${unit}${Number(n) === 1 ? '' : 's'}`;
  if (issue.code === 'too_small') {
    if (Number(issue.minimum) === 1 && issue.inclusive !== false) return 'must not be empty';
    return issue.inclusive === false
      ? `must be more than ${plural(issue.minimum)}`
      : `must be at least ${plural(issue.minimum)}`;
  }
  return issue.inclusive === false
    ? `must be fewer than ${plural(issue.maximum)}`
    : `must be at most ${plural(issue.maximum)}`;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

/** The field names an object schema accepts at `path`, for "did you mean" on unknown fields. */
function knownKeys(schema: z.ZodType, path: (string | number)[]): string[] {
  let current: unknown = schema;
  const unwrap = () => {
    for (;;) {
      const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
      if (
        def &&
        ['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'].includes(def.type as string)
      ) {
        current = def.innerType;
      } else if (def && def.type === 'pipe') {
        current = def.in;
      } else return def;
    }
  };
  for (const segment of path) {
    const def = unwrap();
    if (!def) return [];
    if (def.type === 'object') current = (def.shape as Record<string, unknown>)[String(segment)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return [];
  }
  const def = unwrap();
  return def?.type === 'object' ? Object.keys(def.shape as Record<string, unknown>) : [];
}

/** Whether the last key of `path` is present in `root`, even with a null value. */
function hasKey(root: unknown, path: (string | number)[]): boolean {
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], root);
  const key = path[path.length - 1];
  return typeof parent === 'object' && parent !== null && key !== undefined && key in parent;
}

/**
 * Parses an input file's text and validates it against a schema, then against semantic checks
 * that need the typed value. `rawCheck` runs even when the schema fails, on the value as read, so
 * that problems it can judge (unknown ids, say) come in the same run as the type errors; it must
 * accept anything. Throws one DomainError carrying every problem found, located.
 */
export function parseValidated<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  semantic?: (value: z.output<S>, source: SourceDocument) => Problem[],
  rawCheck?: (raw: unknown, source: SourceDocument) => Problem[],
): z.output<S> {
  const source = parseSource(text, file);
  const problems = [...source.syntaxProblems];
  if (problems.length === 0) {
    const checked = checkSchema(source, schema);
    problems.push(...checked.problems);
    if (rawCheck && typeof source.value === 'object' && source.value !== null)
      problems.push(...rawCheck(source.value, source));
    if (checked.value !== undefined && problems.length === 0 && semantic)
      problems.push(...semantic(checked.value, source));
    if (problems.length === 0) return checked.value as z.output<S>;
  }
  throw new DomainError('invalid-input', `${file} is not valid`, capProblems(sortProblems(problems)));
}
