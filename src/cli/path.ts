import type { Command } from 'commander';
import type { Framework, Range } from '../core/framework/schema.js';
import { DEFAULT_MARKET } from '../core/comp/ladder.js';
import { findPaths, type PathResult } from '../core/lattice/paths.js';
import { withPay, type PathPay, type StepPay } from '../core/lattice/pay.js';
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
    .option(
      '--pay',
      "the expected yearly pay along each path (the market's median per position) and its total",
    )
    .option(
      '--market <id>',
      `with --pay: the market positions without a company kind are paid in (default: ${DEFAULT_MARKET})`,
    )
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
          pay?: boolean;
          market?: string;
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
        if (options.market !== undefined && !options.pay)
          throw new DomainError('usage', '--market goes with --pay');
        if (!options.pay) {
          if (options.json) printJson(result);
          else print(pathsText(framework, result));
          return;
        }
        const paid = withPay(framework, result, options.market);
        if (options.json) printJson(paid);
        else print(pathsText(framework, result, paid));
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

const dollars = (amount: number) => amount.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** One move's pay for the table: the yearly median and the market when it is not the one asked for. */
function stepPayText(pay: StepPay, market: string): string {
  if (pay.yearly === null) return 'unknown';
  return `${dollars(pay.yearly)}${pay.market === market ? '' : ` (${pay.market})`}`;
}

function pathPayLine(pay: PathPay, years: number, market: string): string {
  const unknown =
    pay.unknown === 0 ? '' : ` (${pay.unknown} move${pay.unknown === 1 ? '' : 's'} without pay left out)`;
  const arrival = pay.arrival.yearly === null ? 'unknown' : `${dollars(pay.arrival.yearly)} a year`;
  return `   Pay on the way: ${dollars(pay.total)} over about ${years} years${unknown}; on arrival ${arrival}${pay.arrival.market === market ? '' : ` (${pay.arrival.market})`}.`;
}

function pathsText(framework: Framework, result: PathResult, paid?: ReturnType<typeof withPay>): string {
  const { paths } = result;
  const from = positionTitle(framework, result.fromPosition);
  const to = positionTitle(framework, result.toPosition);
  if (paths.length === 0) return `No path from ${from} to ${to} within the limits.`;
  const track = framework.tracks.find((t) => t.id === result.prefer)?.name ?? result.prefer;
  const lines = [
    `${from} → ${to}: ${paths.length} path${paths.length === 1 ? '' : 's'}, best first (near-ties to the ${track.toLowerCase()} track)`,
  ];
  if (paid !== undefined)
    lines.push(
      `Pay: the median yearly package in market ${paid.market} of the position each move's years are spent in (the one left); @startup and @big-company positions are paid in their own market.`,
    );
  paths.forEach((path, i) => {
    lines.push(
      '',
      `${i + 1}. ${years(path.years)} years (about ${path.expectedYears}), ${path.steps.length} move${path.steps.length === 1 ? '' : 's'}`,
    );
    const pay = paid?.paths[i];
    if (pay !== undefined) lines.push(pathPayLine(pay.pay, path.expectedYears, paid!.market));
    lines.push(
      terminalTable(
        ['Move', 'To', 'Years', 'Band', ...(pay ? ['Paid/yr'] : []), 'Advice'],
        path.steps.map((s, j) => [
          s.kind,
          positionTitle(framework, s.toPosition),
          years(s.years),
          s.levelChange === null ? '' : s.levelChange > 0 ? `+${s.levelChange}` : String(s.levelChange),
          ...(pay ? [stepPayText(pay.steps[j]!.pay, paid!.market)] : []),
          [...s.prerequisites.map((p) => `Before: ${p}`), ...s.advice]
            .map((item) => wrap(item, pay ? 40 : 50, '  ').replace(/^ {2}/, '- '))
            .join('\n'),
        ]),
        { colWidths: pay ? [15, 22, 8, 6, 12, 44] : [15, 22, 8, 6, 54] },
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
