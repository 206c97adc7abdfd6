import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests, run by scripts/test-e2e.ts one spec file at a time, each against a server and
// database of its own (`npm run test:e2e`). The root vitest.config.ts does not include e2e/, so
// `npm test` never runs these.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.spec.ts'],
    pool: 'forks',
    // Tests inside a spec share its server and often build on each other's steps.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
