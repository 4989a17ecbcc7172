import { z } from 'zod';
import type { SourceDocument } from '../../input/document.js';
import { LIMITS } from '../../input/limits.js';
import type { Path } from '../../problems.js';
import type { ExampleCriterion, SubLevel } from '../schema.js';
import { type Findings, warnUnknownKeys } from './common.js';

/*
 * The topics of a Monzo file, statement by statement: criteria, example criteria with their
 * examples, and sub-levels (an example criterion named "Criteria for sublevel B", whose examples
 * are what sub-level B asks). Each statement is counted once, where it is read, by the caller.
 */

export const contentSchema = z.object({
  level: z.number().int('must be a whole number (write sub-levels as "Criteria for sublevel A")'),
  criteria: z.array(z.unknown()).max(LIMITS.listItems).nullish(),
  exampleCriteria: z.array(z.unknown()).max(LIMITS.listItems).nullish(),
});

export const topicSchema = z.object({
  name: z.union([z.string().trim().min(1, 'must not be empty'), z.number()], { error: 'must be text' }),
  title: z.union([z.string(), z.number()], { error: 'must be text' }).nullish(),
  content: z.array(contentSchema).max(LIMITS.listItems).nullish(),
});

export const topicKeys = ['name', 'title', 'content'] as const;
const contentKeys = ['level', 'criteria', 'exampleCriteria'] as const;
const exampleKeys = ['criteria', 'examples'] as const;

/** What one topic states at one level. */
export interface Cell {
  behaviours: string[];
  exampleCriteria: ExampleCriterion[];
  subLevels: SubLevel[];
  /** Source statements in this cell: what the fidelity report counts when the cell is imported. */
  statements: number;
}

export interface Topic {
  name: string;
  title?: string;
  /** Level number → what the topic states there, in file order. */
  levels: Map<number, Cell>;
  path: Path;
}

export const emptyCell = (): Cell => ({ behaviours: [], exampleCriteria: [], subLevels: [], statements: 0 });

export const cellHasContent = (cell: Cell | undefined): cell is Cell =>
  cell !== undefined &&
  (cell.behaviours.length > 0 || cell.exampleCriteria.length > 0 || cell.subLevels.length > 0);

/** One cell after another: generic statements first, then the discipline's. */
export function mergeCells(a: Cell | undefined, b: Cell | undefined): Cell {
  const x = a ?? emptyCell();
  const y = b ?? emptyCell();
  return {
    behaviours: [...x.behaviours, ...y.behaviours],
    exampleCriteria: [...x.exampleCriteria, ...y.exampleCriteria],
    subLevels: [...x.subLevels, ...y.subLevels],
    statements: x.statements + y.statements,
  };
}

const subLevelName = /^criteria for sub-?level\s+(\S.*)$/i;

export function readTopic(
  source: SourceDocument,
  topic: z.infer<typeof topicSchema>,
  path: Path,
  findings: Findings,
): Topic {
  const title =
    topic.title === null || topic.title === undefined || String(topic.title).trim() === ''
      ? undefined
      : String(topic.title);
  const raw = rawAt(source.value, path) as { content?: unknown[] } | undefined;
  warnUnknownKeys(findings, source, raw, path, topicKeys, `topic "${topic.name}"`);
  const levels = new Map<number, Cell>();
  (topic.content ?? []).forEach((entry, i) => {
    const at = [...path, 'content', i];
    warnUnknownKeys(
      findings,
      source,
      raw?.content?.[i],
      at,
      contentKeys,
      `level ${entry.level} of topic "${topic.name}"`,
    );
    const cell = levels.get(entry.level) ?? emptyCell();
    if (levels.has(entry.level)) {
      findings.warn(`topic "${topic.name}" lists level ${entry.level} twice: its statements are merged`, {
        source,
        path: [...at, 'level'],
      });
    }
    (entry.criteria ?? []).forEach((c, j) => {
      const line = criterionText(source, c, [...at, 'criteria', j], findings);
      if (line === undefined) return;
      cell.behaviours.push(line);
      cell.statements += 1;
    });
    (entry.exampleCriteria ?? []).forEach((e, j) =>
      readExample(source, e, [...at, 'exampleCriteria', j], cell, findings),
    );
    levels.set(entry.level, cell);
  });
  return { name: String(topic.name).trim(), title, levels, path };
}

function rawAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
    value,
  );
}

/**
 * One criterion as text. An unquoted criterion containing ": " is read by YAML as a one-entry mapping,
 * the commonest slip in these files; it is turned back into its text with a warning, not refused.
 */
function criterionText(
  source: SourceDocument,
  value: unknown,
  path: Path,
  findings: Findings,
): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    const [key, inner] = entries[0] ?? [];
    if (
      entries.length === 1 &&
      key !== undefined &&
      (typeof inner === 'string' || typeof inner === 'number')
    ) {
      findings.warn(
        `a criterion was read as a mapping because of ": "; imported as "${key}: ${inner}" (quote it in the source)`,
        { source, path },
      );
      return `${key}: ${inner}`;
    }
  }
  findings.problems.push(source.problem(path, 'a criterion must be text', 'invalid-value'));
  return undefined;
}

/** An example criterion: plain text, or `{criteria, examples}`; "Criteria for sublevel X" opens sub-level X. */
function readExample(
  source: SourceDocument,
  value: unknown,
  path: Path,
  cell: Cell,
  findings: Findings,
): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('criteria' in value)) {
    const text = criterionText(source, value, path, findings);
    if (text === undefined) return;
    cell.exampleCriteria.push({ criterion: text, examples: [] });
    cell.statements += 1;
    return;
  }
  warnUnknownKeys(findings, source, value, path, exampleKeys, 'an example criterion');
  const { criteria, examples } = value as { criteria: unknown; examples?: unknown };
  const text = criterionText(source, criteria, [...path, 'criteria'], findings);
  if (text === undefined) return;
  // `examples:` written as one string is one example, not a dropped one.
  const raw = Array.isArray(examples)
    ? examples
    : examples === null || examples === undefined
      ? []
      : [examples];
  const list = raw
    .map((e, i) =>
      criterionText(
        source,
        e,
        Array.isArray(examples) ? [...path, 'examples', i] : [...path, 'examples'],
        findings,
      ),
    )
    .filter((e): e is string => e !== undefined);
  cell.statements += 1 + list.length;
  const sub = subLevelName.exec(text);
  if (sub) cell.subLevels.push({ name: sub[1]!.trim(), behaviours: list });
  else cell.exampleCriteria.push({ criterion: text, examples: list });
}
