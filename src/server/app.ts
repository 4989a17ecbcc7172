import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from './routes/common.js';
import { packageRoot, packageVersion } from '../store/files.js';
import type { Workspace } from '../store/workspace.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './errors.js';
import { registerGuard } from './guard.js';
import { OrganisationMode, PersonalAccess } from './personal.js';
import { Principals } from './org/auth.js';
import { RecentCredentials } from './org/recent-credentials.js';
import { securityHeaders } from './headers.js';
import { registerCompression, serveWebApp } from './web.js';
import { assessmentRoutes } from './routes/assessments.js';
import { evidenceRoutes } from './routes/evidence.js';
import { fitRoutes } from './routes/fit.js';
import { learningRoutes } from './routes/learning.js';
import { frameworkRoutes } from './routes/framework.js';
import { frameworkImportRoutes } from './routes/framework-import.js';
import { offerRoutes } from './routes/offers.js';
import { pathRoutes } from './routes/paths.js';
import { profileRoutes } from './routes/profile.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { sessionRoutes } from './routes/session.js';
import { ssoRoutes } from './routes/sso.js';
import { orgRoutes } from './routes/org.js';
import { workspaceRoutes } from './routes/workspace.js';
import { answer, errorResponses } from './responses.js';
import { RequestValidationError, validatorCompiler } from './validation.js';
import { jsonBoundsProblem } from '../core/input/json-bounds.js';
import { z } from 'zod';
import { frameworkRefSchema } from '../store/entities.js';

export interface ServerOptions {
  workspace: Workspace;
  /** The built web app; served at `/` when the folder exists. */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
  /** Host names answered beside the loopback ones (`--allowed-host`, the address bound). */
  allowedHosts?: readonly string[];
  /**
   * Behind a reverse proxy that terminates TLS (`--trust-proxy`): take the client's address and
   * protocol from X-Forwarded-For and X-Forwarded-Proto, so that cookies are `Secure` and sign-in
   * limits count the real address.
   */
  trustProxy?: boolean;
  /** The clock sign-in limits count by (the current time); a test moves it instead of waiting. */
  now?: () => Date;
}

export const VERSION = packageVersion;

/** The Trellis API over one workspace, and the web app when it is built. */
export async function buildServer({
  workspace,
  webRoot,
  logger = false,
  allowedHosts = [],
  trustProxy = false,
  now = () => new Date(),
}: ServerOptions) {
  const app = Fastify({
    logger,
    trustProxy,
    // 1 MiB is far more than any hand-written request; imports raise it on their own route.
    bodyLimit: 1024 * 1024,
    // The API is JSON: reject `__proto__` keys rather than risk polluting objects.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Fastify's and Node's own refusals in the API's error shape (see errors.ts).
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API (OpenAPI); answers are written as they are, with JSON.stringify,
  // never filtered by a schema: the computations return the same JSON as the command line prints.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // JSON as Fastify parses it (with the poisoning checks above), except that a request that takes no
  // body (a DELETE) may say its content is JSON and send none: there is nothing to parse. Elsewhere
  // an empty body is refused as not JSON.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' && request.method === 'DELETE') return done(null, undefined);
    // Too deep or too wide is refused before parsing, which alone could take seconds.
    const bounds = jsonBoundsProblem(body as string);
    if (bounds) return done(new RequestValidationError([{ severity: 'error', ...bounds }]), undefined);
    parseJson(request, body as string, done);
  });
  const web = webRoot ?? resolve(packageRoot, 'web', 'dist');
  const hasWeb = existsSync(resolve(web, 'index.html'));
  registerErrorHandling(app, { webShell: hasWeb });
  // Headers first, so that every answer carries them, refusals included; then who may ask at all.
  app.addHook('onRequest', securityHeaders);
  registerGuard(app, allowedHosts);
  // Parses the session cookie; nothing is signed with a secret: the cookie is a random token whose
  // hash the database holds (see routes/session.ts).
  await app.register(fastifyCookie);
  // Before any route: compression attaches itself to each route as it is added.
  await registerCompression(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Trellis API',
        version: VERSION,
        description:
          'A personal career workspace: framework, profile, assessments, evidence, offers and scenarios, and the computations over them. Errors are `{ "error": { "code", "message", "fields": [{ "path", "message" }] } }`.',
      },
    },
    transform: jsonSchemaTransform,
  });

  const principals = new Principals(workspace.db, new RecentCredentials(now));
  // Before the answer leaves, so that a client that saw its sign-out or revocation succeed is never
  // answered from what this server remembered of the credential.
  app.addHook('onSend', async (request) => principals.answered(request));
  const access = new PersonalAccess(workspace, new OrganisationMode(workspace.db), principals);
  const deps = { workspace, personal: access.of, now, principals };
  await app.register(
    async (scope) => {
      const api: App = scope.withTypeProvider<ZodTypeProvider>();
      // Every operation can answer with the one error shape: list it on each, beside its own answers.
      api.addHook('onRoute', (route) => {
        if (route.schema?.hide === true) return;
        route.schema = {
          ...route.schema,
          response: { ...errorResponses, ...(route.schema?.response as object | undefined) },
        };
      });
      api.get(
        '/health',
        {
          schema: {
            summary: 'Liveness and versions',
            tags: ['meta'],
            response: {
              200: answer(
                z.object({
                  status: z.literal('ok'),
                  version: z.string(),
                  framework: frameworkRefSchema.describe('The framework in use.'),
                  warnings: z
                    .array(z.object({ code: z.literal('reference-conflict'), message: z.string() }))
                    .describe(
                      'What is wrong with the workspace without stopping it, each saying what to do; empty when all is well.',
                    ),
                }),
                'Alive (with warnings when the workspace needs attention)',
              ),
            },
          },
        },
        async () => ({
          status: 'ok',
          version: VERSION,
          framework: await workspace
            .activeFramework()
            .then(({ row }) => ({ id: row.frameworkId, version: row.version })),
          warnings: await workspace.warnings(),
        }),
      );
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      // The personal routes, in a scope of their own: in an organisation workspace they need sign-in.
      await api.register(async (scope) => {
        const personal: App = scope.withTypeProvider<ZodTypeProvider>();
        access.register(personal);
        await frameworkRoutes(personal, deps);
        await frameworkImportRoutes(personal, deps);
        await profileRoutes(personal, deps);
        await assessmentRoutes(personal, deps);
        await evidenceRoutes(personal, deps);
        await offerRoutes(personal, deps);
        await scenarioRoutes(personal, deps);
        await pathRoutes(personal, deps);
        await fitRoutes(personal, deps);
        await learningRoutes(personal, deps);
        await workspaceRoutes(personal, deps);
      });
      await sessionRoutes(api, deps);
      await ssoRoutes(api, deps);
      // In a scope of their own: their sign-in check runs on these routes only.
      await api.register(async (org) => orgRoutes(org.withTypeProvider<ZodTypeProvider>(), deps));
    },
    { prefix: '/api' },
  );

  if (hasWeb) {
    await serveWebApp(app, web);
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(placeholderPage),
    );
  }
  return app;
}

const placeholderPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Trellis</title></head>
<body>
<h1>Trellis</h1>
<p>The API is running. The web app is not built yet.</p>
<ul>
<li><a href="/api/openapi.json">OpenAPI document</a> (every endpoint and its schemas)</li>
<li><a href="/api/health">/api/health</a></li>
<li><a href="/api/framework">/api/framework</a>: the framework in use</li>
</ul>
</body>
</html>
`;
