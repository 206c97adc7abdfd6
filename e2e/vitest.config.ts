import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Runs the specs in file name order, with smoke.spec.ts last: its final test stops the shared
 * server (on PGlite) to read the embedded database, after which no other spec could run.
 */
class SmokeLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const isSmoke = (file: TestSpecification) => file.moduleId.endsWith('/smoke.spec.ts');
    const byName = [...files].sort((left, right) => left.moduleId.localeCompare(right.moduleId));
    return [...byName.filter((file) => !isSmoke(file)), ...byName.filter(isSmoke)];
  }
}

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
    sequence: { sequencer: SmokeLastSequencer },
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
