import { z } from 'zod';
import { OrgRepositories, OrganisationRepository, orgScope } from '../../store/repositories/org/index.js';
import { actingAs } from '../../store/repositories/org/scope.js';
import { SessionRepository } from '../../store/repositories/org/sessions.js';
import { SsoRepository } from '../../store/repositories/org/sso.js';
import { TransportError } from '../errors.js';
import { setSessionCookie, signInOrganisation } from '../org/auth.js';
import { callbackUrl, finishSignIn, setPending, startSignIn, takePending } from '../org/sso.js';
import { answer } from '../responses.js';
import type { App, Deps } from './common.js';

const startQuery = z.strictObject({
  organisation: z
    .string()
    .max(100)
    .optional()
    .describe("The organisation's slug; needed only when the server holds several."),
});

/** What a provider sends back: OAuth's parameters, each once, nothing checked here but their size. */
const callbackQuery = z.record(z.string().max(100), z.string().max(4000));

const redirect = answer(z.null(), 'A redirect (Location)');

/**
 * Single sign-on through the organisation's OpenID Connect provider (server/org/sso.ts): the
 * browser goes to the provider and comes back to the callback, which signs it in with the same
 * session and cookie as a password sign-in. Only an existing, enabled account whose email the
 * provider has verified is signed in: none is created.
 */
export async function ssoRoutes(app: App, { workspace }: Deps): Promise<void> {
  const db = workspace.db;
  const tags = ['session'];
  const organisations = new OrganisationRepository(db);

  app.get(
    '/session/sso',
    {
      schema: {
        summary: "Single sign-on: redirects to the organisation's OpenID Connect provider",
        tags,
        querystring: startQuery,
        response: { 302: redirect },
      },
    },
    async (request, reply) => {
      const slug = request.query.organisation;
      const organisation = signInOrganisation(await organisations.list(), slug);
      if (!organisation) throw new TransportError('not-found', `no organisation "${slug}" on this server`);
      const repositories = new OrgRepositories(orgScope(db, organisation.id, 'sso'));
      const client = await new SsoRepository(repositories.scope).client();
      if (!client)
        throw new TransportError(
          'not-found',
          `${organisation.slug} has no single sign-on: sign in with a password, or ask an admin to set it up (\`trellis org sso set\`)`,
        );
      const { url, pending } = await startSignIn(client, organisation.id, callbackUrl(request));
      setPending(request, reply, pending);
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/session/sso/callback',
    {
      schema: {
        summary:
          'Where the provider sends the browser back: signs in, sets the session cookie, redirects to /',
        tags,
        querystring: callbackQuery,
        response: { 302: redirect },
      },
    },
    async (request, reply) => {
      const pending = takePending(request, reply);
      const scope = orgScope(db, pending.organisationId, 'sso');
      const client = await new SsoRepository(scope).client();
      if (!client)
        throw new TransportError(
          'unauthenticated',
          'the sign-in was not completed: single sign-on is no longer set up',
        );
      const current = new URL(request.url, callbackUrl(request));
      const vouched = await finishSignIn(client, current, pending);
      if (vouched.email === undefined)
        throw new TransportError(
          'forbidden',
          'the provider did not say which email address signed in (ask for the "email" scope)',
        );
      if (!vouched.emailVerified)
        throw new TransportError(
          'forbidden',
          `the provider has not verified ${vouched.email}: only a verified email address signs in`,
        );
      const repositories = new OrgRepositories(actingAs(scope, vouched.email));
      const account = await repositories.accounts.byEmail(vouched.email);
      if (!account || account.disabled)
        throw new TransportError(
          'forbidden',
          `${vouched.email} has no ${account ? 'enabled ' : ''}account in this organisation: ask an admin to add one (single sign-on creates none)`,
        );
      const session = await repositories.transaction((r) =>
        new SessionRepository(r.scope).create(account.id, account.email),
      );
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return reply.redirect('/', 302);
    },
  );
}
