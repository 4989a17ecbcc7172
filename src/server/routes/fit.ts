import { answersFileSchema, readAnswersValue } from '../../core/fit/answers.js';
import { scoreFit, type Answers } from '../../core/fit/fit.js';
import { questions } from '../../core/fit/questions.js';
import { problemsOf } from '../../core/input/value.js';
import { checkedBy } from '../validation.js';
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
        // Checked once, by the answers reader: the schema only describes the body in OpenAPI.
        body: checkedBy(answersFileSchema, (data) => {
          let answers: Answers | undefined;
          const problems = problemsOf(() => (answers = readAnswersValue(data)));
          return answers === undefined ? { problems } : { value: { answers }, problems };
        }),
        response: { 200: computed('The lean, its score, reasons, misconceptions and experiments') },
      },
    },
    async (request) => {
      const { lean, score, reasons, misconceptions, experiments } = scoreFit(request.body.answers);
      return { lean, score, reasons, misconceptions, experiments };
    },
  );
}
