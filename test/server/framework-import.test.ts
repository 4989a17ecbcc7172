import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samples } from '../helpers/cli.js';
import { testServer } from './helpers.js';

/** `POST /api/frameworks/import`: the command line's importers, over files sent in the body. */

const file = (path: string, name = basename(path)) => ({ name, data: readFileSync(path).toString('base64') });
const monzo = [
  file(join(samples, 'monzo', 'frameworks', 'engineering', 'backend.md')),
  file(join(samples, 'monzo', 'frameworks', 'generic.md')),
];
const ft = [file(join(samples, 'ft', 'job-families', 'engineering.yml'))];

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.close());

const post = (payload: unknown) =>
  server.app.inject({ method: 'POST', url: '/api/frameworks/import', payload: payload as object });

describe('POST /api/frameworks/import', () => {
  it('shows a Monzo import with its notes and fidelity, storing nothing', async () => {
    const before = (await server.app.inject({ url: '/api/frameworks' })).json();
    const res = await post({ format: 'monzo', files: monzo });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.framework).toMatchObject({ id: 'monzo-backend', levels: 6, competencies: 5 });
    expect(body.used).toEqual(['backend.md', 'generic.md']);
    expect(body.notes.map((n: { message: string }) => n.message)).toContain(
      'inherited the generic criteria of "communication", "impact" from generic.md',
    );
    expect(body.fidelity.statements.source).toBeGreaterThan(0);
    expect(body.yaml.split('\n')[0]).toBe('# Imported by the web app (monzo) from backend.md, generic.md.');
    expect(body.stored).toBeUndefined();
    expect((await server.app.inject({ url: '/api/frameworks' })).json()).toEqual(before);
  });

  it('stores an FT import, uses it, and switches back to the reference framework', async () => {
    const res = await post({ format: 'ft', files: ft, store: true });
    expect(res.statusCode).toBe(201);
    const { stored, framework } = res.json();
    expect(stored.origin).toBe('imported');
    expect(stored.frameworkId).toBe(framework.id);
    const list = (await server.app.inject({ url: '/api/frameworks' })).json();
    expect(list.active).toBe(stored.id);
    expect((await server.app.inject({ url: '/api/framework' })).json().id).toBe(framework.id);
    const back = await server.app.inject({
      method: 'PUT',
      url: '/api/frameworks/active',
      payload: { id: null },
    });
    expect(back.statusCode).toBe(200);
    expect(back.json().origin).toBe('reference');
    // The same file again is the framework already stored, never a second copy.
    const again = await post({ format: 'ft', files: ft, store: true });
    expect(again.json().stored.id).toBe(stored.id);
  });

  it('locates a file that is not UTF-8 at its field, line and column', async () => {
    const bytes = Buffer.from('# Levels\n\ncaf\xe9\n', 'latin1');
    const res = await post({
      format: 'markdown',
      files: [{ name: 'old.md', data: bytes.toString('base64') }],
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('invalid-input');
    expect(error.fields).toEqual([expect.objectContaining({ path: 'body.files[0].data', line: 3, col: 4 })]);
  });

  it('refuses an unknown format, bytes that are not base64 and no files, at their fields', async () => {
    const unknown = await post({ format: 'jira', files: ft });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('body.format');
    const notBase64 = await post({ format: 'ft', files: [{ name: 'a.yml', data: '**' }] });
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.json().error.fields[0].path).toBe('body.files[0].data');
    const none = await post({ format: 'ft', files: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields[0].path).toBe('body.files');
  });

  it('locates what a Monzo file gets wrong in that file, never a stack trace', async () => {
    const bad = file(join(import.meta.dirname, '../fixtures/import/monzo/bad-level.md'));
    const res = await post({ format: 'monzo', files: [monzo[1], bad] });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.fields[0].path).toMatch(/^body\.files\[1\]\.data\b/);
    expect(error.fields[0].line).toBeGreaterThan(0);
    expect(res.body).not.toContain('    at ');
  });
});
