import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getAll } from '../../web/src/api/client.js';
import { stores } from '../helpers/stores.js';
import { shippedReference } from '../../src/store/repositories/frameworks.js';
import { testServer } from './helpers.js';

type Server = Awaited<ReturnType<typeof testServer>>;

let server: Server;

const get = async (url: string) => {
  const response = await server.app.inject({ url });
  return { status: response.statusCode, body: response.json() };
};

/** Every page of a list, in order, following nextCursor; the number of requests it took. */
async function walk(path: string, key: string, limit: number) {
  const ids: number[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const query = `limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const { status, body } = await get(`${path}${separator}${query}`);
    expect(status).toBe(200);
    expect(body[key].length).toBeLessThanOrEqual(limit);
    ids.push(...(body[key] as { id: number }[]).map((item) => item.id));
    cursor = body.nextCursor;
    pages++;
  } while (cursor !== null);
  return { ids, pages };
}

const offerFile = { offers: [{ name: 'Bigco', base: 145000 }] };

describe.each(stores())('list endpoints, a page at a time ($kind)', (store) => {
  beforeAll(async () => {
    server = await testServer(await store.fresh());
    const { workspace } = server;
    const active = await workspace.activeFramework();
    // 123 entries on 9 dates, stored out of date order: pages must follow (date, id), not id alone.
    await workspace.evidence.createMany(
      Array.from({ length: 123 }, (_, i) => ({
        date: `2026-03-0${((i * 4) % 9) + 1}`,
        title: `entry ${i}`,
        ...(i % 3 === 0 ? { competencies: ['mentoring'] } : {}),
      })),
      active.framework,
    );
    for (let i = 0; i < 12; i++)
      await workspace.assessments.create({ date: `2026-0${(i % 4) + 1}-01`, ratings: {} }, active);
    for (let i = 0; i < 11; i++) {
      await workspace.offers.create({ name: `offer ${i}`, file: offerFile });
    }
  });
  afterAll(async () => server.close());

  it('walks every evidence entry once, in the order of the whole list', async () => {
    const all = (await server.workspace.evidence.list()).map((e) => e.id);
    expect(all).toHaveLength(123);
    const { ids, pages } = await walk('/api/evidence', 'entries', 10);
    expect(ids).toEqual(all);
    expect(new Set(ids).size).toBe(123);
    // 12 full pages and one of 3.
    expect(pages).toBe(13);
  });

  it('gives 50 by default and says where to go on', async () => {
    const first = await get('/api/evidence');
    expect(first.body.entries).toHaveLength(50);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const last = await get('/api/evidence?limit=500');
    expect(last.body.entries).toHaveLength(123);
    expect(last.body.nextCursor).toBeNull();
  });

  it('pages a filtered log to the end of the filter', async () => {
    const wanted = (await server.workspace.evidence.list({ competency: 'mentoring' })).map((e) => e.id);
    // i = 0, 3, …, 120: 41 entries.
    expect(wanted).toHaveLength(41);
    const { ids, pages } = await walk('/api/evidence?competency=mentoring', 'entries', 7);
    expect(ids).toEqual(wanted);
    expect(pages).toBe(6);
    const { ids: since } = await walk('/api/evidence?since=2026-03-05&competency=mentoring', 'entries', 4);
    expect(since).toEqual(
      (await server.workspace.evidence.list({ since: '2026-03-05', competency: 'mentoring' })).map(
        (e) => e.id,
      ),
    );
  });

  it('pages assessments by date, offers and scenarios by id', async () => {
    const assessments = (await server.workspace.assessments.list()).map((a) => a.id);
    expect((await walk('/api/assessments', 'assessments', 5)).ids).toEqual(assessments);
    const offers = await walk('/api/offers', 'offers', 4);
    expect(offers.ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(offers.pages).toBe(3);
    expect(await get('/api/scenarios')).toEqual({ status: 200, body: { scenarios: [], nextCursor: null } });
  });

  it('pages the stored frameworks by id, saying which one is in use on every page', async () => {
    // The shipped reference, and two copies of it under other ids, not in use.
    const { source } = shippedReference();
    for (const id of ['copy-a', 'copy-b'])
      await server.workspace.addFramework(
        source.replace(/^id: reference$/m, `id: ${id}`),
        `${id}.yaml`,
        false,
      );
    const all = (await server.workspace.frameworks.list()).map((f) => f.id);
    expect(all).toHaveLength(3);
    const { ids, pages } = await walk('/api/frameworks', 'frameworks', 2);
    expect(ids).toEqual(all);
    expect(pages).toBe(2);
    const active = (await server.workspace.activeFramework()).row.id;
    const first = await get('/api/frameworks?limit=1');
    expect(first.body).toMatchObject({ active, nextCursor: expect.any(String) });
    expect(first.body.frameworks[0]).not.toHaveProperty('source');
  });

  it('neither repeats nor skips an item when one is deleted between pages', async () => {
    const first = await get('/api/offers?limit=4');
    await server.workspace.offers.delete(first.body.offers[3].id);
    await server.workspace.offers.delete(5);
    const rest = await get(`/api/offers?limit=100&cursor=${first.body.nextCursor}`);
    expect(rest.body.offers.map((o: { id: number }) => o.id)).toEqual([6, 7, 8, 9, 10, 11]);
  });

  it('refuses a cursor it did not give out and a limit out of range, where they are', async () => {
    for (const cursor of ['zzz', 'a%20b', Buffer.from('[1]').toString('base64url'), '']) {
      const { status, body } = await get(`/api/evidence?cursor=${cursor}`);
      expect(status).toBe(400);
      expect(body.error.fields).toEqual([
        { path: 'query.cursor', message: expect.stringContaining('not a cursor this server gave out') },
      ]);
    }
    // An evidence cursor is a date and an id; an offer cursor an id alone.
    const evidenceCursor = (await get('/api/evidence?limit=1')).body.nextCursor;
    expect((await get(`/api/offers?cursor=${evidenceCursor}`)).status).toBe(400);
    for (const limit of ['0', '501', '2.5', 'ten']) {
      const { status, body } = await get(`/api/assessments?limit=${limit}`);
      expect(status).toBe(400);
      expect(body.error.fields[0].path).toBe('query.limit');
    }
  });

  it('describes limit, cursor and nextCursor in OpenAPI on every list', async () => {
    const { body } = await get('/api/openapi.json');
    for (const path of [
      '/api/evidence',
      '/api/assessments',
      '/api/offers',
      '/api/scenarios',
      '/api/frameworks',
    ]) {
      const operation = body.paths[path].get;
      expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['limit', 'cursor']),
      );
      const answer = operation.responses['200'].content['application/json'].schema;
      expect(answer.properties.nextCursor).toBeDefined();
    }
  });

  describe('the web app’s reader of lists', () => {
    it('gets every item of a list longer than the largest page, following nextCursor', async () => {
      const { workspace, app } = server;
      await workspace.evidence.createMany(
        Array.from({ length: 600 }, (_, i) => ({ date: '2026-05-01', title: `more ${i}` })),
        (await workspace.activeFramework()).framework,
      );
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
      const realFetch = globalThis.fetch;
      // The app's relative URLs, sent to the real server.
      const requests: string[] = [];
      vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
        requests.push(url);
        return realFetch(base + url, init);
      });
      try {
        const entries = await getAll<{ id: number }>('/evidence', 'entries');
        const all = (await workspace.evidence.list()).map((e) => e.id);
        // 123 + 600 entries: a page of 500 and one of 223.
        expect(all).toHaveLength(723);
        expect(entries.map((e) => e.id)).toEqual(all);
        expect(requests).toHaveLength(2);
      } finally {
        vi.unstubAllGlobals();
      }
    });
  });
});
