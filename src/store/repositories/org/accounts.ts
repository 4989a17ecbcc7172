import { checkPassword } from '../../../core/org/account.js';
import type { Role } from '../../../core/org/policy.js';
import { DomainError } from '../../../core/problems.js';
import { hashPassword } from '../../secrets.js';
import { inTransaction, now } from '../common.js';
import { AuditRepository } from './audit.js';
import { over, type OrgScope } from './scope.js';

export interface Account {
  id: number;
  email: string;
  personId: number | undefined;
  roles: Role[];
  hasPassword: boolean;
  disabled: boolean;
}

/** What the audit log keeps of an account: never its password hash. */
const audited = (a: Account) => ({
  email: a.email,
  person: a.personId !== undefined,
  roles: a.roles,
  disabled: a.disabled,
  hasPassword: a.hasPassword,
});

/**
 * The accounts of one organisation: an email, the person it is (when one has that email), its
 * roles, a password hash (see secrets.ts) and a disabled flag. Every write is audited.
 */
export class AccountRepository {
  constructor(private readonly scope: OrgScope) {}

  async byEmail(email: string): Promise<Account | undefined> {
    const row = await this.select().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    return row && accountOf(row);
  }

  /** An account by row id, only within the organisation. */
  async byId(id: number): Promise<Account | undefined> {
    const row = await this.select().where('id', '=', id).executeTakeFirst();
    return row && accountOf(row);
  }

  async list(): Promise<Account[]> {
    return (await this.select().orderBy('email').execute()).map(accountOf);
  }

  /** The password hash, for signing in: kept out of `Account` so that it is never printed by mistake. */
  async passwordHash(id: number): Promise<string | undefined> {
    const row = await this.scope.db
      .selectFrom('accounts')
      .select('password_hash')
      .where('organisation_id', '=', this.scope.organisationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.password_hash ?? undefined;
  }

  /**
   * Creates the account for `email` with `roles`, linked to the person with that email when there
   * is one (who then also has the `employee` role).
   */
  async create(email: string, roles: Role[]): Promise<Account> {
    return inTransaction(this.scope.db, async (trx) => {
      const scope = over(this.scope, trx);
      const address = email.trim().toLowerCase();
      if (await new AccountRepository(scope).byEmail(address))
        throw new DomainError('invalid-input', `an account for ${address} already exists`);
      const person = await trx
        .selectFrom('people')
        .select('id')
        .where('organisation_id', '=', scope.organisationId)
        .where('email', '=', address)
        .executeTakeFirst();
      const given = person && !roles.includes('employee') ? [...roles, 'employee' as const] : roles;
      const at = now();
      const { id } = await trx
        .insertInto('accounts')
        .values({
          organisation_id: scope.organisationId,
          email: address,
          person_id: person?.id ?? null,
          roles: JSON.stringify(given),
          password_hash: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const account = (await new AccountRepository(scope).byId(id))!;
      await new AuditRepository(scope).append({
        kind: 'account.create',
        subject: address,
        after: audited(account),
      });
      return account;
    });
  }

  async addRole(email: string, role: Role): Promise<Account> {
    return this.change(email, 'account.role.add', (a) => ({
      roles: JSON.stringify(a.roles.includes(role) ? a.roles : [...a.roles, role]),
    }));
  }

  /** Links the account with this email (if any, and not linked yet) to the person just added. */
  async linkPerson(email: string, personId: number): Promise<void> {
    const account = await this.byEmail(email);
    if (!account || account.personId !== undefined) return;
    await this.change(email, 'account.link', (a) => ({
      person_id: personId,
      roles: JSON.stringify(a.roles.includes('employee') ? a.roles : [...a.roles, 'employee']),
    }));
  }

  async removeRole(email: string, role: Role): Promise<Account> {
    const admins = (await this.list()).filter((a) => a.roles.includes('admin') && !a.disabled);
    return this.change(email, 'account.role.remove', (a) => {
      if (!a.roles.includes(role))
        throw new DomainError('invalid-input', `${a.email} does not have the ${role} role`);
      // An organisation without an admin could not be managed any more, except by hand.
      if (role === 'admin' && admins.length === 1 && admins[0]!.id === a.id)
        throw new DomainError(
          'invalid-input',
          `${a.email} is the only admin: give another account the admin role first`,
        );
      return { roles: JSON.stringify(a.roles.filter((r) => r !== role)) };
    });
  }

  async setPassword(email: string, password: string): Promise<Account> {
    checkPassword(password);
    const hash = await hashPassword(password);
    return this.change(email, 'account.password.set', () => ({ password_hash: hash }));
  }

  async setDisabled(email: string, disabled: boolean): Promise<Account> {
    return this.change(email, disabled ? 'account.disable' : 'account.enable', () => ({
      disabled: disabled ? 1 : 0,
    }));
  }

  private async change(
    email: string,
    kind: string,
    columns: (account: Account) => {
      roles?: string;
      password_hash?: string;
      disabled?: number;
      person_id?: number;
    },
  ): Promise<Account> {
    return inTransaction(this.scope.db, async (trx) => {
      const scope = over(this.scope, trx);
      const repository = new AccountRepository(scope);
      const before = await repository.byEmail(email);
      if (!before) throw new DomainError('not-found', `no account for ${email.trim().toLowerCase()}`);
      await trx
        .updateTable('accounts')
        .set({ ...columns(before), updated_at: now() })
        .where('organisation_id', '=', scope.organisationId)
        .where('id', '=', before.id)
        .execute();
      const after = (await repository.byId(before.id))!;
      await new AuditRepository(scope).append({
        kind,
        subject: before.email,
        before: audited(before),
        after: audited(after),
      });
      return after;
    });
  }

  private select() {
    return this.scope.db
      .selectFrom('accounts')
      .select(['id', 'email', 'person_id', 'roles', 'password_hash', 'disabled'])
      .where('organisation_id', '=', this.scope.organisationId);
  }
}

/** An account as a row of `accounts` holds it, its password hash reduced to whether it has one. */
export function accountOf(row: {
  id: number;
  email: string;
  person_id: number | null;
  roles: string;
  password_hash: string | null;
  disabled: number;
}): Account {
  return {
    id: row.id,
    email: row.email,
    personId: row.person_id ?? undefined,
    roles: JSON.parse(row.roles) as Role[],
    hasPassword: row.password_hash !== null,
    disabled: row.disabled === 1,
  };
}
