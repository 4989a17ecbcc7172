import { parseSource } from '../../input/document.js';
import { DomainError, type Problem } from '../../problems.js';
import { Findings, type ImportInput, type ImportResult } from './common.js';
import { FidelityCounter } from './fidelity.js';
import { buildLadder, type LadderCompetency, type LadderLevel } from './ladder.js';
import { baseName, cleanName, humanise, IdAllocator, stem } from './slug.js';

/*
 * Heading-structured Markdown ladders (Monzo's design files, GitLab- or engineeringladders-style
 * pages): `## Level N` (or a level title) sections, `### Topic` subsections, and paragraphs or
 * bullets as the statements. Text before the first `##` describes the ladder.
 */

interface Statement {
  text: string;
  line: number;
}

interface Section {
  heading: string;
  line: number;
  /** Statements before the first `###`. */
  intro: Statement[];
  topics: { name: string; line: number; statements: Statement[] }[];
}

interface Document {
  title?: string;
  /** Statements before the first `##`: the ladder's description. */
  preamble: Statement[];
  sections: Section[];
}

const levelNumber = /^(?:level|lvl|l)\s*(\d+)\b/i;

export function importMarkdown(inputs: ImportInput[]): ImportResult {
  if (inputs.length > 1) {
    throw new DomainError(
      'usage',
      `several Markdown files given (${inputs.map((i) => baseName(i.name)).join(', ')}): each is a ladder of its own, import one at a time`,
    );
  }
  const input = inputs[0]!;
  const findings = new Findings();
  const fidelity = new FidelityCounter();
  const doc = readDocument(input);

  // A `##` section is a level when its heading names one ("Level 3") or it has `###` topics.
  const levelSections = doc.sections.filter((s) => levelNumber.test(s.heading) || s.topics.length > 0);
  if (levelSections.length === 0) throw noLadder(input, doc);
  const hasTopics = levelSections.some((s) => s.topics.length > 0);

  for (const s of doc.sections.filter((x) => !levelSections.includes(x))) {
    for (const st of s.intro)
      fidelity.drop(
        input.name,
        st.line,
        `under "## ${s.heading}", which is not a level (no level number and no ### topics)`,
      );
  }

  const numbers = levelSections.map((s) => Number(levelNumber.exec(s.heading)?.[1] ?? NaN));
  const numbered = numbers.every((n, i) => n >= 1 && (i === 0 || n > numbers[i - 1]!));
  const levelIds = new IdAllocator();
  const levels: LadderLevel[] = levelSections.map((s, i) => {
    const title = cleanName(s.heading);
    const n = numbers[i]!;
    const id = Number.isNaN(n) ? levelIds.take(title, `level-${i + 1}`) : levelIds.take(`level-${n}`, title);
    const summary = hasTopics ? s.intro.map((st) => st.text).join('\n\n') : '';
    if (hasTopics) fidelity.kept(s.intro.length);
    return { id, title, track: 'ic', band: numbered ? n : i + 1, ...(summary ? { summary } : {}) };
  });

  const competencyIds = new IdAllocator();
  const byKey = new Map<string, LadderCompetency>();
  const competency = (name: string): LadderCompetency => {
    const key = cleanName(name).toLowerCase();
    let c = byKey.get(key);
    if (!c) {
      const shown = cleanName(name);
      c = {
        id: competencyIds.take(shown, 'topic'),
        name: shown,
        group: 'topics',
        description: `The "${shown}" topic of ${baseName(input.name)}.`,
        cells: new Map(),
      };
      byKey.set(key, c);
    }
    return c;
  };
  levelSections.forEach((s, i) => {
    const level = levels[i]!;
    const add = (name: string, statements: Statement[]) => {
      const cell = competency(name).cells;
      cell.set(level.id, [...(cell.get(level.id) ?? []), ...statements.map((st) => st.text)]);
      fidelity.kept(statements.length);
    };
    // Without any `###` topic, a level's statements are the expectations of one competency.
    if (!hasTopics) add('Expectations', s.intro);
    for (const t of s.topics) add(t.name, t.statements);
  });

  const name = doc.title !== undefined ? cleanName(doc.title) : humanise(stem(input.name));
  if (doc.title === undefined)
    findings.note(`${baseName(input.name)} has no title: the ladder is named "${name}" after the file`);
  fidelity.kept(doc.preamble.length);
  const framework = buildLadder(
    {
      id: `markdown-${new IdAllocator().take(stem(input.name), 'framework')}`,
      name,
      description:
        doc.preamble.length > 0
          ? doc.preamble.map((st) => st.text).join('\n\n')
          : `Imported from the heading-structured Markdown ladder ${baseName(input.name)}.`,
      tracks: [{ id: 'ic', name: 'Individual contributor' }],
      levels,
      groups: [{ id: 'topics', name: 'Topics', description: `The topics of ${baseName(input.name)}.` }],
      competencies: [...byKey.values()],
      scaleName: 'Level',
    },
    findings,
  );
  return { framework, notes: findings.notes, used: [input.name], fidelity: fidelity.report() };
}

function noLadder(input: ImportInput, doc: Document): DomainError {
  const first = doc.sections[0];
  const frontMatterTopics = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?^topics:/m.test(input.text);
  const problem: Problem = {
    severity: 'error',
    code: 'no-ladder',
    message: `no ladder: a heading-structured ladder has "## Level N" (or level title) sections with "### Topic" subsections, and ${baseName(input.name)} has ${first ? `no such section (its first "##" is "${first.heading}", with no level number and no "###")` : 'no "##" heading'}${frontMatterTopics ? ' (its front matter lists topics: use --from monzo)' : ''}`,
    path: [],
    file: input.name,
    line: first?.line ?? 1,
    col: 1,
  };
  return new DomainError('invalid-input', `${input.name} holds no ladder`, [problem]);
}

/** Splits the text into the front matter's title, the preamble and the `##` sections. */
function readDocument(input: ImportInput): Document {
  const text = input.text.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  let body = 0;
  let title: string | undefined;
  if (/^---[ \t]*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(l));
    if (close > 0) {
      body = close + 1;
      const source = parseSource(lines.slice(0, close).join('\n'), input.name);
      if (source.syntaxProblems.length > 0)
        throw new DomainError(
          'invalid-input',
          `${input.name}: the front matter is not YAML`,
          source.syntaxProblems,
        );
      const value = source.value as { title?: unknown } | null;
      if (
        value &&
        typeof value === 'object' &&
        (typeof value.title === 'string' || typeof value.title === 'number')
      )
        title = String(value.title).trim() || undefined;
    }
  }
  const doc: Document = { title, preamble: [], sections: [] };
  let section: Section | undefined;
  let topic: Section['topics'][number] | undefined;
  const target = (): Statement[] => topic?.statements ?? section?.intro ?? doc.preamble;

  let block: Statement | undefined;
  let fenced = false;
  const flush = () => {
    if (block && block.text.trim() !== '')
      target().push({ text: block.text.replace(/\s+/g, ' ').trim(), line: block.line });
    block = undefined;
  };
  for (let i = body; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = i + 1;
    if (/^\s*(```|~~~)/.test(raw)) {
      // A fenced block is one statement, kept as written.
      if (!fenced) {
        flush();
        block = { text: '', line };
      }
      fenced = !fenced;
      if (!fenced) flush();
      continue;
    }
    if (fenced) {
      block!.text += `${block!.text === '' ? '' : '\n'}${raw}`;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (heading) {
      flush();
      const depth = heading[1]!.length;
      const words = heading[2]!;
      if (depth === 1) {
        if (!section && doc.title === undefined) doc.title = words;
        else target().push({ text: words, line });
      } else if (depth === 2) {
        section = { heading: words, line, intro: [], topics: [] };
        topic = undefined;
        doc.sections.push(section);
      } else if (depth === 3 && section) {
        topic = { name: words, line, statements: [] };
        section.topics.push(topic);
      } else target().push({ text: words, line });
      continue;
    }
    if (/^\s*$/.test(raw) || /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(raw)) {
      flush();
      continue;
    }
    const bullet = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(raw);
    if (bullet) {
      flush();
      block = { text: bullet[1]!, line };
      continue;
    }
    if (block) block.text += ` ${raw}`;
    else block = { text: raw, line };
  }
  flush();
  return doc;
}
