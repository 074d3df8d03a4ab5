import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The PBX smoke test first (it tells a broken test bed from a broken app), then by name, and
 * the log audit last (it reads the logs every app of the run wrote).
 */
class SmokeFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) =>
      file.moduleId.includes('pbx-smoke') ? 0 : file.moduleId.includes('log-audit') ? 2 : 1
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId))
  }
}

// End-to-end suite: one Kamailio and one static server for the whole run (global setup), test
// files one after another (they share the PBX and a 2-core machine), generous timeouts.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    reporters: ['verbose'],
    sequence: { sequencer: SmokeFirst },
  },
})
