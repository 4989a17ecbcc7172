import { checkProfile } from '../../core/profile/profile.js';
import { rebase, refuse } from '../../core/input/value.js';
import { DomainError } from '../../core/problems.js';
import { profileSchema, storedProfileSchema } from '../../store/entities.js';
import { everyProblem } from '../validation.js';
import type { App, Deps } from './common.js';
import { answer, noContent } from '../responses.js';

export async function profileRoutes(app: App, { personal }: Deps): Promise<void> {
  const tags = ['profile'];
  // One profile per workspace: the resource always exists, and is null until one is saved (a new
  // workspace is not an unknown id, and a browser logs every 404 as an error).
  app.get(
    '/profile',
    {
      schema: {
        summary: 'The profile; null until one is saved',
        tags,
        response: { 200: answer(storedProfileSchema.nullable(), 'The profile, or null') },
      },
    },
    async (request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send(JSON.stringify((await personal(request).profile.get()) ?? null)),
  );

  app.put(
    '/profile',
    {
      schema: {
        summary: 'Save the profile (replaces it); 201 when created, 200 when replaced',
        tags,
        body: profileSchema,
        response: {
          200: answer(storedProfileSchema, 'Replaced'),
          201: answer(storedProfileSchema, 'Created'),
        },
      },
      ...everyProblem(async (raw, request) =>
        checkProfile((await personal(request).activeFramework()).framework, raw),
      ),
    },
    async (request, reply) => {
      // The schema has passed: the framework's references are all that is left to check.
      const { framework } = await personal(request).activeFramework();
      const problems = checkProfile(framework, request.body);
      if (problems.length > 0) refuse('profile is not valid', rebase(problems, ['body']));
      const { profile, created } = await personal(request).profile.store(request.body);
      return reply.code(created ? 201 : 200).send(profile);
    },
  );

  app.delete(
    '/profile',
    { schema: { summary: 'Delete the profile', tags, response: { 204: noContent } } },
    async (request, reply) => {
      if (!(await personal(request).profile.delete()))
        throw new DomainError('not-found', 'no profile to delete');
      return reply.code(204).send();
    },
  );
}
