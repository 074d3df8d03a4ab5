import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite'
import { mainScreenFilesMeta } from '../renderer/state/main-screen-files'

type OutputBundle = Rollup.OutputBundle
type OutputChunk = Rollup.OutputChunk

/**
 * The window's entry (renderer/main.ts) asks main for the saved account, then imports
 * phone-start.ts (SIP.js and the adapter, which connects first), then start-view.ts (Svelte's
 * runtime and the registration indicator). Without help the browser would learn of their files
 * only once the entry has been fetched and run: two fetches in a row before anything can
 * register. This lists both steps' chunks, their static imports and their styles in index.html
 * (module preloads and style preloads), so all of them are fetched in parallel with the entry;
 * they are still evaluated only when the entry imports them, each step in a task of its own.
 * The app (boot.ts: the state, the rest of the UI, both catalogues) is not listed: it loads
 * after "Registered" is shown (issue 14), and so does the catalogue the window does not speak.
 * It also names the main screen's files for the window to ask for once "Registered" is shown
 * (mainScreenFilesTag).
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
          // and the main screen's files, named for the window to ask for once "Registered" is shown
          mainScreenFilesTag(bundle, chunks, new Set([...entryLoads, ...scripts])),
        ]
      },
    },
  }
}

/**
 * The main screen (renderer/components/MainScreen.svelte) is imported once "Registered" is
 * painted (issue 14); its files were then fetched a network round trip after that frame. This
 * names them in index.html (a meta element: nothing fetched, nothing run) so the window can
 * ask for them, fetched and not run, as soon as "Registered" is in the document
 * (renderer/state/prefetch.ts). `loaded`: the files the start-up has loaded already, left out.
 */
function mainScreenFilesTag(
  bundle: OutputBundle,
  chunks: readonly OutputChunk[],
  loaded: ReadonlySet<string>,
  module = '/renderer/components/MainScreen.svelte',
): HtmlTagDescriptor {
  const screen = chunkHolding(chunks, module)
  const scripts = [screen.fileName, ...staticImports(bundle, screen)].filter((name) => !loaded.has(name))
  const styles = [
    ...new Set(scripts.flatMap((name) => [...(chunkAt(bundle, name)?.viteMetadata?.importedCss ?? [])])),
  ]
  return {
    tag: 'meta',
    attrs: { name: mainScreenFilesMeta, content: [...scripts, ...styles].map((name) => `./${name}`).join(' ') },
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
