import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { personAllowed, type Asking } from '../org/asking.js';
import { answer } from '../responses.js';
import { idParams, type App } from './common.js';

const tags = ['organisation', 'review cycles'];

/**
 * A person's ratings over time: per cycle, open or closed, oldest first, the submitted self and
 * manager ratings per competency, with the names of the competencies in that cycle's framework
 * version. Read as the person's submitted assessments are (`assessment.read`); else 404.
 */
export function ratingsRoutes(app: App, who: (request: FastifyRequest) => Asking): void {
  app.get(
    '/org/people/:id/ratings',
    {
      schema: {
        summary: "A person's submitted self and manager ratings per competency, cycle by cycle",
        tags,
        params: idParams,
        response: { 200: answer(z.object({}).loose(), 'The ratings per cycle, oldest first') },
      },
    },
    async (request) => {
      const a = who(request);
      const person = await personAllowed(a, request.params.id, 'assessment.read');
      const cycles = await a.repositories.reviews.ratingsOver(person.id);
      const versions = new Map<number, { number: number; names: Record<string, string> }>();
      for (const id of new Set(cycles.map((c) => c.frameworkVersionId))) {
        const version = await a.repositories.frameworks.byId(id);
        if (version)
          versions.set(id, {
            number: version.number,
            names: Object.fromEntries(version.framework.competencies.map((c) => [c.id, c.name])),
          });
      }
      const names: Record<string, string> = {};
      const items = cycles.map(({ frameworkVersionId, ...cycle }) => {
        const version = versions.get(frameworkVersionId);
        Object.assign(names, version?.names);
        return { ...cycle, frameworkVersion: version?.number ?? null };
      });
      const rated = new Set(
        items.flatMap((c) => [...Object.keys(c.self ?? {}), ...Object.keys(c.manager ?? {})]),
      );
      return {
        person: { id: person.id, name: person.name },
        competencies: [...rated].map((id) => ({ id, name: names[id] ?? id })),
        items,
      };
    },
  );
}
