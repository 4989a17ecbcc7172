import { workspaceExportSchema } from '../../store/entities.js';
import { inBody } from '../errors.js';
import type { App, Deps } from './common.js';
import { answer, noContent } from '../responses.js';

export async function workspaceRoutes(app: App, { workspace }: Deps): Promise<void> {
  const tags = ['workspace'];
  app.get(
    '/export',
    {
      schema: {
        summary: 'Everything in the workspace as one JSON document (`trellis export`)',
        tags,
        response: { 200: answer(workspaceExportSchema, 'The workspace') },
      },
    },
    async () => workspace.export(),
  );

  app.post(
    '/import',
    {
      // A whole workspace: tens of thousands of evidence entries are a few megabytes.
      bodyLimit: 256 * 1024 * 1024,
      schema: {
        summary: 'Replace everything with an export (`trellis import`); all or nothing',
        tags,
        body: workspaceExportSchema,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await inBody([], () => workspace.import(request.body));
      return reply.code(204).send();
    },
  );
}
