import { defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'

// Unit tests: Node, next to their modules. The end-to-end suite has its own config in e2e/.
export default defineConfig({
  plugins: [svelte()],
  test: {
    include: [
      'main/**/*.test.ts',
      'preload/**/*.test.ts',
      'contract/**/*.test.ts',
      'renderer/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
  },
  resolve: { conditions: ['browser'] },
})
