import type { RegistrationStatus } from '../sip/types'
import { mainScreenFilesMeta } from './main-screen-files'

/**
 * The main screen's files fetched, not run, as soon as "Registered" is in the document (issue
 * 14): the main screen itself is imported and rendered only once the frame showing
 * "Registered" is drawn (App.svelte), and its fetch was then a network round trip after that
 * frame. The build names the files in index.html (build/preload-start-up.ts); each gets a preload
 * hint (modulepreload for a script, preload as a style for a stylesheet), the same URL and
 * CORS mode as the import's own preload uses, so the import finds them fetched or under way.
 * Nothing here runs a script or applies a style: the import does that, after the frame.
 */

/** The part of a document this needs (a stand-in in unit tests). */
export interface HintTarget {
  querySelector(selectors: string): { getAttribute(name: string): string | null } | null
  querySelectorAll(selectors: 'link[href]'): Iterable<{ href: string }>
  createElement(tag: 'link'): HTMLLinkElement
  head: { append(node: HTMLLinkElement): void }
  baseURI: string
}

/** Adds the hints once per document; returns the URLs hinted (none without the build's list). */
export function prefetchMainScreen(doc: HintTarget | undefined = globalThis.document): string[] {
  if (!doc || hinted.has(doc)) return []
  hinted.add(doc)
  const meta = doc.querySelector(`meta[name="${mainScreenFilesMeta}"]`)
  const files = meta?.getAttribute('content')?.split(/\s+/).filter(Boolean) ?? []
  // A file the window has a link to is fetched already (the app's own stylesheet, a module the
  // app's import preloaded): a second hint would fetch a stylesheet again.
  const linked = new Set([...doc.querySelectorAll('link[href]')].map((link) => link.href))
  const wanted = files.map((file) => new URL(file, doc.baseURI).href).filter((href) => !linked.has(href))
  return wanted.map((href) => {
    const link = doc.createElement('link')
    if (href.endsWith('.css')) {
      link.rel = 'preload'
      link.as = 'style'
    } else link.rel = 'modulepreload'
    link.crossOrigin = ''
    link.href = href
    doc.head.append(link)
    return href
  })
}

/**
 * The start view's answer painted (start-view.ts): "Registered" asks for the app's and the main
 * screen's files at once, so they arrive with the app's own import rather than after its first
 * render; any other answer (the login form, a wrong password, an unreachable PBX) does not need
 * the main screen yet, and its files are not fetched for nothing.
 */
export function prefetchAfterStartAnswer(status: RegistrationStatus, doc?: HintTarget): string[] {
  return status.state === 'registered' ? prefetchMainScreen(doc) : []
}

/** Documents hinted already (signing out and in again renders the main screen anew). */
const hinted = new WeakSet<object>()
