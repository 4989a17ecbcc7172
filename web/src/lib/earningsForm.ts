import { readEarningsValue } from '../../../src/core/comp/earnings-schema.js';
import type { EarningsInput } from '../../../src/core/comp/earnings.js';
import { DomainError, formatPath } from '../../../src/core/problems.js';
import {
  isRateRange,
  NumberReader,
  percentText,
  plainMessage,
  type FieldErrors,
  type Plausible,
} from './validate.js';

/** Past these a raise is most likely a slip: the field warns beside it. */
export const PLAUSIBLE_RAISE: Plausible = { max: 100, of: 'a year' };
const PLAUSIBLE_SWITCH_RAISE: Plausible = { max: 100, of: 'at a switch' };

/** The custom strategy a form starts with: 3.5% merit raises, a switch every 4 years for 15% more. */
export const defaultCustomStrategy = (): NonNullable<EarningsForm['custom']> => ({
  name: 'my-plan',
  merit: '3.5',
  switchEvery: '4',
  switchRaise: '15',
});

export interface EarningsForm {
  name: string;
  currency: string;
  salary: string;
  years: string;
  runs: string;
  seed: string;
  presets: string[];
  custom: { name: string; merit: string; switchEvery: string; switchRaise: string } | null;
  /**
   * The stored strategies the fields cannot show (a preset with a name or overrides, promotions of
   * one's own, a second strategy of one's own): written back exactly as they came, after the presets.
   */
  kept: Record<string, unknown>[];
  /** What the file holds that the form has no field for (market, start level, inflation), kept as it came. */
  more?: { market?: unknown; inflation?: unknown; level?: unknown };
}

export const defaultEarningsForm = (): EarningsForm => ({
  name: 'My career',
  currency: 'USD',
  salary: '120000',
  years: '30',
  runs: '1000',
  seed: '7',
  presets: ['stay-merit', 'stay-promoted', 'switch-survey'],
  custom: null,
  kept: [],
});

const isRate = (v: unknown) => typeof v === 'number' || isRateRange(v);

/** A preset as it is, with nothing beside it: a tick in the list of presets. */
const plainPreset = (s: Record<string, unknown>) =>
  typeof s.preset === 'string' && Object.keys(s).length === 1;

/** A strategy of one's own that the four fields show exactly: a name, a merit raise and maybe a switch. */
function fitsCustomFields(s: Record<string, unknown>): boolean {
  if (Object.keys(s).some((k) => k !== 'name' && k !== 'merit' && k !== 'switch')) return false;
  if (typeof s.name !== 'string' || !isRate(s.merit)) return false;
  if (s.switch === undefined) return true;
  const change = s.switch as Record<string, unknown> | null;
  return (
    typeof change === 'object' &&
    change !== null &&
    Object.keys(change).length === 2 &&
    typeof change.every === 'number' &&
    isRate(change.raise)
  );
}

/**
 * The earnings file (the format `trellis earnings simulate` reads and the API stores) for a form,
 * with what was typed in a number field that is not a number, keyed by the field's path in the file.
 */
export function earningsFileFromForm(form: EarningsForm): {
  file: Record<string, unknown>;
  errors: FieldErrors;
  numbers: NumberReader;
} {
  const numbers = new NumberReader();
  const strategies: Record<string, unknown>[] = [...form.presets.map((preset) => ({ preset })), ...form.kept];
  if (form.custom) {
    const c = form.custom;
    const at = `strategies[${strategies.length}]`;
    strategies.push({
      name: c.name,
      merit: numbers.rate(`${at}.merit`, c.merit, { required: true, plausible: PLAUSIBLE_RAISE }),
      ...(c.switchEvery.trim() || c.switchRaise.trim()
        ? {
            switch: {
              every: numbers.read(`${at}.switch.every`, c.switchEvery, true),
              raise: numbers.rate(`${at}.switch.raise`, c.switchRaise, {
                required: true,
                plausible: PLAUSIBLE_SWITCH_RAISE,
              }),
            },
          }
        : {}),
    });
  }
  const more = form.more ?? {};
  const file = {
    currency: form.currency,
    start: {
      salary: numbers.read('start.salary', form.salary, true),
      ...(more.level === undefined ? {} : { level: more.level }),
    },
    ...(more.market === undefined ? {} : { market: more.market }),
    ...(more.inflation === undefined ? {} : { inflation: more.inflation }),
    years: numbers.read('years', form.years, true),
    runs: numbers.read('runs', form.runs, true),
    seed: numbers.read('seed', form.seed, true),
    strategies,
  };
  return { file, errors: numbers.errors, numbers };
}

export function formFromEarningsFile(name: string, file: unknown): EarningsForm {
  const f = (file ?? {}) as {
    currency?: string;
    start?: { salary?: number; level?: unknown };
    market?: unknown;
    inflation?: unknown;
    years?: number;
    runs?: number;
    seed?: number;
    strategies?: Record<string, unknown>[];
  };
  const all = (f.strategies ?? []).filter((s) => typeof s === 'object' && s !== null);
  const presets = all.filter(plainPreset).map((s) => String(s.preset));
  const custom = all.find(fitsCustomFields) as
    { name?: string; merit?: unknown; switch?: { every?: number; raise?: unknown } } | undefined;
  // Nothing stored is dropped: what the fields cannot show is kept and written back as it came.
  const kept = all.filter((s) => !plainPreset(s) && s !== custom);
  const more = {
    ...(f.market === undefined ? {} : { market: f.market }),
    ...(f.inflation === undefined ? {} : { inflation: f.inflation }),
    ...(f.start?.level === undefined ? {} : { level: f.start.level }),
  };
  return {
    name,
    currency: f.currency ?? 'USD',
    salary: String(f.start?.salary ?? ''),
    years: String(f.years ?? ''),
    runs: String(f.runs ?? 1000),
    seed: String(f.seed ?? 1),
    presets,
    custom: custom
      ? {
          name: custom.name ?? '',
          merit: percentText(custom.merit),
          switchEvery: String(custom.switch?.every ?? ''),
          switchRaise: percentText(custom.switch?.raise),
        }
      : null,
    kept,
    ...(Object.keys(more).length > 0 ? { more } : {}),
  };
}

/** Runs cap for the browser: a simulation in the page must not freeze it. The CLI takes up to a million. */
export const BROWSER_MAX_RUNS = 20_000;

export function checkEarningsForm(form: EarningsForm): {
  file: Record<string, unknown>;
  input: EarningsInput | null;
  errors: FieldErrors;
  /** Allowed but most likely a slip (a raise over 100%): said beside the field. */
  warnings: FieldErrors;
} {
  const { file, errors: numberErrors, numbers } = earningsFileFromForm(form);
  // A field that holds no number says so; the core's view of the NaN it became says nothing useful.
  const errors: FieldErrors = { ...numberErrors };
  let input: EarningsInput | null = null;
  try {
    input = readEarningsValue(file).earnings;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    for (const p of error.problems) errors[formatPath(p.path)] ??= plainMessage(p.message);
  }
  const runs = Number(form.runs);
  if (!errors.runs && runs > BROWSER_MAX_RUNS)
    errors.runs = `at most ${BROWSER_MAX_RUNS.toLocaleString('en-US')} here (the command line takes more)`;
  if (form.presets.length === 0 && form.kept.length === 0 && !form.custom)
    errors.strategies = 'choose at least one strategy';
  if (!form.name.trim()) errors.name = 'give the scenario a name';
  return {
    file,
    input: Object.keys(errors).length === 0 ? input : null,
    errors: numbers.inPercent(errors),
    warnings: numbers.warnings,
  };
}
