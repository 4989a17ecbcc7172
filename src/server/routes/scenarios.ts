import { z } from 'zod';
import { simulateEarnings } from '../../core/comp/earnings.js';
import { earningsFileSchema, MAX_RUNS, parseEarningsFile } from '../../core/comp/earnings-schema.js';
import { scenarioDocument } from '../../store/entities.js';
import { problem, refuse } from '../../core/input/value.js';
import { documentFileProblems, scenariosKind } from '../../store/repositories/documents.js';
import { inBody } from '../errors.js';
import { everyProblem } from '../validation.js';
import { documentToUse } from './offers.js';
import { fileOrId, idParams, type App, type Deps } from './common.js';
import { answer, computed, noContent } from '../responses.js';

/**
 * Simulated career-years one request may ask for. The simulation runs on the event loop; about
 * 20 million career-years take a few seconds, longer would stall every other request.
 */
export const MAX_WORK = 20_000_000;

const simulateBody = z.strictObject({
  ...fileOrId(earningsFileSchema, 'earnings scenario'),
  runs: z
    .number()
    .int()
    .min(1)
    .max(MAX_RUNS)
    .optional()
    .describe('Simulated careers per strategy (default: the file’s runs).'),
  seed: z.number().int().optional().describe('Seed of the random draws (default: the file’s seed).'),
});

/** The earnings file parser's problems in an inline `file`, beside the schema's. */
const fileProblems = everyProblem((raw) => documentFileProblems(scenariosKind, raw));

export async function scenarioRoutes(app: App, { workspace }: Deps): Promise<void> {
  const tags = ['scenarios'];
  const stored = answer(scenarioDocument.stored, 'The earnings scenario');
  app.get(
    '/scenarios',
    {
      schema: {
        summary: 'Every stored earnings scenario',
        tags,
        response: {
          200: answer(z.object({ scenarios: z.array(scenarioDocument.stored) }), 'The stored scenarios'),
        },
      },
    },
    async () => ({
      scenarios: await workspace.scenarios.list(),
    }),
  );
  app.get(
    '/scenarios/:id',
    {
      schema: { summary: 'One stored earnings scenario', tags, params: idParams, response: { 200: stored } },
    },
    async (request) => workspace.scenarios.get(request.params.id),
  );
  app.post(
    '/scenarios',
    {
      schema: {
        summary: 'Store an earnings scenario (the format of `trellis earnings simulate`)',
        tags,
        body: scenarioDocument.input,
        response: { 201: answer(scenarioDocument.stored, 'The stored earnings scenario') },
      },
      ...fileProblems,
    },
    async (request, reply) =>
      reply.code(201).send(await inBody([], () => workspace.scenarios.create(request.body))),
  );
  app.put(
    '/scenarios/:id',
    {
      schema: {
        summary: 'Replace a stored earnings scenario',
        tags,
        params: idParams,
        body: scenarioDocument.input,
        response: { 200: stored },
      },
      ...fileProblems,
    },
    async (request) => inBody([], () => workspace.scenarios.update(request.params.id, request.body)),
  );
  app.delete(
    '/scenarios/:id',
    {
      schema: {
        summary: 'Delete a stored earnings scenario',
        tags,
        params: idParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await workspace.scenarios.delete(request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/earnings/simulate',
    {
      schema: {
        summary:
          'Career earnings per strategy: p10, p50, p90 of the total and of each year (`trellis earnings simulate --json`)',
        tags,
        body: simulateBody,
        response: { 200: computed('p10, p50 and p90 of each strategy, in total and per year') },
      },
      ...fileProblems,
    },
    async (request) => {
      const input = await documentToUse(
        request.body,
        (id) => workspace.scenarios.get(id),
        (t) => parseEarningsFile(t, 'scenario'),
      );
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
      return simulateEarnings(input);
    },
  );
}
