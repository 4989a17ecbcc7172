import { answersFileSchema, parseAnswersFile } from '../../core/fit/answers.js';
import { scoreFit } from '../../core/fit/fit.js';
import { questions } from '../../core/fit/questions.js';
import { problemsOf } from '../../core/input/value.js';
import { inBody } from '../errors.js';
import { everyProblem } from '../validation.js';
import type { App, Deps } from './common.js';
import { z } from 'zod';
import { answer, computed } from '../responses.js';

export async function fitRoutes(app: App, _deps: Deps): Promise<void> {
  const tags = ['navigator'];
  app.get(
    '/fit/questions',
    {
      schema: {
        summary: 'The IC-or-manager questions (`trellis fit --questions --json`)',
        tags,
        response: {
          200: answer(
            z.object({
              questions: z.array(z.object({ id: z.string(), text: z.string(), leans: z.string() })),
            }),
            'The questions',
          ),
        },
      },
    },
    async () => ({ questions: questions.map(({ id, text, leans }) => ({ id, text, leans })) }),
  );

  app.post(
    '/fit',
    {
      schema: {
        summary:
          'IC or manager: the lean of a full set of answers, with reasons and experiments (`trellis fit --answers --json`)',
        tags,
        body: answersFileSchema,
        response: { 200: computed('The lean, its score, reasons, misconceptions and experiments') },
      },
      // The answers file's own checks (unknown question ids) on a body that failed its schema.
      ...everyProblem((raw) =>
        typeof raw === 'object' && raw !== null && !Array.isArray(raw)
          ? problemsOf(() => parseAnswersFile(JSON.stringify(raw), 'answers'))
          : [],
      ),
    },
    async (request) => {
      // The answers file's own checks: every question answered, no unknown question ids.
      const answers = await inBody([], () => parseAnswersFile(JSON.stringify(request.body), 'answers'));
      const { lean, score, reasons, misconceptions, experiments } = scoreFit(answers);
      return { lean, score, reasons, misconceptions, experiments };
    },
  );
}
