import { z } from 'zod';
import { findPaths } from '../../core/lattice/paths.js';
import { withPay } from '../../core/lattice/pay.js';
import { reachWithin } from '../../core/lattice/reach.js';
import { DomainError } from '../../core/problems.js';
import { problem } from '../../core/input/value.js';
import { numberText, wholeNumberText, type App, type Deps } from './common.js';
import { computed } from '../responses.js';

// Query values are text: numbers are read from it, and must be whole where the CLI flag must be.
const query = z.strictObject({
  from: z
    .string()
    .min(1)
    .describe('A position LEVEL[:SPECIALISATION][@COMPANY], e.g. senior or senior:backend@big-company.'),
  to: z.string().min(1).optional().describe('A position, e.g. director or senior:data-ml.'),
  avoid: z.string().min(1).optional().describe('Keep off a track, e.g. management or ic.'),
  prefer: z
    .string()
    .min(1)
    .optional()
    .describe("The track that wins near-ties (within 10% of expected years); the start's by default."),
  maxMoves: wholeNumberText(z.number().int().min(1).max(50))
    .default(10)
    .describe('At most this many moves per path.'),
  top: wholeNumberText(z.number().int().min(1).max(100)).default(3).describe('How many paths.'),
  within: numberText(z.number().min(0).max(100))
    .optional()
    .describe('Without `to`: everything reachable within these years.'),
  pay: z
    .enum(['true', 'false'])
    .optional()
    .describe('`true`: the expected yearly pay along each path and its total (`trellis path --pay`).'),
  market: z
    .string()
    .min(1)
    .optional()
    .describe('With `pay`: the market positions without a company kind are paid in (default: us-big-tech).'),
});

export async function pathRoutes(app: App, { personal }: Deps): Promise<void> {
  app.get(
    '/paths',
    {
      schema: {
        summary:
          'The best paths across the lattice (`trellis path --json`), or with `within` and no `to`, where one can be in N years',
        tags: ['navigator'],
        querystring: query,
        response: { 200: computed('The paths to `to`, or with `within` what is reachable') },
      },
    },
    async (request) => {
      const { framework } = await personal(request).activeFramework();
      const { from, to, avoid, prefer, maxMoves, top, within, pay, market } = request.query;
      if (to !== undefined && within !== undefined)
        throw new DomainError('usage', 'within answers "where can I be in N years" and takes no target', [
          problem(
            ['query', 'within'],
            'within answers "where can I be in N years" and takes no target: drop to or within',
            'conflicting-field',
          ),
        ]);
      if (to === undefined) {
        if (within === undefined)
          throw new DomainError('usage', 'give a target (to) or a horizon in years (within)', [
            problem(['query', 'to'], 'give to (a level or role id) or within (years)', 'missing-field'),
          ]);
        return reachWithin(framework, from, within, avoid, prefer);
      }
      const result = findPaths(framework, from, to, { avoid, prefer, maxMoves, top });
      return pay === 'true' ? withPay(framework, result, market) : result;
    },
  );
}
