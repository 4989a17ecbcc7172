import type { FastifyRequest } from 'fastify';
import type { Db } from '../store/repositories/common.js';
import { OrganisationRepository } from '../store/repositories/org/organisations.js';
import { principalOf, requirePrincipal, type Principal } from './org/auth.js';
import type { App } from './routes/common.js';

/**
 * The personal routes anyone may call in an organisation workspace: reads of the framework that
 * show only the shipped reference framework to whoever is not signed in. Every other personal
 * route needs a session or an API token there (`/api/health`, the OpenAPI document, sign-in and
 * single sign-on are registered outside these routes' scope).
 */
const OPEN_READS: ReadonlySet<string> = new Set([
  '/api/framework',
  '/api/framework/bundle',
  '/api/framework/levels/:id',
  '/api/levels/map',
]);

/**
 * Whether the workspace is an organisation workspace. Organisations are never removed, so once
 * one is seen the answer is kept; until then it is asked at each request, so that `trellis org
 * init` on a running server's workspace takes effect at once.
 */
export class OrganisationMode {
  private known = false;
  constructor(private readonly db: Db) {}

  async on(): Promise<boolean> {
    if (!this.known) this.known = await new OrganisationRepository(this.db).any();
    return this.known;
  }
}

/**
 * Who a personal request is for: undefined in a personal workspace (its one person), else the
 * signed-in principal. In an organisation workspace a request without a valid session or token is
 * answered 401 as an `/api/org/…` route answers it, and one signed in by cookie that changes state
 * needs the CSRF header, before its body is read.
 */
export function requirePersonalSignIn(
  app: App,
  db: Db,
  mode: OrganisationMode,
): (request: FastifyRequest) => Principal | undefined {
  const principals = new WeakMap<FastifyRequest, Principal>();
  app.addHook('preValidation', async (request) => {
    if (!(await mode.on())) return;
    const open = request.method === 'GET' && OPEN_READS.has(request.routeOptions.url ?? '');
    const principal = open ? await principalOf(db, request) : await requirePrincipal(db, request);
    if (principal) principals.set(request, principal);
  });
  return (request) => principals.get(request);
}
