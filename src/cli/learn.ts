import type { Command } from 'commander';
import {
  checkLearningInput,
  learningInputSchema,
  learningPlan,
  type LearningPlan,
} from '../core/growth/learning.js';
import { parseValidated } from '../core/input/document.js';
import { readTextFile } from '../store/files.js';
import { readFramework } from '../store/frameworks.js';
import { terminalTable, wrap } from './format.js';
import { numberOption, print, printJson } from './output.js';

const HOURS_IN_A_WEEK = 168;

export function registerLearnCommands(program: Command): void {
  const group = program
    .command('learn')
    .description('A sustainable learning plan: 80% applied, 15% adjacent, 5% deep');
  group
    .command('plan')
    .description('Weekly hours → the 80/15/5 plan, filled from your assessment gaps and T-shape')
    .argument('<file>', 'current, ratings, target (optional), yearsOfExperience and skills (YAML or JSON)')
    .requiredOption('--hours <hours>', 'hours a week for learning')
    .option('--framework <file>', 'a framework file (default: the reference framework)')
    .option('--json', 'machine-readable output')
    .action((file: string, options: { hours: string; framework?: string; json?: boolean }) => {
      const hours = numberOption(options.hours, '--hours', { min: 0.25, max: HOURS_IN_A_WEEK });
      const { framework } = readFramework(options.framework);
      const input = parseValidated(readTextFile(file), file, learningInputSchema, (value, source) =>
        checkLearningInput(framework, value, source.problem),
      );
      const plan = learningPlan(framework, input, hours);
      if (options.json) printJson(plan);
      else print(planText(plan));
    });
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
