// The renderer as it ships (build/renderer-build.ts, built for real, nothing written): which
// files its page asks for before "Registered", and in which order (issue 14).
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, type Rolldown } from 'vite'
import { beforeAll, describe, expect, it } from 'vitest'
import { rendererBuildConfig } from './renderer-build'

type Output = Rolldown.RolldownOutput['output']
type Chunk = Extract<Output[number], { type: 'chunk' }>

let output: Output
let html: string

beforeAll(async () => {
  const renderer = rendererBuildConfig()
  const built = await build({
    configFile: false,
    root: join(import.meta.dirname, '../renderer'),
    base: './',
    plugins: renderer.plugins,
    logLevel: 'error',
    build: { ...renderer.build, outDir: join(tmpdir(), 'parley-renderer-unwritten'), write: false },
  })
  const [first] = Array.isArray(built) ? built : [built as Rolldown.RolldownOutput]
  if (!first) throw new Error('the build has no output')
  output = first.output
  const page = output.find((file) => file.fileName === 'index.html')
  if (page?.type !== 'asset') throw new Error('the build has no index.html')
  html = String(page.source)
}, 120_000)

const chunks = () => output.filter((file): file is Chunk => file.type === 'chunk')
const chunkAt = (fileName: string) => chunks().find((chunk) => chunk.fileName === fileName)
const holding = (module: string) => {
  const chunk = chunks().find((candidate) => candidate.moduleIds.some((id) => id.endsWith(module)))
  if (!chunk) throw new Error(`no chunk holds ${module}`)
  return chunk
}
/** The files index.html asks for (scripts, module preloads, style sheets, preloads), in document order. */
const requested = () =>
  [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="(?:modulepreload|stylesheet|preload)"[^>]*\bhref)="\.\/([^"]+)"/g)].map(
    (match) => match[1] as string,
  )
/** `chunk`'s file and every file it imports statically, transitively. */
const withImports = (chunk: Chunk, seen = new Set<string>()): Set<string> => {
  seen.add(chunk.fileName)
  for (const name of chunk.imports) if (!seen.has(name)) withImports(chunkAt(name) as Chunk, seen)
  return seen
}

describe('the files the window loads before "Registered"', () => {
  it('asks for the entry first, then the phone’s chunk (SIP.js: the REGISTER waits for it)', () => {
    const [entry, next] = requested()
    expect(entry).toBe(holding('/renderer/main.ts').fileName)
    expect(next).toBe(holding('/renderer/phone-start.ts').fileName)
  })

  it('asks for every file of the phone’s and the start view’s steps, each once, with the entry', () => {
    const steps = ['/renderer/main.ts', '/renderer/phone-start.ts', '/renderer/start-view.ts']
    const scripts = new Set(steps.flatMap((module) => [...withImports(holding(module))]))
    const styles = [...scripts].flatMap((name) => [...(chunkAt(name)?.viteMetadata?.importedCss ?? [])])
    expect(requested().sort()).toEqual([...scripts, ...styles].sort())
    expect(new Set(requested()).size).toBe(requested().length)
  })

  it('is at most 6 files with the catalogue, one round over HTTP/1.1’s 6 connections (it was 13)', () => {
    // The catalogue the window speaks is fetched by the entry (renderer/state/one-catalogue.ts).
    const catalogue = withImports(holding('/contract/i18n/en.ts'))
    const files = new Set([...requested(), ...catalogue])
    expect(files.size, [...files].join(' ')).toBeLessThanOrEqual(6)
  })

  it('holds the entry for no style sheet (one linked in the head would: it is preloaded instead)', () => {
    const styles = requested().filter((name) => name.endsWith('.css'))
    expect(styles).not.toEqual([])
    expect(html).not.toMatch(/rel="stylesheet"/)
    for (const name of styles) expect(html).toContain(`<link rel="preload" as="style" crossorigin href="./${name}">`)
  })

  it('the entry imports nothing, and the phone nothing of the start view (Svelte’s runtime)', () => {
    expect(holding('/renderer/main.ts').imports).toEqual([])
    const phone = withImports(holding('/renderer/phone-start.ts'))
    expect([...phone].flatMap((name) => chunkAt(name)?.moduleIds ?? []).filter((id) => /[\\/]svelte[\\/]/.test(id))).toEqual([])
    expect(phone.has(holding('/renderer/start-view.ts').fileName)).toBe(false)
  })

  it('the start view holds nothing of Svelte either (plain DOM): its runtime comes with the app', () => {
    const svelteIn = (files: Iterable<string>) =>
      [...files].flatMap((name) => chunkAt(name)?.moduleIds ?? []).filter((id) => /[\\/]svelte[\\/]/.test(id))
    expect(svelteIn(requested())).toEqual([])
    expect(svelteIn(withImports(holding('/renderer/start-view.ts')))).toEqual([])
    // the app's files, fetched while registering (prefetch.ts), hold Svelte's runtime
    const appFiles = html.match(/<meta name="parley-app-files" content="([^"]*)"/)?.[1]?.split(' ') ?? []
    expect(svelteIn(appFiles.map((file) => file.replace('./', '')))).not.toEqual([])
  })

  it('leaves the app and the main screen out (they load after "Registered")', () => {
    for (const module of ['/renderer/boot.ts', '/renderer/components/MainScreen.svelte'])
      expect(requested()).not.toContain(holding(module).fileName)
  })
})
