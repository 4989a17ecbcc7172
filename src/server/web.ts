import { existsSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Below this many bytes a body goes out as it is: compressing it would save less than its headers. */
export const COMPRESS_THRESHOLD = 1024;

/** Where the built app keeps its hashed files: their names change whenever their content does. */
const ASSETS = `${sep}assets${sep}`;

/** A year: as long as HTTP caches keep anything, for files whose name is their content's hash. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** `index.html` (and anything else not hashed): kept, but asked after each time (ETag). */
export const REVALIDATE = 'no-cache';

/**
 * Brotli, then gzip, for every answer of the API and the app that is worth it. Registered before
 * any route: the plugin attaches itself to each route as it is added.
 *
 * The app's files are compressed once, at build time and at the best ratio (`web/vite.config.ts`
 * writes a `.br` and a `.gz` beside each); they go out as those files, so they are never compressed
 * again per request; a file under the threshold goes out as it is. Any other file (a web root
 * built without the siblings) is compressed as it is sent; already-compressed types (images) never are.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    const { file, rootPath } = (route.config ?? {}) as { file?: unknown; rootPath?: unknown };
    if (typeof file !== 'string' || typeof rootPath !== 'string') return;
    // A folder's route (`/`) sends its index.html.
    const path = join(rootPath, file.endsWith('/') ? `${file}index.html` : file);
    if (existsSync(`${path}.br`) || statSync(path).size < COMPRESS_THRESHOLD) route.compress = false;
  });
  await app.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD,
  });
}

/** The cache policy of one file of the built app. */
export function cacheControlOf(path: string): string {
  return path.includes(ASSETS) ? IMMUTABLE : REVALIDATE;
}

/**
 * The built web app at `/`: every file under its root, each with its cache policy, sent
 * precompressed when the browser accepts it and the build wrote the compressed copy.
 */
export async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    preCompressed: true,
    // The policy is set per file below, not the library's `max-age=0` for all.
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) => {
      reply.header('Cache-Control', cacheControlOf(path));
    },
  });
}
