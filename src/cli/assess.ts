import type { Command } from 'commander';
import { compareAssessments } from '../core/assessment/compare.js';
import { assess, checkAssessment, type AssessmentResult, type Gap } from '../core/assessment/evaluate.js';
import { assessmentSchema, type Assessment } from '../core/assessment/schema.js';
import type { Framework } from '../core/framework/schema.js';
import { parseSource, parseValidated } from '../core/input/document.js';
import { DomainError } from '../core/problems.js';
import { assessmentInputSchema, type StoredAssessment } from '../store/entities.js';
import { readTextFile } from '../store/files.js';
import { readFramework } from '../store/frameworks.js';
import type { Workspace } from '../store/workspace.js';
import { terminalTable, wrap } from './format.js';
import { print, printJson } from './output.js';
import { databaseName } from './database.js';
import {
  dbOption,
  idOption,
  pickStored,
  sourceOf,
  storedId,
  storedLine,
  type DbOptions,
  type Source,
  type StoredRef,
} from './stored.js';
import { withWorkspace } from './workspace.js';

export function readAssessment(framework: Framework, file: string): Assessment {
  return parseValidated(readTextFile(file), file, assessmentSchema, undefined, (raw, source) =>
    checkAssessment(framework, raw as { current?: unknown; ratings?: unknown }, source.problem),
  );
}

export function registerAssessCommands(program: Command): void {
  program
    .command('assess')
    .description('Which level your ratings meet on each track, and what the next levels need')
    .argument(
      '[file]',
      'an assessment: {"current": LEVEL, "ratings": {COMPETENCY: RATING, …}} (YAML or JSON); with --db, stored in the workspace (without FILE: a stored one)',
    )
    .option('--framework <file>', 'a framework file (default: the reference framework)')
    .option('--compare <file>', 'a second assessment to compare with, competency by competency')
    .addOption(dbOption())
    .addOption(idOption('assessment'))
    .option('--compare-id <n>', 'with --db: a stored assessment to compare with')
    .option('--json', 'machine-readable output')
    .action(async (file: string | undefined, options: AssessOptions, command: Command) => {
      const source = sourceOf(file, options, command);
      if (source.kind !== 'file') return assessInWorkspace(source, options);
      if (options.compareId !== undefined)
        throw new DomainError('usage', '--compare-id names a stored assessment: give --db too');
      const { framework } = readFramework(options.framework);
      const assessment = readAssessment(framework, source.file);
      const other = options.compare
        ? { label: options.compare, assessment: readAssessment(framework, options.compare) }
        : undefined;
      printAssessment(framework, { label: source.file, assessment }, other, undefined, options.json);
    });
}

interface AssessOptions extends DbOptions {
  framework?: string;
  compare?: string;
  compareId?: string;
  json?: boolean;
}

interface Labelled {
  label: string;
  assessment: Assessment;
}

/** The verdict on `a`, or `a` beside `b`; with the workspace, what was stored or read. */
function printAssessment(
  framework: Framework,
  a: Labelled,
  b: Labelled | undefined,
  kept: { ref: StoredRef & Record<string, unknown>; created: boolean } | undefined,
  json: boolean | undefined,
): void {
  const withStored = <T extends object>(result: T) => (kept ? { ...result, stored: kept.ref } : result);
  // One write: a reader that stops after the verdict (| head) never meets a second one.
  const withClosing = (text: string) =>
    kept ? `${text}\n${storedLine('assessment', kept.ref, kept.created)}` : text;
  if (b !== undefined) {
    const comparison = compareAssessments(framework, a.assessment, b.assessment);
    const result = { a: assess(framework, a.assessment), b: assess(framework, b.assessment), ...comparison };
    if (json) printJson(withStored(result));
    else {
      print(
        withClosing(
          [
            `${a.label}: ${result.a.level ?? 'no level met'}    ${b.label}: ${result.b.level ?? 'no level met'}`,
            '',
            terminalTable(
              ['Competency', a.label, b.label, 'Change'],
              comparison.competencies.map((c) => [
                c.name,
                String(c.a ?? '–'),
                String(c.b ?? '–'),
                c.delta === null ? '' : c.delta > 0 ? `+${c.delta}` : String(c.delta),
              ]),
            ),
            `${comparison.summary.higher} higher, ${comparison.summary.lower} lower, ${comparison.summary.same} the same, ${comparison.summary.unrated} rated in one only`,
          ].join('\n'),
        ),
      );
    }
    return;
  }
  const result = assess(framework, a.assessment);
  if (json) printJson(withStored(result));
  else {
    print(withClosing(assessmentText(framework, result)));
  }
}

/** A stored assessment as the core reads one: the database's ids, links and timestamps left out. */
function asAssessment(stored: StoredAssessment): Assessment {
  return {
    ...(stored.current === null ? {} : { current: stored.current }),
    date: stored.date,
    assessor: stored.assessor,
    ratings: stored.ratings,
  };
}

/** The framework row a stored assessment was made against (it remembers the id and version). */
async function pinnedFramework(workspace: Workspace, stored: StoredAssessment): Promise<Framework> {
  const row = (await workspace.frameworks.list()).find(
    (f) => f.frameworkId === stored.framework.id && f.version === stored.framework.version,
  );
  if (row === undefined) return (await workspace.activeFramework()).framework;
  return (await workspace.frameworks.load(row.id)).framework;
}

/** Checks a stored assessment against a framework it was not made against (`--framework`, a comparison). */
function checkedAgainst(framework: Framework, label: string, assessment: Assessment): Assessment {
  const problems = checkAssessment(framework, assessment, (path, message, code) => ({
    severity: 'error',
    code,
    message,
    path,
    file: label,
  }));
  if (problems.length > 0)
    throw new DomainError('invalid-input', `${label} does not fit framework ${framework.id}`, problems);
  return assessment;
}

/**
 * `--db`: FILE is checked against the workspace's framework in use and stored as `POST
 * /api/assessments` stores it (it may link evidence by id, as the API's body does); without FILE, the
 * stored assessment `--id`, else the most recent, is assessed against the framework it was made
 * against (or `--framework FILE`).
 */
async function assessInWorkspace(
  source: Exclude<Source, { kind: 'file' }>,
  options: AssessOptions,
): Promise<void> {
  if (options.compare !== undefined && options.compareId !== undefined)
    throw new DomainError(
      'usage',
      '--compare and --compare-id name two assessments to compare with: give one',
    );
  const compareId = options.compareId === undefined ? undefined : storedId(options.compareId, '--compare-id');
  if (source.kind === 'store' && options.framework !== undefined)
    throw new DomainError(
      'usage',
      "an assessment is stored against the workspace's framework in use: --framework FILE cannot be used when storing one",
    );
  const db = databaseName(source.db);
  const pick = (workspace: Workspace, id: number | undefined) =>
    pickStored(workspace.assessments, id, {
      what: 'assessment',
      db: source.db,
      empty: 'store one with trellis assess FILE --db, or POST /api/assessments',
      latest: () => workspace.assessments.latest(),
    });
  await withWorkspace(
    source.db,
    async (workspace) => {
      if (source.kind === 'store') {
        const active = await workspace.activeFramework();
        const { framework } = active;
        const text = readTextFile(source.file);
        const value = parseValidated(text, source.file, assessmentInputSchema, undefined, (raw, doc) =>
          checkAssessment(framework, raw as { current?: unknown; ratings?: unknown }, doc.problem),
        );
        const b = await compareWith(workspace, framework, options.compare, compareId, pick);
        // Beyond the file's checks, the store checks the evidence ids: located in the file as well.
        const stored = await workspace.assessments.create(value, active, parseSource(text, source.file));
        const a = { label: source.file, assessment: value };
        printAssessment(framework, a, b, keptOf(stored, db, true), options.json);
        return;
      }
      const stored = await pick(workspace, source.id);
      const label = `assessment ${stored.id}`;
      const framework =
        options.framework === undefined
          ? await pinnedFramework(workspace, stored)
          : readFramework(options.framework).framework;
      const a = {
        label,
        assessment:
          options.framework === undefined
            ? asAssessment(stored)
            : checkedAgainst(framework, label, asAssessment(stored)),
      };
      const b = await compareWith(workspace, framework, options.compare, compareId, pick);
      printAssessment(framework, a, b, keptOf(stored, db, false), options.json);
    },
    { mustExist: source.kind === 'stored' },
  );
}

function keptOf(stored: StoredAssessment, db: string, created: boolean) {
  return {
    ref: { id: stored.id, db, date: stored.date, framework: stored.framework },
    created,
  };
}

/** The second assessment of a comparison: `--compare FILE`, or a stored one by `--compare-id`. */
async function compareWith(
  workspace: Workspace,
  framework: Framework,
  file: string | undefined,
  id: number | undefined,
  pick: (workspace: Workspace, id: number | undefined) => Promise<StoredAssessment>,
): Promise<Labelled | undefined> {
  if (file !== undefined) return { label: file, assessment: readAssessment(framework, file) };
  if (id === undefined) return undefined;
  const label = `assessment ${id}`;
  return { label, assessment: checkedAgainst(framework, label, asAssessment(await pick(workspace, id))) };
}

function assessmentText(framework: Framework, result: AssessmentResult): string {
  const title = (id: string | null) =>
    id === null ? 'no level' : (framework.levels.find((l) => l.id === id)?.title ?? id);
  const held = result.held;
  const points = result.points
    ? [`Points: ${result.points.total}; eligible titles: ${result.points.titles.join(', ') || 'none'}`]
    : [];
  const lines =
    result.belowHeld && held
      ? [
          `Your ratings fall below the ${held.title} you hold: they meet ${title(result.level)}`,
          wrap(held.explanation),
          ...points,
          '',
          `What ${held.title} needs:`,
          gapTable(held.gaps),
          '',
        ]
      : [
          `Your ratings meet: ${title(result.level)}${result.current ? ` (you hold ${title(result.current)})` : ''}`,
          wrap(result.explanation),
          ...points,
          '',
        ];
  for (const t of result.tracks)
    lines.push(
      `  ${(framework.tracks.find((x) => x.id === t.track)?.name ?? t.track).padEnd(24)} ${title(t.level)}`,
    );
  for (const next of result.next) {
    lines.push(
      '',
      `${next.relation === 'up' ? 'Next up' : 'Across'}: ${next.title} — ${next.met} of ${next.total} ${'points' in next ? 'points' : 'met'}${next.holds ? ', ready under its rule' : ''}`,
      wrap(next.explanation, 88, '  '),
    );
    if (next.gaps.length > 0) lines.push(gapTable(next.gaps));
  }
  return lines.join('\n');
}

function gapTable(gaps: Gap[]): string {
  return terminalTable(
    ['Gap', 'Have', 'Need', 'Aim for'],
    gaps.map((g) => [g.name, g.have === null ? 'not rated' : String(g.have), String(g.need), g.text]),
    { colWidths: [24, 11, 6, 60] },
  );
}
