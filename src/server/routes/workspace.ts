import { workspaceExportSchema } from '../../store/entities.js';
import { LIMITS } from '../../core/input/limits.js';
import { readWorkspaceExport } from '../../store/export-check.js';
import { checkedBy } from '../validation.js';
import type { App, Deps } from './common.js';
import { answer, noContent } from '../responses.js';

export async function workspaceRoutes(app: App, { personal }: Deps): Promise<void> {
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
    async (request) => personal(request).export(),
  );

  app.post(
    '/import',
    {
      // A whole workspace: fifty thousand evidence entries are about 15 MB (see docs/api.md, Limits).
      bodyLimit: LIMITS.importBytes,
      schema: {
        summary: 'Replace everything with an export (`trellis import`); all or nothing',
        tags,
        // Checked once, item by item, by the export's reader; the schema documents it.
        body: checkedBy(workspaceExportSchema, (data) => readWorkspaceExport(data)),
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await personal(request).replaceWith(request.body);
      return reply.code(204).send();
    },
  );
}
