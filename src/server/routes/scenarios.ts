import { z } from 'zod';
import { simulateEarnings } from '../../core/comp/earnings.js';
import { ladderFor } from '../../core/comp/ladder.js';
import { earningsFileSchema, MAX_RUNS, readEarningsValue } from '../../core/comp/earnings-schema.js';
import { problem, refuse } from '../../core/input/value.js';
import { scenarioDocument } from '../../store/entities.js';
import { scenariosKind } from '../../store/repositories/documents.js';
import { computed } from '../responses.js';
import { fileOrId, type App, type Deps } from './common.js';
import { documentRoutes, inlineDocumentBody } from './documents.js';

/**
 * Simulated career-years one request may ask for. The simulation runs on the event loop; about
 * 20 million career-years take a few seconds, longer would stall every other request.
 */
export const MAX_WORK = 20_000_000;

const simulate = inlineDocumentBody(
  z.strictObject({
    ...fileOrId(earningsFileSchema, 'earnings scenario'),
    runs: z
      .number()
      .int()
      .min(1)
      .max(MAX_RUNS)
      .optional()
      .describe('Simulated careers per strategy (default: the file’s runs).'),
    seed: z.number().int().optional().describe('Seed of the random draws (default: the file’s seed).'),
    market: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The market whose pay per level the careers walk (default: the file’s, else us-big-tech); `none` for a salary alone.',
      ),
  }),
  (file) => readEarningsValue(file),
);

export async function scenarioRoutes(app: App, { personal }: Deps): Promise<void> {
  const tags = ['scenarios'];
  documentRoutes(app, personal, {
    kind: scenariosKind,
    plural: 'scenarios',
    repository: (w) => w.scenarios,
    stored: scenarioDocument.stored,
    command: 'trellis earnings simulate',
    tags,
  });

  app.post(
    '/earnings/simulate',
    {
      schema: {
        summary:
          'Career earnings per strategy: p10, p50, p90 of the total and of each year (`trellis earnings simulate --json`)',
        tags,
        body: simulate.schema,
        response: { 200: computed('p10, p50 and p90 of each strategy, in total and per year') },
      },
    },
    async (request) => {
      const read = await simulate.documentOf(request.body, (id) => personal(request).scenarios.get(id));
      // A copy: the flags change it for this request only.
      const input = { ...read.earnings };
      if (request.body.runs !== undefined) input.runs = request.body.runs;
      if (request.body.seed !== undefined) input.seed = request.body.seed;
      const work = input.runs * input.years * input.strategies.length;
      if (work > MAX_WORK)
        refuse('the simulation is too large for one request', [
          problem(
            ['body', 'runs'],
            `${input.runs} runs × ${input.years} years × ${input.strategies.length} strategies is ${work} career-years; at most ${MAX_WORK} per request (the command line has no such limit)`,
          ),
        ]);
      // Careers walk the levels of the framework in use, as `trellis earnings simulate` does.
      const { framework } = await personal(request).activeFramework();
      const ladder = ladderFor(framework, input, request.body.market ?? input.market);
      return simulateEarnings(ladder === undefined ? input : { ...input, ladder });
    },
  );
}
