import type { Rolldown } from 'vite'

type ChunkingContext = Rolldown.ChunkingContext

/**
 * The start-up's steps, in the order the window runs them (renderer/main.ts): the entry, the
 * phone (SIP.js and the adapter) and the start view (the registration indicator in plain DOM:
 * nothing of Svelte before "Registered", preload-start-up.test.ts). Each step's chunk name is its module's file name.
 */
export const startSteps = [
  { chunk: 'index', module: '/renderer/main.ts' },
  { chunk: 'phone-start', module: '/renderer/phone-start.ts' },
  { chunk: 'start-view', module: '/renderer/start-view.ts' },
] as const

/**
 * Small modules that the catalogues and the app share and that nothing before "Registered"
 * needs but the catalogue: kept in the entry (a few hundred bytes) instead of in chunks of
 * their own, each one more file the catalogue's fetch would wait for.
 */
const sharedWithTheEntry = ['/contract/i18n/status-words.ts']

/**
 * Which start-up chunk a module goes into (issue 14): every module a step imports statically,
 * however deep, goes into that step's chunk unless an earlier step has it, so the window
 * fetches one file per step instead of a dozen (Chromium opens 6 connections per host over
 * HTTP/1.1: the ~13 files the start had before took three rounds of requests, and SIP.js's
 * chunk came in the first round's last). The entry takes what it shares with later steps, so
 * it never waits for SIP.js; the phone takes what it shares with the start view, so it never
 * waits for the start view's file. Everything else (the app, the catalogues, the main screen) is
 * chunked by the bundler as before (null).
 */
export function startUpChunk(): (id: string, context: ChunkingContext) => string | null {
  // Once per build: the context is one object for the whole chunking pass.
  const chunkOfIn = new WeakMap<ChunkingContext, Map<string, string>>()
  return (id, context) => {
    let chunkOf = chunkOfIn.get(context)
    if (!chunkOf) {
      chunkOf = startUpChunkMap(context, wholeGraph(context, id))
      chunkOfIn.set(context, chunkOf)
    }
    return chunkOf.get(id) ?? null
  }
}

/** `modules`: every module id of the build (wholeGraph); they are named by their path's end. */
function startUpChunkMap(context: ChunkingContext, modules: readonly string[]): Map<string, string> {
  const idOf = (module: string) => {
    const id = modules.find((candidate) => candidate.endsWith(module))
    if (id === undefined) throw new Error(`start-up chunks: no module ${module}`)
    return id
  }
  const chunkOf = new Map<string, string>()
  for (const step of startSteps)
    for (const id of staticClosure(context, idOf(step.module)))
      if (!chunkOf.has(id)) chunkOf.set(id, step.chunk)
  for (const module of sharedWithTheEntry) chunkOf.set(idOf(module), 'index')
  return chunkOf
}

/**
 * Every module connected to `id` by any import, either way: the whole build (the chunking
 * context answers for one module at a time and names no entry).
 */
function wholeGraph(context: ChunkingContext, id: string): string[] {
  return [...walk(id, (at) => {
    const info = context.getModuleInfo(at)
    return info ? [...info.importedIds, ...info.dynamicallyImportedIds, ...info.importers, ...info.dynamicImporters] : []
  })]
}

/** `module` and every module it imports statically, transitively. */
function staticClosure(context: ChunkingContext, module: string): Set<string> {
  return walk(module, (at) => context.getModuleInfo(at)?.importedIds ?? [])
}

/** `start` and every id reachable from it through `next`, each once. */
function walk(start: string, next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>()
  const pending = [start]
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue
    seen.add(id)
    pending.push(...next(id))
  }
  return seen
}
