import type { IpcSender } from './handlers'

export interface TrustedRenderer {
  /**
   * Where the app's page is: app://parley/index.html when packaged, the dev-server (or e2e
   * server) URL otherwise. Only its origin counts. No file:// page is ever trusted.
   */
  rendererUrl: string
}

/**
 * The origin of an http(s) or app:// page, or null for anything else. (WHATWG URL gives custom
 * schemes the opaque origin "null", which would make every such page look alike.)
 */
export function pageOrigin(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin
  if (parsed.protocol === 'app:' && parsed.host !== '') return `app://${parsed.host}`
  return null
}

/** Is `url` a page of the app's own origin? */
export function createSameOriginCheck(trusted: TrustedRenderer): (url: string) => boolean {
  const origin = pageOrigin(trusted.rendererUrl)
  if (origin === null) throw new Error(`The renderer URL has no origin: ${trusted.rendererUrl}`)
  return (url) => pageOrigin(url) === origin
}

/**
 * Only the app's own page, in its main frame, may call main. Anything else (an iframe, a
 * page reached by a navigation that slipped through, a local file) is refused.
 */
export function createTrustedSenderCheck(trusted: TrustedRenderer): (sender: IpcSender) => boolean {
  const sameOrigin = createSameOriginCheck(trusted)
  return (sender) =>
    !!sender &&
    sender.isMainFrame === true &&
    typeof sender.frameUrl === 'string' &&
    sameOrigin(sender.frameUrl)
}
