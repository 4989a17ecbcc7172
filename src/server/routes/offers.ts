import { z } from 'zod';
import { compareOffers } from '../../core/comp/compare.js';
import { leaveCost } from '../../core/comp/leave.js';
import { MAX_YEARS, offersFileSchema, readOffersValue, selectOffer } from '../../core/comp/offer-schema.js';
import { offerDocument } from '../../store/entities.js';
import { offersKind } from '../../store/repositories/documents.js';
import { computed } from '../responses.js';
import { fileOrId, type App, type Deps } from './common.js';
import { documentRoutes, inlineDocumentBody } from './documents.js';

const growth = z
  .number()
  .gt(-1, 'must be greater than -1 (at -100% refreshers would buy infinitely many worthless shares)')
  .describe('Annual share price growth, e.g. 0.05 (default: the file’s assumptions.stockGrowth).');

const readOffers = (file: unknown) => readOffersValue(file);

const compare = inlineDocumentBody(
  z.strictObject({
    ...fileOrId(offersFileSchema, 'offer file'),
    years: z
      .number()
      .int()
      .min(1)
      .max(MAX_YEARS)
      .optional()
      .describe('Horizon in years (default: assumptions.years).'),
    growth: growth.optional(),
  }),
  readOffers,
);

const leave = inlineDocumentBody(
  z.strictObject({
    ...fileOrId(offersFileSchema, 'offer file'),
    offer: z.string().min(1).describe('The offer, by name.'),
    month: z
      .number()
      .int()
      .min(1)
      .max(MAX_YEARS * 12)
      .describe('Months worked before leaving.'),
    growth: growth.optional(),
  }),
  readOffers,
);

export async function offerRoutes(app: App, { personal }: Deps): Promise<void> {
  const tags = ['offers'];
  documentRoutes(app, personal, {
    kind: offersKind,
    plural: 'offers',
    repository: (w) => w.offers,
    stored: offerDocument.stored,
    command: 'trellis offers compare',
    tags,
  });

  app.post(
    '/offers/compare',
    {
      schema: {
        summary:
          'Year-by-year liquid pay of every offer, options apart, under bear/flat/bull stock (`trellis offers compare --json`)',
        tags,
        body: compare.schema,
        response: {
          200: computed('Each offer year by year, the best, break-even points and stock scenarios'),
        },
      },
    },
    async (request) => {
      const parsed = await compare.documentOf(request.body, (id) => personal(request).offers.get(id));
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
        body: leave.schema,
        response: { 200: computed('What is vested, forfeited and clawed back') },
      },
    },
    async (request) => {
      const parsed = await leave.documentOf(request.body, (id) => personal(request).offers.get(id));
      const offer = selectOffer(parsed, request.body.offer, ['body', 'offer']);
      return leaveCost(offer, request.body.month, request.body.growth ?? parsed.file.stockGrowth);
    },
  );
}
