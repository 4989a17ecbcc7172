import { newToken, tokenHash } from '../../secrets.js';
import type { Kysely } from 'kysely';
import { credentialRow, withCredential } from '../../dialect/index.js';
import type { Tables } from '../../tables.js';
import { now } from '../common.js';
import { accountOf, type Account } from './accounts.js';
import { AuditRepository } from './audit.js';
import { orgScope, type OrgScope } from './scope.js';

/** How long a session lasts after sign-in, whatever its use: then its holder signs in again. */
export const SESSION_DAYS = 14;
/** How stale `last_seen_at` may get before a request writes it again (one write per few minutes, not per request). */
const SEEN_EVERY_MS = 5 * 60_000;

export interface CreatedSession {
  /** The cookie's value: given to the browser once; only its hash is kept. */
  token: string;
  expiresAt: string;
}

/** A session or API token found by what the client sent, with the account it signs in. */
export interface Credential {
  organisationId: number;
  /** The session's row id, or the token's. */
  id: number;
  /** For an API token: the one role it acts with. */
  role?: string;
  /** For a session: when it ends. */
  expiresAt?: string;
  /** The account, never a disabled one. */
  account: Account;
}

/** The signed-in sessions of one organisation's accounts. */
export class SessionRepository {
  constructor(private readonly scope: OrgScope) {}

  async create(accountId: number, email: string, at = new Date()): Promise<CreatedSession> {
    const token = newToken();
    const expiresAt = new Date(at.getTime() + SESSION_DAYS * 86_400_000).toISOString();
    await this.scope.db
      .insertInto('sessions')
      .values({
        organisation_id: this.scope.organisationId,
        account_id: accountId,
        token_hash: tokenHash(token),
        created_at: at.toISOString(),
        last_seen_at: at.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
    await new AuditRepository(this.scope).append({
      kind: 'session.create',
      subject: email,
      after: { expiresAt },
    });
    return { token, expiresAt };
  }

  /** Signs one session out. */
  async end(id: number): Promise<void> {
    await this.scope.db
      .deleteFrom('sessions')
      .where('organisation_id', '=', this.scope.organisationId)
      .where('id', '=', id)
      .execute();
  }

  /** Signs an account out everywhere: every session it holds. Returns how many ended. */
  async endAll(accountId: number, email: string): Promise<number> {
    const result = await this.scope.db
      .deleteFrom('sessions')
      .where('organisation_id', '=', this.scope.organisationId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    const ended = Number(result.numDeletedRows);
    await new AuditRepository(this.scope).append({
      kind: 'session.end-all',
      subject: email,
      after: { ended },
    });
    return ended;
  }
}

/**
 * Finds what a request's cookie or bearer token stands for, in whichever organisation it belongs
 * to: the one lookup not scoped by an organisation, since the credential is what names it. One
 * query names the token's hash (`credentialRow`, one round trip on PostgreSQL) and reads its row with its
 * account in one query: on PostgreSQL row-level security shows that one credential row and the one
 * account it signs in, and nothing else. An unknown, expired or revoked credential, or one of a
 * disabled account, is `undefined` alike.
 */
const ACCOUNT_COLUMNS = [
  'accounts.id',
  'accounts.email',
  'accounts.person_id',
  'accounts.roles',
  'accounts.password_hash',
  'accounts.disabled',
] as const;

export class CredentialLookup {
  constructor(private readonly db: Kysely<Tables>) {}

  async session(token: string, at = new Date()): Promise<Credential | undefined> {
    const hash = tokenHash(token);
    const row = await credentialRow(this.db, hash, 'sessions', (db) =>
      db
        .selectFrom('sessions')
        .innerJoin('accounts', (j) =>
          j
            .onRef('accounts.id', '=', 'sessions.account_id')
            .onRef('accounts.organisation_id', '=', 'sessions.organisation_id'),
        )
        .select(ACCOUNT_COLUMNS)
        .where('sessions.token_hash', '=', hash)
        .select([
          'sessions.id as credential_id',
          'sessions.organisation_id',
          'sessions.last_seen_at',
          'sessions.expires_at',
        ]),
    );
    if (!row || row.disabled === 1 || row.expires_at <= at.toISOString()) return undefined;
    if (at.getTime() - Date.parse(row.last_seen_at) > SEEN_EVERY_MS) {
      const scope = orgScope(this.db, row.organisation_id, 'server');
      await scope.db
        .updateTable('sessions')
        .set({ last_seen_at: now() })
        .where('organisation_id', '=', scope.organisationId)
        .where('id', '=', row.credential_id)
        .execute();
    }
    return {
      organisationId: row.organisation_id,
      id: row.credential_id,
      expiresAt: row.expires_at,
      account: accountOf(row),
    };
  }

  async apiToken(token: string): Promise<Credential | undefined> {
    const hash = tokenHash(token);
    const row = await credentialRow(this.db, hash, 'api_tokens', (db) =>
      db
        .selectFrom('api_tokens')
        .innerJoin('accounts', (j) =>
          j
            .onRef('accounts.id', '=', 'api_tokens.account_id')
            .onRef('accounts.organisation_id', '=', 'api_tokens.organisation_id'),
        )
        .select(ACCOUNT_COLUMNS)
        .where('api_tokens.token_hash', '=', hash)
        .select([
          'api_tokens.id as credential_id',
          'api_tokens.organisation_id',
          'api_tokens.role as token_role',
          'api_tokens.revoked_at',
        ]),
    );
    if (!row || row.disabled === 1 || row.revoked_at !== null) return undefined;
    return {
      organisationId: row.organisation_id,
      id: row.credential_id,
      role: row.token_role,
      account: accountOf(row),
    };
  }
  /** The organisation a one-time link's token belongs to, so that it can be used there. */
  async link(token: string): Promise<{ organisationId: number; purpose: string } | undefined> {
    const hash = tokenHash(token);
    const row = await withCredential(this.db, hash, (trx) =>
      trx
        .selectFrom('one_time_links')
        .select(['organisation_id', 'purpose'])
        .where('token_hash', '=', hash)
        .executeTakeFirst(),
    );
    return row && { organisationId: row.organisation_id, purpose: row.purpose };
  }
}
