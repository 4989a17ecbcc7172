import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetSchemaRuns, schemaRuns } from '../../src/core/input/counted.js';
import { stores } from '../helpers/stores.js';
import { testServer } from './helpers.js';

/**
 * Each input is checked once per request. The schemas count their own runs wherever they run
 * (alone, or inside the body schema of a route), so a second check anywhere on the way (the route's
 * validation, the repository, the file's reader) would show here.
 */

type Server = Awaited<ReturnType<typeof testServer>>;

const offersFile = {
  offers: [
    { name: 'Bigco', base: 145000, equity: [{ type: 'rsu', shares: 50, price: 2000, vesting: 'amazon' }] },
    { name: 'Seedling', base: 160000 },
  ],
};
const scenario = { start: { salary: 100000 }, years: 5, strategies: [{ preset: 'stay-merit' }], runs: 10 };

describe.each(stores())('one request, one check of each input ($kind)', (store) => {
  let server: Server;
  const call = async (method: 'POST' | 'PUT', url: string, payload: Record<string, unknown>) => {
    const response = await server.app.inject({ method, url, payload });
    return { status: response.statusCode, body: response.json() as { id?: number } };
  };

  beforeAll(async () => {
    server = await testServer(await store.fresh());
  });
  afterAll(async () => server.close());
  beforeEach(() => resetSchemaRuns());

  it('stores and replaces an offer file with each offer checked once', async () => {
    const created = await call('POST', '/api/offers', { file: offersFile });
    expect(created.status).toBe(201);
    expect(schemaRuns('offer')).toBe(2);

    resetSchemaRuns();
    expect(
      (await call('PUT', `/api/offers/${created.body.id}`, { name: 'Spring', file: offersFile })).status,
    ).toBe(200);
    expect(schemaRuns('offer')).toBe(2);
  });

  it('compares and prices leaving with an inline file checked once, a stored one read once', async () => {
    expect((await call('POST', '/api/offers/compare', { file: offersFile })).status).toBe(200);
    expect(schemaRuns('offer')).toBe(2);

    resetSchemaRuns();
    const leave = await call('POST', '/api/offers/leave', { file: offersFile, offer: 'Bigco', month: 13 });
    expect(leave.status).toBe(200);
    expect(schemaRuns('offer')).toBe(2);

    const stored = await call('POST', '/api/offers', { file: offersFile });
    resetSchemaRuns();
    expect((await call('POST', '/api/offers/compare', { id: stored.body.id! })).status).toBe(200);
    expect(schemaRuns('offer')).toBe(2);
  });

  it('stores, replaces and simulates an earnings scenario checked once', async () => {
    const created = await call('POST', '/api/scenarios', { file: scenario });
    expect(created.status).toBe(201);
    expect(schemaRuns('earnings file')).toBe(1);

    resetSchemaRuns();
    expect((await call('PUT', `/api/scenarios/${created.body.id}`, { file: scenario })).status).toBe(200);
    expect(schemaRuns('earnings file')).toBe(1);

    resetSchemaRuns();
    expect((await call('POST', '/api/earnings/simulate', { file: scenario })).status).toBe(200);
    expect(schemaRuns('earnings file')).toBe(1);
  });

  it('saves the profile checked once', async () => {
    expect((await call('PUT', '/api/profile', { current: 'senior', skills: { backend: 4 } })).status).toBe(
      201,
    );
    expect(schemaRuns('profile')).toBe(1);
  });
});
