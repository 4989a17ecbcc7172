import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    // A fresh PostgreSQL database per run when TRELLIS_TEST_DATABASE_URL is set (else one line says so).
    globalSetup: ['test/helpers/postgres-setup.ts'],
  },
});
