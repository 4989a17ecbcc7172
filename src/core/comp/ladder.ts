import type { Framework, LevelPay, PayRow, Range } from '../framework/schema.js';
import { problem } from '../input/value.js';
import { DomainError, type Path } from '../problems.js';
import { major, minor, minorDigits, toMinor, type Minor } from './money.js';

/** The market `earnings simulate` and `path --pay` use when none is given. */
export const DEFAULT_MARKET = 'us-big-tech';

/** One rung of a track with its pay in one market, in minor units of the market's currency. */
export interface PayRung {
  level: string;
  title: string;
  years: Range;
  p25: Minor;
  p50: Minor;
  p75: Minor;
  /** Share of the p50 package paid in equity: how much of a new package is granted as stock. */
  equityShare: number;
  /**
   * The chance of ever moving up from here. 1 below the track's career level; from it on, the share
   * of engineers above this level among those at it or above (`share`), 1 when shares are not given.
   */
  climb: number;
}

/** The rungs of one track in one market, lowest first, and the rung a career starts on. */
export interface PayLadder {
  market: string;
  currency: string;
  rungs: PayRung[];
  start: number;
}

export const packageTotal = (row: PayRow) => row.base + row.bonus + row.equity;

/** The market's pay at a level, or undefined when the level carries none for it. */
export function levelPay(framework: Framework, level: string, market: string): LevelPay | undefined {
  const pay = framework.levels.find((l) => l.id === level)?.pay;
  return pay !== undefined && Object.hasOwn(pay, market) ? pay[market] : undefined;
}

/** A refusal located at `path` of the input that named the thing refused. */
function refused(message: string, path: Path): DomainError {
  return new DomainError('invalid-input', message, [problem(path, message, 'unknown-reference')]);
}

/** Refuses an unknown market, naming the known ones. */
export function findMarket(framework: Framework, market: string) {
  const found = framework.markets.find((m) => m.id === market);
  if (found === undefined) {
    const known = framework.markets.map((m) => m.id);
    throw new DomainError(
      'invalid-input',
      known.length === 0
        ? `framework "${framework.id}" carries no market pay`
        : `unknown market "${market}"; markets: ${known.join(', ')}`,
    );
  }
  return found;
}

/**
 * The ladder a career walks: the start level's track (the first ladder track when no level is
 * given) from its lowest rung with pay in the market. Without a level, the start is the lowest rung
 * whose p75 reaches the salary, so a $150,000 start at a large company is a junior engineer.
 */
export function payLadder(
  framework: Framework,
  market: string,
  salary: Minor,
  startLevel?: string,
): PayLadder {
  const { currency } = findMarket(framework, market);
  const digits = minorDigits(currency);
  const start = startLevel === undefined ? undefined : framework.levels.find((l) => l.id === startLevel);
  if (startLevel !== undefined && start === undefined)
    throw refused(`unknown level "${startLevel}"`, ['start', 'level']);
  const track = start?.track ?? framework.tracks.find((t) => t.kind === 'ladder')?.id;
  const money = (amount: number) => toMinor(major(amount), digits);
  const levels = framework.levels.filter((l) => l.track === track).sort((a, b) => a.rank - b.rank);
  const climbs = climbChances(levels);
  const rungs: PayRung[] = levels.flatMap((l, index) => {
    const pay = levelPay(framework, l.id, market);
    if (pay === undefined) return [];
    const median = packageTotal(pay.p50);
    return [
      {
        level: l.id,
        title: l.title,
        years: l.years,
        p25: money(packageTotal(pay.p25)),
        p50: money(median),
        p75: money(packageTotal(pay.p75)),
        equityShare: median === 0 ? 0 : pay.p50.equity / median,
        climb: climbs[index]!,
      },
    ];
  });
  if (rungs.length === 0)
    throw new DomainError('invalid-input', `no level of track "${track}" carries pay in market "${market}"`);
  const reaching = rungs.findIndex((r) => r.p75 >= salary);
  const index =
    start !== undefined
      ? rungs.findIndex((r) => r.level === start.id)
      : reaching < 0
        ? rungs.length - 1
        : reaching;
  if (index < 0)
    throw new DomainError('invalid-input', `level "${startLevel}" carries no pay in market "${market}"`);
  return { market, currency, rungs, start: index };
}

/**
 * Past the career level, climbing is not a matter of time: of those at a level or above, only the
 * share above it ever moves up (levels.fyi counts 6.9% of engineers at staff and 0.2% at
 * distinguished). A level's share is the middle of its range, or its one given bound.
 */
function climbChances(levels: Framework['levels']): number[] {
  const career = levels.findIndex((l) => l.careerLevel);
  const share = levels.map((l) => {
    const { min, max } = l.share ?? {};
    return min !== undefined && max !== undefined ? (min + max) / 2 : (min ?? max);
  });
  return levels.map((_, index) => {
    if (career < 0 || index < career) return 1;
    const above = share.slice(index + 1);
    const here = share[index];
    if (here === undefined || above.length === 0 || above.some((s) => s === undefined)) return 1;
    const rest = (above as number[]).reduce((a, b) => a + b, 0);
    return rest + here === 0 ? 1 : rest / (rest + here);
  });
}

/** The word an earnings file uses for a salary that walks no ladder. */
export const NO_MARKET = 'none';

/**
 * The ladder an earnings input walks in a framework: its market (the default one when the file
 * names none), from its start level or the salary. None when the file says `market: none`, or
 * when the framework carries no market pay and the file named no market.
 */
export function ladderFor(
  framework: Framework,
  input: { currency: string; market?: string; startLevel?: string; salary: number },
  market = input.market,
): PayLadder | undefined {
  if (market === NO_MARKET) return undefined;
  if (market === undefined && !framework.markets.some((m) => m.id === DEFAULT_MARKET)) return undefined;
  const ladder = payLadder(framework, market ?? DEFAULT_MARKET, minor(input.salary), input.startLevel);
  if (ladder.currency !== input.currency)
    throw new DomainError(
      'invalid-input',
      `market "${ladder.market}" pays in ${ladder.currency}, the earnings are in ${input.currency}`,
    );
  return ladder;
}
