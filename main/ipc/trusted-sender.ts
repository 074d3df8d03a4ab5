import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import type { IpcSender } from './handlers'

export interface TrustedRenderer {
  /** Absolute path of out/renderer/index.html for file:// loads (packaged and preview). */
  rendererIndexFile?: string
  /** The dev-server (or e2e server) URL, e.g. http://localhost:5173/. Only its origin counts. */
  rendererUrl?: string
}

export function isSameFile(frameUrl: URL, file: string): boolean {
  try {
    return resolve(fileURLToPath(frameUrl)) === resolve(file)
  } catch {
    return false
  }
}

/**
 * Only the app's own page, in its main frame, may call main. Anything else (an iframe, a
 * page reached by a navigation that slipped through, a different local file) is refused.
 */
export function createTrustedSenderCheck(trusted: TrustedRenderer): (sender: IpcSender) => boolean {
  const origin = trusted.rendererUrl ? new URL(trusted.rendererUrl).origin : null
  return (sender) => {
    if (!sender || sender.isMainFrame !== true || typeof sender.frameUrl !== 'string') return false
    let url: URL
    try {
      url = new URL(sender.frameUrl)
    } catch {
      return false
    }
    if (url.protocol === 'file:')
      return trusted.rendererIndexFile !== undefined && isSameFile(url, trusted.rendererIndexFile)
    if (url.protocol === 'http:' || url.protocol === 'https:') return origin !== null && url.origin === origin
    return false
  }
}
