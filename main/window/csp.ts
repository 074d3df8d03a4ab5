/**
 * The renderer's one policy, sent only as a header, the stronger and more complete mechanism
 * (frame-ancestors only works as a header): by the app:// handler for the packaged page
 * (app-protocol.ts), by installCspHeader for the dev server, and by the e2e server. No meta tag
 * in renderer/index.html: Chromium's preload scanner stops at one, so the page's scripts and
 * stylesheets were asked for only once the parser reached them (issue 14).
 */
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; media-src 'self' blob: mediastream:; connect-src 'self' wss: ws:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

type Headers = Record<string, string[]>

/** Response headers with our CSP on documents (any CSP the server sent is replaced). */
export function withCspHeader(headers: Headers | undefined, resourceType: string, csp: string): Headers {
  const result: Headers = { ...(headers ?? {}) }
  if (resourceType !== 'mainFrame' && resourceType !== 'subFrame') return result
  for (const name of Object.keys(result)) {
    if (name.toLowerCase() === 'content-security-policy') delete result[name]
  }
  result['Content-Security-Policy'] = [csp]
  return result
}

export function installCspHeader(
  webRequest: Pick<Electron.WebRequest, 'onHeadersReceived'>,
  csp: string = contentSecurityPolicy,
): void {
  webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders, details.resourceType, csp) })
  })
}
