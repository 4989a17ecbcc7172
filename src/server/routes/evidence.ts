import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { dateSchema, evidenceScopes } from '../../core/evidence/schema.js';
import { evidenceInputSchema, storedEvidenceSchema } from '../../store/entities.js';
import { didYouMean } from '../../core/input/document.js';
import { evidenceReferenceProblems } from '../../store/repositories/evidence.js';
import { problem, refuse } from '../../core/input/value.js';
import { inBody } from '../errors.js';
import { everyProblem } from '../validation.js';
import { idParams, type App, type Deps } from './common.js';
import { answer, noContent } from '../responses.js';
import { datedKey, nextCursor, nextCursorSchema, pageQuery, pageRequest } from '../pagination.js';

const listQuery = z.strictObject({
  since: dateSchema.optional().describe('Only entries on or after this date.'),
  until: dateSchema.optional().describe('Only entries on or before this date.'),
  scope: z.enum(evidenceScopes).optional(),
  competency: z.string().min(1).optional().describe('Only entries that name this competency.'),
  ...pageQuery(datedKey),
});

export async function evidenceRoutes(app: App, { personal }: Deps): Promise<void> {
  const tags = ['evidence'];
  const stored = answer(storedEvidenceSchema, 'The entry');
  const references = async (raw: unknown, request: FastifyRequest) =>
    evidenceReferenceProblems(raw, (await personal(request).activeFramework()).framework);
  app.get(
    '/evidence',
    {
      schema: {
        summary: 'The evidence log, oldest first, optionally filtered, a page at a time',
        tags,
        querystring: listQuery,
        response: {
          200: answer(
            z.object({ entries: z.array(storedEvidenceSchema), nextCursor: nextCursorSchema }),
            'A page of entries',
          ),
        },
      },
    },
    async (request) => {
      const { since, until, scope, competency } = request.query;
      if (competency !== undefined) {
        // As `trellis evidence list --competency`: an unknown id is a mistake, not an empty answer.
        const known = (await personal(request).activeFramework()).framework.competencies.map((c) => c.id);
        if (!known.includes(competency))
          refuse('the query string is not valid', [
            problem(
              ['query', 'competency'],
              `unknown competency "${competency}"${didYouMean(competency, known) || `; known: ${known.join(', ')}`}`,
              'unknown-reference',
            ),
          ]);
      }
      const page = await personal(request).evidence.page(
        {
          ...(since === undefined ? {} : { since }),
          ...(until === undefined ? {} : { until }),
          ...(scope === undefined ? {} : { scope }),
          ...(competency === undefined ? {} : { competency }),
        },
        pageRequest(request.query),
      );
      return { entries: page.items, nextCursor: nextCursor(page) };
    },
  );

  app.get(
    '/evidence/:id',
    { schema: { summary: 'One evidence entry', tags, params: idParams, response: { 200: stored } } },
    async (request) => personal(request).evidence.get(request.params.id),
  );

  app.post(
    '/evidence',
    {
      schema: {
        summary: 'Add an entry to the evidence log',
        tags,
        body: evidenceInputSchema,
        response: { 201: answer(storedEvidenceSchema, 'The stored entry') },
      },
      ...everyProblem(references),
    },
    async (request, reply) => {
      const { framework } = await personal(request).activeFramework();
      return reply
        .code(201)
        .send(await inBody([], () => personal(request).evidence.create(request.body, framework)));
    },
  );

  app.put(
    '/evidence/:id',
    {
      schema: {
        summary: 'Replace an evidence entry',
        tags,
        params: idParams,
        body: evidenceInputSchema,
        response: { 200: stored },
      },
      ...everyProblem(references),
    },
    async (request) => {
      const { framework } = await personal(request).activeFramework();
      return inBody([], () => personal(request).evidence.update(request.params.id, request.body, framework));
    },
  );

  app.delete(
    '/evidence/:id',
    {
      schema: {
        summary: 'Delete an evidence entry (links from assessments go with it)',
        tags,
        params: idParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await personal(request).evidence.delete(request.params.id);
      return reply.code(204).send();
    },
  );
}
