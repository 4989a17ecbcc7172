import { Option, type Command } from 'commander';
import type { Person } from '../../core/org/person.js';
import { DomainError } from '../../core/problems.js';
import { recordOf, sameRecord } from '../../store/repositories/org/person-rows.js';
import { print, printJson } from '../output.js';
import { orgOptions, withOrganisation, type OrgOptions } from './common.js';

interface EditOptions extends OrgOptions {
  name?: string;
  level?: string;
  manager?: string;
  team?: string;
  zone?: string;
  status?: 'active' | 'left';
  leaveDate?: string;
  gender?: string;
  json?: boolean;
}

/** Each option and the field of the record it sets; an empty value clears an optional field. */
const fields = [
  ['name', 'name'],
  ['level', 'level'],
  ['manager', 'managerEmail'],
  ['team', 'team'],
  ['zone', 'zone'],
  ['status', 'status'],
  ['leaveDate', 'leaveDate'],
  ['gender', 'gender'],
] as const satisfies readonly (readonly [keyof EditOptions, keyof Person])[];

/** The changes the options ask for: `undefined` clears a field; active again clears the leave date. */
export function changesOf(options: EditOptions): Partial<Record<keyof Person, unknown>> {
  const changes: Partial<Record<keyof Person, unknown>> = {};
  for (const [option, field] of fields) {
    const value = options[option];
    if (value !== undefined) changes[field] = value.trim() === '' ? undefined : value;
  }
  if (options.status === 'active' && options.leaveDate === undefined) changes.leaveDate = undefined;
  if (Object.keys(changes).length === 0)
    throw new DomainError(
      'usage',
      'nothing to change: give at least one of --name, --level, --manager, --team, --zone, --status, --leave-date, --gender',
    );
  return changes;
}

const flagOf = (field: string) =>
  `--${fields.find(([, f]) => f === field)?.[0].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) ?? field}`;

/**
 * The problems of an edit located where the command line put them: under the person edited, at the
 * option that set the field (`sam@acme.test: --manager: …`); a problem about someone else (the
 * other end of a loop) keeps its path to them.
 */
function locatedAtOptions(error: unknown, email: string): unknown {
  if (!(error instanceof DomainError) || error.problems.length === 0) return error;
  const problems = error.problems.map((p) => {
    const [first, who, field] = p.path;
    const own =
      p.path.length === 1 ? String(first) : first === 'people' && who === email ? String(field) : undefined;
    return { ...p, file: email, path: own === undefined ? p.path : [flagOf(own)] };
  });
  return new DomainError(error.code, error.message, problems);
}

export function registerPeopleEditCommand(people: Command): void {
  orgOptions(
    people
      .command('edit')
      .description(
        "Change one person's record, checked as an import is (the reporting tree, the level in their framework version) and audited",
      )
      .argument('<email>', "the person's email")
      .option('--name <name>', 'their name')
      .option('--level <level>', "a level id of the organisation's current framework version")
      .option('--manager <email>', 'their manager\'s email ("" for none)')
      .option('--team <team>', 'their team ("" for none)')
      .option('--zone <zone>', 'their pay zone ("" for none)')
      .addOption(
        new Option('--status <status>', 'active or left (left needs --leave-date)').choices([
          'active',
          'left',
        ]),
      )
      .option('--leave-date <date>', 'the date they left, YYYY-MM-DD')
      .option('--gender <gender>', 'woman, man, non-binary or undisclosed ("" to remove)')
      .option('--json', 'print the record as changed'),
  ).action(async (email: string, options: EditOptions) => {
    const changes = changesOf(options);
    const { before, after } = await withOrganisation(options, async (r) => {
      const before = await r.people.byEmail(email);
      if (!before)
        throw new DomainError(
          'not-found',
          `no person with email ${email.trim().toLowerCase()} in the organisation`,
        );
      try {
        return { before, after: await r.people.update(before.email, changes) };
      } catch (error) {
        throw locatedAtOptions(error, before.email);
      }
    });
    if (options.json) return printJson(recordOf(after));
    const was = recordOf(before);
    const now = recordOf(after);
    if (sameRecord(was, now)) return print(`${after.email}: nothing changed.`);
    const changed = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter(
      (k) => was[k as keyof Person] !== now[k as keyof Person],
    ) as (keyof Person)[];
    print(
      `Changed ${after.email}: ${changed.map((k) => `${k} ${was[k] ?? '(none)'} → ${now[k] ?? '(none)'}`).join(', ')}.`,
    );
  });
}
