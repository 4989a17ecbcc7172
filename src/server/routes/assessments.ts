import type { FastifyRequest } from 'fastify';
import { assess, checkAssessment } from '../../core/assessment/evaluate.js';
import { assessmentSchema } from '../../core/assessment/schema.js';
import { z } from 'zod';
import { assessmentInputSchema, storedAssessmentSchema } from '../../store/entities.js';
import type { Path } from '../../core/problems.js';
import { problem, refuse } from '../../core/input/value.js';
import { inBody } from '../errors.js';
import { everyProblem } from '../validation.js';
import { idParams, type App, type Deps } from './common.js';
import { answer, computed, noContent } from '../responses.js';
import { datedKey, nextCursor, nextCursorSchema, pageQuery, pageRequest } from '../pagination.js';

export async function assessmentRoutes(app: App, { personal }: Deps): Promise<void> {
  const tags = ['assessments'];
  const stored = answer(storedAssessmentSchema, 'The assessment');
  const references = async (raw: unknown, request: FastifyRequest) =>
    personal(request).assessments.referenceProblems(raw, await personal(request).activeFramework());
  const bodyProblem = (path: Path, message: string, code: string) => problem(path, message, code);
  app.get(
    '/assessments',
    {
      schema: {
        summary: 'The assessments, oldest first, a page at a time',
        tags,
        querystring: z.strictObject(pageQuery(datedKey)),
        response: {
          200: answer(
            z.object({ assessments: z.array(storedAssessmentSchema), nextCursor: nextCursorSchema }),
            'A page of assessments',
          ),
        },
      },
    },
    async (request) => {
      const page = await personal(request).assessments.page(pageRequest(request.query));
      return { assessments: page.items, nextCursor: nextCursor(page) };
    },
  );

  app.get(
    '/assessments/:id',
    { schema: { summary: 'One assessment', tags, params: idParams, response: { 200: stored } } },
    async (request) => personal(request).assessments.get(request.params.id),
  );

  app.post(
    '/assessments',
    {
      schema: {
        summary:
          'Record an assessment against the framework in use (it remembers that framework and version)',
        tags,
        body: assessmentInputSchema,
        response: { 201: answer(storedAssessmentSchema, 'The stored assessment') },
      },
      ...everyProblem(references),
    },
    async (request, reply) => {
      const active = await personal(request).activeFramework();
      const stored = await inBody([], () => personal(request).assessments.create(request.body, active));
      return reply.code(201).send(stored);
    },
  );

  app.put(
    '/assessments/:id',
    {
      schema: {
        summary: 'Replace an assessment',
        tags,
        params: idParams,
        body: assessmentInputSchema,
        response: { 200: stored },
      },
      ...everyProblem(references),
    },
    async (request) => {
      const active = await personal(request).activeFramework();
      return inBody([], () => personal(request).assessments.update(request.params.id, request.body, active));
    },
  );

  app.delete(
    '/assessments/:id',
    { schema: { summary: 'Delete an assessment', tags, params: idParams, response: { 204: noContent } } },
    async (request, reply) => {
      await personal(request).assessments.delete(request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/assess',
    {
      schema: {
        summary:
          'The level some ratings meet on each track and what the next levels need (`trellis assess --json`)',
        tags,
        body: assessmentSchema,
        response: { 200: computed('The verdict per track and what the next levels need') },
      },
      ...everyProblem(async (raw, request) =>
        typeof raw === 'object' && raw !== null
          ? checkAssessment((await personal(request).activeFramework()).framework, raw, bodyProblem)
          : [],
      ),
    },
    async (request) => {
      const { framework } = await personal(request).activeFramework();
      const problems = checkAssessment(framework, request.body, (path, message, code) =>
        problem(['body', ...path], message, code),
      );
      if (problems.length > 0) refuse('assessment is not valid', problems);
      return assess(framework, request.body);
    },
  );
}
