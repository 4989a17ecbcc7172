import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.js';
import { Workspace } from '../../src/store/workspace.js';
import { tempDir } from '../helpers/cli.js';
import { stores } from '../helpers/stores.js';

// A built app as Vite leaves it: hashed files under assets/, the big ones with a .br and a .gz beside them.
const script = `export const lines = [${Array.from({ length: 400 }, (_, i) => `"line ${i}"`).join(', ')}];\n`;
const style = `.a { color: red; }\n`.repeat(200);
const index = '<!doctype html><html lang="en"><head><title>Trellis</title></head><body></body></html>';

function webRoot(): string {
  const root = tempDir();
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), index);
  writeFileSync(join(root, 'assets/app-Ab12Cd34.js'), script);
  writeFileSync(join(root, 'assets/app-Ab12Cd34.js.br'), brotliCompressSync(script));
  writeFileSync(join(root, 'assets/app-Ab12Cd34.js.gz'), gzipSync(script));
  writeFileSync(join(root, 'assets/tiny-Zz99Yy88.js'), 'export const x = 1;\n');
  // Larger than the threshold, but built without siblings: compressed as it is sent.
  writeFileSync(join(root, 'assets/plain-Qq11Ww22.css'), style);
  // An image is compressed already: never again.
  writeFileSync(join(root, 'assets/logo-Ee33Rr44.png'), Buffer.alloc(4096, 7));
  return root;
}

const decode = (encoding: string | undefined, body: Buffer) =>
  encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;

describe.each(stores())('the web app and the API on the wire ($kind)', (store) => {
  let app: Awaited<ReturnType<typeof buildServer>>;
  let workspace: Workspace;

  beforeAll(async () => {
    workspace = await Workspace.open(await store.fresh());
    app = await buildServer({ workspace, webRoot: webRoot() });
  });
  afterAll(async () => {
    await app.close();
    await workspace.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

  it.each([
    ['gzip, deflate, br', 'br'],
    ['br;q=1.0, gzip;q=0.8', 'br'],
    ['gzip', 'gzip'],
    ['', undefined],
  ])('sends a hashed script compressed by what the browser accepts (%j → %s)', async (accept, encoding) => {
    const response = await get('/assets/app-Ab12Cd34.js', accept === '' ? {} : { 'accept-encoding': accept });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.headers['vary']).toMatch(/accept-encoding/i);
    expect(response.headers['content-type']).toMatch(/^application\/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decode(encoding, response.rawPayload).toString()).toBe(script);
    if (encoding !== undefined) expect(response.rawPayload.length).toBeLessThan(script.length / 3);
  });

  it('compresses a large file that has no compressed copy as it sends it', async () => {
    const response = await get('/assets/plain-Qq11Ww22.css', { 'accept-encoding': 'gzip, br' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(decode('br', response.rawPayload).toString()).toBe(style);
  });

  it('sends tiny and already-compressed files as they are', async () => {
    const tiny = await get('/assets/tiny-Zz99Yy88.js', { 'accept-encoding': 'gzip, br' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('export const x = 1;\n');
    const image = await get('/assets/logo-Ee33Rr44.png', { 'accept-encoding': 'gzip, br' });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.rawPayload.length).toBe(4096);
  });

  it('revalidates index.html at / and at every page of the app', async () => {
    for (const url of ['/', '/offers', '/paths?from=senior']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe(index);
      const etag = response.headers['etag'] as string;
      expect(etag).toBeTruthy();
      expect((await get(url, { 'if-none-match': etag })).statusCode, url).toBe(304);
    }
  });

  it('answers an unknown asset with 404, not the app', async () => {
    const response = await get('/assets/missing-00000000.js', { 'accept-encoding': 'br' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not-found', message: 'no route GET /assets/missing-00000000.js', fields: [] },
    });
  });

  it('sends the whole framework in one compressed answer', async () => {
    const br = await get('/api/framework/bundle', { 'accept-encoding': 'gzip, br' });
    const gzip = await get('/api/framework/bundle', { 'accept-encoding': 'gzip' });
    const plain = await get('/api/framework/bundle');
    expect([br.headers['content-encoding'], gzip.headers['content-encoding']]).toEqual(['br', 'gzip']);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const bundle = JSON.parse(decode('br', br.rawPayload).toString());
    expect(JSON.parse(decode('gzip', gzip.rawPayload).toString())).toEqual(bundle);
    expect(plain.json()).toEqual(bundle);
    // The view is `GET /api/framework`; the framework is the one the core computes on, expectations and all.
    expect(bundle.view).toEqual((await get('/api/framework')).json());
    const { framework } = (await workspace.activeFramework()) as { framework: unknown };
    expect(bundle.framework).toEqual(JSON.parse(JSON.stringify(framework)));
    expect(bundle.framework.levels[0].expectations).toBeTypeOf('object');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
  });

  it('sends small API answers as they are', async () => {
    const health = await get('/api/health', { 'accept-encoding': 'gzip, br' });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    const refused = await get('/api/framework/levels/nope', { 'accept-encoding': 'gzip, br' });
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-encoding']).toBeUndefined();
  });
});
