import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { rendererBuildConfig } from './build/renderer-build'

const here = import.meta.dirname

const renderer = rendererBuildConfig()

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(here, 'main/index.ts'),
          // Contact import runs in a worker thread (main/contacts/node-import-worker.ts).
          'contact-import-worker': resolve(here, 'main/contacts/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only electron, events, timers and url: bundle the
      // rest (zod, through contract/) instead of leaving require() calls that fail at load.
      externalizeDeps: false,
      // Sandboxed preloads cannot be ES modules.
      rolldownOptions: {
        input: { index: resolve(here, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(here, 'renderer'),
    // Shared with the test bed, so the e2e suite and the bench load what ships.
    plugins: renderer.plugins,
    build: {
      ...renderer.build,
      outDir: resolve(here, 'out/renderer'),
      rolldownOptions: { ...renderer.build?.rolldownOptions, input: resolve(here, 'renderer/index.html') },
    },
  },
})
