import { DomainError } from '../../../core/problems.js';
import { newToken, tokenHash } from '../../secrets.js';
import { inTransaction, now } from '../common.js';
import { AuditRepository } from './audit.js';
import { over, type OrgScope } from './scope.js';

export type LinkPurpose = 'sign-in' | 'reset';

/** How long a one-time link works. */
export const LINK_HOURS = 24;

export interface CreatedLink {
  /** The token itself: shown once, to be put in the link; only its hash is kept. */
  token: string;
  expiresAt: string;
}

/**
 * One-time links: a sign-in link for a new account, a password reset for an existing one. Made by
 * an admin (no mail server needed), used once, valid for 24 hours.
 */
export class LinkRepository {
  constructor(private readonly scope: OrgScope) {}

  async create(
    accountId: number,
    email: string,
    purpose: LinkPurpose,
    at = new Date(),
  ): Promise<CreatedLink> {
    return inTransaction(this.scope.db, async (trx) => {
      const scope = over(this.scope, trx);
      const account = await trx
        .selectFrom('accounts')
        .select('id')
        .where('organisation_id', '=', scope.organisationId)
        .where('id', '=', accountId)
        .executeTakeFirst();
      if (!account) throw new DomainError('not-found', `no account for ${email}`);
      const token = newToken();
      const expiresAt = new Date(at.getTime() + LINK_HOURS * 3600_000).toISOString();
      await trx
        .insertInto('one_time_links')
        .values({
          organisation_id: scope.organisationId,
          account_id: accountId,
          purpose,
          token_hash: tokenHash(token),
          created_at: at.toISOString(),
          expires_at: expiresAt,
          used_at: null,
        })
        .execute();
      // The token never goes in the log: its entry says only that a link was made, and until when.
      await new AuditRepository(scope).append({
        kind: `link.${purpose}`,
        subject: email,
        after: { purpose, expiresAt },
      });
      return { token, expiresAt };
    });
  }

  /**
   * Uses a link: the account it was made for, once, before it expires; `undefined` for a token that
   * is unknown, of another organisation, already used or expired (the same answer for each).
   */
  async use(token: string, purpose: LinkPurpose, at = new Date()): Promise<number | undefined> {
    return inTransaction(this.scope.db, async (trx) => {
      const scope = over(this.scope, trx);
      const link = await trx
        .selectFrom('one_time_links')
        .select(['id', 'account_id', 'expires_at', 'used_at'])
        .where('organisation_id', '=', scope.organisationId)
        .where('token_hash', '=', tokenHash(token))
        .where('purpose', '=', purpose)
        .executeTakeFirst();
      if (!link || link.used_at !== null || link.expires_at <= at.toISOString()) return undefined;
      await trx
        .updateTable('one_time_links')
        .set({ used_at: now() })
        .where('organisation_id', '=', scope.organisationId)
        .where('id', '=', link.id)
        .execute();
      const account = await trx
        .selectFrom('accounts')
        .select('email')
        .where('organisation_id', '=', scope.organisationId)
        .where('id', '=', link.account_id)
        .executeTakeFirstOrThrow();
      await new AuditRepository(scope).append({
        kind: 'link.use',
        subject: account.email,
        after: { purpose },
      });
      return link.account_id;
    });
  }
}
