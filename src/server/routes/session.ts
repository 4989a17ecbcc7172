import { z } from 'zod';
import { checkPassword, MAX_PASSWORD_LENGTH } from '../../core/org/account.js';
import { problem } from '../../core/input/value.js';
import { DomainError } from '../../core/problems.js';
import { hashPassword, verifyPassword } from '../../store/secrets.js';
import { OrgRepositories, OrganisationRepository, orgScope } from '../../store/repositories/org/index.js';
import { actingAs } from '../../store/repositories/org/scope.js';
import type { LinkPurpose } from '../../store/repositories/org/links.js';
import { CredentialLookup, SessionRepository } from '../../store/repositories/org/sessions.js';
import {
  SignInFailureRepository,
  type AdmittedAttempt,
  type AttemptKeys,
} from '../../store/repositories/org/sign-in-failures.js';
import { SsoRepository } from '../../store/repositories/org/sso.js';
import { TransportError } from '../errors.js';
import { clearSessionCookie, setSessionCookie, signInOrganisation, type Principal } from '../org/auth.js';
import { answer, noContent } from '../responses.js';
import type { App, Deps } from './common.js';

const WRONG = 'the email or password is wrong';
const BAD_LINK = 'this link is unknown, already used or expired: ask an admin for a new one';

/** Verified against when there is no account, so that a missing account takes as long as a wrong password. */
const absentHash = hashPassword('no account has this password');

const whoSchema = z.object({
  email: z.string(),
  roles: z.array(z.string()),
  organisation: z.string().describe("The organisation's slug."),
  via: z.enum(['session', 'token']),
});

const signedInSchema = whoSchema.extend({ expiresAt: z.string() });

const signInSchema = z.object({
  email: z.string().max(320),
  password: z.string().max(MAX_PASSWORD_LENGTH),
  organisation: z
    .string()
    .max(100)
    .optional()
    .describe("The organisation's slug; needed only when the server holds several."),
});

const linkSchema = z.object({
  token: z.string().min(1).max(200),
  password: z.string().max(MAX_PASSWORD_LENGTH).optional(),
});

/** Sign-in, sign-out and one-time links: the sessions of organisation accounts. */
export async function sessionRoutes(app: App, { workspace, now, principals }: Deps): Promise<void> {
  const db = workspace.db;
  const tags = ['session'];
  const failures = new SignInFailureRepository(db);
  const organisations = new OrganisationRepository(db);

  const slugOf = async (id: number) => (await organisations.list()).find((o) => o.id === id)?.slug ?? '';
  const who = async (p: Principal) => ({
    email: p.email,
    roles: p.roles,
    organisation: await slugOf(p.organisationId),
    via: p.via,
  });
  /**
   * Runs a sign-in attempt under the limit (`SignInFailureRepository.admit`): refused with 429 when
   * a key has used up its failures; a 401 counts the attempt as a failure of every key, any other
   * end takes it back (a success takes it back itself, in the transaction that makes the session).
   */
  const limited = async <T>(
    keys: AttemptKeys,
    work: (attempt: AdmittedAttempt) => Promise<T>,
  ): Promise<T> => {
    const attempt = await failures.admit(keys, now());
    if (!attempt)
      throw new TransportError('too-many-requests', `too many failed sign-ins: wait a minute and try again`);
    try {
      return await work(attempt);
    } catch (error) {
      if (error instanceof TransportError && error.code === 'unauthenticated') await failures.failed(attempt);
      else await failures.release(attempt);
      throw error;
    }
  };

  app.post(
    '/session',
    {
      schema: {
        summary: 'Sign in with email and password: sets the session cookie',
        tags,
        body: signInSchema,
        response: { 201: answer(signedInSchema, 'Signed in') },
      },
    },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      const keys = {
        held: [`account:${request.body.organisation ?? ''}:${email}`],
        counted: [`address:${request.ip}`],
      };
      return limited(keys, async (attempt) => {
        const organisation = signInOrganisation(await organisations.list(), request.body.organisation);
        const repositories = organisation && new OrgRepositories(orgScope(db, organisation.id, email));
        const account = await repositories?.accounts.byEmail(email);
        const hash =
          account && !account.disabled ? await repositories!.accounts.passwordHash(account.id) : undefined;
        const verified = await verifyPassword(request.body.password, hash ?? (await absentHash));
        if (!repositories || !account || hash === undefined || !verified)
          throw new TransportError('unauthenticated', WRONG);
        const session = await repositories.transaction(async (r) => {
          await new SignInFailureRepository(r.scope.db).release(attempt);
          return new SessionRepository(r.scope).create(account.id, account.email);
        });
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return reply.code(201).send({
          email: account.email,
          roles: account.roles,
          organisation: organisation!.slug,
          via: 'session',
          expiresAt: session.expiresAt,
        });
      });
    },
  );

  app.get(
    '/session',
    {
      schema: {
        summary: 'Who is signed in (null when nobody), and whether this server holds an organisation',
        tags,
        response: {
          200: answer(
            z.object({
              account: whoSchema.nullable(),
              organisations: z
                .boolean()
                .describe('Whether the server holds an organisation: the web app then asks to sign in.'),
              sso: z.boolean().describe('Whether single sign-on is configured (GET /api/session/sso).'),
            }),
            'Who is signed in',
          ),
        },
      },
    },
    async (request) => {
      const principal = await principals.of(request);
      const held = await organisations.list();
      // The sign-in page offers single sign-on when the one organisation it would sign into has it.
      const only = held.length === 1 ? held[0] : undefined;
      const sso =
        only !== undefined &&
        (await new SsoRepository(orgScope(db, only.id, 'sso')).settings()) !== undefined;
      return { account: principal ? await who(principal) : null, organisations: held.length > 0, sso };
    },
  );

  app.delete(
    '/session',
    { schema: { summary: 'Sign out: ends this session', tags, response: { 204: noContent } } },
    async (request, reply) => {
      const principal = await principals.require(request);
      if (principal.via !== 'session')
        throw new DomainError(
          'usage',
          'an API token is not signed out but revoked (`trellis org token revoke`)',
        );
      await new SessionRepository(orgScope(db, principal.organisationId, principal.email)).end(
        principal.credentialId,
      );
      clearSessionCookie(request, reply);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/sessions',
    {
      schema: {
        summary: 'Sign out everywhere: ends every session of the signed-in account',
        tags,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const principal = await principals.require(request);
      const scope = orgScope(db, principal.organisationId, principal.email);
      await new OrgRepositories(scope).transaction((r) =>
        new SessionRepository(r.scope).endAll(principal.accountId, principal.email),
      );
      if (principal.via === 'session') clearSessionCookie(request, reply);
      return reply.code(204).send();
    },
  );

  app.post(
    '/session/link',
    {
      schema: {
        summary: 'Use a one-time sign-in or password-reset link (a reset sets the password): signs in',
        tags,
        body: linkSchema,
        response: { 201: answer(signedInSchema, 'Signed in') },
      },
    },
    async (request, reply) => {
      return limited({ held: [], counted: [`address:${request.ip}`] }, async (attempt) => {
        const { token, password } = request.body;
        const found = await new CredentialLookup(db).link(token);
        if (!found) throw new TransportError('unauthenticated', BAD_LINK);
        const purpose = found.purpose as LinkPurpose;
        if (purpose === 'reset' && password === undefined)
          throw new DomainError('invalid-input', 'a password reset link needs the new password', [
            problem(['body', 'password'], 'required for a password reset link', 'missing'),
          ]);
        // Checked before the link is used, so that a too-short password does not spend it.
        if (password !== undefined) checkPassword(password);
        const base = new OrgRepositories(orgScope(db, found.organisationId, 'link'));
        const signedIn = await base.transaction(async (r) => {
          const accountId = await r.links.use(token, purpose);
          if (accountId === undefined) return undefined;
          let account = (await r.accounts.byId(accountId))!;
          if (account.disabled) return undefined;
          const scope = actingAs(r.scope, account.email);
          if (password !== undefined)
            account = await new OrgRepositories(scope).accounts.setPassword(account.email, password);
          await new SignInFailureRepository(r.scope.db).release(attempt);
          return { account, session: await new SessionRepository(scope).create(account.id, account.email) };
        });
        if (!signedIn) throw new TransportError('unauthenticated', BAD_LINK);
        setSessionCookie(request, reply, signedIn.session.token, signedIn.session.expiresAt);
        return reply.code(201).send({
          email: signedIn.account.email,
          roles: signedIn.account.roles,
          organisation: await slugOf(found.organisationId),
          via: 'session',
          expiresAt: signedIn.session.expiresAt,
        });
      });
    },
  );
}
