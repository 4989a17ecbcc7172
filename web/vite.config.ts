import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  // The app imports the pure core from ../src/core: let the dev server read it.
  server: {
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
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
