import { svelte } from '@sveltejs/vite-plugin-svelte'
import type { UserConfig } from 'vite'
import { preloadStartUp } from './preload-start-up'
import { startUpChunk } from './start-up-chunks'

/**
 * How the renderer is built, shared by electron.vite.config.ts (the app) and the test bed
 * (e2e/harness/test-bed.ts, which the e2e suite and the cold-start bench load), so the tests
 * and the bench run what ships. Root, outDir and base are the caller's.
 */
export function rendererBuildConfig(): Pick<UserConfig, 'plugins'> & { build: UserConfig['build'] } {
  return {
    plugins: [svelte(), preloadStartUp()],
    build: {
      // Minified: the window fetches and evaluates less code before it can register (issue 14).
      minify: true,
      // Electron's Chromium runs current JavaScript as written: nothing is down-levelled.
      target: 'es2023',
      chunkSizeWarningLimit: 4096,
      // Electron's Chromium has <link rel=modulepreload>: no polyfill in the entry.
      modulePreload: { polyfill: false },
      // One chunk per start-up step, fewer files before "Registered" (start-up-chunks.ts).
      rolldownOptions: { output: { codeSplitting: { groups: [{ name: startUpChunk() }] } } },
    },
  }
}
