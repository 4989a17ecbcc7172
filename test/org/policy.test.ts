import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactAuditEntry } from '../../src/core/org/audit.js';
import {
  actions,
  actorNeeds,
  can,
  grantsAny,
  policyMarkdown,
  roles,
  type Action,
  type Actor,
  type Role,
} from '../../src/core/org/policy.js';
import { repoRoot } from '../helpers/cli.js';

/**
 * Every action × role × relation, written out by hand: o = the actor's own record, s = someone in
 * their reporting subtree, c = the subject of a promotion case they sit on, x = anyone else of the
 * organisation. Private actions have a second line for what their owner has shared.
 */
const expected: Record<Action, Record<Role, string>> = {
  'organisation.read': { admin: 'oscx', hr: 'oscx', manager: 'oscx', employee: 'oscx', committee: 'oscx' },
  'directory.read': { admin: 'oscx', hr: 'oscx', manager: 'oscx', employee: 'oscx', committee: 'oscx' },
  'person.read': { admin: 'oscx', hr: 'oscx', manager: 's', employee: 'o', committee: 'c' },
  'person.gender.read': { admin: 'oscx', hr: 'oscx', manager: '', employee: '', committee: '' },
  'person.write': { admin: 'oscx', hr: 'oscx', manager: '', employee: '', committee: '' },
  'people.import': { admin: 'oscx', hr: 'oscx', manager: '', employee: '', committee: '' },
  'people.export': { admin: 'oscx', hr: 'oscx', manager: '', employee: '', committee: '' },
  'framework.read': { admin: 'oscx', hr: 'oscx', manager: 'oscx', employee: 'oscx', committee: 'oscx' },
  'framework.plan': { admin: 'oscx', hr: 'oscx', manager: '', employee: '', committee: '' },
  'framework.adopt': { admin: 'oscx', hr: '', manager: '', employee: '', committee: '' },
  'evidence.read': { admin: 'o', hr: 'o', manager: '', employee: 'o', committee: '' },
  'evidence.write': { admin: '', hr: '', manager: '', employee: 'o', committee: '' },
  'assessment.draft.read': { admin: 'o', hr: 'o', manager: '', employee: 'o', committee: '' },
  'assessment.self.write': { admin: '', hr: '', manager: '', employee: 'o', committee: '' },
  'assessment.manager.write': { admin: '', hr: '', manager: 's', employee: '', committee: '' },
  'assessment.peer.write': { admin: '', hr: '', manager: '', employee: 'o', committee: '' },
  'assessment.read': { admin: 'oscx', hr: 'oscx', manager: 's', employee: 'o', committee: 'c' },
  'cycle.read': { admin: 'oscx', hr: 'oscx', manager: 'oscx', employee: 'oscx', committee: 'oscx' },
  'cycle.manage': { admin: 'oscx', hr: 'oscx', manager: '', employee: '', committee: '' },
  'peer.request': { admin: '', hr: '', manager: 's', employee: 'o', committee: '' },
  'calibration.read': { admin: 'oscx', hr: 'oscx', manager: '', employee: '', committee: '' },
  'calibration.adjust': { admin: '', hr: 'oscx', manager: 's', employee: '', committee: '' },
  'case.read': { admin: 'oscx', hr: 'oscx', manager: 's', employee: 'o', committee: 'c' },
  'case.nominate': { admin: '', hr: '', manager: 's', employee: 'o', committee: '' },
  'case.assign': { admin: '', hr: 'oscx', manager: '', employee: '', committee: '' },
  'case.vote': { admin: '', hr: '', manager: '', employee: '', committee: 'c' },
  'case.decide': { admin: '', hr: 'oscx', manager: '', employee: '', committee: '' },
  'case.appeal': { admin: '', hr: '', manager: '', employee: 'o', committee: '' },
  'account.manage': { admin: 'oscx', hr: '', manager: '', employee: '', committee: '' },
  'audit.read': { admin: 'oscx', hr: 'oscx', manager: '', employee: '', committee: '' },
  // A manager reads their subtree's pay only when the organisation turns managers-see-pay on (below).
  'pay.read': { admin: 'oscx', hr: 'oscx', manager: '', employee: 'o', committee: '' },
  'pay.request': { admin: 'oscx', hr: 'oscx', manager: '', employee: 'o', committee: '' },
  'pay.criteria.read': { admin: 'oscx', hr: 'oscx', manager: 'oscx', employee: 'oscx', committee: 'oscx' },
  'pay.write': { admin: 'oscx', hr: 'oscx', manager: '', employee: '', committee: '' },
  'pay.report': { admin: 'oscx', hr: 'oscx', manager: '', employee: '', committee: '' },
  'pay.justify': { admin: '', hr: 'oscx', manager: '', employee: '', committee: '' },
  'settings.write': { admin: 'oscx', hr: '', manager: '', employee: '', committee: '' },
  'structure.read': { admin: 'oscx', hr: 'oscx', manager: '', employee: '', committee: '' },
};
/** What private actions allow once the owner has shared. */
const shared: Partial<Record<Action, Record<Role, string>>> = {
  'evidence.read': { admin: 'oscx', hr: 'oscx', manager: 's', employee: 'o', committee: 'c' },
  'assessment.draft.read': { admin: 'oscx', hr: 'oscx', manager: 's', employee: 'o', committee: 'c' },
};

const ORG = 1;
const OTHER_ORG = 2;
const SELF = 10;
const REPORT = 11;
const CASE_SUBJECT = 12;
const STRANGER = 13;
const CASE = 500;

const actorWith = (role: Role): Actor => ({
  organisationId: ORG,
  personId: SELF,
  roles: [role],
  subtree: new Set([REPORT]),
  cases: new Set([CASE]),
});
const relations = {
  o: { personId: SELF },
  s: { personId: REPORT },
  c: { personId: CASE_SUBJECT, caseId: CASE },
  x: { personId: STRANGER },
} as const;

describe('the policy, action by action and role by role', () => {
  for (const action of actions)
    for (const role of roles)
      it(`${action} as ${role}`, () => {
        const actor = actorWith(role);
        for (const [letter, resource] of Object.entries(relations)) {
          expect(can(actor, action, { organisationId: ORG, ...resource }), `${letter}`).toBe(
            expected[action][role].includes(letter),
          );
          const open = shared[action]?.[role] ?? expected[action][role];
          expect(
            can(actor, action, { organisationId: ORG, ...resource, shared: true }),
            `${letter} shared`,
          ).toBe(open.includes(letter));
          // Another organisation's resource, even one carrying the actor's own person id, is denied
          // exactly as a missing one.
          expect(can(actor, action, { organisationId: OTHER_ORG, ...resource, shared: true })).toBe(false);
        }
        expect(can(actor, action, undefined)).toBe(false);
      });

  it('an actor with several roles gets the union of their reaches', () => {
    const actor = { ...actorWith('manager'), roles: ['manager', 'employee'] as Role[] };
    expect(can(actor, 'person.read', { organisationId: ORG, personId: SELF })).toBe(true);
    expect(can(actor, 'person.read', { organisationId: ORG, personId: REPORT })).toBe(true);
    expect(can(actor, 'person.read', { organisationId: ORG, personId: STRANGER })).toBe(false);
  });

  it("a manager reads their subtree's pay only when the organisation turns managers-see-pay on", () => {
    const manager = { ...actorWith('manager'), settings: new Set(['managers-see-pay'] as const) };
    expect(can(manager, 'pay.read', { organisationId: ORG, personId: REPORT })).toBe(true);
    expect(can(manager, 'pay.read', { organisationId: ORG, personId: STRANGER })).toBe(false);
    expect(can(manager, 'pay.read', { organisationId: ORG, personId: SELF })).toBe(false);
    expect(can(actorWith('manager'), 'pay.read', { organisationId: ORG, personId: REPORT })).toBe(false);
    // The setting widens nothing else a manager's subtree reach grants.
    expect(can(manager, 'person.read', { organisationId: ORG, personId: REPORT })).toBe(true);
    const employee = { ...actorWith('employee'), settings: manager.settings };
    expect(can(employee, 'pay.read', { organisationId: ORG, personId: REPORT })).toBe(false);
  });

  it('docs/organisation.md shows the table exactly as the code has it', () => {
    // Prettier pads the cells and rules of the table: compared without the padding.
    const squeeze = (text: string) => text.replace(/ *\| */g, '|').replace(/-{3,}/g, '---');
    const docs = readFileSync(join(repoRoot, 'docs', 'organisation.md'), 'utf8');
    expect(squeeze(docs)).toContain(squeeze(policyMarkdown()));
  });
});

describe('the audit log as a reader sees it', () => {
  const entry = {
    id: 1,
    at: '2026-12-01T10:00:00.000Z',
    actor: 'cli:hr',
    kind: 'person.update',
    subject: 'cy@acme.test',
    before: { email: 'cy@acme.test', gender: 'woman', team: 'A' },
    after: { email: 'cy@acme.test', gender: 'woman', team: 'B' },
  };
  it('keeps gender for hr and admin', () => {
    expect(redactAuditEntry(actorWith('hr'), entry)).toEqual(entry);
    expect(redactAuditEntry(actorWith('admin'), entry)).toEqual(entry);
  });
  it('removes it for everyone else', () => {
    for (const role of ['manager', 'employee', 'committee'] as const) {
      const seen = redactAuditEntry(actorWith(role), entry);
      expect(seen.before).toEqual({ email: 'cy@acme.test', team: 'A' });
      expect(seen.after).toEqual({ email: 'cy@acme.test', team: 'B' });
    }
  });
});

describe('what a page may offer a role', () => {
  it('grants an action when any role held has any reach for it', () => {
    expect(grantsAny(['employee'], 'directory.read')).toBe(true);
    expect(grantsAny(['employee'], 'audit.read')).toBe(false);
    expect(grantsAny(['manager', 'hr'], 'audit.read')).toBe(true);
    expect(grantsAny(['hr'], 'account.manage')).toBe(false);
    expect(grantsAny(['admin'], 'account.manage')).toBe(true);
    expect(grantsAny(['owner'], 'directory.read')).toBe(false);
    expect(grantsAny([], 'directory.read')).toBe(false);
  });
});

describe('what the policy reads of an actor beyond roles and subtree', () => {
  it('asks for committee seats only of a committee member, for settings only of a manager', () => {
    expect(actorNeeds(['employee'])).toEqual({ cases: false, settings: false });
    expect(actorNeeds(['admin', 'hr'])).toEqual({ cases: false, settings: false });
    expect(actorNeeds(['manager'])).toEqual({ cases: false, settings: true });
    expect(actorNeeds(['committee', 'employee'])).toEqual({ cases: true, settings: false });
  });
});
