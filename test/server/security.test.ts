import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir, trellis } from '../helpers/cli.js';
import { startServer, testServer, type RunningServer } from './helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Server = Awaited<ReturnType<typeof testServer>>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const webIndex = join(repoRoot, 'web', 'dist', 'index.html');
/** A real asset of the built app, named in its index.html. */
const asset = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(webIndex, 'utf8'))![1]!;

let server: Server;

function call(method: Method, url: string, headers: Record<string, string> = {}, payload?: string) {
  return server.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
}

const evidence = JSON.stringify({ date: '2026-01-05', title: 'Shipped the importer' });
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => server.close());

describe('the Host a request names', () => {
  it('is refused with 421 unless it is this machine, on the API, the app and its assets', async () => {
    const exported = await server.workspace.export();
    for (const [method, url, payload] of [
      ['GET', '/api/export'],
      ['POST', '/api/import', JSON.stringify(exported)],
      ['GET', '/'],
      ['GET', '/evidence'],
      ['GET', asset],
      ['GET', '/api/nothing-here'],
    ] as [Method, string, string?][]) {
      const response = await call(
        method,
        url,
        { host: 'attacker.example:3000', origin: 'http://attacker.example:3000', ...json },
        payload,
      );
      expect(response.statusCode, url).toBe(421);
      expect(response.json()).toEqual({
        error: { code: 'host-not-allowed', message: expect.stringContaining('attacker.example'), fields: [] },
      });
    }
  });

  it('passes for loopback names, with or without a port, in any case', async () => {
    for (const host of [
      'localhost',
      'localhost:3000',
      'LOCALHOST:80',
      '127.0.0.1',
      '127.0.0.1:8080',
      '[::1]',
      '[::1]:3000',
      'localhost.:3000',
    ]) {
      expect((await call('GET', '/api/health', { host })).statusCode, host).toBe(200);
    }
    for (const host of [
      'localhost.attacker.example',
      '127.0.0.1.nip.io',
      'evil',
      '[::2]:3000',
      'localhost:x',
    ]) {
      expect((await call('GET', '/api/health', { host })).statusCode, host).toBe(421);
    }
  });
});

describe('writes from other origins', () => {
  const own = { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' };

  it('are refused with 403 for POST, PUT and DELETE, and change nothing', async () => {
    const created = await call('POST', '/api/evidence', { ...own, ...json }, evidence);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    const before = JSON.stringify(await server.workspace.export());
    for (const origin of [
      'http://attacker.example',
      'http://127.0.0.1:3001', // another local server is another origin
      'https://127.0.0.1:3000',
      'http://localhost:3000', // the same machine under another name: another origin still
      'null',
    ]) {
      for (const [method, url] of [
        ['POST', '/api/evidence'],
        ['PUT', `/api/evidence/${id}`],
        ['DELETE', `/api/evidence/${id}`],
      ] as [Method, string][]) {
        const response = await call(method, url, { host: own.host, origin, ...json }, evidence);
        expect(response.statusCode, `${method} from ${origin}`).toBe(403);
        expect(response.json().error.code).toBe('origin-not-allowed');
      }
    }
    const fromPage = await call(
      'DELETE',
      `/api/evidence/${id}`,
      { host: own.host, referer: 'http://attacker.example/page' },
      undefined,
    );
    expect(fromPage.statusCode).toBe(403);
    expect(JSON.stringify(await server.workspace.export())).toBe(before);
  });

  it('pass from the server’s own origin, or its own pages by Referer', async () => {
    const created = await call('POST', '/api/evidence', { ...own, ...json }, evidence);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    const replaced = await call('PUT', `/api/evidence/${id}`, { ...own, ...json }, evidence);
    expect(replaced.statusCode).toBe(200);
    // Default ports are the same origin written either way.
    expect(
      (
        await call(
          'POST',
          '/api/evidence',
          { host: 'localhost:80', origin: 'http://localhost', ...json },
          evidence,
        )
      ).statusCode,
    ).toBe(201);
    const byReferer = await call('DELETE', `/api/evidence/${id}`, {
      host: own.host,
      referer: 'http://127.0.0.1:3000/evidence?x=1',
    });
    expect(byReferer.statusCode).toBe(204);
  });

  it('without Origin or Referer, pass only when they say they are JSON', async () => {
    const created = await call('POST', '/api/evidence', json, evidence);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    // What an HTML form can send: no JSON content type.
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await call('POST', '/api/evidence', { 'content-type': type }, evidence);
      expect(response.statusCode, type).toBe(403);
      expect(response.json().error.message).toContain('Content-Type: application/json');
    }
    expect((await call('DELETE', `/api/evidence/${id}`)).statusCode).toBe(403);
    expect(
      (await call('DELETE', `/api/evidence/${id}`, { 'content-type': 'application/json; charset=utf-8' }))
        .statusCode,
    ).toBe(204);
  });

  it('never get CORS headers, so a foreign page cannot preflight its way in', async () => {
    const preflight = await call('OPTIONS' as Method, '/api/evidence', {
      origin: 'http://attacker.example',
      'access-control-request-method': 'POST',
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.statusCode).toBe(404);
  });
});

describe('security headers', () => {
  function expectHeaders(headers: Record<string, unknown>, what: string) {
    expect(headers['x-content-type-options'], what).toBe('nosniff');
    expect(headers['x-frame-options'], what).toBe('DENY');
    expect(headers['referrer-policy'], what).toBe('same-origin');
    const csp = String(headers['content-security-policy']);
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).toContain("default-src 'self'");
    expect(csp, what).toContain("script-src 'self'");
    expect(csp, what).not.toContain('unsafe');
  }

  it('are on every answer: API, app, assets, errors and refusals', async () => {
    for (const [method, url, headers, payload] of [
      ['GET', '/api/health', {}],
      ['GET', '/', {}],
      ['GET', '/offers', {}],
      ['GET', asset, {}],
      ['GET', '/api/evidence/999', {}],
      ['GET', '/assets/nope.js', {}],
      ['POST', '/api/evidence', json, '{"date":'],
      ['POST', '/api/evidence', { 'content-type': 'text/plain' }, 'x'],
      ['GET', '/api/health', { host: 'attacker.example' }],
    ] as [Method, string, Record<string, string>, string?][]) {
      const response = await call(method, url, headers, payload);
      expectHeaders(response.headers, `${method} ${url} → ${response.statusCode}`);
    }
  });
});

describe('files that are not there', () => {
  it('answer 404 in the error shape, not the app’s page', async () => {
    for (const url of ['/assets/nope.js', '/assets/', '/assets/deep/er.css', '/favicon.ico', '/robots.txt']) {
      const response = await call('GET', url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.json().error.code).toBe('not-found');
    }
    // App routes still get the shell, for a GET only.
    const page = await call('GET', '/evidence?competency=mentoring');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect((await call('POST', '/evidence', json, '{}')).statusCode).toBe(404);
  });
});

/** Sends raw bytes to a listening server and reads its whole answer; rejects on a reset. */
function rawRequest(
  port: number,
  head: string,
  body?: Buffer,
): Promise<{ status: number; headers: string; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('end', () => {
      const [headers = '', text = ''] = answer.split('\r\n\r\n');
      resolve({
        status: Number(headers.split(' ')[1]),
        headers: headers.toLowerCase(),
        body: JSON.parse(text),
      });
      socket.destroy();
    });
    socket.write(head);
    if (body === undefined) return;
    // The whole body is written before anything is read back, as most clients do: an answer that
    // arrives meanwhile waits in the socket, and is lost if the server resets the connection.
    socket.pause();
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < body.length) {
        sent += chunk.length;
        const last = sent >= body.length;
        const flushed = socket.write(chunk, last ? () => socket.resume() : undefined);
        if (!flushed && !last) return void socket.once('drain', pump);
      }
    };
    pump();
  });
}

describe('what Node and Fastify refuse, from a real listening server', () => {
  let running: RunningServer;
  let port: number;

  beforeAll(async () => {
    running = await startServer(['--port', '0', '--db', join(tempDir(), 'db.sqlite')]);
    port = Number(new URL(running.url).port);
  });
  afterAll(() => {
    running.child.kill('SIGTERM');
  });

  const request = (line: string, headers = '') =>
    `${line}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${headers}\r\n`;

  it('answers a body over the limit with a 413 the client reads, even when it sends all of it first', async () => {
    for (const size of [2 * 1024 * 1024, 16 * 1024 * 1024]) {
      const answer = await rawRequest(
        port,
        request(
          'POST /api/evidence HTTP/1.1',
          `Content-Type: application/json\r\nContent-Length: ${size}\r\n`,
        ),
        Buffer.alloc(size),
      );
      expect(answer.status, `${size} bytes`).toBe(413);
      expect(answer.body).toEqual({
        error: { code: 'payload-too-large', message: expect.stringContaining('1048576 bytes'), fields: [] },
      });
      expect(answer.headers).toContain('x-content-type-options: nosniff');
    }
  });

  it('answers a request line too long with 414, and headers too large with 431, in the error shape', async () => {
    for (const length of [10_000, 40_000]) {
      const answer = await rawRequest(port, request(`GET /api/health?q=${'a'.repeat(length)} HTTP/1.1`));
      expect(answer.status, `${length}`).toBe(414);
      expect(answer.body).toEqual({
        error: { code: 'uri-too-long', message: expect.any(String), fields: [] },
      });
      expect(answer.headers).toContain('x-frame-options: deny');
    }
    const big = await rawRequest(
      port,
      request('GET /api/health HTTP/1.1', `X-Big: ${'b'.repeat(40_000)}\r\n`),
    );
    expect(big.status).toBe(431);
    expect(big.body).toEqual({
      error: { code: 'headers-too-large', message: expect.any(String), fields: [] },
    });
    expect(big.headers).toContain("content-security-policy: default-src 'none'; frame-ancestors 'none'");
  });

  it('answers malformed HTTP and a malformed URL with 400 in the error shape, never 500', async () => {
    const broken = await rawRequest(port, request('GET /api/health HTTP/1.1', 'Content-Length: nope\r\n'));
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ error: { code: 'invalid-request', fields: [] } });
    const url = await rawRequest(port, request('GET /api/evidence/%zz HTTP/1.1'));
    expect(url.status).toBe(400);
    expect(url.body).toMatchObject({ error: { code: 'invalid-request', fields: [] } });
    expect(url.headers).toContain('x-content-type-options: nosniff');
    expect(url.headers).toContain('x-frame-options: deny');
  });
});

describe('serve: where it listens and whom it answers', () => {
  it('answers to --allowed-host and TRELLIS_ALLOWED_HOSTS names, and no others', async () => {
    const running = await startServer(
      ['--port', '0', '--db', join(tempDir(), 'db.sqlite'), '--allowed-host', 'Trellis.Example:8443'],
      { env: { TRELLIS_ALLOWED_HOSTS: 'laptop.lan, other.lan' } },
    );
    try {
      const port = new URL(running.url).port;
      const status = async (host: string) =>
        (
          await rawRequest(
            Number(port),
            `GET /api/health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
          )
        ).status;
      expect(await status('trellis.example')).toBe(200);
      expect(await status(`trellis.example:${port}`)).toBe(200);
      expect(await status('laptop.lan')).toBe(200);
      expect(await status('other.lan:1')).toBe(200);
      expect(await status('attacker.example')).toBe(421);
    } finally {
      running.child.kill('SIGTERM');
    }
  });

  it('answers to the loopback address it is bound to', async () => {
    const running = await startServer([
      '--port',
      '0',
      '--db',
      join(tempDir(), 'db.sqlite'),
      '--host',
      '127.0.0.2',
    ]);
    try {
      const response = await fetch(`${running.url}/api/health`);
      expect(response.status).toBe(200);
      expect(running.stderr()).not.toContain('warning');
    } finally {
      running.child.kill('SIGTERM');
    }
  });

  it('refuses to listen beyond this machine without --allow-remote (exit 2), and warns with it', async () => {
    const db = join(tempDir(), 'db.sqlite');
    for (const host of ['0.0.0.0', '::', '192.0.2.10']) {
      const refused = trellis(['serve', '--port', '0', '--db', db, '--host', host]);
      expect(refused.code, host).toBe(2);
      expect(refused.stderr).toContain('--allow-remote');
      expect(refused.stderr).toContain('anyone who can reach the port');
    }
    expect(trellis(['serve', '--port', '0', '--db', db, '--allowed-host', 'bad name!']).code).toBe(2);

    const running = await startServer(['--port', '0', '--db', db, '--host', '0.0.0.0', '--allow-remote']);
    try {
      // The warning follows the line that says where it listens.
      for (let i = 0; i < 50 && !running.stderr().includes('warning'); i++) await sleep(100);
      expect(running.stderr()).toMatch(
        /warning: .*anyone who can reach port \d+ can read and change this workspace/,
      );
      const port = Number(new URL(running.url).port);
      const health = await rawRequest(
        port,
        `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
      );
      expect(health.status).toBe(200);
      // A wildcard names no host: the machine's other names need --allowed-host.
      const foreign = await rawRequest(
        port,
        `GET /api/health HTTP/1.1\r\nHost: 0.0.0.0:${port}\r\nConnection: close\r\n\r\n`,
      );
      expect(foreign.status).toBe(421);
    } finally {
      running.child.kill('SIGTERM');
    }
  });
});
