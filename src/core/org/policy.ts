/**
 * The one policy of an organisation: who may do what to which resource. Every adapter asks
 * `can(actor, action, resource)`; none decides on its own. A role grants an action within a reach:
 * the whole organisation, the actor's reporting subtree, the actor themselves, or the promotion
 * cases the actor sits on the committee of. Private actions (a person's evidence and draft
 * self-assessments) are the person's own until they share them; sharing opens them to the reach of
 * the other roles, never wider. A resource of another organisation is denied exactly as a missing
 * one: the answer is the same `false`, so a denial never says whether something exists.
 */

export const roles = ['admin', 'hr', 'manager', 'employee', 'committee'] as const;
export type Role = (typeof roles)[number];

export type Reach = 'organisation' | 'subtree' | 'self' | 'assigned';

export const actions = [
  'organisation.read',
  'directory.read',
  'person.read',
  'person.gender.read',
  'person.write',
  'people.import',
  'people.export',
  'framework.read',
  'framework.plan',
  'framework.adopt',
  'evidence.read',
  'evidence.write',
  'assessment.draft.read',
  'assessment.self.write',
  'assessment.manager.write',
  'assessment.peer.write',
  'assessment.read',
  'cycle.read',
  'cycle.manage',
  'peer.request',
  'calibration.read',
  'calibration.adjust',
  'case.read',
  'case.nominate',
  'case.assign',
  'case.vote',
  'case.decide',
  'case.appeal',
  'account.manage',
  'audit.read',
  'pay.read',
  'pay.request',
  'pay.criteria.read',
  'pay.write',
  'pay.report',
  'pay.justify',
  'settings.write',
  'structure.read',
] as const;
export type Action = (typeof actions)[number];

interface Rule {
  /** What the action does, for the documentation. */
  means: string;
  grants: Partial<Record<Role, Reach>>;
  /** Only the owner, until they share it. */
  private?: true;
  /** A `subtree` reach that holds only when the organisation turns this setting on. */
  subtreeIf?: OrgSetting;
}

/** The organisation's settings that widen the policy; each is off until an admin turns it on. */
export const orgSettings = ['managers-see-pay'] as const;
export type OrgSetting = (typeof orgSettings)[number];

const everyone: Partial<Record<Role, Reach>> = {
  admin: 'organisation',
  hr: 'organisation',
  manager: 'organisation',
  employee: 'organisation',
  committee: 'organisation',
};
const personRecord: Partial<Record<Role, Reach>> = {
  admin: 'organisation',
  hr: 'organisation',
  manager: 'subtree',
  employee: 'self',
  committee: 'assigned',
};
const peopleOffice: Partial<Record<Role, Reach>> = { admin: 'organisation', hr: 'organisation' };

/** The table of actions × roles: the whole policy. docs/organisation.md shows it as rendered here. */
export const policyTable: Record<Action, Rule> = {
  'organisation.read': { means: "the organisation's name and settings", grants: everyone },
  'directory.read': { means: 'the directory: name, email, team, manager', grants: everyone },
  'person.read': { means: "a person's record: level, dates, zone, status", grants: personRecord },
  'person.gender.read': { means: "a person's self-reported gender", grants: peopleOffice },
  'person.write': { means: 'add, edit or mark as left a person', grants: peopleOffice },
  'people.import': { means: 'import people from CSV', grants: peopleOffice },
  'people.export': { means: 'export people to CSV (gender included)', grants: peopleOffice },
  'framework.read': { means: "the organisation's framework versions", grants: everyone },
  'framework.plan': { means: 'who a new framework version would affect', grants: peopleOffice },
  'framework.adopt': { means: 'adopt a new framework version', grants: { admin: 'organisation' } },
  'evidence.read': {
    means: "a person's evidence log",
    grants: { ...personRecord, employee: 'self' },
    private: true,
  },
  'evidence.write': { means: "write a person's evidence log", grants: { employee: 'self' } },
  'assessment.draft.read': { means: 'a draft self-assessment', grants: personRecord, private: true },
  'assessment.self.write': { means: 'write a self-assessment', grants: { employee: 'self' } },
  'assessment.manager.write': { means: "write a manager's assessment", grants: { manager: 'subtree' } },
  'assessment.peer.write': {
    means: 'answer a peer request addressed to oneself',
    grants: { employee: 'self' },
  },
  'assessment.read': {
    means: "a person's submitted assessments, self against manager",
    grants: personRecord,
  },
  'cycle.read': { means: 'the review cycles: scope, deadlines, status; one’s to-do', grants: everyone },
  'cycle.manage': { means: 'open and close review cycles', grants: peopleOffice },
  'peer.request': {
    means: "ask peers to rate a person's competencies",
    grants: { employee: 'self', manager: 'subtree' },
  },
  'calibration.read': { means: "a cycle's calibration summary and drift", grants: peopleOffice },
  'calibration.adjust': {
    means: 'adjust an outcome in calibration, with a reason',
    grants: { hr: 'organisation', manager: 'subtree' },
  },
  'case.read': { means: 'a promotion case', grants: personRecord },
  'case.nominate': {
    means: 'nominate a person for promotion (oneself, with the manager as sponsor)',
    grants: { manager: 'subtree', employee: 'self' },
  },
  'case.assign': { means: "assign a case's committee", grants: { hr: 'organisation' } },
  'case.vote': { means: 'vote on a promotion case', grants: { committee: 'assigned' } },
  'case.decide': { means: 'decide a promotion case, with its rationale', grants: { hr: 'organisation' } },
  'case.appeal': { means: "appeal one's own case, once", grants: { employee: 'self' } },
  'account.manage': {
    means: 'accounts, roles, sign-in and reset links',
    grants: { admin: 'organisation' },
  },
  'audit.read': { means: 'the audit log', grants: peopleOffice },
  'pay.read': {
    means: "a person's pay",
    grants: { admin: 'organisation', hr: 'organisation', manager: 'subtree', employee: 'self' },
    subtreeIf: 'managers-see-pay',
  },
  'pay.request': {
    means: "a worker's pay information: own pay and their category's averages by gender",
    grants: { admin: 'organisation', hr: 'organisation', employee: 'self' },
  },
  'pay.criteria.read': {
    means: 'the criteria for pay and progression, with the pay ranges',
    grants: everyone,
  },
  'pay.write': { means: "set the pay bands, import people's pay", grants: peopleOffice },
  'pay.report': { means: 'the pay-gap report and band health', grants: peopleOffice },
  'pay.justify': { means: "justify a flagged category's pay gap", grants: { hr: 'organisation' } },
  'settings.write': { means: "change the organisation's settings", grants: { admin: 'organisation' } },
  'structure.read': {
    means: 'the structure report: headcount, spans, layers, time in level, leavers',
    grants: peopleOffice,
  },
};

/** Who is asking: their organisation, their person (if any), roles, subtree and committee cases. */
export interface Actor {
  organisationId: number;
  personId?: number | undefined;
  roles: readonly Role[];
  /** The people below the actor in the reporting tree (not the actor). */
  subtree: ReadonlySet<number>;
  /** The promotion cases the actor is on the committee of. */
  cases: ReadonlySet<number>;
  /** The organisation's settings that are on. */
  settings?: ReadonlySet<OrgSetting>;
}

/** What is asked about; `undefined` when it does not exist. */
export interface Resource {
  organisationId: number;
  /** The person it is about or belongs to. */
  personId?: number | undefined;
  /** The promotion case it is part of. */
  caseId?: number | undefined;
  /** For a private resource: whether its owner has shared it. */
  shared?: boolean;
}

export function can(actor: Actor, action: Action, resource: Resource | undefined): boolean {
  if (resource === undefined || resource.organisationId !== actor.organisationId) return false;
  const rule = policyTable[action];
  const own = actor.personId !== undefined && resource.personId === actor.personId;
  if (rule.private && !own && resource.shared !== true) return false;
  return actor.roles.some((role) => {
    const reach = rule.grants[role];
    switch (reach) {
      case 'organisation':
        return true;
      case 'subtree':
        if (rule.subtreeIf !== undefined && actor.settings?.has(rule.subtreeIf) !== true) return false;
        return resource.personId !== undefined && actor.subtree.has(resource.personId);
      case 'self':
        return own;
      case 'assigned':
        return resource.caseId !== undefined && actor.cases.has(resource.caseId);
      default:
        return false;
    }
  });
}

/**
 * What `can` reads of an actor holding `held` beyond their roles and subtree: their committee seats
 * (a role reaching `assigned` cases) and the organisation's settings (a subtree reach that one
 * widens). A request loads only these, so that most need neither query.
 */
export function actorNeeds(held: readonly Role[]): { cases: boolean; settings: boolean } {
  const rules = Object.values(policyTable);
  return {
    cases: rules.some((r) => held.some((role) => r.grants[role] === 'assigned')),
    settings: rules.some(
      (r) => r.subtreeIf !== undefined && held.some((role) => r.grants[role] === 'subtree'),
    ),
  };
}

/**
 * Whether any of `held` grants `action` at some reach: what a page may offer at all (the answer on
 * a particular resource is still `can`'s, on the server).
 */
export function grantsAny(held: readonly string[], action: Action): boolean {
  const { grants } = policyTable[action];
  return held.some(
    (role) => (roles as readonly string[]).includes(role) && grants[role as Role] !== undefined,
  );
}

const reachWords: Record<Reach, string> = {
  organisation: 'all',
  subtree: 'subtree',
  self: 'self',
  assigned: 'their cases',
};

/** The policy as a Markdown table, for docs/organisation.md (a test keeps the two the same). */
export function policyMarkdown(): string {
  const head = `| action | what | ${roles.join(' | ')} |`;
  const rule = `| --- | --- | ${roles.map(() => '---').join(' | ')} |`;
  const rows = actions.map((action) => {
    const { means, grants, private: mine, subtreeIf } = policyTable[action];
    const cells = roles.map((role) => {
      const reach = grants[role];
      if (reach === undefined) return '–';
      const when = reach === 'subtree' && subtreeIf !== undefined ? ` (if \`${subtreeIf}\`)` : '';
      return `${reachWords[reach]}${mine && reach !== 'self' ? ' (shared)' : ''}${when}`;
    });
    return `| \`${action}\` | ${means} | ${cells.join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n');
}
