import { z } from 'zod';
import { compareOffers } from '../../core/comp/compare.js';
import { leaveCost } from '../../core/comp/leave.js';
import {
  MAX_YEARS,
  offersFileSchema,
  parseOffersFile,
  selectOffer,
  type ParsedOffers,
} from '../../core/comp/offer-schema.js';
import { DomainError } from '../../core/problems.js';
import { offerDocument } from '../../store/entities.js';
import type { Workspace } from '../../store/workspace.js';
import { problem } from '../../core/input/value.js';
import { documentFileProblems, offersKind } from '../../store/repositories/documents.js';
import { inBody } from '../errors.js';
import { everyProblem } from '../validation.js';
import { fileOrId, idParams, type App, type Deps } from './common.js';
import { answer, computed, noContent } from '../responses.js';

const growth = z
  .number()
  .gt(-1, 'must be greater than -1 (at -100% refreshers would buy infinitely many worthless shares)')
  .describe('Annual share price growth, e.g. 0.05 (default: the file’s assumptions.stockGrowth).');

const compareBody = z.strictObject({
  ...fileOrId(offersFileSchema, 'offer file'),
  years: z
    .number()
    .int()
    .min(1)
    .max(50)
    .optional()
    .describe('Horizon in years (default: assumptions.years).'),
  growth: growth.optional(),
});

const leaveBody = z.strictObject({
  ...fileOrId(offersFileSchema, 'offer file'),
  offer: z.string().min(1).describe('The offer, by name.'),
  month: z
    .number()
    .int()
    .min(1)
    .max(MAX_YEARS * 12)
    .describe('Months worked before leaving.'),
  growth: growth.optional(),
});

/**
 * Exactly one of `file` and `id`: the document to compute on, parsed by the same parser the CLI
 * reads files with (JSON is YAML), its problems pointing into the request or the stored document.
 */
export async function documentToUse<F, T>(
  body: { file?: unknown; id?: number | undefined },
  stored: (id: number) => Promise<{ file: F }>,
  parse: (text: string) => T,
): Promise<T> {
  if ((body.file === undefined) === (body.id === undefined))
    throw new DomainError('invalid-input', 'give either file or id', [
      problem(
        ['body'],
        'give either file (the document inline) or id (a stored one), not both or neither',
        'missing-field',
      ),
    ]);
  const file = body.file ?? (await stored(body.id!)).file;
  return inBody(body.file === undefined ? [] : ['file'], () => parse(JSON.stringify(file)));
}

function readOffers(
  workspace: Workspace,
  body: { file?: unknown; id?: number | undefined },
): Promise<ParsedOffers> {
  return documentToUse(
    body,
    (id) => workspace.offers.get(id),
    (text) => parseOffersFile(text, 'offers'),
  );
}

/** The offer file parser's problems in an inline `file`, beside the schema's. */
const fileProblems = everyProblem((raw) => documentFileProblems(offersKind, raw));

export async function offerRoutes(app: App, { workspace }: Deps): Promise<void> {
  const tags = ['offers'];
  const stored = answer(offerDocument.stored, 'The offer file');
  app.get(
    '/offers',
    {
      schema: {
        summary: 'Every stored offer file',
        tags,
        response: { 200: answer(z.object({ offers: z.array(offerDocument.stored) }), 'The stored files') },
      },
    },
    async () => ({
      offers: await workspace.offers.list(),
    }),
  );
  app.get(
    '/offers/:id',
    { schema: { summary: 'One stored offer file', tags, params: idParams, response: { 200: stored } } },
    async (request) => workspace.offers.get(request.params.id),
  );
  app.post(
    '/offers',
    {
      schema: {
        summary: 'Store an offer file (the format of `trellis offers compare`), validated whole',
        tags,
        body: offerDocument.input,
        response: { 201: answer(offerDocument.stored, 'The stored offer file') },
      },
      ...fileProblems,
    },
    async (request, reply) =>
      reply.code(201).send(await inBody([], () => workspace.offers.create(request.body))),
  );
  app.put(
    '/offers/:id',
    {
      schema: {
        summary: 'Replace a stored offer file',
        tags,
        params: idParams,
        body: offerDocument.input,
        response: { 200: stored },
      },
      ...fileProblems,
    },
    async (request) => inBody([], () => workspace.offers.update(request.params.id, request.body)),
  );
  app.delete(
    '/offers/:id',
    {
      schema: { summary: 'Delete a stored offer file', tags, params: idParams, response: { 204: noContent } },
    },
    async (request, reply) => {
      await workspace.offers.delete(request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/offers/compare',
    {
      schema: {
        summary:
          'Year-by-year liquid pay of every offer, options apart, under bear/flat/bull stock (`trellis offers compare --json`)',
        tags,
        body: compareBody,
        response: {
          200: computed('Each offer year by year, the best, break-even points and stock scenarios'),
        },
      },
      ...fileProblems,
    },
    async (request) => {
      const parsed = await readOffers(workspace, request.body);
      const { years, growth: stockGrowth } = request.body;
      return compareOffers(parsed.file, {
        ...(years === undefined ? {} : { years }),
        ...(stockGrowth === undefined ? {} : { stockGrowth }),
      });
    },
  );

  app.post(
    '/offers/leave',
    {
      schema: {
        summary: 'What leaving an offer after M months costs (`trellis offers leave --json`)',
        tags,
        body: leaveBody,
        response: { 200: computed('What is vested, forfeited and clawed back') },
      },
      ...fileProblems,
    },
    async (request) => {
      const parsed = await readOffers(workspace, request.body);
      let offer;
      try {
        offer = selectOffer(parsed, request.body.offer);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const message = error.problems[0]?.message.replace(/^offers: /, '') ?? error.message;
        throw new DomainError(error.code, error.message, [
          problem(['body', 'offer'], message, 'unknown-offer'),
        ]);
      }
      return leaveCost(offer, request.body.month, request.body.growth ?? parsed.file.stockGrowth);
    },
  );
}
