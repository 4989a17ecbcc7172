import type { Role } from '../../../core/org/policy.js';
import { DomainError } from '../../../core/problems.js';
import { newToken, tokenHash } from '../../secrets.js';
import { inTransaction, now } from '../common.js';
import { AccountRepository } from './accounts.js';
import { AuditRepository } from './audit.js';
import { over, type OrgScope } from './scope.js';

export interface ApiToken {
  name: string;
  email: string;
  role: Role;
  createdAt: string;
  revokedAt: string | undefined;
}

/**
 * API tokens for scripts: each acts for one account with one of its roles, and only while the
 * account still holds that role (checked on every request, see server/org/auth.ts). Only the
 * token's SHA-256 is kept; the token itself is shown once, when made.
 */
export class ApiTokenRepository {
  constructor(private readonly scope: OrgScope) {}

  async create(email: string, role: Role, name: string): Promise<{ token: string; created: ApiToken }> {
    const label = name.trim();
    if (label === '' || label.length > 100)
      throw new DomainError('usage', 'a token name must be 1 to 100 characters');
    return inTransaction(this.scope.db, async (trx) => {
      const scope = over(this.scope, trx);
      const account = await new AccountRepository(scope).byEmail(email);
      if (!account) throw new DomainError('not-found', `no account for ${email.trim().toLowerCase()}`);
      // Never more than the account may: a token's role is one the account holds.
      if (!account.roles.includes(role))
        throw new DomainError(
          'invalid-input',
          `${account.email} does not have the ${role} role, so no token of theirs can act with it (it has ${account.roles.join(', ') || 'no roles'})`,
        );
      if (await this.byName(label, scope))
        throw new DomainError('invalid-input', `a token named "${label}" already exists`);
      const token = newToken();
      const createdAt = now();
      await trx
        .insertInto('api_tokens')
        .values({
          organisation_id: scope.organisationId,
          account_id: account.id,
          name: label,
          role,
          token_hash: tokenHash(token),
          created_at: createdAt,
          revoked_at: null,
        })
        .execute();
      await new AuditRepository(scope).append({
        kind: 'token.create',
        subject: account.email,
        after: { name: label, role },
      });
      return { token, created: { name: label, email: account.email, role, createdAt, revokedAt: undefined } };
    });
  }

  async revoke(name: string): Promise<ApiToken> {
    return inTransaction(this.scope.db, async (trx) => {
      const scope = over(this.scope, trx);
      const found = await this.byName(name.trim(), scope);
      if (!found) throw new DomainError('not-found', `no token named "${name.trim()}"`);
      if (found.revokedAt !== undefined) return found;
      const revokedAt = now();
      await trx
        .updateTable('api_tokens')
        .set({ revoked_at: revokedAt })
        .where('organisation_id', '=', scope.organisationId)
        .where('name', '=', found.name)
        .execute();
      await new AuditRepository(scope).append({
        kind: 'token.revoke',
        subject: found.email,
        before: { name: found.name, role: found.role },
      });
      return { ...found, revokedAt };
    });
  }

  async list(): Promise<ApiToken[]> {
    return (await this.select(this.scope).orderBy('api_tokens.name').execute()).map(tokenOf);
  }

  private async byName(name: string, scope: OrgScope): Promise<ApiToken | undefined> {
    const row = await this.select(scope).where('api_tokens.name', '=', name).executeTakeFirst();
    return row && tokenOf(row);
  }

  private select(scope: OrgScope) {
    return scope.db
      .selectFrom('api_tokens')
      .innerJoin('accounts', 'accounts.id', 'api_tokens.account_id')
      .select([
        'api_tokens.name',
        'accounts.email',
        'api_tokens.role',
        'api_tokens.created_at',
        'api_tokens.revoked_at',
      ])
      .where('api_tokens.organisation_id', '=', scope.organisationId);
  }
}

function tokenOf(row: {
  name: string;
  email: string;
  role: string;
  created_at: string;
  revoked_at: string | null;
}): ApiToken {
  return {
    name: row.name,
    email: row.email,
    role: row.role as Role,
    createdAt: row.created_at,
    revokedAt: row.revoked_at ?? undefined,
  };
}
