import type { Command } from 'commander';
import { DomainError } from '../core/problems.js';
import { numberOption, print } from './output.js';

/** The default workspace file; kept here so that loading the CLI does not load the database code. */
export const DEFAULT_DB = 'data/trellis.sqlite';

const LOOPBACK = '127.0.0.1';
const DEFAULT_PORT = 3000;

/** `--db`, else `TRELLIS_DB`, else data/trellis.sqlite in the current directory. */
export function databaseOption(db: string | undefined): string {
  return db ?? process.env.TRELLIS_DB ?? DEFAULT_DB;
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
    .option('--db <file>', `the workspace database (default: TRELLIS_DB, else ${DEFAULT_DB})`)
    .action(async (options: { port?: string; host?: string; db?: string }) => {
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
      const file = databaseOption(options.db);
      // Loaded on demand: every other command starts faster without the server and database code.
      const { Workspace } = await import('../store/workspace.js');
      const { buildServer } = await import('../server/app.js');
      const workspace = await Workspace.open(file);
      await (await import('./workspace.js')).reportWarnings(workspace);
      const app = await buildServer({
        workspace,
        logger: process.env.TRELLIS_LOG ? { level: process.env.TRELLIS_LOG } : false,
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
      print(`Trellis is serving http://${shown}:${actualPort}/ over ${file} (Ctrl+C to stop)`);

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
