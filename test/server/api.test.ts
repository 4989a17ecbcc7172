import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trellis, writeTemp } from '../helpers/cli.js';
import { stores } from '../helpers/stores.js';
import { testServer } from './helpers.js';

type Server = Awaited<ReturnType<typeof testServer>>;

/** The origin of inject's default `Host: localhost:80`. */
const ownOrigin = 'http://localhost';

const offerFile = {
  offers: [
    {
      name: 'Bigco',
      base: 145000,
      bonus: { target: 0.15 },
      equity: [{ type: 'rsu', shares: 50, price: 2000, vesting: 'amazon' }],
    },
    { name: 'Seedling', base: 160000 },
  ],
};

describe.each(stores())('the API through inject, over $kind', (store) => {
  let server: Server;
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await server.app.inject({
      method: method as 'GET',
      url,
      // As the app's own pages send it: writes from any other origin are refused (security.test.ts).
      headers: { origin: ownOrigin },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    return { status: response.statusCode, body: response.body === '' ? undefined : response.json() };
  };

  beforeAll(async () => {
    server = await testServer(await store.fresh());
  });
  afterAll(async () => server.close());

  it('reports health and serves the framework exactly as the CLI prints it', async () => {
    expect((await call('GET', '/api/health')).body).toMatchObject({
      status: 'ok',
      framework: { id: 'reference' },
    });
    const cli = JSON.parse(trellis(['framework', 'show', '--json']).stdout) as unknown;
    expect((await call('GET', '/api/framework')).body).toEqual(cli);
    const level = JSON.parse(trellis(['framework', 'show', 'staff', '--json']).stdout) as unknown;
    expect((await call('GET', '/api/framework/levels/staff')).body).toEqual(level);
    const missing = await call('GET', '/api/framework/levels/stafff');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('did you mean "staff"');
  });

  it('plans paths with their pay with the same JSON as path --pay', async () => {
    const paid = await call('GET', '/api/paths?from=senior&to=principal&top=1&pay=true&market=us-startup');
    expect(paid.body).toEqual(
      JSON.parse(
        trellis(['path', 'senior', 'principal', '--top', '1', '--pay', '--market', 'us-startup', '--json'])
          .stdout,
      ),
    );
    expect(paid.body.paths[0].pay.total).toBe(2675500);
  });

  it('maps levels and plans paths with the same JSON as the CLI', async () => {
    const map = await call('GET', '/api/levels/map?company=google&code=L5&to=meta');
    expect(map.body).toEqual(
      JSON.parse(trellis(['levels', 'map', 'google', 'L5', '--to', 'meta', '--json']).stdout),
    );
    const paths = await call('GET', '/api/paths?from=junior&to=senior&top=2');
    expect(paths.body).toEqual(
      JSON.parse(trellis(['path', 'junior', 'senior', '--top', '2', '--json']).stdout),
    );
    const reach = await call('GET', '/api/paths?from=senior&within=4');
    expect(reach.body).toEqual(JSON.parse(trellis(['path', 'senior', '--within', '4', '--json']).stdout));
    const neither = await call('GET', '/api/paths?from=senior');
    expect(neither.status).toBe(400);
    expect(neither.body.error.fields).toEqual([
      { path: 'query.to', message: expect.stringContaining('within') },
    ]);
    const bad = await call('GET', '/api/paths?from=senior&to=staff&maxMoves=0&extra=1');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'query.maxMoves',
      'query.extra',
    ]);
  });

  it('assesses ratings like trellis assess and names each bad rating', async () => {
    const assessment = { current: 'senior', ratings: { 'system-design': 3, debugging: 4 } };
    const file = writeTemp('assessment.json', JSON.stringify(assessment));
    expect((await call('POST', '/api/assess', assessment)).body).toEqual(
      JSON.parse(trellis(['assess', file, '--json']).stdout),
    );
    const bad = await call('POST', '/api/assess', { current: 'senoir', ratings: { debugging: 9 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'body.current',
      'body.ratings.debugging',
    ]);
  });

  it('compares offers and costs leaving, inline or stored, like trellis offers', async () => {
    const file = writeTemp('offers.json', JSON.stringify(offerFile));
    const cli = JSON.parse(trellis(['offers', 'compare', file, '--years', '3', '--json']).stdout) as unknown;
    expect((await call('POST', '/api/offers/compare', { file: offerFile, years: 3 })).body).toEqual(cli);
    const stored = await call('POST', '/api/offers', { name: 'Spring', file: offerFile });
    expect(stored.status).toBe(201);
    expect((await call('POST', '/api/offers/compare', { id: stored.body.id, years: 3 })).body).toEqual(cli);
    const leave = await call('POST', '/api/offers/leave', { id: stored.body.id, offer: 'Bigco', month: 11 });
    expect(leave.body).toEqual(
      JSON.parse(trellis(['offers', 'leave', file, '--offer', 'Bigco', '--month', '11', '--json']).stdout),
    );
    const both = await call('POST', '/api/offers/compare', { id: stored.body.id, file: offerFile });
    expect(both.status).toBe(400);
    const unknown = await call('POST', '/api/offers/leave', {
      id: stored.body.id,
      offer: 'Bigcoo',
      month: 1,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.fields[0]).toMatchObject({
      path: 'body.offer',
      message: expect.stringContaining('"Bigco"'),
    });
    expect((await call('POST', '/api/offers/compare', { id: 999 })).status).toBe(404);
  });

  it('simulates earnings like trellis earnings simulate, with a cap on one request', async () => {
    const scenario = { start: { salary: 100000 }, years: 10, runs: 50 };
    const file = writeTemp('earnings.json', JSON.stringify(scenario));
    const cli = JSON.parse(trellis(['earnings', 'simulate', file, '--json']).stdout) as unknown;
    expect((await call('POST', '/api/earnings/simulate', { file: scenario })).body).toEqual(cli);
    const created = await call('POST', '/api/scenarios', { file: scenario });
    expect(created.status).toBe(201);
    expect((await call('POST', '/api/earnings/simulate', { id: created.body.id })).body).toEqual(cli);
    const huge = await call('POST', '/api/earnings/simulate', {
      file: { ...scenario, years: 80 },
      runs: 1_000_000,
    });
    expect(huge.status).toBe(400);
    expect(huge.body.error.fields[0].path).toBe('body.runs');
  });

  it('scores the IC-or-manager questionnaire like trellis fit', async () => {
    const { questions } = (await call('GET', '/api/fit/questions')).body as { questions: { id: string }[] };
    const answers = { answers: Object.fromEntries(questions.map((q, i) => [q.id, (i % 5) + 1])) };
    const file = writeTemp('answers.json', JSON.stringify(answers));
    expect((await call('POST', '/api/fit', answers)).body).toEqual(
      JSON.parse(trellis(['fit', '--answers', file, '--json']).stdout),
    );
    const partial = await call('POST', '/api/fit', { answers: { [questions[0]!.id]: 6 } });
    expect(partial.status).toBe(400);
  });

  it('plans learning like trellis learn plan, and names each bad field', async () => {
    const input = {
      current: 'senior',
      ratings: { 'system-design': 3, influence: 2, delivery: 3 },
      yearsOfExperience: 7,
      skills: { backend: 5, frontend: 1 },
    };
    const file = writeTemp('learning.json', JSON.stringify(input));
    const plan = await call('POST', '/api/learning/plan', { ...input, hours: 5 });
    expect(plan.status).toBe(200);
    expect(plan.body).toEqual(JSON.parse(trellis(['learn', 'plan', file, '--hours', '5', '--json']).stdout));
    const noHours = await call('POST', '/api/learning/plan', { ...input, hours: 0 });
    expect(noHours.status).toBe(400);
    expect(noHours.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['body.hours']);
    const unknown = await call('POST', '/api/learning/plan', {
      target: 'stafff',
      skills: { backnd: 2 },
      hours: 3,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'body.target',
      'body.skills.backnd',
    ]);
    expect(unknown.body.error.fields[0].message).toContain('did you mean "staff"');
  });

  it('runs create, read, update and delete for evidence, with 201, 404 and field errors', async () => {
    const created = await call('POST', '/api/evidence', {
      date: '2026-01-10',
      title: 'Shipped search',
      scope: 'team',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(Number),
      title: 'Shipped search',
      createdAt: expect.any(String),
    });
    const id = created.body.id as number;
    expect((await call('GET', `/api/evidence/${id}`)).body).toEqual(created.body);
    const updated = await call('PUT', `/api/evidence/${id}`, {
      date: '2026-01-11',
      title: 'Shipped search v2',
    });
    expect(updated.body).toMatchObject({ id, title: 'Shipped search v2' });
    expect((await call('GET', '/api/evidence?since=2026-01-11')).body.entries).toHaveLength(1);
    const bad = await call('POST', '/api/evidence', { date: '2026-13-01', titel: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid-input' });
    expect(bad.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'body.titel', message: expect.stringContaining('did you mean "title"') },
        { path: 'body', message: expect.stringContaining('"title"') },
      ]),
    );
    expect((await call('DELETE', `/api/evidence/${id}`)).status).toBe(204);
    expect((await call('GET', `/api/evidence/${id}`)).status).toBe(404);
    expect((await call('DELETE', `/api/evidence/${id}`)).status).toBe(404);
    expect((await call('GET', '/api/evidence/0')).status).toBe(400);
  });

  it('runs create, read, update and delete for assessments, pinned to the framework version', async () => {
    const entry = await call('POST', '/api/evidence', {
      date: '2026-01-10',
      title: 'Mentored two engineers',
    });
    const created = await call('POST', '/api/assessments', {
      date: '2026-02-01',
      current: 'senior',
      ratings: { mentoring: 4 },
      evidence: { mentoring: [entry.body.id] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      framework: { id: 'reference' },
      evidence: { mentoring: [entry.body.id] },
    });
    const id = created.body.id as number;
    expect((await call('GET', '/api/assessments')).body.assessments).toContainEqual(created.body);
    const replaced = await call('PUT', `/api/assessments/${id}`, { ratings: { mentoring: 3 } });
    expect(replaced.body).toMatchObject({ id, ratings: { mentoring: 3 }, evidence: {} });
    expect((await call('PUT', '/api/assessments/999', { ratings: {} })).status).toBe(404);
    expect((await call('DELETE', `/api/assessments/${id}`)).status).toBe(204);
  });

  it('keeps one profile: null until saved, 201 when created, 200 when replaced', async () => {
    expect(await call('GET', '/api/profile')).toEqual({ status: 200, body: null });
    expect((await call('PUT', '/api/profile', { current: 'senior', yearsOfExperience: 6 })).status).toBe(201);
    expect((await call('PUT', '/api/profile', { current: 'staff' })).status).toBe(200);
    expect((await call('GET', '/api/profile')).body).toMatchObject({ current: 'staff' });
    expect((await call('PUT', '/api/profile', { current: 'stafff' })).body.error.fields[0].path).toBe(
      'body.current',
    );
    expect((await call('DELETE', '/api/profile')).status).toBe(204);
    expect(await call('GET', '/api/profile')).toEqual({ status: 200, body: null });
    expect((await call('DELETE', '/api/profile')).status).toBe(404);
  });

  it('runs create, read, update and delete for offers and scenarios', async () => {
    for (const [collection, file] of [
      ['offers', offerFile],
      ['scenarios', { start: { salary: 90000 }, years: 5 }],
    ] as const) {
      const created = await call('POST', `/api/${collection}`, { file });
      expect(created.status).toBe(201);
      const id = created.body.id as number;
      expect((await call('GET', `/api/${collection}/${id}`)).body).toEqual(created.body);
      expect((await call('PUT', `/api/${collection}/${id}`, { name: 'renamed', file })).body.name).toBe(
        'renamed',
      );
      expect((await call('GET', `/api/${collection}`)).body[collection]).toContainEqual(
        expect.objectContaining({ id, name: 'renamed' }),
      );
      expect((await call('DELETE', `/api/${collection}/${id}`)).status).toBe(204);
      expect((await call('GET', `/api/${collection}/${id}`)).status).toBe(404);
    }
  });

  it('refuses broken JSON, other content types and oversized bodies with 4xx', async () => {
    const send = (payload: string, type: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/evidence',
        payload,
        headers: { 'content-type': type, origin: ownOrigin },
      });
    const broken = await send('{"date": ', 'application/json');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid-json');
    expect((await send('<entry/>', 'application/xml')).statusCode).toBe(415);
    expect((await send(`{"title":"${'x'.repeat(2_000_000)}"}`, 'application/json')).statusCode).toBe(413);
    expect((await send('{"__proto__": {"x": 1}}', 'application/json')).statusCode).toBe(400);
    expect((await send('', 'application/json')).statusCode).toBe(400);
    expect((await call('GET', '/api/nothing-here')).body.error.code).toBe('not-found');
  });

  it('exports and imports the workspace over HTTP', async () => {
    const exported = await call('GET', '/api/export');
    expect(exported.body).toMatchObject({ format: 'trellis-workspace' });
    expect((await call('POST', '/api/import', exported.body)).status).toBe(204);
    expect((await call('GET', '/api/export')).body).toEqual(exported.body);
    const bad = await call('POST', '/api/import', { ...exported.body, evidence: [{ id: 1 }] });
    expect(bad.status).toBe(400);
    expect((await call('GET', '/api/export')).body).toEqual(exported.body);
  });

  it('describes every endpoint in an OpenAPI 3 document built from the request schemas', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/health',
      '/api/framework',
      '/api/framework/levels/{id}',
      '/api/levels/map',
      '/api/profile',
      '/api/assessments',
      '/api/assessments/{id}',
      '/api/evidence',
      '/api/evidence/{id}',
      '/api/offers',
      '/api/offers/{id}',
      '/api/scenarios',
      '/api/scenarios/{id}',
      '/api/assess',
      '/api/paths',
      '/api/fit',
      '/api/learning/plan',
      '/api/offers/compare',
      '/api/offers/leave',
      '/api/earnings/simulate',
      '/api/export',
      '/api/import',
    ])
      expect(doc.paths, path).toHaveProperty([path]);
    const body = doc.paths['/api/evidence'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['date', 'title']);
    expect(body.additionalProperties).toBe(false);
  });
});
