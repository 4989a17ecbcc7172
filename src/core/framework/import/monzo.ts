import { z } from 'zod';
import { LIMITS } from '../../input/limits.js';
import { checkSchema, parseSource, type SourceDocument } from '../../input/document.js';
import { DomainError, selfNamed, sortProblems, type Problem } from '../../problems.js';
import type { Expectation, FrameworkInput } from '../schema.js';
import {
  competenciesInGroup,
  defaultPromotionRule,
  Findings,
  type ImportInput,
  type ImportResult,
  placeholderLevelFields,
  placeholderNote,
  warnUnknownKeys,
} from './common.js';
import { FidelityCounter, type FidelityReport } from './fidelity.js';
import { importMarkdown } from './markdown.js';
import { type Cell, cellHasContent, mergeCells, readTopic, type Topic, topicSchema } from './monzo-topics.js';
import { baseName, cleanName, humanise, IdAllocator, stem } from './slug.js';

/*
 * Monzo's progression framework: Markdown whose YAML front matter holds `levels` and
 * `topics[].content[].{level, criteria[], exampleCriteria[]}`. The schemas are loose (criteria are
 * read one by one) because the published files vary; an unknown key is warned about, not refused.
 */

const frontMatterKeys = [
  'title',
  'path',
  'sidebarTitle',
  'sidebarGroup',
  'yaml',
  'levels',
  'homepage',
  'topics',
];

const frontMatterSchema = z.object({
  title: z.union([z.string(), z.number()], { error: 'must be text' }).nullish(),
  path: z.string().nullish(),
  yaml: z.union([z.boolean(), z.enum(['true', 'false'])], { error: 'must be true or false' }).nullish(),
  topics: z.array(topicSchema).max(LIMITS.listItems).nullish(),
});

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
  // A prose file with no topic file beside it: a heading ladder, or nothing to import.
  if (specifics.length === 0 && prose.length > 0) return importProse(prose, generics[0]);
  // Only generic.md given: it is a framework in its own right.
  const main = (specifics[0] ?? generics[0])!;
  const generic = specifics.length > 0 ? generics[0] : undefined;
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
    framework: framework.framework,
    notes: findings.notes,
    used: inputs.map((i) => i.name).filter((n) => used.includes(n)),
    fidelity: framework.fidelity,
  };
}

/**
 * A `yaml: false` file has no topics, but Monzo writes some ladders (the design files) as
 * `## Level N` sections with `### Topic` paragraphs: one such file alone is read by the heading
 * reader. With generic.md it is refused: generic criteria are inherited by topic and level, which a
 * heading ladder does not give, and a framework of generic criteria only is not the file asked for.
 */
function importProse(prose: MonzoFile[], generic: MonzoFile | undefined): ImportResult {
  const refuse = (f: MonzoFile, why: string) =>
    selfNamed(
      f.source.problem(
        ['yaml'],
        `${baseName(f.input.name)} is prose only (yaml: false): ${why}`,
        'prose-only',
      ),
    );
  if (prose.length > 1 || generic) {
    throw invalid(
      prose.map((f) =>
        refuse(
          f,
          generic
            ? `it has no topics for ${baseName(generic.input.name)} to add to; import it alone, or with --from markdown if its ladder is written as "## Level N" headings`
            : 'import prose files one at a time',
        ),
      ),
    );
  }
  const file = prose[0]!;
  try {
    const result = importMarkdown([file.input]);
    const note = {
      severity: 'info' as const,
      message: `${baseName(file.input.name)} is prose only (yaml: false): its "## Level" headings were read as the ladder (as --from markdown does)`,
      file: file.input.name,
      ...file.source.locate(['yaml']),
    };
    return { ...result, notes: [note, ...result.notes] };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'invalid-input') throw error;
    throw invalid([
      refuse(file, 'it has no levels or topics, and no "## Level N" headings to read as a ladder'),
    ]);
  }
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
  warnUnknownKeys(findings, source, source.value, [], frontMatterKeys, 'the front matter');
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

const topicKey = (name: string) => name.trim().toLowerCase();

/**
 * Generic criteria first, then the specific file's, level by level, at the levels the specific file
 * has only: generic.md is written for six levels, and a discipline of two must not gain four.
 */
function inherit(main: MonzoFile, generic: MonzoFile, findings: Findings): Topic[] {
  const byName = new Map<string, Topic>();
  for (const t of generic.topics) if (!byName.has(topicKey(t.name))) byName.set(topicKey(t.name), t);
  const own = new Set(main.topics.flatMap((t) => [...t.levels.keys()]));
  const matched = new Set<string>();
  const outside = new Set<number>();
  const topics = main.topics.map((topic) => {
    const base = byName.get(topicKey(topic.name));
    if (!base) return topic;
    matched.add(topicKey(topic.name));
    for (const level of base.levels.keys()) if (!own.has(level)) outside.add(level);
    const levels = new Map<number, Cell>();
    for (const level of [...own].sort((a, b) => a - b)) {
      if (base.levels.has(level) || topic.levels.has(level))
        levels.set(level, mergeCells(base.levels.get(level), topic.levels.get(level)));
    }
    return { ...topic, title: topic.title ?? base.title, levels };
  });
  const inherited = [...matched].map((k) => byName.get(k)!.name);
  findings.note(
    inherited.length > 0
      ? `inherited the generic criteria of ${inherited.map((n) => `"${n}"`).join(', ')} from ${baseName(generic.input.name)}`
      : `no topic of ${baseName(main.input.name)} matches one of ${baseName(generic.input.name)}: nothing inherited`,
  );
  if (outside.size > 0)
    findings.note(
      `${baseName(generic.input.name)} speaks of level(s) ${[...outside].sort((a, b) => a - b).join(', ')}, which ${baseName(main.input.name)} does not have: its criteria there are not part of this ladder`,
    );
  const unused = generic.topics.filter((t) => !matched.has(topicKey(t.name))).map((t) => `"${t.name}"`);
  if (unused.length > 0) {
    findings.note(
      `generic topics ${unused.join(', ')} are not in ${baseName(main.input.name)}, so they are not part of this ladder (inheritance goes by topic name)`,
    );
  }
  return topics;
}

function build(
  main: MonzoFile,
  generic: MonzoFile | undefined,
  topics: Topic[],
  findings: Findings,
): { framework: FrameworkInput; fidelity: FidelityReport } {
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

  // The expectation at level L is what the topic states at the highest level ≤ L that states anything.
  const fidelity = new FidelityCounter();
  fidelity.dropAll(findings.dropped);
  const expectationAt = (topic: Topic, level: number) => {
    for (let i = levelNumbers.indexOf(level); i >= 0; i--) {
      const cell = topic.levels.get(levelNumbers[i]!);
      if (cellHasContent(cell))
        return { rating: levelNumbers[i]!, cell, own: i === levelNumbers.indexOf(level) };
    }
    return undefined;
  };
  const optional = new Set<string>();
  const levels = levelNumbers.map((n, i) => {
    const expectations: Record<string, Expectation> = {};
    for (const c of competencies) {
      const e = expectationAt(c.topic, n);
      if (!e) {
        optional.add(c.id);
        continue;
      }
      // Counted where the topic states it; a carried copy is the same statement again.
      if (e.own) fidelity.kept(e.cell.statements);
      expectations[c.id] = expectationOf(e.rating, e.cell);
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
    const first = levelNumbers.find((n) => cellHasContent(c.topic.levels.get(n)));
    findings.note(
      first === undefined
        ? `topic "${c.topic.name}" has no criteria at any level: competency "${id}" is optional (core: false)`
        : `topic "${c.topic.name}" has no criteria below level ${first}: competency "${id}" is optional (core: false) and has no expectation there`,
    );
  }
  findings.note(placeholderNote);

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
  const framework: FrameworkInput = {
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
  return { framework, fidelity: fidelity.report() };
}

/** A cell as an expectation: only the lists the source fills, so plain files stay plain. */
function expectationOf(rating: number, cell: Cell): Expectation {
  return {
    rating,
    behaviours: [...cell.behaviours],
    ...(cell.exampleCriteria.length > 0
      ? { exampleCriteria: cell.exampleCriteria.map((e) => ({ ...e, examples: [...e.examples] })) }
      : {}),
    ...(cell.subLevels.length > 0
      ? { subLevels: cell.subLevels.map((s) => ({ ...s, behaviours: [...s.behaviours] })) }
      : {}),
  };
}

function levelId(n: number): string {
  return n < 0 ? `level-minus-${-n}` : `level-${n}`;
}
