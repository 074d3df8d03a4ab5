import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// Release and security checks: the fuse map (build/) and the browser-level CSP proof
// (security/). Kept out of the unit config because the CSP test launches Chromium.
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    include: ['build/**/*.test.ts', 'security/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
