// A server for the server benchmarks, in its own process so that the load generator does not share its
// thread: `trellis` (the real API over a fresh workspace), `bare` (plain Fastify routes answering
// with the same payloads), `trellis-at URL` (the real API over an existing workspace) or `bare-directory
// URL ORGANISATION` (plain Fastify and `pg` running the directory's query). Prints its URL on stdout;
// SIGTERM stops it.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { compareOffers } from '../src/core/comp/compare.js';
import { parseOffersFile } from '../src/core/comp/offer-schema.js';
import { buildServer } from '../src/server/app.js';
import { Workspace } from '../src/store/workspace.js';
import { bareDirectory } from './bare-directory.js';

const mode = process.argv[2];
const dir = join(tmpdir(), `trellis-bench-${process.pid}`);
let close: () => Promise<void>;
let address: () => unknown;

if (mode === 'trellis' || mode === 'trellis-at') {
  const workspace = await Workspace.open(mode === 'trellis' ? join(dir, 'trellis.sqlite') : process.argv[3]!);
  const app = await buildServer({ workspace });
  await app.listen({ port: 0, host: '127.0.0.1' });
  address = () => app.server.address();
  close = async () => {
    await app.close();
    await workspace.close();
  };
} else if (mode === 'bare-directory') {
  const bare = await bareDirectory(process.argv[3]!, Number(process.argv[4]));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  address = () => bare.server.address();
  close = () => bare.close();
} else {
  // The framework's very bytes (passed in by the benchmark), and the same core calls on the same body,
  // without Trellis's schemas, error handling and store around them.
  const frameworkBytes = process.argv[3] ?? '{}';
  const bare = Fastify();
  bare.get('/framework', (_request, reply) => reply.type('application/json').send(frameworkBytes));
  bare.post('/compare', (request) =>
    compareOffers(parseOffersFile(JSON.stringify((request.body as { file: unknown }).file), 'offers').file),
  );
  await bare.listen({ port: 0, host: '127.0.0.1' });
  address = () => bare.server.address();
  close = () => bare.close();
}
process.stdout.write(`http://127.0.0.1:${(address() as { port: number }).port}\n`);
process.once('SIGTERM', () => {
  void close().then(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
