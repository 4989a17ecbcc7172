import { DEFAULT_MARKET, findMarket, levelPay, packageTotal } from '../comp/ladder.js';
import { major, type Major } from '../comp/money.js';
import type { Framework } from '../framework/schema.js';
import type { PathResult } from './paths.js';
import type { Position } from './position.js';

/** What one move's years pay: the yearly p50 package of the position they are spent in. */
export interface StepPay {
  market: string;
  /** Null for a role or level without pay in that market. */
  yearly: Major | null;
  /** The move's expected years (the middle of its range). */
  years: number;
  /** yearly × years; null when the yearly pay is unknown. */
  amount: Major | null;
}

export interface PathPay {
  /** Earned on the way, summed over the moves with known pay. */
  total: Major;
  /** The yearly pay once arrived. */
  arrival: StepPay;
  /** Moves whose pay is unknown, so the total leaves them out. */
  unknown: number;
}

/**
 * The market a position is paid in: the one for its company kind when the framework has one
 * (`@startup` → the startup market), else the market asked for.
 */
export function marketOf(framework: Framework, position: Position, market: string): string {
  if (position.company === null) return market;
  return framework.markets.find((m) => m.company === position.company)?.id ?? market;
}

function payAt(framework: Framework, position: Position, market: string, years: number): StepPay {
  const at = marketOf(framework, position, market);
  const pay = levelPay(framework, position.level, at);
  const yearly = pay === undefined ? null : major(packageTotal(pay.p50));
  return { market: at, yearly, years, amount: yearly === null ? null : major(Math.round(yearly * years)) };
}

/** A path result with the pay of each move and of each path, for `path --pay --json`. */
export function withPay(framework: Framework, result: PathResult, market = DEFAULT_MARKET) {
  const pay = payAlongPaths(framework, result, market);
  return {
    ...result,
    market: pay.market,
    paths: result.paths.map((path, i) => ({
      ...path,
      steps: path.steps.map((step, j) => ({ ...step, pay: pay.paths[i]!.steps[j]! })),
      pay: pay.paths[i]!.pay,
    })),
  };
}

/**
 * The expected pay along each path: each move's years are spent in the position it leaves (a
 * promotion's years are those served in the level below), paid at the market's median.
 */
export function payAlongPaths(
  framework: Framework,
  result: PathResult,
  market = DEFAULT_MARKET,
): { market: string; paths: { steps: StepPay[]; pay: PathPay }[] } {
  findMarket(framework, market);
  return {
    market,
    paths: result.paths.map((path) => {
      const steps = path.steps.map((step) =>
        payAt(framework, step.fromPosition, market, (step.years.min + step.years.max) / 2),
      );
      const last = path.steps[path.steps.length - 1]?.toPosition ?? result.toPosition;
      return {
        steps,
        pay: {
          total: major(steps.reduce((sum, s) => sum + (s.amount ?? 0), 0)),
          arrival: payAt(framework, last, market, 1),
          unknown: steps.filter((s) => s.amount === null).length,
        },
      };
    }),
  };
}
