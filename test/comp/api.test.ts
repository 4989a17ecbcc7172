import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer } from '../server/helpers.js';

type Server = Awaited<ReturnType<typeof testServer>>;

describe('the compensation API refuses amounts too large to hold exactly', () => {
  let server: Server;
  const post = async (url: string, body: unknown) => {
    const response = await server.app.inject({
      method: 'POST',
      url,
      payload: body as Record<string, unknown>,
    });
    return { status: response.statusCode, body: response.json() };
  };

  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(async () => server.close());

  it('answers 400, never null amounts, for the bodies the command line refuses', async () => {
    const huge = await post('/api/offers/compare', {
      file: {
        offers: [
          { name: 'Y', base: 1e300, raise: 100 },
          { name: 'Z', base: 10 },
        ],
      },
      years: 6,
    });
    expect(huge.status).toBe(400);
    expect(huge.body.error.fields).toEqual([
      { path: 'body.file.offers[0].base', message: 'must be at most 1000000000000, got 1e+300' },
    ]);

    const raised = await post('/api/offers/compare', {
      file: {
        offers: [
          { name: 'Y', base: 1e12, raise: 100 },
          { name: 'Z', base: 10 },
        ],
      },
      years: 6,
    });
    expect(raised.status).toBe(400);
    expect(raised.body.error.fields).toEqual([
      {
        path: 'offers[0].raise',
        message: 'over 2 years the base grows past 90,071,992,547,409.91; lower the raise or the horizon',
      },
    ]);

    const salary = await post('/api/earnings/simulate', {
      file: { start: { salary: 1e300 }, years: 80, strategies: [{ name: 'a', merit: 5 }] },
    });
    expect(salary.status).toBe(400);
    const grows = await post('/api/earnings/simulate', {
      file: { start: { salary: 1e12 }, years: 80, strategies: [{ name: 'a', merit: 5 }] },
      runs: 1,
    });
    expect(grows.status).toBe(400);
    expect(grows.body.error.fields[0].path).toBe('body.file.strategies[0].merit');
  });
});
