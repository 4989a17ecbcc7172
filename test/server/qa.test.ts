import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repoRoot, tempDir, trellis, writeTemp } from '../helpers/cli.js';
import { testServer } from './helpers.js';

type Server = Awaited<ReturnType<typeof testServer>>;

let server: Server;
const call = async (method: string, url: string, body?: unknown) => {
  const response = await server.app.inject({
    method: method as 'GET',
    url,
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
  return {
    status: response.statusCode,
    text: response.body,
    body: response.body === '' ? undefined : response.json(),
  };
};
const paths = (response: { body: { error: { fields: { path: string }[] } } }) =>
  response.body.error.fields.map((f) => f.path);

beforeEach(async () => {
  server = await testServer();
});
afterEach(async () => server.close());

describe('export and import after the framework in use has changed', () => {
  it('imports every export the server produced, over HTTP and with trellis import', async () => {
    const ladder = readFileSync(join(repoRoot, 'examples', 'ladder.yaml'), 'utf8');
    expect((await call('POST', '/api/frameworks', { source: ladder })).status).toBe(201);
    expect((await call('PUT', '/api/frameworks/active', { id: 2 })).status).toBe(200);
    expect((await call('PUT', '/api/profile', { current: 'engineer' })).status).toBe(201);
    const entry = await call('POST', '/api/evidence', {
      date: '2026-03-02',
      title: 'Rebuilt the build',
      competencies: ['craft'],
    });
    expect(entry.status).toBe(201);
    expect(
      (
        await call('POST', '/api/assessments', {
          current: 'engineer',
          ratings: { craft: 2 },
          evidence: { craft: [entry.body.id] },
        })
      ).status,
    ).toBe(201);
    expect((await call('PUT', '/api/frameworks/active', { id: null })).status).toBe(200);

    const exported = await call('GET', '/api/export');
    expect(exported.status).toBe(200);
    const imported = await call('POST', '/api/import', exported.body);
    expect(imported.body).toBeUndefined();
    expect(imported.status).toBe(204);
    expect((await call('GET', '/api/export')).text).toBe(exported.text);

    const dir = tempDir();
    const file = writeTemp('export.json', exported.text, dir);
    const db = join(dir, 'fresh.sqlite');
    const result = trellis(['import', file, '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const again = trellis(['export', '--db', db]);
    expect(JSON.stringify(JSON.parse(again.stdout))).toBe(exported.text);
  });

  it('still refuses an export whose own records do not agree, naming every problem', async () => {
    const exported = (await call('GET', '/api/export')).body;
    const bad = await call('POST', '/api/import', {
      ...exported,
      settings: { framework: '7' },
      evidence: [
        { id: 1, date: '2026-01-01', title: 'a', createdAt: 'x', updatedAt: 'x' },
        { id: 1, date: '2026-01-02', title: 'b', createdAt: 'x', updatedAt: 'x' },
      ],
      assessments: [
        {
          id: 1,
          date: '2026-01-01',
          assessor: 'self',
          current: null,
          ratings: {},
          evidence: { craft: [9] },
          framework: { id: 'nope', version: '1' },
          createdAt: 'x',
          updatedAt: 'x',
        },
      ],
    });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(
      expect.arrayContaining([
        'body.settings.framework',
        'body.evidence[1].id',
        'body.assessments[0].framework',
        'body.assessments[0].evidence.craft[0]',
      ]),
    );
  });
});

describe('one request, every problem', () => {
  it('reports the profile schema problems and its unknown ids together', async () => {
    const response = await call('PUT', '/api/profile', {
      current: 'senoir',
      specialisation: 'backnd',
      yearsOfExperience: -1,
      skills: { backend: 9, x: 2 },
    });
    expect(response.status).toBe(400);
    expect(paths(response).sort()).toEqual(
      [
        'body.current',
        'body.specialisation',
        'body.yearsOfExperience',
        'body.skills.backend',
        'body.skills.x',
      ].sort(),
    );
    expect(
      response.body.error.fields.find((f: { path: string }) => f.path === 'body.current').message,
    ).toContain('did you mean "senior"');
    expect((await call('GET', '/api/export')).body.profile).toBeNull();
  });

  it('reports bad ratings and unknown links of an assessment beside a bad evidence id', async () => {
    for (const method of ['POST', 'PUT'] as const) {
      const response = await call(method, method === 'POST' ? '/api/assessments' : '/api/assessments/1', {
        current: 'senoir',
        ratings: { 'system-design': 9, debuging: 3 },
        evidence: { 'system-design': ['x', 7], mentorin: [1] },
      });
      expect(response.status).toBe(400);
      expect(paths(response).sort()).toEqual(
        [
          'body.evidence.system-design[0]',
          'body.evidence.system-design[1]',
          'body.evidence.mentorin',
          'body.evidence.mentorin[0]',
          'body.current',
          'body.ratings.system-design',
          'body.ratings.debuging',
        ].sort(),
      );
    }
    const assess = await call('POST', '/api/assess', { current: 'senoir', ratings: { debugging: 'x' } });
    expect(paths(assess).sort()).toEqual(['body.current', 'body.ratings.debugging']);
  });

  it('reports every problem of an offer file, each offer salvaged on its own', async () => {
    const file = {
      offers: [
        { name: 'A', base: -5, equity: [{ type: 'rsu', shares: 10, vesting: 'nope' }] },
        { name: 'A', base: 100 },
      ],
    };
    for (const [method, url, body] of [
      ['POST', '/api/offers', { file }],
      ['POST', '/api/offers/compare', { file }],
      ['POST', '/api/offers/leave', { file, offer: 'A', month: 3 }],
    ] as const) {
      const response = await call(method, url, body);
      expect(response.status, url).toBe(400);
      const found = paths(response);
      expect(found, url).toContain('body.file.offers[0].base');
      expect(found, url).toContain('body.file.offers[1].name');
      expect(
        found.some((p) => p.startsWith('body.file.offers[0].equity[0]')),
        url,
      ).toBe(true);
      // The schema and the parser both see the negative base: it is reported once.
      expect(
        found.filter((p) => p === 'body.file.offers[0].base'),
        url,
      ).toHaveLength(1);
    }
  });

  it('reports an unknown question beside a bad answer, and an unknown competency beside a bad field', async () => {
    const fit = await call('POST', '/api/fit', { answers: { 'hard-problems': 6, nope: 3 } });
    expect(fit.status).toBe(400);
    expect(paths(fit)).toEqual(expect.arrayContaining(['body.answers.hard-problems', 'body.answers.nope']));

    for (const [method, url] of [
      ['POST', '/api/evidence'],
      ['PUT', '/api/evidence/1'],
    ] as const) {
      const evidence = await call(method, url, {
        date: '2026-01-01',
        title: 'x',
        description: 7,
        competencies: ['debuging'],
      });
      expect(evidence.status).toBe(400);
      expect(paths(evidence).sort()).toEqual(['body.competencies[0]', 'body.description']);
      expect(evidence.body.error.fields[1].message).toContain('did you mean "debugging"');
    }
  });
});

describe('messages in the words of the rest', () => {
  const messageOf = (
    response: { body: { error: { fields: { path: string; message: string }[] } } },
    path: string,
  ) => response.body.error.fields.find((f) => f.path === path)?.message;

  it('says "must not be empty" and "must be at most …", never zod’s own words', async () => {
    const empty = await call('GET', '/api/evidence?competency=');
    expect(empty.status).toBe(400);
    expect(messageOf(empty, 'query.competency')).toBe('must not be empty');
    const source = await call('POST', '/api/frameworks', { source: '' });
    expect(messageOf(source, 'body.source')).toBe('must not be empty');
    const huge = await call('GET', '/api/evidence/12345678901234567890');
    expect(huge.status).toBe(400);
    expect(messageOf(huge, 'params.id')).toBe('must be at most 9007199254740991');
    for (const id of ['0', '-1', '01', '1.5'])
      expect(messageOf(await call('GET', `/api/evidence/${id}`), 'params.id'), id).toBe(
        'must be a positive whole number',
      );
  });

  it('has one calendar-date rule for assessments and evidence', async () => {
    const assessment = await call('POST', '/api/assessments', { date: '2026-02-29', ratings: {} });
    const entry = await call('POST', '/api/evidence', { date: '2026-02-29', title: 'x' });
    expect(messageOf(assessment, 'body.date')).toBe('"2026-02-29" is not a real calendar date');
    expect(messageOf(entry, 'body.date')).toBe('"2026-02-29" is not a real calendar date');
    const assess = await call('POST', '/api/assess', { date: '26-1-1', ratings: {} });
    expect(messageOf(assess, 'body.date')).toBe('must be a date written YYYY-MM-DD');
  });
});

describe('a changed framework under a stored version', () => {
  it('is refused at its own version field', async () => {
    const ladder = readFileSync(join(repoRoot, 'examples', 'ladder.yaml'), 'utf8');
    expect((await call('POST', '/api/frameworks', { source: ladder })).status).toBe(201);
    const changed = ladder.replace(/^name: .*$/m, 'name: Renamed without a new version');
    const refused = await call('POST', '/api/frameworks', { source: changed });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([
      expect.objectContaining({
        path: 'body.source.version',
        message: '1.0.0 is already stored with different content',
      }),
    ]);
  });
});

describe('evidence names each competency once', () => {
  it('refuses a repeated competency, located, in the API and the store', async () => {
    const response = await call('POST', '/api/evidence', {
      date: '2026-01-01',
      title: 'x',
      competencies: ['system-design', 'debugging', 'system-design'],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual([
      { path: 'body.competencies[2]', message: 'competency "system-design" is named twice (first at [0])' },
    ]);
    const { framework } = await server.workspace.activeFramework();
    await expect(
      server.workspace.evidence.create(
        { date: '2026-01-01', title: 'x', competencies: ['debugging', 'debugging'] },
        framework,
      ),
    ).rejects.toMatchObject({ problems: [expect.objectContaining({ path: ['competencies', 1] })] });
    expect(await server.workspace.evidence.count()).toBe(0);
  });

  it('still imports entries stored with a repeated competency before it was refused', async () => {
    const exported = (await call('GET', '/api/export')).body;
    const old = {
      ...exported,
      evidence: [
        {
          id: 1,
          date: '2026-01-01',
          title: 'x',
          competencies: ['debugging', 'debugging'],
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
      ],
    };
    expect((await call('POST', '/api/import', old)).status).toBe(204);
    expect((await call('GET', '/api/export')).body).toEqual(old);
  });
});

describe('queries the CLI refuses', () => {
  it('refuses within together with to, naming query.within', async () => {
    const response = await call('GET', '/api/paths?from=senior&to=director&within=3');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('usage');
    expect(paths(response)).toEqual(['query.within']);
    expect((await call('GET', '/api/paths?from=senior&within=3')).status).toBe(200);
  });

  it('refuses an unknown competency filter with a suggestion from the framework in use', async () => {
    const response = await call('GET', '/api/evidence?competency=debuging');
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual([
      { path: 'query.competency', message: 'unknown competency "debuging" (did you mean "debugging"?)' },
    ]);
    expect((await call('GET', '/api/evidence?competency=nope')).body.error.fields[0].message).toContain(
      'known: ',
    );
    expect((await call('GET', '/api/evidence?competency=debugging')).body).toEqual({
      entries: [],
      nextCursor: null,
    });
  });
});

describe('an empty body that says it is JSON', () => {
  const send = (method: 'POST' | 'DELETE', url: string) =>
    server.app.inject({ method, url, payload: '', headers: { 'content-type': 'application/json' } });

  it('is invalid-json where a body is expected, in the API’s own words', async () => {
    const response = await send('POST', '/api/evidence');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'invalid-json',
        message: 'the body is empty, but its content type says it is JSON',
        fields: [],
      },
    });
    const broken = await server.app.inject({
      method: 'POST',
      url: '/api/evidence',
      payload: '{"date":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.json().error).toMatchObject({
      code: 'invalid-json',
      message: expect.stringMatching(/^the body/),
    });
  });

  it('is simply no body on a DELETE', async () => {
    const created = await call('POST', '/api/evidence', { date: '2026-01-01', title: 'x' });
    const response = await send('DELETE', `/api/evidence/${created.body.id}`);
    expect(response.statusCode).toBe(204);
    expect((await call('GET', `/api/evidence/${created.body.id}`)).status).toBe(404);
    expect((await send('DELETE', '/api/evidence/999')).statusCode).toBe(404);
  });
});

describe('nothing printed by the YAML library', () => {
  it('refuses a framework of stray braces without a warning on stderr', async () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const response = await call('POST', '/api/frameworks', { source: '{{{' });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid-input');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('the OpenAPI document', () => {
  type Operation = {
    responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
    parameters?: { in: string; name: string; schema: { pattern?: string } }[];
  };
  const operations = async () => {
    const doc = (await call('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    return Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
  };

  it('lists the error responses of every operation, 201 on create, 204 on delete', async () => {
    const all = await operations();
    expect(all.length).toBeGreaterThan(30);
    for (const { path, method, operation } of all) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const status of ['400', '404', '413', '415']) {
        const schema = operation.responses[status]?.content?.['application/json']?.schema as {
          properties?: { error?: { required?: string[] } };
        };
        expect(schema?.properties?.error?.required, `${where} ${status}`).toEqual([
          'code',
          'message',
          'fields',
        ]);
      }
      expect(JSON.stringify(operation.responses), where).not.toContain('Default Response');
      if (method === 'delete') expect(Object.keys(operation.responses), where).toContain('204');
      if (method === 'post' && /^\/api\/(evidence|assessments|offers|scenarios|frameworks)$/.test(path))
        expect(operation.responses['201']?.content?.['application/json']?.schema, where).toMatchObject({
          type: 'object',
          required: expect.arrayContaining(['id']),
        });
    }
    const compare = all.find((o) => o.path === '/api/offers/compare' && o.method === 'post')!;
    expect(compare.operation.responses['200']?.description).toMatch(/offer/);
  });

  it('gives the {id} path parameter the pattern the server enforces', async () => {
    const ids = (await operations()).flatMap(({ path, operation }) =>
      path.includes('/{id}') && !path.startsWith('/api/framework/')
        ? (operation.parameters ?? []).filter((p) => p.in === 'path' && p.name === 'id')
        : [],
    );
    expect(ids.length).toBeGreaterThanOrEqual(12);
    for (const parameter of ids) expect(parameter.schema.pattern).toBe('^[1-9]\\d*$');
  });
});
