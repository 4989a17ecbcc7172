import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { buildServer } from '../../src/server/app.js';
import { Workspace } from '../../src/store/workspace.js';
import { binary, tempDir } from '../helpers/cli.js';

/**
 * An in-process server over a fresh workspace (by default an SQLite file in a temporary directory;
 * a target from `stores()` for the other databases), for `inject` tests.
 */
export async function testServer(file = join(tempDir(), 'trellis.sqlite')) {
  const workspace = await Workspace.open(file);
  const app = await buildServer({ workspace });
  return {
    app,
    workspace,
    file,
    async close() {
      await app.close();
      await workspace.close();
    },
  };
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
}

/** Starts the real built server (`trellis serve`) and waits for the line that says where it listens. */
export function startServer(
  args: string[],
  { cwd, env = {} }: { cwd?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const child = spawn(process.execPath, [binary, 'serve', ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /(http:\/\/\S+?)\/ over/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child, exited, stderr: () => stderr });
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
}

export async function json(url: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}
