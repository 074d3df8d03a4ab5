import type { WebContents } from 'electron'
import type { Logger } from '../log/logger'

/**
 * The window shows one page for its whole life. Every navigation, new window and webview is
 * refused: a link or a hostile string that slipped into the DOM cannot take the window (and
 * its preload API) somewhere else. Links are not opened externally either: nothing in the
 * app needs it, and refusing keeps `shell.openExternal` out of reach of page content.
 */
export function hardenWebContents(contents: WebContents, logger: Logger): void {
  const refuse = (what: string) => (event: { preventDefault(): void }, url?: unknown) => {
    event.preventDefault()
    logger.warn(`Refused ${what}${typeof url === 'string' ? ` to ${url.slice(0, 200)}` : ''}`)
  }
  contents.on('will-navigate', (event) => refuse('navigation')(event, event.url))
  contents.on('will-frame-navigate', (event) => refuse('frame navigation')(event, event.url))
  contents.on('will-attach-webview', (event) => refuse('webview')(event))
  contents.setWindowOpenHandler((details) => {
    logger.warn(`Refused window.open to ${details.url.slice(0, 200)}`)
    return { action: 'deny' }
  })
}
