import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
