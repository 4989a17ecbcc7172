import type { Command } from 'commander';
import { DomainError } from '../core/problems.js';
import { collect, numberOption, print } from './output.js';
import { hostName, isLoopback } from '../server/hosts.js';
import { DEFAULT_DB, databaseOption } from './database.js';

const LOOPBACK = '127.0.0.1';
const DEFAULT_PORT = 3000;

interface ServeOptions {
  port?: string;
  host?: string;
  db?: string;
  allowRemote?: boolean;
  allowedHost: string[];
  trustProxy?: boolean;
}

/** Addresses that listen on every interface: they name no host, so they add none to answer to. */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The host names the server answers to beside the loopback ones: `--allowed-host` and
 * TRELLIS_ALLOWED_HOSTS, and the address bound when it is one address (not a wildcard). Refuses a
 * bind beyond loopback without `--allow-remote`.
 */
function hostsToAnswer(host: string, options: ServeOptions): string[] {
  if (!isLoopback(host) && options.allowRemote !== true)
    throw new DomainError(
      'usage',
      `--host ${host} listens beyond this machine, and the workspace has no accounts: anyone who can reach the port could read and change it. Add --allow-remote to do so anyway, or leave out --host to stay on ${LOOPBACK}`,
    );
  const fromEnv = (process.env.TRELLIS_ALLOWED_HOSTS ?? '').split(',').filter((name) => name.trim() !== '');
  const given = [
    ...options.allowedHost.map((name) => ({ name, from: '--allowed-host' })),
    ...fromEnv.map((name) => ({ name, from: 'TRELLIS_ALLOWED_HOSTS' })),
  ];
  for (const { name, from } of given)
    if (hostName(name) === undefined)
      throw new DomainError('usage', `${from}: "${name}" is not a host name (e.g. trellis.example.org)`);
  const names = given.map(({ name }) => name);
  return WILDCARDS.has(host) ? names : [...names, host];
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('Serve the API and the web app over your workspace database (what `npm start` runs)')
    .option(
      '--port <n>',
      `port to listen on (default: TRELLIS_PORT, else ${DEFAULT_PORT}; 0 picks a free one)`,
    )
    .option('--host <address>', `address to listen on (default: ${LOOPBACK}, this machine only)`)
    .option(
      '--allow-remote',
      'allow a --host beyond this machine: anyone who can reach the port can read and change the workspace',
    )
    .option(
      '--allowed-host <name>',
      'a host name to answer to beside localhost, 127.0.0.1 and [::1] (repeat for several; also TRELLIS_ALLOWED_HOSTS, comma-separated)',
      collect,
      [],
    )
    .option('--db <file>', `the workspace database (default: TRELLIS_DB, else ${DEFAULT_DB})`)
    .option(
      '--trust-proxy',
      'behind a reverse proxy that terminates TLS: take the client address and protocol from X-Forwarded-For and X-Forwarded-Proto (session cookies are then Secure)',
    )
    .action(async (options: ServeOptions) => {
      const portText = options.port ?? process.env.TRELLIS_PORT;
      const port =
        portText === undefined
          ? DEFAULT_PORT
          : numberOption(portText, options.port === undefined ? 'TRELLIS_PORT' : '--port', {
              integer: true,
              min: 0,
            });
      if (port > 65535) throw new DomainError('usage', `--port must be at most 65535, got "${portText}"`);
      const host = options.host ?? LOOPBACK;
      const allowedHosts = hostsToAnswer(host, options);
      const file = databaseOption(options.db);
      // Loaded on demand: every other command starts faster without the server and database code.
      const { Workspace } = await import('../store/workspace.js');
      const { buildServer } = await import('../server/app.js');
      const workspace = await Workspace.open(file);
      await (await import('./workspace.js')).reportWarnings(workspace);
      const app = await buildServer({
        workspace,
        allowedHosts,
        trustProxy: options.trustProxy === true,
        logger: process.env.TRELLIS_LOG
          ? { level: process.env.TRELLIS_LOG, serializers: { req: loggedRequest } }
          : false,
      });
      try {
        await app.listen({ port, host });
      } catch (error) {
        await workspace.close();
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE')
          throw new DomainError('usage', `port ${port} on ${host} is already in use (try --port)`);
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
          throw new DomainError('usage', `cannot listen on ${host}: no such address on this machine`);
        throw error;
      }
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address !== null ? address.port : port;
      const shown = host.includes(':') ? `[${host}]` : host;
      print(`Trellis is serving http://${shown}:${actualPort}/ over ${workspace.file} (Ctrl+C to stop)`);
      if (!isLoopback(host))
        process.stderr.write(
          `trellis: warning: listening on ${host}, beyond this machine: anyone who can reach port ${actualPort} can read and change this workspace (there are no accounts)\n`,
        );

      // Stop taking requests, let those in flight finish and commit, then close the database
      // (which checkpoints its write-ahead log). A second signal during that forces the exit.
      await new Promise<void>((resolveStop) => {
        let stopping = false;
        const stop = (signal: NodeJS.Signals) => {
          if (stopping) process.exit(130);
          stopping = true;
          process.stderr.write(`trellis: ${signal}: stopping\n`);
          void app
            .close()
            .then(() => workspace.close())
            .then(resolveStop, (error: unknown) => {
              process.stderr.write(`trellis: error while stopping: ${String(error)}\n`);
              resolveStop();
            });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

/**
 * What a request's log line says of it. The provider's answer to a single sign-on carries a code
 * and state in its query: the callback is logged by its path alone.
 */
function loggedRequest(request: { method: string; url: string; ip?: string; headers: { host?: string } }) {
  const url = request.url.startsWith('/api/session/sso/callback') ? request.url.split('?')[0] : request.url;
  return { method: request.method, url, host: request.headers.host, remoteAddress: request.ip };
}
