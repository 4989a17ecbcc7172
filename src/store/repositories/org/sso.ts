import { DomainError } from '../../../core/problems.js';
import { inTransaction, now } from '../common.js';
import { AuditRepository } from './audit.js';
import { over, type OrgScope } from './scope.js';

/** What an organisation's single sign-on is set to, without its secret: safe to print or log. */
export interface SsoSettings {
  issuer: string;
  clientId: string;
  updatedAt: string;
}

/** The settings with the client secret, for the sign-in itself and nothing else. */
export interface SsoClient extends SsoSettings {
  clientSecret: string;
}

/** The longest issuer URL, client id or secret accepted. */
const MAX_LENGTH = 2000;

/** An issuer URL: https, or http on a loopback address (a provider on the same machine). */
export function checkIssuer(text: string, where = '--issuer'): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new DomainError('usage', `${where} must be a URL such as https://login.example.com/realms/acme`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new DomainError('usage', `${where} must be an https:// URL (http:// only on a loopback address)`);
  if (url.search !== '' || url.hash !== '')
    throw new DomainError('usage', `${where} must not carry a query or a fragment`);
  return url.toString().replace(/\/$/, '');
}

function checkText(text: string, what: string): string {
  const value = text.trim();
  if (value === '' || value.length > MAX_LENGTH)
    throw new DomainError('usage', `${what} must be 1 to ${MAX_LENGTH} characters`);
  return value;
}

/**
 * An organisation's OpenID Connect provider. The client secret is kept because the sign-in needs
 * it to redeem a code; it is never returned by `settings`, never written to the audit log.
 */
export class SsoRepository {
  constructor(private readonly scope: OrgScope) {}

  async set(issuer: string, clientId: string, clientSecret: string): Promise<SsoSettings> {
    const values = {
      issuer: checkIssuer(issuer),
      client_id: checkText(clientId, 'the client id'),
      client_secret: checkText(clientSecret, 'the client secret'),
      updated_at: now(),
    };
    return inTransaction(this.scope.db, async (trx) => {
      const scope = over(this.scope, trx);
      const before = await new SsoRepository(scope).settings();
      if (before)
        await trx
          .updateTable('organisation_sso')
          .set(values)
          .where('organisation_id', '=', scope.organisationId)
          .execute();
      else
        await trx
          .insertInto('organisation_sso')
          .values({ organisation_id: scope.organisationId, ...values })
          .execute();
      const after = { issuer: values.issuer, clientId: values.client_id };
      await new AuditRepository(scope).append({
        kind: 'sso.set',
        subject: 'sso',
        ...(before && { before: { issuer: before.issuer, clientId: before.clientId } }),
        after,
      });
      return { ...after, updatedAt: values.updated_at };
    });
  }

  async settings(): Promise<SsoSettings | undefined> {
    const client = await this.client();
    return client && { issuer: client.issuer, clientId: client.clientId, updatedAt: client.updatedAt };
  }

  async client(): Promise<SsoClient | undefined> {
    const row = await this.scope.db
      .selectFrom('organisation_sso')
      .select(['issuer', 'client_id', 'client_secret', 'updated_at'])
      .where('organisation_id', '=', this.scope.organisationId)
      .executeTakeFirst();
    return (
      row && {
        issuer: row.issuer,
        clientId: row.client_id,
        clientSecret: row.client_secret,
        updatedAt: row.updated_at,
      }
    );
  }
}
