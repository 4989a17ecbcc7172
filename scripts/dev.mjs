// `npm run dev`: the API (`trellis serve` on port 3000, restarted when the server's code changes)
// and Vite's dev server for the web app (hot reload, `/api` proxied to port 3000), together.
// Ctrl-C stops both; so does either one ending. Arguments go to `trellis serve`:
// `npm run dev -- --db my.sqlite`. TRELLIS_API_PORT and TRELLIS_WEB_PORT choose other ports.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const apiPort = process.env.TRELLIS_API_PORT ?? '3000';
const webPort = process.env.TRELLIS_WEB_PORT ?? '5173';

/** Each in a process group of its own, so that stopping it stops whatever it started too. */
function start(name, command, args) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, TRELLIS_API_PORT: apiPort },
  });
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`${name} ended (${signal ?? `exit ${code}`}); stopping the other`);
    stop(code ?? 1);
  });
  return child;
}

let stopping = false;
const children = [];

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  setTimeout(() => process.exit(code), 500).unref();
}

children.push(
  start('the API', bin('tsx'), [
    'watch',
    '--clear-screen=false',
    'src/cli/main.ts',
    'serve',
    '--port',
    apiPort,
    ...process.argv.slice(2),
  ]),
  start('Vite', bin('vite'), ['--config', 'web/vite.config.ts', '--port', webPort, '--strictPort']),
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
console.log(
  `the API on http://127.0.0.1:${apiPort}/api, the app with hot reload on http://localhost:${webPort} (Ctrl-C stops both)`,
);
