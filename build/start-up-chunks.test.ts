import { describe, expect, it } from 'vitest'
import type { Rolldown } from 'vite'
import { startUpChunk } from './start-up-chunks'

type Imports = Record<string, { static?: string[]; dynamic?: string[] }>

/** A chunking context over a made-up module graph (ids are paths under /app). */
function contextOf(graph: Imports): Rolldown.ChunkingContext {
  const ids = Object.keys(graph)
  const info = (id: string) => ({
    id,
    importedIds: graph[id]?.static ?? [],
    dynamicallyImportedIds: graph[id]?.dynamic ?? [],
    importers: ids.filter((other) => graph[other]?.static?.includes(id)),
    dynamicImporters: ids.filter((other) => graph[other]?.dynamic?.includes(id)),
  })
  return {
    getModuleInfo: (id: string) => (id in graph ? info(id) : null),
  } as unknown as Rolldown.ChunkingContext
}

const graph: Imports = {
  '/app/renderer/index.html': { static: ['/app/renderer/main.ts'] },
  '/app/renderer/main.ts': {
    static: ['/app/renderer/log/log.ts'],
    dynamic: ['/app/renderer/phone-start.ts', '/app/contract/i18n/en.ts'],
  },
  '/app/renderer/log/log.ts': {},
  '/app/renderer/phone-start.ts': {
    static: ['/app/renderer/log/log.ts', '/app/node_modules/sip.js/index.js', '/app/renderer/state/tasks.ts'],
    dynamic: ['/app/renderer/start-view.ts', '/app/renderer/boot.ts'],
  },
  '/app/node_modules/sip.js/index.js': {},
  '/app/renderer/state/tasks.ts': {},
  '/app/renderer/start-view.ts': {
    static: ['/app/renderer/state/tasks.ts', '/app/node_modules/svelte/index.js', '/app/renderer/Starting.svelte'],
  },
  '/app/node_modules/svelte/index.js': {},
  '/app/renderer/Starting.svelte': { static: ['/app/node_modules/svelte/index.js'] },
  '/app/renderer/boot.ts': { static: ['/app/renderer/Starting.svelte', '/app/renderer/MainScreen.svelte'] },
  '/app/renderer/MainScreen.svelte': { static: ['/app/node_modules/svelte/index.js'] },
  '/app/contract/i18n/en.ts': { static: ['/app/contract/i18n/status-words.ts'] },
  '/app/contract/i18n/status-words.ts': {},
}

describe('start-up chunks (one file per start-up step)', () => {
  const chunkOf = (id: string, name = startUpChunk(), context = contextOf(graph)) => name(`/app/${id}`, context)

  it('puts each step and everything it imports statically into the step’s chunk', () => {
    expect(chunkOf('renderer/main.ts')).toBe('index')
    expect(chunkOf('renderer/phone-start.ts')).toBe('phone-start')
    expect(chunkOf('node_modules/sip.js/index.js')).toBe('phone-start')
    expect(chunkOf('renderer/start-view.ts')).toBe('start-view')
    expect(chunkOf('node_modules/svelte/index.js')).toBe('start-view')
    expect(chunkOf('renderer/Starting.svelte')).toBe('start-view')
  })

  it('gives a module two steps share to the earlier step, so no step waits for a later one', () => {
    // The entry must not wait for SIP.js, nor the phone for Svelte's runtime.
    expect(chunkOf('renderer/log/log.ts')).toBe('index')
    expect(chunkOf('renderer/state/tasks.ts')).toBe('phone-start')
  })

  it('keeps the small modules the catalogues share in the entry', () => {
    expect(chunkOf('contract/i18n/status-words.ts')).toBe('index')
  })

  it('leaves what loads after "Registered" to the bundler', () => {
    expect(chunkOf('renderer/boot.ts')).toBeNull()
    expect(chunkOf('renderer/MainScreen.svelte')).toBeNull()
    expect(chunkOf('contract/i18n/en.ts')).toBeNull()
  })

  it('works out each build on its own (the context of one build is not kept for the next)', () => {
    const name = startUpChunk()
    expect(chunkOf('renderer/state/tasks.ts', name)).toBe('phone-start')
    const noPhone: Imports = { ...graph, '/app/renderer/phone-start.ts': { dynamic: ['/app/renderer/start-view.ts'] } }
    expect(chunkOf('renderer/state/tasks.ts', name, contextOf(noPhone))).toBe('start-view')
  })

  it('fails the build when a step’s module is missing (renamed or moved)', () => {
    const renamed = (id: string) => id.replace('start-view.ts', 'first-view.ts')
    const noStartView: Imports = Object.fromEntries(
      Object.entries(graph).map(([id, imports]) => [
        renamed(id),
        { static: imports.static?.map(renamed), dynamic: imports.dynamic?.map(renamed) },
      ]),
    )
    expect(() => chunkOf('renderer/main.ts', startUpChunk(), contextOf(noStartView))).toThrow(
      /no module \/renderer\/start-view\.ts/,
    )
  })
})
