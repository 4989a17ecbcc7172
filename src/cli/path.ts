import type { Command } from 'commander';
import type { Framework, Range } from '../core/framework/schema.js';
import { findPaths, type CareerPath } from '../core/lattice/paths.js';
import { reachWithin } from '../core/lattice/reach.js';
import { DomainError } from '../core/problems.js';
import { readFramework } from '../store/frameworks.js';
import { terminalTable, wrap } from './format.js';
import { numberOption, print, printJson } from './output.js';

const years = (r: Range) => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`);

export function registerPathCommands(program: Command): void {
  program
    .command('path')
    .description(
      'The best paths across the lattice from one level or role to another, or where you can be within N years',
    )
    .argument('<from>', 'a level or role id, e.g. senior')
    .argument('[to]', 'a level or role id, e.g. director')
    .option('--avoid <track>', 'keep off a track, e.g. management or ic')
    .option('--max-moves <n>', 'at most this many moves per path', '10')
    .option('--top <k>', 'how many paths', '3')
    .option('--within <years>', 'without TO: every level or role reachable within these years')
    .option('--framework <file>', 'a framework file (default: the reference framework)')
    .option('--json', 'machine-readable output')
    .action(
      (
        fromId: string,
        toId: string | undefined,
        options: {
          avoid?: string;
          maxMoves: string;
          top: string;
          within?: string;
          framework?: string;
          json?: boolean;
        },
      ) => {
        const { framework } = readFramework(options.framework);
        if (toId === undefined) {
          if (options.within === undefined)
            throw new DomainError(
              'usage',
              'give a target level (trellis path FROM TO) or a horizon (trellis path FROM --within YEARS)',
            );
          const reach = reachWithin(
            framework,
            fromId,
            numberOption(options.within, '--within', { min: 0 }),
            options.avoid,
          );
          if (options.json) printJson(reach);
          else print(reachText(framework, reach.from, reach.years, reach.reachable));
          return;
        }
        if (options.within !== undefined) {
          throw new DomainError(
            'usage',
            '--within answers "where can I be in N years" and takes no target: drop TO or --within',
          );
        }
        const result = findPaths(framework, fromId, toId, {
          avoid: options.avoid,
          maxMoves: numberOption(options.maxMoves, '--max-moves', { integer: true, min: 1 }),
          top: numberOption(options.top, '--top', { integer: true, min: 1 }),
        });
        if (options.json) printJson(result);
        else print(pathsText(framework, result.from, result.to, result.paths));
      },
    );
}

function titleOf(framework: Framework, id: string): string {
  return (
    framework.levels.find((l) => l.id === id)?.title ?? framework.roles.find((r) => r.id === id)?.title ?? id
  );
}

function pathsText(framework: Framework, from: string, to: string, paths: CareerPath[]): string {
  if (paths.length === 0)
    return `No path from ${titleOf(framework, from)} to ${titleOf(framework, to)} within the limits.`;
  const lines = [
    `${titleOf(framework, from)} → ${titleOf(framework, to)}: ${paths.length} path${paths.length === 1 ? '' : 's'}, best first`,
  ];
  paths.forEach((path, i) => {
    lines.push(
      '',
      `${i + 1}. ${years(path.years)} years (about ${path.expectedYears}), ${path.steps.length} move${path.steps.length === 1 ? '' : 's'}`,
    );
    lines.push(
      terminalTable(
        ['Move', 'To', 'Years', 'Band', 'Advice'],
        path.steps.map((s) => [
          s.kind,
          titleOf(framework, s.to),
          years(s.years),
          s.levelChange === null ? '' : s.levelChange > 0 ? `+${s.levelChange}` : String(s.levelChange),
          [...s.prerequisites.map((p) => `Before: ${p}`), ...s.advice]
            .map((item) => wrap(item, 50, '  ').replace(/^ {2}/, '- '))
            .join('\n'),
        ]),
        { colWidths: [15, 22, 8, 6, 54] },
      ),
    );
  });
  return lines.join('\n');
}

function reachText(
  framework: Framework,
  from: string,
  horizon: number,
  reachable: ReturnType<typeof reachWithin>['reachable'],
): string {
  if (reachable.length === 0)
    return `Nothing is within ${horizon} years of ${titleOf(framework, from)} by expected years.`;
  return [
    `Within ${horizon} years of ${titleOf(framework, from)} (by expected years, highest band first):`,
    terminalTable(
      ['Where', 'Band', 'Years', 'Via'],
      reachable.map((r) => [
        r.title,
        String(r.band ?? ''),
        years(r.path.years),
        r.path.steps
          .map((s) => `${titleOf(framework, s.to)}${s.kind === 'promotion' ? '' : ` (${s.kind})`}`)
          .join(' → '),
      ]),
    ),
  ].join('\n');
}
