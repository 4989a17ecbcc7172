import { z } from 'zod';
import { idKey, nextCursor, nextCursorSchema, pageQuery, pageRequest } from '../pagination.js';
import { mapLevel } from '../../core/framework/levelmap.js';
import { frameworkView, levelDetail } from '../../core/framework/view.js';
import type { FrameworkInUse } from '../../store/repositories/frameworks.js';
import { entityId, storedFrameworkSchema } from '../../store/entities.js';
import { inBody } from '../errors.js';
import type { App, Deps } from './common.js';
import { answer, computed } from '../responses.js';

// The view of a framework never changes: serialise it once per framework, not once per request.
const views = new WeakMap<FrameworkInUse, string>();
function viewJson(inUse: FrameworkInUse): string {
  let json = views.get(inUse);
  if (json === undefined) views.set(inUse, (json = JSON.stringify(frameworkView(inUse.framework))));
  return json;
}

// Everything the web app needs of the framework, in one answer: the view the pages show and the
// framework itself (expectations included) that the core computes on in the browser.
const bundles = new WeakMap<FrameworkInUse, string>();
function bundleJson(inUse: FrameworkInUse): string {
  let json = bundles.get(inUse);
  if (json === undefined)
    bundles.set(inUse, (json = `{"view":${viewJson(inUse)},"framework":${JSON.stringify(inUse.framework)}}`));
  return json;
}

/** A stored framework without its source text. */
const frameworkRowSchema = storedFrameworkSchema.omit({ source: true });

const addFrameworkBody = z.strictObject({
  source: z.string().min(1).describe('A framework file, YAML or JSON, as text.'),
  use: z.boolean().default(true).describe('Make it the framework in use (default true).'),
});

export async function frameworkRoutes(app: App, { personal }: Deps): Promise<void> {
  app.get(
    '/framework',
    {
      schema: {
        summary: 'The framework in use, as `trellis framework show --json` prints it',
        tags: ['framework'],
        response: { 200: computed('The framework view: tracks, levels, competencies, moves …') },
      },
    },
    async (request, reply) =>
      reply.type('application/json; charset=utf-8').send(viewJson(await personal(request).activeFramework())),
  );

  app.get(
    '/framework/bundle',
    {
      schema: {
        summary: 'The framework in use in one answer: its view and the full framework the core computes on',
        tags: ['framework'],
        response: {
          200: computed(
            '`{ view, framework }`: the view of `GET /api/framework` and the framework as the core reads it (every level with its expectations)',
          ),
        },
      },
    },
    async (request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send(bundleJson(await personal(request).activeFramework())),
  );

  app.get(
    '/framework/levels/:id',
    {
      schema: {
        summary: 'One level in full: expectations, promotion rule, company codes, moves',
        tags: ['framework'],
        params: z.strictObject({ id: z.string().min(1) }),
        response: { 200: computed('The level in full (`trellis framework show LEVEL --json`)') },
      },
    },
    async (request) => levelDetail((await personal(request).activeFramework()).framework, request.params.id),
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
        response: { 200: computed('The level, its framework level and its equivalents') },
      },
    },
    async (request) => {
      const { company, code, to } = request.query;
      return mapLevel((await personal(request).activeFramework()).framework, company, code, to);
    },
  );

  app.get(
    '/frameworks',
    {
      schema: {
        summary:
          'The stored frameworks (every version), oldest first, a page at a time, and which one is in use',
        tags: ['framework'],
        querystring: z.strictObject(pageQuery(idKey)),
        response: {
          200: answer(
            z.object({
              active: entityId.describe('The id of the framework in use.'),
              frameworks: z.array(frameworkRowSchema),
              nextCursor: nextCursorSchema,
            }),
            'The stored frameworks, a page',
          ),
        },
      },
    },
    async (request) => {
      const active = await personal(request).activeFramework();
      const page = await personal(request).frameworkPage(pageRequest(request.query));
      return {
        active: active.row.id,
        frameworks: page.items.map(({ source: _source, ...row }) => row),
        nextCursor: nextCursor(page),
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
        response: { 201: answer(storedFrameworkSchema, 'The stored framework') },
      },
    },
    async (request, reply) => {
      const { row } = await inBody(['source'], () =>
        personal(request).addFramework(request.body.source, 'framework', request.body.use),
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
        response: { 200: answer(frameworkRowSchema, 'The framework now in use') },
      },
    },
    async (request) => {
      await personal(request).useFramework(request.body.id);
      const { row } = await personal(request).activeFramework();
      const { source: _source, ...rest } = row;
      return rest;
    },
  );
}
