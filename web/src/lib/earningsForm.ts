import { parseEarningsFile } from '../../../src/core/comp/earnings-schema.js';
import type { EarningsInput } from '../../../src/core/comp/earnings.js';
import { DomainError, formatPath } from '../../../src/core/problems.js';
import { numberOrUndefined, type FieldErrors } from './validate.js';

export interface EarningsForm {
  name: string;
  currency: string;
  salary: string;
  years: string;
  runs: string;
  seed: string;
  presets: string[];
  custom: { name: string; merit: string; switchEvery: string; switchRaise: string } | null;
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
});

/** The earnings file (the format `trellis earnings simulate` reads and the API stores) for a form. */
export function earningsFileFromForm(form: EarningsForm): Record<string, unknown> {
  const strategies: Record<string, unknown>[] = form.presets.map((preset) => ({ preset }));
  if (form.custom) {
    const c = form.custom;
    strategies.push({
      name: c.name,
      merit: numberOrUndefined(c.merit) ?? Number.NaN,
      ...(c.switchEvery.trim() || c.switchRaise.trim()
        ? {
            switch: {
              every: numberOrUndefined(c.switchEvery) ?? Number.NaN,
              raise: numberOrUndefined(c.switchRaise) ?? Number.NaN,
            },
          }
        : {}),
    });
  }
  return {
    currency: form.currency,
    start: { salary: numberOrUndefined(form.salary) ?? Number.NaN },
    years: numberOrUndefined(form.years) ?? Number.NaN,
    runs: numberOrUndefined(form.runs) ?? Number.NaN,
    seed: numberOrUndefined(form.seed) ?? Number.NaN,
    strategies,
  };
}

export function formFromEarningsFile(name: string, file: unknown): EarningsForm {
  const f = (file ?? {}) as {
    currency?: string;
    start?: { salary?: number };
    years?: number;
    runs?: number;
    seed?: number;
    strategies?: Record<string, unknown>[];
  };
  const presets = (f.strategies ?? [])
    .filter((s) => typeof s.preset === 'string' && s.name === undefined)
    .map((s) => String(s.preset));
  const custom = (f.strategies ?? []).find((s) => s.preset === undefined) as
    { name?: string; merit?: number; switch?: { every?: number; raise?: number } } | undefined;
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
          merit: String(custom.merit ?? ''),
          switchEvery: String(custom.switch?.every ?? ''),
          switchRaise: String(custom.switch?.raise ?? ''),
        }
      : null,
  };
}

/** Runs cap for the browser: a simulation in the page must not freeze it. The CLI takes up to a million. */
export const BROWSER_MAX_RUNS = 20_000;

export function checkEarningsForm(form: EarningsForm): {
  file: Record<string, unknown>;
  input: EarningsInput | null;
  errors: FieldErrors;
} {
  const file = earningsFileFromForm(form);
  const errors: FieldErrors = {};
  let input: EarningsInput | null = null;
  try {
    input = parseEarningsFile(JSON.stringify(file), 'scenario');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    for (const p of error.problems) errors[formatPath(p.path)] ??= p.message.replace(/^[^:]*: /, '');
  }
  const runs = Number(form.runs);
  if (!errors.runs && runs > BROWSER_MAX_RUNS)
    errors.runs = `at most ${BROWSER_MAX_RUNS.toLocaleString('en-US')} here (the command line takes more)`;
  if (form.presets.length === 0 && !form.custom) errors.strategies = 'choose at least one strategy';
  if (!form.name.trim()) errors.name = 'give the scenario a name';
  return { file, input: Object.keys(errors).length === 0 ? input : null, errors };
}
