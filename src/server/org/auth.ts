import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../core/org/policy.js';
import type { Db } from '../../store/repositories/common.js';
import { DomainError } from '../../core/problems.js';
import type { Organisation } from '../../store/repositories/org/organisations.js';
import { CredentialLookup } from '../../store/repositories/org/sessions.js';
import { tokenHash } from '../../store/secrets.js';
import { TransportError } from '../errors.js';
import type { RecentCredentials } from './recent-credentials.js';

/**
 * Who a request is signed in as: by the session cookie (a browser) or by `Authorization: Bearer`
 * (a script's API token). A token acts with its one role, and only while its account still holds
 * that role: never more than the account may.
 */
export interface Principal {
  organisationId: number;
  accountId: number;
  email: string;
  personId: number | undefined;
  roles: Role[];
  via: 'session' | 'token';
  /** The session's or token's row id. */
  credentialId: number;
}

export const SESSION_COOKIE = 'trellis_session';
/**
 * The header every state-changing request signed in by cookie must carry. A page of another site
 * cannot send a custom header without a CORS preflight, which this server never grants; a bearer
 * token is never sent by a browser on its own, so token requests need no such header.
 */
export const CSRF_HEADER = 'x-trellis-csrf';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The methods that change nothing, whose credential may be one resolved a moment ago. */
const READS = new Set(['GET', 'HEAD']);

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

/**
 * Who this server's requests are signed in as. A read may reuse what its credential resolved to a
 * moment ago (`RecentCredentials`); a state-changing request always asks the database.
 */
export class Principals {
  constructor(
    private readonly db: Db,
    private readonly recent: RecentCredentials,
  ) {}

  /** The principal of a request, or undefined when it is signed in as nobody. */
  async of(request: FastifyRequest): Promise<Principal | undefined> {
    const token = bearer(request);
    const cookie = request.cookies[SESSION_COOKIE];
    const lookup = new CredentialLookup(this.db);
    const [key, find] =
      token !== undefined
        ? token === ''
          ? []
          : [`token ${tokenHash(token)}`, () => lookup.apiToken(token)]
        : cookie !== undefined && cookie !== ''
          ? [`session ${tokenHash(cookie)}`, () => lookup.session(cookie)]
          : [];
    if (key === undefined || find === undefined) return undefined;
    const credential = READS.has(request.method) ? await this.recent.resolve(key, find) : await find();
    if (!credential) return undefined;
    const { account } = credential;
    const roles =
      credential.role === undefined ? account.roles : account.roles.filter((r) => r === credential.role);
    return {
      organisationId: credential.organisationId,
      accountId: account.id,
      email: account.email,
      personId: account.personId,
      roles,
      via: credential.role === undefined ? 'session' : 'token',
      credentialId: credential.id,
    };
  }

  /**
   * The principal a route requires: 401 without one; 403 for a state-changing request signed in by
   * cookie that lacks the CSRF header.
   */
  async require(request: FastifyRequest): Promise<Principal> {
    const principal = await this.of(request);
    if (!principal)
      throw new TransportError(
        'unauthenticated',
        'sign in first (POST /api/session), or send an API token as "Authorization: Bearer TOKEN"',
      );
    if (
      principal.via === 'session' &&
      STATE_CHANGING.has(request.method) &&
      request.headers[CSRF_HEADER] !== '1'
    )
      throw new TransportError(
        'csrf-header-missing',
        `a ${request.method} signed in by cookie must carry the header "${CSRF_HEADER}: 1"`,
      );
    return principal;
  }

  /** After a request that may have changed a credential or an account: reads ask the database again. */
  answered(request: FastifyRequest): void {
    if (!READS.has(request.method)) this.recent.forget();
  }
}

/** Whether the request reached the server over TLS (directly, or through a trusted proxy). */
const overTls = (request: FastifyRequest): boolean => request.protocol === 'https';

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: overTls(request),
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: overTls(request), path: '/' });
}

/**
 * The organisation a sign-in is for: the one `slug` names, or the server's only one. None on the
 * server is a 404, several without a slug a usage error; an unknown slug is `undefined`, so that
 * a password sign-in answers it as it answers a wrong password.
 */
export function signInOrganisation(
  all: readonly Organisation[],
  slug: string | undefined,
  field = 'organisation',
): Organisation | undefined {
  if (all.length === 0)
    throw new DomainError('not-found', 'this server holds no organisation: run `trellis org init` first');
  if (slug === undefined && all.length > 1)
    throw new DomainError('usage', `this server holds several organisations: say which in "${field}"`);
  return slug === undefined ? all[0] : all.find((o) => o.slug === slug);
}
