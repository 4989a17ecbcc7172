import type { Command } from 'commander';
import {
  checkLearningInput,
  learningInputSchema,
  learningPlan,
  type LearningInput,
  type LearningPlan,
} from '../core/growth/learning.js';
import type { Framework } from '../core/framework/schema.js';
import { parseValidated } from '../core/input/document.js';
import { DomainError, type Path } from '../core/problems.js';
import { readTextFile } from '../store/files.js';
import { readFramework } from '../store/frameworks.js';
import type { Workspace } from '../store/workspace.js';
import { terminalTable, wrap } from './format.js';
import { numberOption, print, printJson } from './output.js';
import { databaseName } from './database.js';
import {
  dbOption,
  idOption,
  pickStored,
  sourceOf,
  storedLine,
  type DbOptions,
  type Source,
} from './stored.js';
import { withWorkspace } from './workspace.js';

const HOURS_IN_A_WEEK = 168;

export function registerLearnCommands(program: Command): void {
  const group = program
    .command('learn')
    .description('A sustainable learning plan: 80% applied, 15% adjacent, 5% deep');
  group
    .command('plan')
    .description('Weekly hours → the 80/15/5 plan, filled from your assessment gaps and T-shape')
    .argument(
      '[file]',
      'current, ratings, target (optional), yearsOfExperience and skills (YAML or JSON); with --db, the plan is saved in the workspace (without FILE: from the stored profile and assessment)',
    )
    .requiredOption('--hours <hours>', 'hours a week for learning')
    .option('--framework <file>', 'a framework file (default: the reference framework)')
    .addOption(dbOption())
    .addOption(idOption('assessment (its ratings make the gaps)'))
    .option('--json', 'machine-readable output')
    .action(async (file: string | undefined, options: LearnOptions, command: Command) => {
      const source = sourceOf(file, options, command);
      const hours = numberOption(options.hours, '--hours', { min: 0.25, max: HOURS_IN_A_WEEK });
      if (source.kind !== 'file') return planInWorkspace(source, hours, options);
      const { framework } = readFramework(options.framework);
      const plan = learningPlan(framework, readLearningInput(framework, source.file), hours);
      if (options.json) printJson(plan);
      else print(planText(plan));
    });
}

interface LearnOptions extends DbOptions {
  hours: string;
  framework?: string;
  json?: boolean;
}

function readLearningInput(framework: Framework, file: string): LearningInput {
  return parseValidated(readTextFile(file), file, learningInputSchema, (value, source) =>
    checkLearningInput(framework, value, source.problem),
  );
}

/**
 * `--db`, against the workspace's framework in use (or `--framework FILE`): with FILE, the plan is
 * computed from it and saved in the workspace's learning plans; without FILE, the input is built from
 * the stored profile (level, years, skills) and the ratings of the most recent assessment (`--id`
 * for another), and nothing is saved: it can be computed again from what is stored.
 */
async function planInWorkspace(
  source: Exclude<Source, { kind: 'file' }>,
  hours: number,
  options: LearnOptions,
): Promise<void> {
  const db = databaseName(source.db);
  await withWorkspace(
    source.db,
    async (workspace) => {
      const framework =
        options.framework === undefined
          ? (await workspace.activeFramework()).framework
          : readFramework(options.framework).framework;
      if (source.kind === 'store') {
        const plan = learningPlan(framework, readLearningInput(framework, source.file), hours);
        const name = `${hours} h a week${plan.target ? ` toward ${plan.target}` : ''}`;
        const stored = await workspace.learningPlans.create({ name, file: plan });
        const ref = { id: stored.id, name: stored.name, db };
        if (options.json) printJson({ ...plan, stored: ref });
        else print(`${planText(plan)}\n${storedLine('learning plan', ref, true)}`);
        return;
      }
      const { input, profile, assessment } = await storedInput(workspace, framework, source.id, db);
      const plan = learningPlan(framework, input, hours);
      if (options.json) printJson({ ...plan, from: { db, profile, assessment } });
      else {
        const from = [profile ? 'the profile' : '', assessment === null ? '' : `assessment ${assessment}`];
        print(`${planText(plan)}\nFrom ${from.filter(Boolean).join(' and ')} in ${db}.`);
      }
    },
    { mustExist: source.kind === 'stored' },
  );
}

/** The plan's input from the stored profile and assessment, checked against the framework. */
async function storedInput(
  workspace: Workspace,
  framework: Framework,
  id: number | undefined,
  db: string,
): Promise<{ input: LearningInput; profile: boolean; assessment: number | null }> {
  const profile = await workspace.profile.get();
  const hasAssessments = id !== undefined || (await workspace.assessments.ids()).length > 0;
  if (profile === undefined && !hasAssessments)
    throw new DomainError(
      'not-found',
      `nothing to plan from in ${db} yet: save a profile (current level, yearsOfExperience, skills) with trellis tshape FILE --db or PUT /api/profile, and store an assessment with trellis assess FILE --db`,
    );
  const assessment = hasAssessments
    ? await pickStored(workspace.assessments, id, {
        what: 'assessment',
        db,
        empty: 'store one with trellis assess FILE --db',
        latest: () => workspace.assessments.latest(),
      })
    : undefined;
  const input: LearningInput = {};
  const current = profile?.current ?? assessment?.current ?? undefined;
  if (current !== undefined) input.current = current;
  if (assessment !== undefined) input.ratings = assessment.ratings;
  if (profile?.yearsOfExperience !== undefined) input.yearsOfExperience = profile.yearsOfExperience;
  if (profile?.skills !== undefined) input.skills = profile.skills;
  // Each problem names where the value is stored: the ratings in the assessment, the rest in the profile.
  const where = (path: Path) =>
    assessment !== undefined &&
    (path[0] === 'ratings' || (path[0] === 'current' && profile?.current === undefined))
      ? `assessment ${assessment.id}`
      : 'profile';
  const problems = checkLearningInput(framework, input, (path, message, code, severity = 'error') => ({
    severity,
    code,
    message,
    path,
    file: where(path),
  }));
  if (problems.length > 0)
    throw new DomainError(
      'invalid-input',
      `the stored profile and assessment do not fit framework ${framework.id}`,
      problems,
    );
  return { input, profile: profile !== undefined, assessment: assessment?.id ?? null };
}

function planText(plan: LearningPlan): string {
  const h = (x: number) => `${x} h`;
  const lines = [
    `Learning plan: ${plan.hoursPerWeek} hours a week${plan.target ? `, growing toward ${plan.target}` : ''}${plan.tShape ? ` (stage: ${plan.tShape.stage}, shape: ${plan.tShape.shape})` : ''}`,
    '',
    terminalTable(
      ['', 'Share', 'Per week', 'What'],
      [
        ['Applied', '80%', h(plan.split.applied.hoursPerWeek), 'learning through the work itself'],
        ['Adjacent', '15%', h(plan.split.adjacent.hoursPerWeek), 'reading and exploring around it'],
        [
          'Deep',
          '5%',
          h(plan.split.deep.hoursPerWeek),
          `pooled: about ${plan.split.deep.hoursPerYear} h a year, in one or two blocks`,
        ],
      ],
    ),
  ];
  const section = (title: string, items: { title: string; why: string; amount: string }[]) => {
    lines.push('', title);
    for (const item of items) lines.push(`  - ${item.title} (${item.amount})`, wrap(item.why, 88, '      '));
  };
  section(
    'Applied',
    plan.applied.map((i) => ({ ...i, amount: `${h(i.hoursPerWeek)} a week` })),
  );
  section(
    'Adjacent',
    plan.adjacent.map((i) => ({ ...i, amount: `${h(i.hoursPerWeek)} a week` })),
  );
  section(
    'Deep, once or twice a year',
    plan.deep.map((i) => ({ ...i, amount: `${h(i.hoursPerYear)} a year` })),
  );
  lines.push(
    '',
    'What not to chase:',
    ...plan.principles.map((p) => wrap(p, 88, '    ').replace(/^ {4}/, '  - ')),
  );
  return lines.join('\n');
}
