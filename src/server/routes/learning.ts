import { z } from 'zod';
import { checkLearningInput, learningInputSchema, learningPlan } from '../../core/growth/learning.js';
import { problem, refuse } from '../../core/input/value.js';
import type { App, Deps } from './common.js';
import { computed } from '../responses.js';

const body = learningInputSchema.extend({
  hours: z
    .number()
    .min(0.25, 'must be at least 0.25')
    .max(100, 'must be at most 100')
    .describe('Hours a week for learning.'),
});

export async function learningRoutes(app: App, { personal }: Deps): Promise<void> {
  app.post(
    '/learning/plan',
    {
      schema: {
        summary:
          'Weekly hours into the 80/15/5 learning plan, from assessment gaps and the T-shape (`trellis learn plan --json`)',
        tags: ['navigator'],
        body,
        response: { 200: computed('The 80/15/5 plan: applied, adjacent and deep learning, and the T-shape') },
      },
    },
    async (request) => {
      const { framework } = await personal(request).activeFramework();
      const { hours, ...input } = request.body;
      const problems = checkLearningInput(framework, input, (path, message, code) =>
        problem(['body', ...path], message, code),
      );
      if (problems.length > 0) refuse('learning plan input is not valid', problems);
      return learningPlan(framework, input, hours);
    },
  );
}
