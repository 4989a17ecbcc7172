import type { Command } from 'commander';
import {
  appealSchema,
  committeeSchema,
  decideSchema,
  nominateSchema,
  voteSchema,
  type PromotionCase,
} from '../../core/org/cases/case.js';
import { validateValue } from '../../core/input/value.js';
import { can, type Action, type Actor, type Resource } from '../../core/org/policy.js';
import { subtreeOf } from '../../core/org/tree.js';
import { DomainError } from '../../core/problems.js';
import type { OrgRepositories } from '../../store/repositories/org/index.js';
import type { StoredPerson } from '../../store/repositories/org/person-rows.js';
import { terminalTable } from '../format.js';
import { print, printJson } from '../output.js';
import { cliActor, orgOptions, withOrganisation, type OrgOptions } from './common.js';

interface AsOptions extends OrgOptions {
  as?: string;
  json?: boolean;
}

/** Who a case command acts as: the command line's own admin and hr, or with `--as EMAIL` that account. */
interface Acting {
  r: OrgRepositories;
  actor: Actor;
  me: StoredPerson | undefined;
  people: StoredPerson[];
}

const findPerson = (people: readonly StoredPerson[], email: string, what: string) => {
  const found = people.find((p) => p.email === email.trim().toLowerCase());
  if (!found) throw new DomainError('not-found', `${what}: no person "${email}" in the organisation`);
  return found;
};

/** The policy's actor for `--as EMAIL`, as a signed-in account would be: its roles, subtree and seats. */
async function acting(r: OrgRepositories, as: string | undefined): Promise<Acting> {
  const people = await r.people.all();
  if (as === undefined) return { r, actor: cliActor(r.scope.organisationId), me: undefined, people };
  const account = await r.accounts.byEmail(as.trim().toLowerCase());
  if (!account || account.disabled)
    throw new DomainError('not-found', `--as: no enabled account "${as}" in the organisation`);
  const me = people.find((p) => p.id === account.personId);
  const below = me ? subtreeOf(people, me.email) : new Set<string>();
  const actor: Actor = {
    organisationId: r.scope.organisationId,
    personId: account.personId,
    roles: account.roles,
    subtree: new Set(people.filter((p) => below.has(p.email)).map((p) => p.id)),
    cases: await r.cases.seatsOf(account.personId),
    settings: await r.settings.on(),
  };
  return { r, actor, me, people };
}

const resourceOf = (a: Acting, c: PromotionCase): Resource => ({
  organisationId: a.r.scope.organisationId,
  personId: c.personId,
  caseId: c.id,
});
const forbidden = (what: string) => new DomainError('forbidden', `your roles do not allow ${what}`);

/** The case as the actor may read it (else "no case", as the API's 404), and whether they may also `then`. */
async function caseFor(a: Acting, which: string, then?: { action: Action; what: string }) {
  if (!/^\d+$/.test(which))
    throw new DomainError('usage', `a case is named by its id (1, 2 …), got "${which}"`);
  const found = await a.r.cases.byId(Number(which));
  if (!found || !can(a.actor, 'case.read', resourceOf(a, found)))
    throw new DomainError('not-found', `no promotion case with id ${which}`);
  if (then && !can(a.actor, then.action, resourceOf(a, found))) throw forbidden(then.what);
  return found;
}

/** The person the account acts as, for the steps a person takes (nominating, voting, appealing). */
const needPerson = (a: Acting, step: string) => {
  if (!a.me)
    throw new DomainError('usage', `${step} is a person's step: give --as EMAIL of a person's account`);
  return a.me;
};

const today = () => new Date().toISOString().slice(0, 10);
const nameOf = (a: Acting, id: number | null) =>
  id === null ? 'none' : (a.people.find((p) => p.id === id)?.email ?? `person ${id}`);

function withCase<T>(options: AsOptions, work: (a: Acting) => Promise<T>): Promise<T> {
  return withOrganisation(options, async (r) => work(await acting(r, options.as)));
}

const asOption = (command: Command) =>
  orgOptions(
    command.option('--as <email>', 'act as this account, under its roles (default: the admin and hr)'),
  );

const summaryOf = (c: PromotionCase) =>
  `case ${c.id}: ${c.status}, round ${c.round}, for ${c.targetLevel}` +
  (c.decision ? `; decided ${c.decision.decision}` : '') +
  (c.appeal?.decision ? `; appeal decided ${c.appeal.decision.decision}` : '');

export function registerCaseCommands(org: Command): void {
  const cases = org
    .command('case')
    .description('Promotion cases: nominate, seat a committee, vote, decide, appeal');

  asOption(
    cases
      .command('list')
      .description('The promotion cases you may read')
      .option('--json', 'machine-readable output'),
  ).action(async (options: AsOptions) => {
    const { items, a } = await withCase(options, async (a) => ({
      a,
      items: (await a.r.cases.list()).filter((c) => can(a.actor, 'case.read', resourceOf(a, c))),
    }));
    if (options.json) return printJson(items);
    if (items.length === 0) return print('No promotion cases.');
    print(
      terminalTable(
        ['id', 'person', 'target', 'status', 'round', 'decision'],
        items.map((c) => [
          String(c.id),
          nameOf(a, c.personId),
          c.targetLevel,
          c.status,
          String(c.round),
          (c.appeal?.decision ?? c.decision)?.decision ?? '',
        ]),
      ),
    );
  });

  asOption(
    cases
      .command('show')
      .description('The case: readiness under the target rule, time in level, the packet, committee, tally')
      .argument('<case>', "the case's id")
      .option('--json', 'machine-readable output'),
  ).action(async (which: string, options: AsOptions) => {
    const { bundle, a } = await withCase(options, async (a) => {
      const found = await caseFor(a, which);
      const { caseBundle } = await import('../../store/repositories/org/case-bundle.js');
      const person = a.people.find((p) => p.id === found.personId)!;
      return { a, bundle: await caseBundle(a.r, a.actor, found, person, today()) };
    });
    if (options.json) return printJson(bundle);
    const r = bundle.readiness;
    const lines = [
      `${bundle.person.name}, ${bundle.person.level} since ${bundle.person.levelStartDate}: ${summaryOf(bundle)}`,
      `  nominated by ${nameOf(a, bundle.nominatedById)}, sponsor ${nameOf(a, bundle.sponsorId)}`,
      r === null
        ? '  readiness: no submitted assessment yet'
        : `  readiness (from the ${r.from} assessment): ${r.holds ? 'meets' : 'does not meet'} ${bundle.targetLevel}; ${r.yearsInLevel.toFixed(1)} years in level${r.typicalYears ? ` (typical ${r.typicalYears.min}–${r.typicalYears.max})` : ''}`,
      `  committee: ${bundle.committee.map((s) => `${nameOf(a, s.personId)} (round ${s.round})`).join(', ') || 'none yet'}`,
      `  votes this round: ${bundle.tally.approve} approve, ${bundle.tally.decline} decline, ${bundle.tally.defer} defer`,
    ];
    const decided = bundle.appeal?.decision ?? bundle.decision;
    if (decided)
      lines.push(
        `  decision: ${decided.decision}${decided.effectiveDate ? ` from ${decided.effectiveDate}` : ''}: ${decided.rationale}`,
      );
    if (bundle.appeal) lines.push(`  appeal: ${bundle.appeal.reason}`);
    print(lines.join('\n'));
  });

  asOption(
    cases
      .command('nominate')
      .description(
        'Nominate a person for a target level: a manager for a report, or oneself with the manager as sponsor',
      )
      .requiredOption('--person <email>', 'the person nominated')
      .requiredOption('--target <level>', 'the target level id')
      .option('--summary <text>', 'why, in a few words'),
  ).action(async (options: AsOptions & { person: string; target: string; summary?: string }) => {
    const opened = await withCase(options, async (a) => {
      const by = needPerson(a, 'nominating');
      const person = findPerson(a.people, options.person, '--person');
      const input = validateValue(
        nominateSchema,
        {
          personId: person.id,
          targetLevel: options.target,
          ...(options.summary !== undefined && { summary: options.summary }),
        },
        'the nomination',
      );
      const resource = { organisationId: a.r.scope.organisationId, personId: person.id };
      if (!can(a.actor, 'person.read', resource))
        throw new DomainError('not-found', `--person: no person "${options.person}" in the organisation`);
      if (!can(a.actor, 'case.nominate', resource)) throw forbidden('nominating this person');
      return a.r.cases.nominate(person, by, input.targetLevel, input.summary);
    });
    print(`Opened case ${opened.id}: ${options.person.trim().toLowerCase()} for ${opened.targetLevel}.`);
  });

  asOption(
    cases
      .command('committee')
      .description("Seat committee members for the case's current round; never from the reporting chain")
      .argument('<case>', "the case's id")
      .requiredOption('--members <a,b>', "the members' emails, comma-separated"),
  ).action(async (which: string, options: AsOptions & { members: string }) => {
    const { seats, a, c } = await withCase(options, async (a) => {
      const c = await caseFor(a, which, { action: 'case.assign', what: 'assigning a committee' });
      const members = options.members.split(',').map((m) => findPerson(a.people, m, '--members').id);
      const input = validateValue(committeeSchema, { members }, 'the committee');
      return { a, c, seats: await a.r.cases.assign(c.id, input.members) };
    });
    const round = seats.filter((s) => s.round === c.round).map((s) => nameOf(a, s.personId));
    print(`Case ${c.id}, round ${c.round} committee: ${round.join(', ')}.`);
  });

  asOption(
    cases
      .command('vote')
      .description('Vote on a case whose committee you sit on, with a rationale')
      .argument('<case>', "the case's id")
      .requiredOption('--vote <vote>', 'approve, decline or defer')
      .requiredOption('--rationale <text>', 'why'),
  ).action(async (which: string, options: AsOptions & { vote: string; rationale: string }) => {
    const vote = await withCase(options, async (a) => {
      const c = await caseFor(a, which, { action: 'case.vote', what: 'voting on this case' });
      const input = validateValue(
        voteSchema,
        { vote: options.vote, rationale: options.rationale },
        'the vote',
      );
      return a.r.cases.vote(c.id, needPerson(a, 'voting'), input.vote, input.rationale);
    });
    print(`Voted ${vote.vote} on case ${which} in round ${vote.round}.`);
  });

  asOption(
    cases
      .command('decide')
      .description(
        "Decide a case's current round, with a rationale the person reads; approving moves their level",
      )
      .argument('<case>', "the case's id")
      .requiredOption('--decision <decision>', 'approve, decline or defer')
      .requiredOption('--rationale <text>', 'why, for the person')
      .option('--effective-date <date>', 'when the new level starts, YYYY-MM-DD (needed to approve)'),
  ).action(
    async (
      which: string,
      options: AsOptions & { decision: string; rationale: string; effectiveDate?: string },
    ) => {
      const decided = await withCase(options, async (a) => {
        const c = await caseFor(a, which, { action: 'case.decide', what: 'deciding a case' });
        const input = validateValue(
          decideSchema,
          {
            decision: options.decision,
            rationale: options.rationale,
            ...(options.effectiveDate !== undefined && { effectiveDate: options.effectiveDate }),
          },
          'the decision',
        );
        return a.r.cases.decide(c.id, input.decision, input.rationale, input.effectiveDate);
      });
      print(`Decided ${summaryOf(decided)}.`);
    },
  );

  asOption(
    cases
      .command('appeal')
      .description('Appeal your own declined or deferred case, once; a different committee decides it')
      .argument('<case>', "the case's id")
      .requiredOption('--reason <text>', 'why'),
  ).action(async (which: string, options: AsOptions & { reason: string }) => {
    const appealed = await withCase(options, async (a) => {
      const c = await caseFor(a, which, { action: 'case.appeal', what: 'appealing this case' });
      const input = validateValue(appealSchema, { reason: options.reason }, 'the appeal');
      return a.r.cases.appeal(c.id, input.reason);
    });
    print(`Appealed ${summaryOf(appealed)}.`);
  });
}
