import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Below this size a file is sent as it is (the server's COMPRESS_THRESHOLD). */
const COMPRESS_THRESHOLD = 1024;
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/**
 * A `.br` and a `.gz` beside every built file worth compressing, at the best ratio: the server
 * sends these as they are (`src/server/web.ts`), so no file is compressed again per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'trellis-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
        );
      for (const file of walk(join(outDir, 'assets'))) {
        if (!COMPRESSIBLE.test(file) || statSync(file).size < COMPRESS_THRESHOLD) continue;
        const bytes = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  // The app imports the pure core from ../src/core: let the dev server read it.
  server: {
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    // `npm run dev` (scripts/dev.mjs) runs the API beside this server, on port 3000 unless told otherwise.
    proxy: { '/api': `http://127.0.0.1:${process.env.TRELLIS_API_PORT ?? '3000'}` },
  },
  build: {
    outDir: 'dist',
    // The benchmark reads per-route chunk sizes from the manifest.
    manifest: true,
    emptyOutDir: true,
    // The chart chunk is large by nature and loaded only by chart pages; the first load is measured by the bench.
    chunkSizeWarningLimit: 600,
  },
});
