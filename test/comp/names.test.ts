import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trellis, writeTemp } from '../helpers/cli.js';
import { testServer } from '../server/helpers.js';

/** Names a user gives are data: the names of Object.prototype's members are plain names or unknown ones. */

const tricky = ['toString', '__proto__', 'constructor', 'hasOwnProperty'];

const withVesting = (vesting: string) => ({
  offers: [{ name: 'A', base: 100000, equity: [{ type: 'rsu', shares: 10, price: 10, vesting }] }],
});

describe('names that are also members of every object', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  const post = async (url: string, payload: Record<string, unknown>) => {
    const response = await server.app.inject({ method: 'POST', url, payload });
    return { status: response.statusCode, body: response.json() };
  };

  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(async () => server.close());

  it.each(tricky)(
    'vesting: %s is an unknown schedule, located, when stored, compared or priced',
    async (name) => {
      const field = {
        path: 'body.file.offers[0].equity[0].vesting',
        message: `unknown schedule "${name}"; known schedules: standard, amazon, google, meta`,
      };
      for (const [url, extra] of [
        ['/api/offers', {}],
        ['/api/offers/compare', {}],
        ['/api/offers/leave', { offer: 'A', month: 12 }],
      ] as const) {
        const answer = await post(url, { file: withVesting(name), ...extra });
        expect(answer.status).toBe(400);
        expect(answer.body.error.fields).toEqual([field]);
      }
    },
  );

  it('a schedule of the file may be named toString, and offers constructor and hasOwnProperty', async () => {
    const file = {
      schedules: { toString: { years: [100], cadence: 'annual' } },
      offers: [
        {
          name: 'constructor',
          base: 100,
          equity: [{ type: 'rsu', shares: 12, price: 1, vesting: 'toString' }],
        },
        { name: 'hasOwnProperty', base: 100 },
      ],
    };
    const stored = await post('/api/offers', { file });
    expect(stored.status).toBe(201);
    expect(stored.body.name).toBe('constructor vs hasOwnProperty');
    const compared = await post('/api/offers/compare', { id: stored.body.id, years: 1 });
    expect(compared.status).toBe(200);
    // 100 base and 12 shares at 1 vesting at month 12: 112 against 100.
    expect(compared.body.offers.map((o: { total: number }) => o.total)).toEqual([112, 100]);
    const left = await post('/api/offers/leave', { id: stored.body.id, offer: 'constructor', month: 12 });
    expect(left.status).toBe(200);
    expect(left.body.vestedShares).toBe(12);
    const unknown = await post('/api/offers/leave', { id: stored.body.id, offer: 'toString', month: 12 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.fields).toEqual([
      {
        path: 'body.offer',
        message: 'no offer named "toString"; the file has "constructor", "hasOwnProperty"',
      },
    ]);
  });

  it('trellis offers compare reports vesting: toString at its line, and computes on such offer names', () => {
    const bad = writeTemp(
      'bad.yaml',
      'offers:\n  - name: A\n    base: 100\n    equity: [{ type: rsu, shares: 1, price: 1, vesting: toString }]\n',
    );
    const refused = trellis(['offers', 'compare', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `${bad}:4:57: offers[0].equity[0].vesting: unknown schedule "toString"; known schedules: standard, amazon, google, meta\n`,
    );
    const good = writeTemp(
      'good.yaml',
      'offers:\n  - { name: __proto__, base: 100 }\n  - { name: toString, base: 200 }\n',
    );
    const compared = trellis(['offers', 'compare', good, '--json']);
    expect(compared.code).toBe(0);
    expect(JSON.parse(compared.stdout).best).toBe('toString');
  });
});

describe('offer files are bounded', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(async () => server.close());

  it('refuses more than 20 offers and more than 20 grants an offer, with one message each', async () => {
    const offers = Array.from({ length: 21 }, (_, i) => ({ name: `O${i}`, base: 1 }));
    const many = await server.app.inject({
      method: 'POST',
      url: '/api/offers/compare',
      payload: { file: { offers } },
    });
    expect(many.statusCode).toBe(400);
    expect(many.json().error.fields).toEqual([
      { path: 'body.file.offers', message: 'must list at most 20 offers' },
    ]);

    const equity = Array.from({ length: 21 }, () => ({ type: 'rsu', shares: 1, price: 1 }));
    const grants = await server.app.inject({
      method: 'POST',
      url: '/api/offers',
      payload: { file: { offers: [{ name: 'A', base: 1, equity }] } },
    });
    expect(grants.statusCode).toBe(400);
    expect(grants.json().error.fields).toEqual([
      { path: 'body.file.offers[0].equity', message: 'must list at most 20 grants' },
    ]);
  });

  it('break-even is each offer against the best: 20 offers give 19 answers', async () => {
    const offers = Array.from({ length: 20 }, (_, i) => ({ name: `O${i}`, base: 1000 * (i + 1) }));
    const answer = await server.app.inject({
      method: 'POST',
      url: '/api/offers/compare',
      payload: { file: { offers } },
    });
    expect(answer.statusCode).toBe(200);
    const { best, breakEven } = answer.json();
    expect(best).toBe('O19');
    expect(breakEven).toHaveLength(19);
    expect(breakEven[0]).toEqual({ offers: ['O0', 'O19'], leader: 'O19', month: 1 });
  });
});
