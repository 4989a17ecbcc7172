import type { FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { z } from 'zod';
import type { SsoClient } from '../../store/repositories/org/sso.js';
import { TransportError } from '../errors.js';

/**
 * Single sign-on through an organisation's OpenID Connect provider: the authorization code flow
 * with PKCE, state and nonce (openid-client). Between the redirect to the provider and its answer,
 * what the answer is checked against lives in a short-lived HttpOnly cookie of this browser, so
 * that another browser cannot finish a sign-in this one started (nor the other way round).
 */

export const SSO_PATH = '/api/session/sso';
export const CALLBACK_PATH = `${SSO_PATH}/callback`;
const PENDING_COOKIE = 'trellis_sso';
/** How long a started sign-in may take at the provider. */
const PENDING_SECONDS = 600;
/** How long the provider may take to answer each request of ours, in seconds. */
const PROVIDER_TIMEOUT = 10;

/** A sign-in sent to the provider, waiting for its answer. */
const pendingSchema = z.strictObject({
  organisationId: z.number().int().positive(),
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  verifier: z.string().min(1).max(200),
  startedAt: z.number().int(),
});
export type PendingSignIn = z.infer<typeof pendingSchema>;

/** What the provider vouched for. */
export interface Vouched {
  email: string | undefined;
  emailVerified: boolean;
}

/**
 * The address the provider sends the browser back to: this server's own origin as the request
 * reached it (https behind TLS or a trusted proxy; the Host the guard let through) and the
 * callback path. It is the redirect URL to register with the provider.
 */
export function callbackUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}${CALLBACK_PATH}`;
}

const unreachable = (issuer: string) =>
  new TransportError(
    'provider-unavailable',
    `the sign-in provider ${issuer} cannot be reached or does not answer as an OpenID Connect provider: try again later, or ask an admin to check \`trellis org sso show\``,
  );

async function configurationOf(client: SsoClient): Promise<oidc.Configuration> {
  const issuer = new URL(client.issuer);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  try {
    return await oidc.discovery(issuer, client.clientId, client.clientSecret, undefined, {
      timeout: PROVIDER_TIMEOUT,
      // http only to a provider on this machine; anywhere else TLS (checked when it was set, too).
      ...(loopback && issuer.protocol === 'http:' && { execute: [oidc.allowInsecureRequests] }),
    });
  } catch {
    throw unreachable(client.issuer);
  }
}

/** The provider's sign-in page for a new sign-in, and what its answer will be checked against. */
export async function startSignIn(
  client: SsoClient,
  organisationId: number,
  redirectUri: string,
): Promise<{ url: string; pending: PendingSignIn }> {
  const config = await configurationOf(client);
  const pending: PendingSignIn = {
    organisationId,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    startedAt: Date.now(),
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url: url.toString(), pending };
}

/** The innermost message of a failed check, as openid-client wraps oauth4webapi's. */
function reasonOf(problem: unknown): string {
  let reason = problem;
  while (reason instanceof Error && reason.cause instanceof Error) reason = reason.cause;
  return reason instanceof Error ? reason.message.replace(/\.$/, '') : 'unknown';
}

const refused = (why: string) =>
  new TransportError('unauthenticated', `the sign-in was not completed: ${why}`);

/**
 * Redeems the provider's answer (`currentUrl`, the callback as the browser asked for it): the state
 * must be this browser's, the code is exchanged with the PKCE verifier and the ID token checked
 * (issuer, audience, signature, nonce). The email comes from the ID token, else from userinfo for
 * the same subject.
 */
export async function finishSignIn(
  client: SsoClient,
  currentUrl: URL,
  pending: PendingSignIn,
): Promise<Vouched> {
  // Before anything else, and before the provider is asked: an answer to another sign-in (a forged
  // link, another browser's) is refused whatever else it says.
  if (currentUrl.searchParams.get('state') !== pending.state)
    throw refused('the answer is not for the sign-in this browser started (its state differs)');
  const config = await configurationOf(client);
  const error = currentUrl.searchParams.get('error');
  if (error !== null) {
    const description = currentUrl.searchParams.get('error_description');
    throw refused(`the provider answered "${error}"${description ? ` (${description})` : ''}`);
  }
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = { ...tokens.claims() };
    if (typeof claims.email !== 'string')
      claims = { ...claims, ...(await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub))) };
  } catch (problem) {
    if (problem instanceof TypeError || (problem instanceof Error && problem.name === 'TimeoutError'))
      throw unreachable(client.issuer);
    if (problem instanceof oidc.ResponseBodyError)
      throw refused(`the provider refused the code ("${problem.error}")`);
    throw refused(`its answer could not be checked (${reasonOf(problem)})`);
  }
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : undefined;
  return { email, emailVerified: claims.email_verified === true };
}

const cookieOptions = (request: FastifyRequest) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: request.protocol === 'https',
  path: SSO_PATH,
});

export function setPending(request: FastifyRequest, reply: FastifyReply, pending: PendingSignIn): void {
  reply.setCookie(PENDING_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
    ...cookieOptions(request),
    maxAge: PENDING_SECONDS,
  });
}

/** The sign-in this browser started, cleared as it is read: each can be finished once. */
export function takePending(request: FastifyRequest, reply: FastifyReply): PendingSignIn {
  const text = request.cookies[PENDING_COOKIE];
  reply.clearCookie(PENDING_COOKIE, cookieOptions(request));
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text ?? '', 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const pending = pendingSchema.safeParse(value);
  if (!pending.success || Date.now() - pending.data.startedAt > PENDING_SECONDS * 1000)
    throw refused(
      `this browser has no sign-in waiting (it was not started here, or took over ${PENDING_SECONDS / 60} minutes): start again at ${SSO_PATH}`,
    );
  return pending.data;
}
