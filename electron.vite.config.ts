import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

const here = import.meta.dirname

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
    plugins: [svelte()],
    build: {
      outDir: resolve(here, 'out/renderer'),
      // Minified: the window evaluates less code before it can register (issue 14's bench).
      minify: true,
      rolldownOptions: { input: resolve(here, 'renderer/index.html') },
    },
  },
})
