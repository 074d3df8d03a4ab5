import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite'
import { appFilesMeta, mainScreenFilesMeta } from '../renderer/state/main-screen-files'

type OutputBundle = Rollup.OutputBundle
type OutputChunk = Rollup.OutputChunk

/**
 * The window's entry (renderer/main.ts) asks main for the saved account, then imports
 * phone-start.ts (SIP.js and the adapter, which connects first), then start-view.ts (the
 * registration indicator in plain DOM). Without help the browser would learn of their files
 * only once the entry has been fetched and run: two fetches in a row before anything can
 * register. This lists both steps' chunks, their static imports and their styles in index.html
 * (module preloads and style preloads), so all of them are fetched in parallel with the entry;
 * they are still evaluated only when the entry imports them, each step in a task of its own.
 * The app (boot.ts: the state, the rest of the UI, both catalogues) is not listed: it loads
 * after "Registered" is shown (issue 14), and so does the catalogue the window does not speak.
 * It also names the app's and the main screen's files for the window to ask for, fetched and
 * not run, before they are imported (appFilesTags).
 */
export function preloadStartUp(startModules = ['/renderer/phone-start.ts', '/renderer/start-view.ts']): Plugin {
  return {
    name: 'parley-preload-start-up',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle
        if (!bundle) return []
        const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk')
        const starts = startModules.map((module) => chunkHolding(chunks, module))
        // In the order they run; the entry and its own imports are in index.html already.
        const entryLoads = new Set(
          chunks.filter((chunk) => chunk.isEntry).flatMap((entry) => [entry.fileName, ...staticImports(bundle, entry)]),
        )
        const scripts = [
          ...new Set(starts.flatMap((start) => [start.fileName, ...staticImports(bundle, start)])),
        ].filter((name) => !entryLoads.has(name))
        const styles = [...new Set(scripts.flatMap((name) => [...(chunkAt(bundle, name)?.viteMetadata?.importedCss ?? [])]))]
        const link = (attrs: Record<string, string>) => (name: string) => ({
          tag: 'link',
          attrs: { ...attrs, crossorigin: true, href: `./${name}` },
          injectTo: 'head' as const,
        })
        // In the order the window needs them, which is the order Chromium asks for them (one
        // round: they are fewer than its 6 connections, start-up-chunks.ts): the phone's first
        // after the entry (SIP.js: the REGISTER waits for its evaluation), then the start
        // view's. Its style sheet is preloaded, not linked: a style sheet linked in the head
        // holds the entry's evaluation until it is in; the start view's import links it when
        // it loads (Vite's preload helper), from the preloaded response.
        return [
          ...scripts.map(link({ rel: 'modulepreload' })),
          ...styles.map(link({ rel: 'preload', as: 'style' })),
          // and the app's and the main screen's files, named for the window to ask for later
          ...appFilesTags(bundle, chunks, new Set([...entryLoads, ...scripts])),
        ]
      },
    },
  }
}

/**
 * The app (its state and boot.ts) and the main screen (renderer/components/MainScreen.svelte) are
 * imported once "Registered" is painted (issue 14); fetched only then, the dial field waited for
 * a network round trip after that frame. This names their files in index.html (meta elements:
 * nothing fetched, nothing run) for the window to ask for, fetched and not run, in two steps
 * (renderer/state/prefetch.ts): the app's (what runs first, and the most bytes) while the first
 * REGISTER is under way, the main screen's once "Registered" is painted, so what loads before
 * "Registered" stays within its budget. `loaded`: the files the start-up has loaded already.
 */
function appFilesTags(
  bundle: OutputBundle,
  chunks: readonly OutputChunk[],
  loaded: ReadonlySet<string>,
): HtmlTagDescriptor[] {
  const app = filesOf(bundle, chunks, ['/renderer/state/app-state.ts', '/renderer/boot.ts'], loaded)
  const mainScreen = filesOf(
    bundle,
    chunks,
    ['/renderer/components/MainScreen.svelte'],
    new Set([...loaded, ...app]),
  )
  return [filesMeta(appFilesMeta, bundle, app), filesMeta(mainScreenFilesMeta, bundle, mainScreen)]
}

/** The chunks of `modules` and every chunk they import statically, each once, but those in `loaded`. */
function filesOf(
  bundle: OutputBundle,
  chunks: readonly OutputChunk[],
  modules: readonly string[],
  loaded: ReadonlySet<string>,
): string[] {
  const names = modules.flatMap((module) => {
    const chunk = chunkHolding(chunks, module)
    return [chunk.fileName, ...staticImports(bundle, chunk)]
  })
  return [...new Set(names)].filter((name) => !loaded.has(name))
}

/** A meta element naming `scripts` and the styles they import (none the start-up applied already). */
function filesMeta(name: string, bundle: OutputBundle, scripts: readonly string[]): HtmlTagDescriptor {
  const styles = [
    ...new Set(scripts.flatMap((script) => [...(chunkAt(bundle, script)?.viteMetadata?.importedCss ?? [])])),
  ]
  return {
    tag: 'meta',
    attrs: { name, content: [...scripts, ...styles].map((file) => `./${file}`).join(' ') },
    injectTo: 'head',
  }
}

/**
 * The chunk that holds `module`: its own chunk, or the start-up chunk it was put in
 * (start-up-chunks.ts), which has no single module as its face.
 */
function chunkHolding(chunks: readonly OutputChunk[], module: string): OutputChunk {
  const holding =
    chunks.find((chunk) => (chunk.facadeModuleId ?? '').endsWith(module)) ??
    chunks.find((chunk) => chunk.moduleIds.some((id) => id.endsWith(module)))
  if (!holding) throw new Error(`preload-start-up: no chunk holds ${module}`)
  return holding
}

function chunkAt(bundle: OutputBundle, name: string): OutputChunk | undefined {
  const file = bundle[name]
  return file?.type === 'chunk' ? file : undefined
}

/** Every chunk `chunk` imports statically, transitively, each once. */
function staticImports(bundle: OutputBundle, chunk: OutputChunk, seen = new Set<string>()): string[] {
  for (const name of chunk.imports) {
    if (seen.has(name)) continue
    seen.add(name)
    const imported = chunkAt(bundle, name)
    if (imported) staticImports(bundle, imported, seen)
  }
  return [...seen]
}
