import { z } from 'zod';
import { mapLevel } from '../../core/framework/levelmap.js';
import { frameworkView, levelDetail } from '../../core/framework/view.js';
import type { FrameworkInUse } from '../../store/repositories/frameworks.js';
import { entityId } from '../../store/entities.js';
import { inBody } from '../errors.js';
import type { App, Deps } from './common.js';

// The view of a framework never changes: serialise it once per framework, not once per request.
const views = new WeakMap<FrameworkInUse, string>();
function viewJson(inUse: FrameworkInUse): string {
  let json = views.get(inUse);
  if (json === undefined) views.set(inUse, (json = JSON.stringify(frameworkView(inUse.framework))));
  return json;
}

const addFrameworkBody = z.strictObject({
  source: z.string().min(1).describe('A framework file, YAML or JSON, as text.'),
  use: z.boolean().default(true).describe('Make it the framework in use (default true).'),
});

export async function frameworkRoutes(app: App, { workspace }: Deps): Promise<void> {
  app.get(
    '/framework',
    {
      schema: {
        summary: 'The framework in use, as `trellis framework show --json` prints it',
        tags: ['framework'],
      },
    },
    async (_request, reply) =>
      reply.type('application/json; charset=utf-8').send(viewJson(await workspace.activeFramework())),
  );

  app.get(
    '/framework/levels/:id',
    {
      schema: {
        summary: 'One level in full: expectations, promotion rule, company codes, moves',
        tags: ['framework'],
        params: z.strictObject({ id: z.string().min(1) }),
      },
    },
    async (request) => levelDetail((await workspace.activeFramework()).framework, request.params.id),
  );

  app.get(
    '/levels/map',
    {
      schema: {
        summary: 'Where a company level lands in the framework, and its equivalents (`trellis levels map`)',
        tags: ['framework'],
        querystring: z.strictObject({
          company: z.string().min(1).describe('A company id or name, e.g. google.'),
          code: z.string().min(1).describe("The company's level code, e.g. L5."),
          to: z.string().min(1).optional().describe('Only the equivalent at this company.'),
        }),
      },
    },
    async (request) => {
      const { company, code, to } = request.query;
      return mapLevel((await workspace.activeFramework()).framework, company, code, to);
    },
  );

  app.get(
    '/frameworks',
    {
      schema: {
        summary: 'The stored frameworks (every version) and which one is in use',
        tags: ['framework'],
      },
    },
    async () => {
      const active = await workspace.activeFramework();
      const rows = await workspace.frameworks.list();
      return {
        active: active.row.id,
        frameworks: rows.map(({ source: _source, ...row }) => row),
      };
    },
  );

  app.post(
    '/frameworks',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        summary: 'Store a framework file (a custom or imported ladder) and, by default, use it',
        tags: ['framework'],
        body: addFrameworkBody,
      },
    },
    async (request, reply) => {
      const { row } = await inBody(['source'], () =>
        workspace.addFramework(request.body.source, 'framework', request.body.use),
      );
      return reply.code(201).send(row);
    },
  );

  app.put(
    '/frameworks/active',
    {
      schema: {
        summary: 'Choose the framework in use; null goes back to the reference framework',
        tags: ['framework'],
        body: z.strictObject({ id: entityId.nullable() }),
      },
    },
    async (request) => {
      await workspace.useFramework(request.body.id);
      const { row } = await workspace.activeFramework();
      const { source: _source, ...rest } = row;
      return rest;
    },
  );
}
