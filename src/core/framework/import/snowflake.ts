import { parse } from '@babel/parser';
import type { Expression, Node, ObjectExpression, Statement } from '@babel/types';
import { DomainError, sortProblems, type Problem } from '../../problems.js';
import type { FrameworkInput } from '../schema.js';
import {
  Findings,
  type ImportInput,
  type ImportResult,
  placeholderLevelFields,
  placeholderNote,
} from './common.js';
import { FidelityCounter } from './fidelity.js';
import { baseName, IdAllocator, slugify } from './slug.js';

/*
 * Medium's Snowflake ladder (constants.js): JavaScript with Flow types, read with a real parser and
 * never run. Only literal values are taken: `tracks` (grouped in categories, milestones with a
 * summary, signals and examples), the points table of `milestoneToPoints`, `pointsToLevels` and
 * `titles`. Anything computed is left behind with its line.
 */

/** A literal value read from the syntax tree, or the node where reading stopped. */
type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal } | NotLiteral;
class NotLiteral {
  constructor(readonly node: Node) {}
}

const line = (node: Node) => node.loc?.start.line ?? 1;

function literal(node: Node | null | undefined): Literal {
  if (!node) return new NotLiteral({ type: 'NullLiteral' } as Node);
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return node.value;
    case 'NullLiteral':
      return null;
    case 'TemplateLiteral':
      return node.expressions.length === 0
        ? node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('')
        : new NotLiteral(node);
    case 'UnaryExpression':
      if (node.operator === '-' && node.argument.type === 'NumericLiteral') return -node.argument.value;
      return new NotLiteral(node);
    case 'TypeCastExpression':
      return literal(node.expression);
    case 'ArrayExpression':
      return node.elements.map((e) =>
        e && e.type !== 'SpreadElement' ? literal(e) : new NotLiteral(e ?? node),
      );
    case 'ObjectExpression':
      return objectLiteral(node);
    default:
      return new NotLiteral(node);
  }
}

function objectLiteral(node: ObjectExpression): { [key: string]: Literal } {
  const out: { [key: string]: Literal } = {};
  for (const p of node.properties) {
    if (p.type !== 'ObjectProperty' || p.computed) continue;
    const key =
      p.key.type === 'Identifier'
        ? p.key.name
        : p.key.type === 'StringLiteral' || p.key.type === 'NumericLiteral'
          ? String(p.key.value)
          : undefined;
    if (key !== undefined) out[key] = literal(p.value);
  }
  return out;
}

/** The property nodes of an object, for locating what is read from them. */
function properties(node: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  if (node.type !== 'ObjectExpression') return out;
  for (const p of node.properties) {
    if (p.type !== 'ObjectProperty' || p.computed) continue;
    const key =
      p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : undefined;
    if (key !== undefined) out.set(key, p.value);
  }
  return out;
}

/** Top-level `const NAME = …` (exported or not) → its initial value. */
function declarations(body: Statement[]): Map<string, Expression> {
  const out = new Map<string, Expression>();
  for (const statement of body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const d of declaration.declarations)
      if (d.id.type === 'Identifier' && d.init)
        out.set(d.id.name, d.init.type === 'TypeCastExpression' ? d.init.expression : d.init);
  }
  return out;
}

/** `milestoneToPoints`: a switch of `case N: return M`, read as the table N → M. */
function pointsTable(node: Expression | undefined): Record<string, number> | undefined {
  if (!node || (node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression'))
    return undefined;
  if (node.body.type !== 'BlockStatement') return undefined;
  const table: Record<string, number> = {};
  for (const s of node.body.body) {
    if (s.type !== 'SwitchStatement') continue;
    for (const c of s.cases) {
      const ret = c.consequent.find((x) => x.type === 'ReturnStatement');
      const value = ret?.type === 'ReturnStatement' ? literal(ret.argument) : undefined;
      const key = c.test ? literal(c.test) : undefined;
      if (typeof key === 'number' && typeof value === 'number') table[String(key)] = value;
    }
  }
  return Object.keys(table).length > 0 ? table : undefined;
}

export function importSnowflake(inputs: ImportInput[]): ImportResult {
  if (inputs.length > 1)
    throw new DomainError('usage', 'several files given: a Snowflake ladder is one constants.js');
  const input = inputs[0]!;
  const file = input.name;
  const problems: Problem[] = [];
  const problem = (node: Node | undefined, message: string, code = 'invalid-value') =>
    problems.push({
      severity: 'error',
      code,
      message,
      path: [],
      file,
      line: node ? line(node) : 1,
      col: (node?.loc?.start.column ?? 0) + 1,
    });
  const refuse = () => new DomainError('invalid-input', `${file} cannot be imported`, sortProblems(problems));

  let body: Statement[];
  try {
    body = parse(input.text.replace(/^\uFEFF/, ''), {
      sourceType: 'module',
      plugins: ['flow'],
      errorRecovery: false,
    }).program.body;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    problems.push({
      severity: 'error',
      code: 'syntax',
      message: `JavaScript syntax error: ${(error as Error).message.replace(/\s*\(\d+:\d+\)$/, '')}`,
      path: [],
      file,
      line: loc?.line ?? 1,
      col: (loc?.column ?? 0) + 1,
    });
    throw refuse();
  }
  const decls = declarations(body);
  const tracksNode = decls.get('tracks');
  const table = pointsTable(decls.get('milestoneToPoints'));
  const levelsNode = decls.get('pointsToLevels');
  if (tracksNode?.type !== 'ObjectExpression')
    problem(
      tracksNode,
      'no `tracks` object: a Snowflake constants.js declares `export const tracks = { TRACK: { displayName, category, description, milestones } }`',
      'no-ladder',
    );
  if (!table)
    problem(
      decls.get('milestoneToPoints'),
      'no points table: `milestoneToPoints` must be a function with a `switch` of `case MILESTONE: return POINTS`',
      'no-ladder',
    );
  if (levelsNode?.type !== 'ObjectExpression')
    problem(
      levelsNode,
      'no `pointsToLevels` object: it maps the sum of points to a level, e.g. {"0": "1.1", "5": "1.2"}',
      'no-ladder',
    );
  if (problems.length > 0) throw refuse();

  const findings = new Findings();
  const fidelity = new FidelityCounter();
  const text = (value: Literal, node: Node | undefined, what: string): string | undefined => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'string') return undefined;
    fidelity.drop(file, node ? line(node) : 1, `${what} is not a text literal`);
    return undefined;
  };

  const competencyIds = new IdAllocator();
  const groups = new Map<string, { id: string; name: string }>();
  const competencies: FrameworkInput['competencies'] = [];
  const scales: FrameworkInput['scales'] = [];
  for (const [key, node] of properties(tracksNode!)) {
    const track = literal(node);
    const fields = properties(node);
    if (
      node.type !== 'ObjectExpression' ||
      track instanceof NotLiteral ||
      Array.isArray(track) ||
      typeof track !== 'object' ||
      track === null
    ) {
      problem(node, `track ${key} must be an object literal`);
      continue;
    }
    const name =
      typeof track.displayName === 'string' && track.displayName.trim() ? track.displayName.trim() : key;
    const category =
      typeof track.category === 'string' && track.category.trim() ? track.category.trim() : 'uncategorised';
    if (typeof track.category !== 'string')
      findings.warn(`track ${key} has no category: it goes in group "uncategorised"`);
    const groupId = `category-${slugify(category) || 'x'}`;
    if (!groups.has(groupId)) groups.set(groupId, { id: groupId, name: `Category ${category}` });
    const id = competencyIds.take(key, name);
    const description = text(track.description ?? '', fields.get('description'), `the description of ${key}`);
    if (description) fidelity.kept();
    const milestoneNodes = fields.get('milestones');
    const milestones = Array.isArray(track.milestones) ? track.milestones : [];
    if (!Array.isArray(track.milestones))
      problem(milestoneNodes ?? node, `track ${key} has no \`milestones\` array`);
    const points: FrameworkInput['scales'][number]['points'] = [{ value: 0, label: 'Milestone 0' }];
    milestones.forEach((m, i) => {
      const mNode =
        milestoneNodes?.type === 'ArrayExpression' ? (milestoneNodes.elements[i] ?? milestoneNodes) : node;
      if (m instanceof NotLiteral || typeof m !== 'object' || m === null || Array.isArray(m)) {
        fidelity.drop(file, line(mNode), `milestone ${i + 1} of ${key} is not an object literal`);
        return;
      }
      const mFields = properties(mNode);
      const list = (field: 'signals' | 'examples') => {
        const values = m[field];
        const listNode = mFields.get(field);
        if (values === undefined) return [];
        if (!Array.isArray(values)) {
          const single = text(values, listNode, `${field} of ${key} milestone ${i + 1}`);
          if (single) fidelity.kept();
          return single ? [single] : [];
        }
        return values.flatMap((v, j) => {
          const el = listNode?.type === 'ArrayExpression' ? (listNode.elements[j] ?? listNode) : listNode;
          const t = text(v, el ?? undefined, `${field}[${j}] of ${key} milestone ${i + 1}`);
          if (t) fidelity.kept();
          return t ? [t] : [];
        });
      };
      const summary = text(
        m.summary ?? '',
        mFields.get('summary'),
        `the summary of ${key} milestone ${i + 1}`,
      );
      if (summary) fidelity.kept();
      const signals = list('signals');
      const examples = list('examples');
      points.push({
        value: i + 1,
        label: `Milestone ${i + 1}`,
        ...(summary ? { description: summary } : {}),
        ...(signals.length > 0 ? { behaviours: signals } : {}),
        ...(examples.length > 0 ? { examples } : {}),
      });
    });
    scales.push({ id, name: `${name} milestones`, points });
    competencies.push({
      id,
      name,
      group: groupId,
      description: description ?? `The ${name} track of Snowflake.`,
      scale: id,
      // Snowflake asks nothing of a track on its own: the sum of points decides the level.
      core: false,
    });
  }

  const levelMap = literal(levelsNode);
  const levelIds = new IdAllocator();
  const thresholds: Record<string, number> = {};
  const levels: FrameworkInput['levels'] = [];
  const entries = Object.entries(levelMap as Record<string, Literal>)
    .map(([points, name]) => ({ points: Number(points), name, node: properties(levelsNode!).get(points) }))
    .sort((a, b) => a.points - b.points);
  for (const { points, name, node } of entries) {
    if (!Number.isFinite(points) || points < 0 || (typeof name !== 'string' && typeof name !== 'number')) {
      problem(
        node ?? levelsNode,
        'each entry of `pointsToLevels` maps a number of points to a level name, e.g. "5": "1.2"',
      );
      continue;
    }
    const title = String(name);
    // Snowflake's names ("3.2") are valid ids as they stand: assessments can say `current: "3.2"`.
    const id =
      /^[a-z0-9][a-z0-9._-]*$/.test(title) && !levelIds.has(title)
        ? levelIds.keep(title)
        : levelIds.take(title, `level-${levels.length + 1}`);
    const major = Number.parseInt(title, 10);
    const previousBand = levels.at(-1)?.band ?? 1;
    const band =
      Number.isInteger(major) && major >= previousBand ? major : previousBand + (levels.length > 0 ? 1 : 0);
    thresholds[id] = points;
    levels.push({
      id,
      title: `Level ${title}`,
      track: 'engineering',
      rank: levels.length + 1,
      band,
      ...placeholderLevelFields(band),
      expectations: {},
    });
  }
  if (levels.length === 0) problem(levelsNode, '`pointsToLevels` lists no level', 'no-ladder');
  if (competencies.length === 0) problem(tracksNode, '`tracks` lists no track', 'no-ladder');

  const titles: { title: string; minPoints?: number; maxPoints?: number }[] = [];
  const titlesNode = decls.get('titles');
  const titleValues = titlesNode ? literal(titlesNode) : [];
  if (Array.isArray(titleValues)) {
    titleValues.forEach((t, i) => {
      const el =
        titlesNode?.type === 'ArrayExpression' ? (titlesNode.elements[i] ?? titlesNode) : titlesNode!;
      if (
        t instanceof NotLiteral ||
        typeof t !== 'object' ||
        t === null ||
        Array.isArray(t) ||
        typeof t.label !== 'string'
      ) {
        problem(el, 'each title is an object literal {label, minPoints, maxPoints}');
        return;
      }
      for (const k of Object.keys(t).filter((k) => !['label', 'minPoints', 'maxPoints'].includes(k)))
        findings.warn(
          `title "${t.label}": \`${k}\` is not a condition Trellis reads; it is left out`,
          undefined,
        );
      titles.push({
        title: t.label,
        ...(typeof t.minPoints === 'number' ? { minPoints: t.minPoints } : {}),
        ...(typeof t.maxPoints === 'number' ? { maxPoints: t.maxPoints } : {}),
      });
    });
  } else problem(titlesNode, '`titles` must be an array literal');
  if (problems.length > 0) throw refuse();

  findings.note(placeholderNote);
  findings.note(
    `the ${levels.length} levels are met by points (rule "snowflake-points"): the tracks have no per-level expectations, so every competency is optional (core: false)`,
  );
  const framework: FrameworkInput = {
    id: 'snowflake',
    name: 'Snowflake',
    version: '1.0.0',
    description: `Imported from Medium’s Snowflake ladder (${baseName(file)}): milestones per track are worth points, and the sum of points gives the level and the titles.`,
    tracks: [{ id: 'engineering', name: 'Engineering' }],
    levels,
    scales,
    groups: [...groups.values()],
    competencies,
    promotionRules: [
      {
        id: 'snowflake-points',
        description: 'Snowflake’s own rule: the milestones’ points add up to the level’s threshold.',
        kind: 'points',
        points: { table: table!, thresholds, titles },
      },
    ],
  };
  return { framework, notes: findings.notes, used: [file], fidelity: fidelity.report() };
}
