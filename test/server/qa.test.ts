import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
