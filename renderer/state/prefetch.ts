import type { RegistrationStatus } from '../sip/types'
import { appFilesMeta, mainScreenFilesMeta } from './main-screen-files'

/**
 * The app's and the main screen's files fetched, not run, before they are imported (issue 14):
 * the app (its state, boot.ts) and the main screen are imported and rendered only once the frame
 * showing "Registered" is drawn (start-view.ts, boot.ts), and fetched only then they kept the
 * dial field a network round trip after that frame. The build names the files in index.html in
 * two lists (build/preload-start-up.ts): the app's, asked for while the first REGISTER is under
 * way (the network and the page wait for the PBX then), and the main screen's, asked for once
 * "Registered" is painted, so what loads before "Registered" stays within its budget. Each file
 * gets a preload hint (modulepreload for a script, preload as a style for a stylesheet), the same
 * URL and CORS mode as the import's own preload uses, so the import finds it fetched or under
 * way. Nothing here runs a script or applies a style: the import does that, after the frame.
 */

/** The part of a document this needs (a stand-in in unit tests). */
export interface HintTarget {
  querySelector(selectors: string): { getAttribute(name: string): string | null } | null
  querySelectorAll(selectors: 'link[href]'): Iterable<{ href: string }>
  createElement(tag: 'link'): HTMLLinkElement
  head: { append(node: HTMLLinkElement): void }
  baseURI: string
}

/**
 * Hints the files of the build's list `meta`, once per document and list; returns the URLs
 * hinted (none without the build's list).
 */
function prefetchListed(meta: string, doc: HintTarget | undefined): string[] {
  if (!doc) return []
  const lists = hinted.get(doc) ?? new Set<string>()
  if (lists.has(meta)) return []
  hinted.set(doc, lists.add(meta))
  const files =
    doc.querySelector(`meta[name="${meta}"]`)?.getAttribute('content')?.split(/\s+/).filter(Boolean) ?? []
  // A file the window has a link to is fetched already (the app's own stylesheet, a module the
  // app's import preloaded, a file hinted before): a second hint would fetch a stylesheet again.
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

/** The app's files: its state and boot.ts (what the app runs first after "Registered"). */
export function prefetchApp(doc: HintTarget | undefined = globalThis.document): string[] {
  return prefetchListed(appFilesMeta, doc)
}

/** Every file the main screen needs: the app's (unless hinted already) and its own. */
export function prefetchMainScreen(doc: HintTarget | undefined = globalThis.document): string[] {
  return [...prefetchApp(doc), ...prefetchListed(mainScreenFilesMeta, doc)]
}

/**
 * Signing in by itself is under way (start-view.ts): while the socket opens and the REGISTER
 * round trips wait for the PBX, the app's files are asked for; the main screen's only with the
 * answer (prefetchAfterStartAnswer), as all of them would not fit the 150 kB gzip budget for
 * what loads before "Registered" (issue 14). Any other status (nothing to sign in with, a
 * failure) fetches nothing.
 */
export function prefetchWhileRegistering(status: RegistrationStatus, doc?: HintTarget): string[] {
  return status.state === 'connecting' ? prefetchApp(doc) : []
}

/**
 * The start view's answer painted (start-view.ts): "Registered" asks for the main screen's files
 * at once, so they arrive with the app's own import rather than after its first render; any
 * other answer (the login form, a wrong password, an unreachable PBX) does not need the main
 * screen yet, and its files are not fetched for nothing.
 */
export function prefetchAfterStartAnswer(status: RegistrationStatus, doc?: HintTarget): string[] {
  return status.state === 'registered' ? prefetchMainScreen(doc) : []
}

/** The lists each document has hinted already (signing out and in again renders the main screen anew). */
const hinted = new WeakMap<object, Set<string>>()
