import { checkSchema, parseSource } from '../input/document.js';
import { DomainError, formatPath, hasErrors, selfNamed, sortProblems, type Problem } from '../problems.js';
import { checkFramework } from './rules.js';
import { entriesOf, salvage } from './salvage.js';
import { frameworkSchema, type Framework } from './schema.js';

export interface LoadResult {
  /** Present only when there are no errors (warnings allowed). */
  framework?: Framework;
  /** Every problem found, errors and warnings, in reading order. */
  problems: Problem[];
}

/** Parses and validates a framework file's text. Never throws for bad content. */
export function loadFramework(text: string, file: string): LoadResult {
  const source = parseSource(text, file);
  // Checking the parser's best guess at a broken text would only report fields it failed to read.
  if (source.syntaxProblems.length > 0) return { problems: source.syntaxProblems };
  const problems: Problem[] = [];
  if (
    source.value === undefined ||
    source.value === null ||
    typeof source.value !== 'object' ||
    Array.isArray(source.value)
  ) {
    if (problems.length === 0)
      problems.push(
        selfNamed(
          source.problem(
            [],
            'a framework file must be a mapping with id, name, version, tracks, levels …',
            'not-a-mapping',
          ),
        ),
      );
    return { problems };
  }
  const schema = checkSchema(source, frameworkSchema);
  problems.push(...schema.problems);
  checkFramework(
    schema.value ? entriesOf(schema.value) : salvage(source.value, schema.failedPaths),
    (path, message, code, severity = 'error') => {
      // A rule's message names what it is about (`unknown level "x"`): the path only locates it.
      problems.push(selfNamed(source.problem(path, message, code, severity)));
    },
  );
  const sorted = sortProblems(dedupe(problems));
  return hasErrors(sorted) || !schema.value
    ? { problems: sorted }
    : { framework: schema.value, problems: sorted };
}

/** Loads a framework or throws a DomainError carrying every problem. */
export function loadFrameworkOrThrow(text: string, file: string): Framework {
  const { framework, problems } = loadFramework(text, file);
  if (!framework)
    throw new DomainError(
      'invalid-input',
      `${file} is not a valid framework`,
      problems.filter((p) => p.severity === 'error'),
    );
  return framework;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.col}:${formatPath(p.path)}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
