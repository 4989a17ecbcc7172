import type { Command } from 'commander';
import type { Framework, Range } from '../core/framework/schema.js';
import { findPaths, type PathResult } from '../core/lattice/paths.js';
import type { Position } from '../core/lattice/position.js';
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
    .argument(
      '<from>',
      'a position LEVEL[:SPECIALISATION][@COMPANY], e.g. senior or senior:backend@big-company',
    )
    .argument('[to]', 'a position, e.g. director or senior:data-ml')
    .option('--avoid <track>', 'keep off a track, e.g. management or ic')
    .option(
      '--prefer <track>',
      "the track that wins near-ties (within 10% of expected years): ic or management; default: the start's",
    )
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
          prefer?: string;
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
            options.prefer,
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
          prefer: options.prefer,
          maxMoves: numberOption(options.maxMoves, '--max-moves', { integer: true, min: 1 }),
          top: numberOption(options.top, '--top', { integer: true, min: 1 }),
        });
        if (options.json) printJson(result);
        else print(pathsText(framework, result));
      },
    );
}

function titleOf(framework: Framework, id: string): string {
  return (
    framework.levels.find((l) => l.id === id)?.title ?? framework.roles.find((r) => r.id === id)?.title ?? id
  );
}

/** A position for people: the level's title, then the specialisation and company kind when known. */
function positionTitle(framework: Framework, position: Position): string {
  const qualifiers = [position.specialisation, position.company].filter((q) => q !== null);
  return `${titleOf(framework, position.level)}${qualifiers.length > 0 ? ` (${qualifiers.join(', ')})` : ''}`;
}

function pathsText(framework: Framework, result: PathResult): string {
  const { paths } = result;
  const from = positionTitle(framework, result.fromPosition);
  const to = positionTitle(framework, result.toPosition);
  if (paths.length === 0) return `No path from ${from} to ${to} within the limits.`;
  const track = framework.tracks.find((t) => t.id === result.prefer)?.name ?? result.prefer;
  const lines = [
    `${from} → ${to}: ${paths.length} path${paths.length === 1 ? '' : 's'}, best first (near-ties to the ${track.toLowerCase()} track)`,
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
          positionTitle(framework, s.toPosition),
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
          .map(
            (s) => `${positionTitle(framework, s.toPosition)}${s.kind === 'promotion' ? '' : ` [${s.kind}]`}`,
          )
          .join(' → '),
      ]),
    ),
  ].join('\n');
}
