import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests, run by scripts/test-e2e.ts against a server it starts (`npm run test:e2e`).
// The root vitest.config.ts does not include e2e/, so `npm test` never runs these.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.spec.ts'],
    pool: 'forks',
    // One server and one database serve every spec, and a spec may stop the server to read the
    // embedded database, so specs run one after another.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
