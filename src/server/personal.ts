import type { FastifyRequest } from 'fastify';
import { DomainError } from '../core/problems.js';
import type { PersonalWorkspace } from '../store/owned.js';
import type { Db } from '../store/repositories/common.js';
import { loaded, type FrameworkInUse } from '../store/repositories/frameworks.js';
import { OrgFrameworkRepository, type FrameworkVersion } from '../store/repositories/org/frameworks.js';
import { OrganisationRepository } from '../store/repositories/org/organisations.js';
import { orgScope } from '../store/repositories/org/scope.js';
import type { Workspace } from '../store/workspace.js';
import type { Principals } from './org/auth.js';
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
 * Who a personal request is for, and so what it works on. In a personal workspace: the workspace,
 * its one person's. In an organisation workspace a request without a valid session or token is
 * answered 401 as an `/api/org/…` route answers it (one signed in by cookie that changes state
 * needs the CSRF header), before its body is read; a signed-in one works on its account's own
 * rows, with the organisation's current framework. The reference framework reads, open to anyone,
 * show the shipped reference framework to whoever is not signed in.
 */
export class PersonalAccess {
  private readonly mine = new WeakMap<FastifyRequest, PersonalWorkspace>();
  private readonly frameworks: OrganisationFrameworks;

  constructor(
    private readonly workspace: Workspace,
    private readonly mode: OrganisationMode,
    private readonly principals: Principals,
  ) {
    this.frameworks = new OrganisationFrameworks(workspace);
  }

  /** Adds the sign-in check to the scope of the personal routes. */
  register(app: App): void {
    app.addHook('preValidation', async (request) => {
      if (!(await this.mode.on())) return;
      const open = request.method === 'GET' && OPEN_READS.has(request.routeOptions.url ?? '');
      const principal = open ? await this.principals.of(request) : await this.principals.require(request);
      this.mine.set(
        request,
        principal
          ? this.workspace.forOwner(
              principal.accountId,
              () => this.frameworks.current(principal.organisationId),
              () => this.frameworks.adopted(principal.organisationId),
            )
          : this.workspace.forOwner(
              NOBODY,
              () => this.frameworks.reference(),
              async () => [(await this.frameworks.reference()).row.id],
            ),
      );
    });
  }

  /** What `request` works on (after the check above has let it through). */
  readonly of = (request: FastifyRequest): PersonalWorkspace => this.mine.get(request) ?? this.workspace;
}

/** The owner of nothing: who is not signed in reads the reference framework and no row. */
const NOBODY = -1;

/**
 * The framework an organisation's people use on their own pages: its current adopted version,
 * stored among the workspace's frameworks (the same row when the same file is already there, as
 * the reference framework is) so that their assessments refer to it; parsed once per version.
 * Its earlier versions are stored the same way when its people list their frameworks.
 */
class OrganisationFrameworks {
  private readonly byVersion = new Map<number, Promise<FrameworkInUse>>();
  private shipped: Promise<FrameworkInUse> | undefined;

  constructor(private readonly workspace: Workspace) {}

  async current(organisationId: number): Promise<FrameworkInUse> {
    const versions = this.versions(organisationId);
    const latest = (await versions.versions()).at(-1);
    if (!latest) throw new DomainError('not-found', 'the organisation has adopted no framework yet');
    return this.stored(versions, latest);
  }

  /** The workspace's rows of every version the organisation adopted, oldest first. */
  async adopted(organisationId: number): Promise<number[]> {
    const versions = this.versions(organisationId);
    const all = await versions.versions();
    return Promise.all(all.map(async (version) => (await this.stored(versions, version)).row.id));
  }

  private versions(organisationId: number): OrgFrameworkRepository {
    return new OrgFrameworkRepository(orgScope(this.workspace.db, organisationId, 'server'));
  }

  /** An adopted version as a stored framework: written once (a read after), then kept here. */
  private stored(versions: OrgFrameworkRepository, adopted: FrameworkVersion): Promise<FrameworkInUse> {
    let found = this.byVersion.get(adopted.id);
    if (!found) {
      found = versions.byId(adopted.id).then(async (version) => {
        const row = await this.workspace.frameworks.add(
          version!.source,
          'imported',
          `organisation framework version ${adopted.number}`,
        );
        return { row, framework: version!.framework };
      });
      this.byVersion.set(adopted.id, found);
      found.catch(() => this.byVersion.delete(adopted.id));
    }
    return found;
  }

  reference(): Promise<FrameworkInUse> {
    this.shipped ??= this.workspace.frameworks.ensureReference().then(loaded);
    return this.shipped;
  }
}
