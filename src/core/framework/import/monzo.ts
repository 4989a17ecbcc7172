import { z } from 'zod';
import { LIMITS } from '../../input/limits.js';
import { checkSchema, parseSource, type SourceDocument } from '../../input/document.js';
import { DomainError, selfNamed, sortProblems, type Path, type Problem } from '../../problems.js';
import type { FrameworkInput } from '../schema.js';
import {
  competenciesInGroup,
  defaultPromotionRule,
  Findings,
  type ImportInput,
  type ImportResult,
  placeholderLevelFields,
  placeholderNote,
} from './common.js';
import { baseName, cleanName, humanise, IdAllocator, stem } from './slug.js';

/*
 * Monzo's progression framework: Markdown whose YAML front matter holds `levels` and
 * `topics[].content[].{level, criteria[], exampleCriteria[]}`. The schemas below are deliberately
 * loose (unknown keys pass, criteria are read one by one) because the published files vary.
 */

const contentSchema = z.object({
  level: z.number().int('must be a whole number (sub-levels are prose and are not imported)'),
  criteria: z.array(z.unknown()).max(LIMITS.listItems).nullish(),
  exampleCriteria: z.array(z.unknown()).max(LIMITS.listItems).nullish(),
});

const topicSchema = z.object({
  name: z.union([z.string().trim().min(1, 'must not be empty'), z.number()], { error: 'must be text' }),
  title: z.union([z.string(), z.number()], { error: 'must be text' }).nullish(),
  content: z.array(contentSchema).max(LIMITS.listItems).nullish(),
});

const frontMatterSchema = z.object({
  title: z.union([z.string(), z.number()], { error: 'must be text' }).nullish(),
  path: z.string().nullish(),
  yaml: z.union([z.boolean(), z.enum(['true', 'false'])], { error: 'must be true or false' }).nullish(),
  topics: z.array(topicSchema).max(LIMITS.listItems).nullish(),
});

interface Topic {
  name: string;
  title?: string;
  /** Level number → behaviours, in file order; a level present with no criteria maps to []. */
  levels: Map<number, string[]>;
  path: Path;
}

interface MonzoFile {
  input: ImportInput;
  source: SourceDocument;
  title?: string;
  kind: 'specific' | 'generic' | 'prose';
  topics: Topic[];
}

export function importMonzo(inputs: ImportInput[]): ImportResult {
  const findings = new Findings();
  const files = inputs
    .map((input) => readFile(input, findings))
    .filter((f): f is MonzoFile => f !== undefined);
  if (findings.problems.length > 0) throw invalid(findings.problems);

  const prose = files.filter((f) => f.kind === 'prose');
  const generics = files.filter((f) => f.kind === 'generic');
  const specifics = files.filter((f) => f.kind === 'specific');

  if (specifics.length > 1) {
    throw new DomainError(
      'usage',
      `several specific framework files given (${specifics.map((f) => baseName(f.input.name)).join(', ')}): import one at a time, with generic.md beside it to inherit the generic criteria`,
    );
  }
  if (generics.length > 1) {
    throw new DomainError(
      'usage',
      `several generic files given (${generics.map((f) => baseName(f.input.name)).join(', ')}): pass one`,
    );
  }
  // Only generic.md given: it is a framework in its own right.
  const main = specifics[0] ?? generics[0];
  const generic = specifics.length > 0 ? generics[0] : undefined;
  if (!main) {
    throw invalid(
      prose.map((f) =>
        selfNamed(
          f.source.problem(
            ['yaml'],
            `${baseName(f.input.name)} is prose only (yaml: false): it has no levels or topics to import`,
            'prose-only',
          ),
        ),
      ),
    );
  }
  for (const f of prose) {
    findings.warn(`skipped ${baseName(f.input.name)}: it is prose only (yaml: false)`, {
      source: f.source,
      path: ['yaml'],
    });
  }

  const topics = generic ? inherit(main, generic, findings) : main.topics;
  const framework = build(main, generic, topics, findings);
  const used = [main, generic].filter((f): f is MonzoFile => f !== undefined).map((f) => f.input.name);
  return {
    framework,
    notes: findings.notes,
    used: inputs.map((i) => i.name).filter((n) => used.includes(n)),
  };
}

function invalid(problems: Problem[]): DomainError {
  return new DomainError('invalid-input', 'the Monzo files cannot be imported', sortProblems(problems));
}

function readFile(input: ImportInput, findings: Findings): MonzoFile | undefined {
  const text = input.text.replace(/^\uFEFF/, '');
  const opening = /^---[ \t]*\r?\n/.exec(text);
  const closing = opening ? /^(---|\.\.\.)[ \t]*$/m.exec(text.slice(opening[0].length)) : null;
  if (!opening || !closing) {
    const hint = /\.ya?ml$/i.test(input.name) ? ' (for an FT job family, use --from ft)' : '';
    const message = !opening
      ? `no YAML front matter: a Monzo framework file starts with a line "---", then \`levels\` and \`topics\`${hint}`
      : 'the front matter is never closed: add a line "---" after it';
    findings.problems.push({
      severity: 'error',
      code: 'no-front-matter',
      message,
      path: [],
      showPath: false,
      file: input.name,
      line: 1,
      col: 1,
    });
    return undefined;
  }
  // Parse only the front matter, from the very start of the file, so that line numbers stay true.
  const source = parseSource(text.slice(0, opening[0].length + closing.index), input.name);
  if (source.syntaxProblems.length > 0) {
    findings.problems.push(...source.syntaxProblems);
    return undefined;
  }
  if (
    source.value === null ||
    source.value === undefined ||
    typeof source.value !== 'object' ||
    Array.isArray(source.value)
  ) {
    findings.error(
      source,
      [],
      'the front matter must be a mapping with `title`, `levels` and `topics`',
      'not-a-mapping',
    );
    return undefined;
  }
  const checked = checkSchema(source, frontMatterSchema);
  if (!checked.value) {
    findings.problems.push(...checked.problems);
    return undefined;
  }
  const fm = checked.value;
  const title =
    fm.title === null || fm.title === undefined || String(fm.title).trim() === ''
      ? undefined
      : String(fm.title);
  const isGeneric =
    stem(input.name).toLowerCase() === 'generic' || fm.path?.replace(/\/+$/, '') === '/generic';
  if (fm.yaml === false || fm.yaml === 'false') {
    return { input, source, title, kind: 'prose', topics: [] };
  }
  if (!fm.topics || fm.topics.length === 0) {
    findings.error(
      source,
      fm.topics ? ['topics'] : [],
      `${baseName(input.name)} has no topics: nothing to import (mark prose-only files with "yaml: false")`,
      'no-topics',
    );
    return undefined;
  }
  const problemsBefore = findings.problems.length;
  const topics = fm.topics.map((t, i) => readTopic(source, t, ['topics', i], findings));
  if (findings.problems.length > problemsBefore) return undefined;
  return { input, source, title, kind: isGeneric ? 'generic' : 'specific', topics };
}

function readTopic(
  source: SourceDocument,
  topic: z.infer<typeof topicSchema>,
  path: Path,
  findings: Findings,
): Topic {
  const title =
    topic.title === null || topic.title === undefined || String(topic.title).trim() === ''
      ? undefined
      : String(topic.title);
  const levels = new Map<number, string[]>();
  (topic.content ?? []).forEach((entry, i) => {
    const at = [...path, 'content', i];
    const behaviours = levels.get(entry.level) ?? [];
    if (levels.has(entry.level)) {
      findings.warn(`topic "${topic.name}" lists level ${entry.level} twice: its criteria are merged`, {
        source,
        path: [...at, 'level'],
      });
    }
    (entry.criteria ?? []).forEach((c, j) => {
      const line = criterionText(source, c, [...at, 'criteria', j], findings);
      if (line !== undefined) behaviours.push(line);
    });
    (entry.exampleCriteria ?? []).forEach((e, j) => {
      const line = exampleText(source, e, [...at, 'exampleCriteria', j], findings);
      if (line !== undefined) behaviours.push(line);
    });
    levels.set(entry.level, behaviours);
  });
  return { name: String(topic.name).trim(), title, levels, path };
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

function exampleText(
  source: SourceDocument,
  value: unknown,
  path: Path,
  findings: Findings,
): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('criteria' in value)) {
    return criterionText(source, value, path, findings);
  }
  const { criteria, examples } = value as { criteria: unknown; examples?: unknown };
  const text = criterionText(source, criteria, [...path, 'criteria'], findings);
  if (text === undefined) return undefined;
  const list = Array.isArray(examples)
    ? examples
        .map((e, i) => criterionText(source, e, [...path, 'examples', i], findings))
        .filter((e): e is string => e !== undefined)
    : [];
  return list.length === 0 ? text : `${text} (for example: ${list.join('; ')})`;
}

const topicKey = (name: string) => name.trim().toLowerCase();

/** Generic criteria first, then the specific file's, level by level; an empty title takes generic's. */
function inherit(main: MonzoFile, generic: MonzoFile, findings: Findings): Topic[] {
  const byName = new Map<string, Topic>();
  for (const t of generic.topics) if (!byName.has(topicKey(t.name))) byName.set(topicKey(t.name), t);
  const matched = new Set<string>();
  const topics = main.topics.map((topic) => {
    const base = byName.get(topicKey(topic.name));
    if (!base) return topic;
    matched.add(topicKey(topic.name));
    const levels = new Map<number, string[]>();
    for (const level of [...new Set([...base.levels.keys(), ...topic.levels.keys()])].sort((a, b) => a - b)) {
      levels.set(level, [...(base.levels.get(level) ?? []), ...(topic.levels.get(level) ?? [])]);
    }
    return { ...topic, title: topic.title ?? base.title, levels };
  });
  const inherited = [...matched].map((k) => byName.get(k)!.name);
  findings.note(
    inherited.length > 0
      ? `inherited the generic criteria of ${inherited.map((n) => `"${n}"`).join(', ')} from ${baseName(generic.input.name)}`
      : `no topic of ${baseName(main.input.name)} matches one of ${baseName(generic.input.name)}: nothing inherited`,
  );
  const unused = generic.topics.filter((t) => !matched.has(topicKey(t.name))).map((t) => `"${t.name}"`);
  if (unused.length > 0) {
    findings.note(
      `generic topics ${unused.join(', ')} are not in ${baseName(main.input.name)}, so they are not imported (inheritance goes by topic name)`,
    );
  }
  return topics;
}

function build(
  main: MonzoFile,
  generic: MonzoFile | undefined,
  topics: Topic[],
  findings: Findings,
): FrameworkInput {
  const levelNumbers = [...new Set(topics.flatMap((t) => [...t.levels.keys()]))].sort((a, b) => a - b);
  if (levelNumbers.length === 0) {
    throw invalid([
      selfNamed(
        main.source.problem(
          ['topics'],
          `${baseName(main.input.name)}: no topic has any level content to import`,
          'no-levels',
        ),
      ),
    ]);
  }
  if (levelNumbers[0] !== 1)
    findings.note(
      `levels start at ${levelNumbers[0]}: level ${levelNumbers[0]} becomes rank 1 and keeps its number in its id, title and band`,
    );
  const holes = levelNumbers.slice(1).filter((n, i) => n !== levelNumbers[i]! + 1);
  if (holes.length > 0)
    findings.warn(
      `the level numbers have gaps (${levelNumbers.join(', ')}): ranks are renumbered without holes`,
    );

  // Bands keep the original numbers (shifted only if a file counts from 0 or below: bands start at 1).
  const shift = Math.max(0, 1 - levelNumbers[0]!);
  const ids = new IdAllocator();
  const competencies = topics.map((t) => {
    const [head, ...rest] = t.name.split(':');
    const description = rest.join(':').trim();
    return {
      topic: t,
      id: ids.take(head!.trim() || t.name, t.title ?? 'topic'),
      name: t.title !== undefined ? cleanName(t.title) : humanise(head!.trim() || t.name),
      description: description !== '' ? description : `Monzo topic "${t.name}".`,
    };
  });
  for (const c of competencies) {
    if (c.id !== c.topic.name)
      findings.note(`topic "${c.topic.name}" becomes competency id "${c.id}"`, {
        source: main.source,
        path: [...c.topic.path, 'name'],
      });
  }

  // The expectation at level L is the topic's criteria at the highest level ≤ L that has any.
  const expectationAt = (topic: Topic, level: number) => {
    for (let i = levelNumbers.indexOf(level); i >= 0; i--) {
      const behaviours = topic.levels.get(levelNumbers[i]!);
      if (behaviours && behaviours.length > 0) return { rating: levelNumbers[i]!, behaviours };
    }
    return undefined;
  };
  const optional = new Set<string>();
  const levels = levelNumbers.map((n, i) => {
    const expectations: Record<string, { rating: number; behaviours: string[] }> = {};
    for (const c of competencies) {
      const e = expectationAt(c.topic, n);
      if (e) expectations[c.id] = { rating: e.rating, behaviours: [...e.behaviours] };
      else optional.add(c.id);
    }
    return {
      id: levelId(n),
      title: `Level ${n}`,
      track: 'ic',
      rank: i + 1,
      band: n + shift,
      ...placeholderLevelFields(n + shift),
      expectations,
    };
  });
  for (const id of optional) {
    const c = competencies.find((x) => x.id === id)!;
    const first = levelNumbers.find((n) => (c.topic.levels.get(n) ?? []).length > 0);
    findings.note(
      first === undefined
        ? `topic "${c.topic.name}" has no criteria at any level: competency "${id}" is optional (core: false)`
        : `topic "${c.topic.name}" has no criteria below level ${first}: competency "${id}" is optional (core: false) and has no expectation there`,
    );
  }
  findings.note(placeholderNote);
  findings.note('Monzo’s sub-levels within a level are prose in the source and are not imported');

  const scalePoints = levelNumbers.map((n) => ({ value: n, label: `Level ${n}` }));
  // A scale needs two points; a one-level file gets a "not yet" point below its level.
  if (scalePoints.length === 1)
    scalePoints.unshift({ value: levelNumbers[0]! - 1, label: 'Not yet expected' });

  const name = main.title !== undefined ? cleanName(main.title) : humanise(stem(main.input.name));
  if (main.title === undefined)
    findings.note(
      `${baseName(main.input.name)} has no title: the framework is named "${name}" after the file`,
    );
  const from = [main, generic]
    .filter((f): f is MonzoFile => f !== undefined)
    .map((f) => baseName(f.input.name));
  return {
    id: `monzo-${new IdAllocator().take(stem(main.input.name), 'framework')}`,
    name,
    version: '1.0.0',
    description: `Imported from Monzo’s progression framework (${from.join(' with ')}).`,
    tracks: [{ id: 'ic', name: 'Individual contributor' }],
    levels,
    scales: [
      {
        id: 'level',
        name: 'Monzo level',
        points: scalePoints,
      },
    ],
    groups: [{ id: 'topics', name: 'Topics', description: `The topics of ${baseName(main.input.name)}.` }],
    competencies: competenciesInGroup('topics', competencies, optional),
    promotionRules: [{ ...defaultPromotionRule }],
  };
}

function levelId(n: number): string {
  return n < 0 ? `level-minus-${-n}` : `level-${n}`;
}
