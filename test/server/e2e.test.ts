import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, trellis } from '../helpers/cli.js';
import { json, startServer } from './helpers.js';

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('trellis serve, end to end', () => {
  it('creates data/trellis.sqlite where it starts, serves on TRELLIS_PORT, and keeps writes across a restart', async () => {
    const cwd = tempDir();
    const port = await freePort();
    const first = await startServer([], { cwd, env: { TRELLIS_PORT: String(port) } });
    expect(first.url).toBe(`http://127.0.0.1:${port}`);
    expect(existsSync(join(cwd, 'data', 'trellis.sqlite'))).toBe(true);
    // The web app when it is built, else a page pointing at the API.
    const home = await fetch(`${first.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    const created = await json(`${first.url}/api/evidence`, {
      method: 'POST',
      body: { date: '2026-03-01', title: 'Written before the restart', competencies: ['debugging'] },
    });
    expect(created.status).toBe(201);
    await json(`${first.url}/api/profile`, { method: 'PUT', body: { current: 'senior' } });

    // SIGTERM: a graceful stop, exit code 0.
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);

    const second = await startServer([], { cwd, env: { TRELLIS_PORT: String(port) } });
    try {
      const read = await json(`${second.url}/api/evidence/${(created.body as { id: number }).id}`);
      expect(read.body).toEqual(created.body);
      expect((await json(`${second.url}/api/profile`)).body).toMatchObject({ current: 'senior' });
    } finally {
      second.child.kill('SIGINT');
      expect((await second.exited).code).toBe(0);
    }
  });

  it('exports, imports and backs up the workspace from the command line', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.sqlite');
    const server = await startServer(['--port', '0', '--db', db]);
    await json(`${server.url}/api/evidence`, {
      method: 'POST',
      body: { date: '2026-03-01', title: 'Exported' },
    });
    // A backup while the server is live is a consistent copy.
    expect(trellis(['backup', join(dir, 'backup.sqlite'), '--db', db]).code).toBe(0);
    server.child.kill('SIGTERM');
    await server.exited;

    const exported = trellis(['export', '--db', db]);
    expect(exported.code).toBe(0);
    expect(trellis(['export', '--db', join(dir, 'backup.sqlite')]).stdout).toBe(exported.stdout);
    expect(trellis(['export', '--db', db, '-o', join(dir, 'export.json')]).code).toBe(0);
    expect(trellis(['import', join(dir, 'export.json'), '--db', join(dir, 'b.sqlite')]).code).toBe(0);
    expect(trellis(['export', '--db', join(dir, 'b.sqlite')]).stdout).toBe(exported.stdout);

    const bad = trellis(['import', join(dir, 'a.sqlite'), '--db', join(dir, 'b.sqlite')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('JSON syntax error');
    expect(trellis(['serve', '--port', 'eighty']).code).toBe(2);
  });
});
