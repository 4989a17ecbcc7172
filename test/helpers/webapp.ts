import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath } from './chromium.js';

const root = resolve(import.meta.dirname, '../..');

/** Whether the browser tests can run: Chromium is installed and the app and the binary are built. */
export const webAppReady =
  existsSync(chromiumPath) &&
  existsSync(join(root, 'web/dist/index.html')) &&
  existsSync(join(root, 'dist/cli/main.js'));

export interface WebServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  process: ChildProcess;
  stop: () => void;
}

/**
 * The real built server (`trellis serve`, as `npm start` runs it) on a free port over a database in
 * `dir`, once it says where it serves the app.
 */
export function startWebServer(dir: string): Promise<WebServer> {
  const child = spawn(
    process.execPath,
    [join(root, 'dist/cli/main.js'), 'serve', '--port', '0', '--db', join(dir, 'db.sqlite')],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolveServer, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving (http:\/\/[^/\s]+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveServer({ url: match[1]!, process: child, stop: () => child.kill() });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}

/** One JSON request to the server's API; anything but a 2xx throws with the answer. */
export async function callApi(
  server: WebServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** A page `width` px wide whose uncaught errors land in `errors`, and whose dialogs are accepted. */
export async function watchedPage(browser: Browser, errors: string[], width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}
