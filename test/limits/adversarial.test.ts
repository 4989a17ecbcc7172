import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/input/limits.js';
import { tempDir, trellis } from '../helpers/cli.js';
import { testServer } from '../server/helpers.js';
import { adversarial } from '../../bench/adversarial.js';

// The answers to hostile inputs: a located refusal (400 / exit 1), never a 500, an exit 3 or a hang.
// How fast and how much memory is the benchmark's business (bench/adversarial.bench.ts).

interface ErrorBody {
  error: { code: string; message: string; fields: { path: string; message: string }[] };
}

describe('hostile bodies through the API', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(() => server.close());

  const post = async (url: string, payload: string) => {
    const response = await server.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': 'application/json' },
    });
    return { status: response.statusCode, body: response.json<ErrorBody>() };
  };

  it.each(Object.entries(adversarial.aliasBombs))(
    'refuses the alias bomb written %s',
    async (_name, yaml) => {
      const { status, body } = await post('/api/frameworks', JSON.stringify({ source: yaml }));
      expect(status).toBe(400);
      expect(body.error.code).toBe('invalid-input');
      expect(body.error.fields.map((f) => f.message).join('\n')).toMatch(/alias/i);
    },
  );

  it('refuses a JSON body nested 5,000 levels deep, saying where', async () => {
    const { status, body } = await post('/api/assess', adversarial.deepJson(5000, 'ratings'));
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid-input');
    const deep = body.error.fields.find(
      (f) => f.message === `is nested more than ${LIMITS.depth} levels deep`,
    );
    expect(deep?.path).toMatch(/^body\.ratings\.a(\[0\]){62}$/);
  });

  it('refuses a YAML text nested 100,000 levels deep', async () => {
    const { status, body } = await post(
      '/api/frameworks',
      JSON.stringify({ source: adversarial.deepYaml(100_000) }),
    );
    expect(status).toBe(400);
    expect(body.error.fields[0]!.message).toMatch(/nested more than 64 levels deep/);
  });

  it('answers a body of nine thousand unknown answers with a hundred problems and a count', async () => {
    const { status, body } = await post('/api/fit', adversarial.wideObject(9000, 'answers'));
    expect(status).toBe(400);
    expect(body.error.fields).toHaveLength(LIMITS.problems + 1);
    expect(body.error.fields.at(-1)!.message).toMatch(/^and \d+ more problems$/);
  });

  it('refuses a hundred thousand answers by the width of the mapping, before the body is parsed', async () => {
    const { status, body } = await post('/api/fit', adversarial.wideObject(100_000, 'answers'));
    expect(status).toBe(400);
    expect(body.error.fields).toEqual([
      { path: 'body.answers', message: `holds more than ${LIMITS.mappingKeys} keys` },
    ]);
  });

  it('refuses a million-key object in an import before the body is parsed', async () => {
    const { status, body } = await post('/api/import', adversarial.wideImport(1_000_000));
    expect(status).toBe(400);
    expect(body.error.fields).toEqual([
      { path: 'body.settings', message: `holds more than ${LIMITS.mappingKeys} keys` },
    ]);
  });

  it('refuses a JSON body nested too deep before it is parsed, at the same path as the value check', async () => {
    const { status, body } = await post('/api/fit', adversarial.deepJson(100_000, 'answers'));
    expect(status).toBe(400);
    expect(body.error.fields).toEqual([
      {
        path: `body.answers.a${'[0]'.repeat(62)}`,
        message: `is nested more than ${LIMITS.depth} levels deep`,
      },
    ]);
  });

  it('refuses an import over the import limit with 413 in the error shape', async () => {
    const pad = 'x'.repeat(LIMITS.importBytes);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/import',
      payload: adversarial.emptyEntries(0).replace('"settings":{}', `"settings":{"pad":"${pad}"}`),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorBody>().error.code).toBe('payload-too-large');
  });

  it('refuses an import of a million empty entries at once, by the length of the list', async () => {
    const { status, body } = await post('/api/import', adversarial.emptyEntries(1_000_000));
    expect(status).toBe(400);
    expect(body.error.fields).toEqual([
      { path: 'body.evidence', message: `holds more than ${LIMITS.storedItems} items` },
    ]);
  });

  it('answers an import of a hundred thousand empty entries with a hundred problems, then stops', async () => {
    const { status, body } = await post('/api/import', adversarial.emptyEntries(100_000));
    expect(status).toBe(400);
    // Five required fields missing from each entry: twenty entries give the hundred problems.
    expect(body.error.fields).toHaveLength(LIMITS.problems + 1);
    expect(body.error.fields[0]).toEqual({
      path: 'body.evidence[0]',
      message: 'missing required field "date"',
    });
    expect(body.error.fields.at(-1)).toEqual({
      path: 'body',
      message: `and 99980 more items, not checked once ${LIMITS.problems} problems were found`,
    });
  });

  it('refuses a long string where a short one belongs, and keeps one where text is free', async () => {
    const long = 'x'.repeat(900_000);
    const title = await post('/api/evidence', JSON.stringify({ date: '2024-01-01', title: long }));
    expect(title.status).toBe(400);
    expect(title.body.error.fields).toEqual([
      { path: 'body.title', message: `must be at most ${LIMITS.lineLength} characters` },
    ]);
    const unknown = await post('/api/fit', JSON.stringify({ answers: { [long]: 3 } }));
    expect(unknown.status).toBe(400);
  });

  it('answers a body over the limit with 413 in the error shape', async () => {
    const { status, body } = await post('/api/assess', JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }));
    expect(status).toBe(413);
    expect(body.error.code).toBe('payload-too-large');
  });
});

describe('hostile files through the command line', () => {
  const dir = tempDir();
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it.each(Object.entries(adversarial.aliasBombs))(
    'refuses the alias bomb written %s, exit 1',
    (name, yaml) => {
      const result = trellis(['framework', 'validate', file(`bomb-${name}.yaml`, yaml)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/alias/i);
    },
  );

  it('refuses a framework nested 100,000 levels deep, at its line and column, exit 1', () => {
    const path = file('deep.yaml', adversarial.deepYaml(100_000));
    const result = trellis(['framework', 'validate', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^${path}:1:\\d+: the document is nested more than 64 levels deep`),
    );
  });

  it('refuses a file over 10 MiB before parsing it, exit 1', () => {
    const path = file('huge.yaml', `# ${'x'.repeat(LIMITS.textBytes)}\n`);
    const result = trellis(['framework', 'validate', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${path}:1:1: the file is larger than 10 MiB, the most Trellis reads\n`);
  });

  it('answers a 10 MB framework full of mistakes with a hundred problems and a count, exit 1', () => {
    const path = file('wrong.yaml', adversarial.wrongFramework(9.5 * 1024 * 1024));
    const result = trellis(['framework', 'validate', path]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(LIMITS.problems + 1);
    expect(lines.at(-1)).toMatch(new RegExp(`^${path}: and \\d+ more problems$`));
  });

  it('answers an import of a hundred thousand empty entries with a hundred problems, then stops, exit 1', () => {
    const path = file('export.json', adversarial.emptyEntries(100_000));
    const result = trellis(['import', path, '--db', join(dir, 'w.sqlite')]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(LIMITS.problems + 1);
    expect(lines[0]).toBe(`${path}: evidence[0]: missing required field "date"`);
    expect(lines.at(-1)).toBe(`${path}: and 99980 more items, not checked once 100 problems were found`);
  });

  it('refuses a framework of 170,000 unknown fields by the width of its mapping, exit 1', () => {
    const path = file('wide.yaml', adversarial.wideFramework(9.5 * 1024 * 1024));
    const result = trellis(['framework', 'validate', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${path}: holds more than ${LIMITS.mappingKeys} keys\n`));
  });
});
