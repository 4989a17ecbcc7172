import type { Command } from 'commander';
import { validateValue } from '../../core/input/value.js';
import { describeScope, openCycleSchema, type Cycle } from '../../core/org/reviews/cycle.js';
import { progressOf, type CycleProgress } from '../../core/org/reviews/progress.js';
import { DomainError } from '../../core/problems.js';
import type { OrgRepositories } from '../../store/repositories/org/index.js';
import { terminalTable } from '../format.js';
import { print, printJson } from '../output.js';
import { orgOptions, withOrganisation, type OrgOptions } from './common.js';

interface OpenOptions extends OrgOptions {
  name: string;
  frameworkVersion?: string;
  teams?: string;
  levels?: string;
  selfDue: string;
  managerDue: string;
}

const names = (value: string | undefined) =>
  value === undefined ? undefined : value.split(',').map((name) => name.trim());

async function withProgress(r: OrgRepositories, cycle: Cycle): Promise<Cycle & { progress: CycleProgress }> {
  const people = await r.people.all();
  const progress = progressOf(
    cycle,
    people,
    await r.reviews.assessments(cycle.id),
    await r.reviews.requests(cycle.id),
  );
  return { ...cycle, progress };
}

const step = (s: { submitted: number; draft: number; missing: number }) =>
  `${s.submitted} submitted, ${s.draft} draft, ${s.missing} missing`;

export function registerCycleCommands(org: Command): void {
  const cycle = org.command('cycle').description('Review cycles: open one, follow it, close it');

  orgOptions(
    cycle
      .command('open')
      .description('Open a review cycle on a framework version, for everyone or some teams or levels')
      .requiredOption('--name <name>', 'the cycle\'s name, e.g. "2026 H2"')
      .option('--framework-version <n>', "the organisation's framework version (default: the current one)")
      .option('--teams <a,b>', 'only the people of these teams')
      .option('--levels <x,y>', 'only the people at these levels')
      .requiredOption('--self-due <date>', 'the deadline of the self-assessments, YYYY-MM-DD')
      .requiredOption('--manager-due <date>', 'the deadline of the manager assessments, YYYY-MM-DD'),
  ).action(async (options: OpenOptions) => {
    const version = options.frameworkVersion;
    if (version !== undefined && !/^\d+$/.test(version))
      throw new DomainError(
        'usage',
        `--framework-version expects a version number (1, 2 …), got "${version}"`,
      );
    const input = validateValue(
      openCycleSchema,
      {
        name: options.name,
        ...(version !== undefined && { frameworkVersion: Number(version) }),
        ...(options.teams !== undefined && { teams: names(options.teams) }),
        ...(options.levels !== undefined && { levels: names(options.levels) }),
        selfDue: options.selfDue,
        managerDue: options.managerDue,
      },
      'the cycle',
    );
    const opened = await withOrganisation(options, async (r) => withProgress(r, await r.cycles.open(input)));
    print(
      `Opened cycle ${opened.id} "${opened.name}" on framework version ${opened.frameworkVersion} for ${describeScope(opened.scope)}: ${opened.progress.people} people, self-assessments due ${opened.selfDue}, manager assessments due ${opened.managerDue}.`,
    );
  });

  orgOptions(
    cycle
      .command('status')
      .description('Every cycle and how far it has come, or one cycle in full')
      .argument('[cycle]', "a cycle's id or name")
      .option('--person <email>', "one person's self and manager assessments in the cycle, side by side")
      .option('--json', 'machine-readable output'),
  ).action(async (which: string | undefined, options: OrgOptions & { json?: boolean; person?: string }) => {
    if (options.person !== undefined) return personStatus(which, options.person, options);
    const cycles = await withOrganisation(options, async (r) => {
      const chosen = which === undefined ? await r.cycles.list() : [await r.cycles.find(which)];
      return Promise.all(chosen.map((c) => withProgress(r, c)));
    });
    if (options.json) return printJson(which === undefined ? cycles : cycles[0]);
    if (cycles.length === 0) return print('No review cycles.');
    if (which === undefined)
      return print(
        terminalTable(
          ['id', 'name', 'status', 'version', 'scope', 'people', 'self', 'manager'],
          cycles.map((c) => [
            String(c.id),
            c.name,
            c.status,
            String(c.frameworkVersion),
            describeScope(c.scope),
            String(c.progress.people),
            `${c.progress.self.submitted}/${c.progress.people}`,
            `${c.progress.manager.submitted}/${c.progress.people}`,
          ]),
        ),
      );
    const c = cycles[0]!;
    print(
      [
        `Cycle ${c.id} "${c.name}": ${c.status === 'open' ? 'open' : `closed on ${c.closedAt!.slice(0, 10)}`}`,
        `  framework version ${c.frameworkVersion}, for ${describeScope(c.scope)}: ${c.progress.people} people`,
        `  self-assessments (due ${c.selfDue}): ${step(c.progress.self)}`,
        `  manager assessments (due ${c.managerDue}): ${step(c.progress.manager)}`,
        `  peer requests: ${c.progress.peers.answered} of ${c.progress.peers.asked} answered`,
      ].join('\n'),
    );
  });

  orgOptions(
    cycle
      .command('close')
      .description('Close a cycle: it is frozen from then on')
      .argument('<cycle>', "the cycle's id or name"),
  ).action(async (which: string, options: OrgOptions) => {
    const closed = await withOrganisation(options, async (r) =>
      r.cycles.close((await r.cycles.find(which)).id),
    );
    print(`Closed cycle ${closed.id} "${closed.name}": it is frozen from now on.`);
  });
}

const met = (v: { level: string | null; holdsHeld: boolean | null } | null) =>
  v === null ? '-' : `${v.level ?? 'no level met'}${v.holdsHeld === false ? ' (held level not met)' : ''}`;

/** `cycle status CYCLE --person EMAIL`: the comparison the API gives, in words or as JSON. */
async function personStatus(
  which: string | undefined,
  email: string,
  options: OrgOptions & { json?: boolean },
): Promise<void> {
  if (which === undefined)
    throw new DomainError(
      'invalid-input',
      '--person needs the cycle: trellis org cycle status CYCLE --person EMAIL',
    );
  const compared = await withOrganisation(options, async (r) => {
    const cycle = await r.cycles.find(which);
    const person = (await r.people.all()).find((p) => p.email === email.trim().toLowerCase());
    if (!person) throw new DomainError('not-found', `no person "${email}" in the organisation`);
    return r.comparisons.of(cycle.id, person);
  });
  if (options.json) return printJson(compared);
  const side = (v: typeof compared.self) =>
    v === null
      ? 'none submitted'
      : `${v.level ?? 'no level met'}${v.belowHeld ? ' (below the held level)' : ''}`;
  const lines = [
    `${compared.person.name}, ${compared.person.level}, in cycle ${compared.cycle} (framework version ${compared.frameworkVersion})`,
    `  self: ${side(compared.self)}`,
    `  manager: ${side(compared.manager)}`,
  ];
  const now = compared.againstCurrent;
  if (now) {
    lines.push(
      `Against the current version ${now.to.number} (${now.to.id} ${now.to.version}):`,
      `  self: ${met(now.self)}`,
      `  manager: ${met(now.manager)}`,
    );
    if (now.competencies.added.length + now.competencies.removed.length > 0)
      lines.push(
        `  competencies added: ${now.competencies.added.join(', ') || 'none'}; removed: ${now.competencies.removed.join(', ') || 'none'}`,
      );
    for (const l of now.levels)
      lines.push(
        `  ${l.level}: ${l.removed ? 'removed' : [...l.competencies.map((c) => `${c} expectation`), ...l.fields.map((f) => `level.${f}`)].join(', ') + ' changed'}`,
      );
  }
  print(lines.join('\n'));
  print(
    terminalTable(
      ['competency', 'self', 'manager', 'difference'],
      compared.competencies.map((c) => [
        c.name,
        c.self === null ? '-' : String(c.self),
        c.manager === null ? '-' : String(c.manager),
        c.delta === null
          ? c.differs
            ? 'one side only'
            : ''
          : c.delta === 0
            ? ''
            : (c.delta > 0 ? '+' : '') + String(c.delta),
      ]),
    ),
  );
}
