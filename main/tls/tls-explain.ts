import type { ConnectionOptions, TLSSocket } from 'node:tls'
import type { CertificateProblem } from '../../contract/schemas'

/**
 * Why a wss:// server's certificate would be refused, from Node's TLS error code (OpenSSL's
 * verify result, or Node's host name check). Anything else (refused, reset, timeout, a good
 * certificate) is not a certificate problem: null.
 */
export function certificateProblemOf(code: string | undefined): CertificateProblem | null {
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return 'expired'
    case 'CERT_NOT_YET_VALID':
      return 'not-yet-valid'
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH':
      return 'wrong-host'
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'self-signed'
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'CERT_UNTRUSTED':
    case 'CERT_REVOKED':
      return 'untrusted'
    default:
      return null
  }
}

export interface TlsExplainDeps {
  /** node:tls connect (tests and the e2e harness pass their own). */
  connect(options: ConnectionOptions): TLSSocket
  /** The certificate authorities the window trusts too; undefined: Node's own list. */
  ca?: () => readonly string[] | undefined
  /** Where a host name connects (the e2e harness maps its test host to 127.0.0.1). */
  addressOf?: (host: string) => string
  timeoutMs?: number
}

/**
 * When the window's wss:// connection failed (the browser does not say why), main shakes hands
 * with the same host and port, only to explain: with normal verification on, it sends nothing
 * after the handshake and never changes what is trusted. The answer is a code the window shows
 * in its own words; it decides nothing.
 */
export function explainTlsFailure(url: string, deps: TlsExplainDeps): Promise<CertificateProblem | null> {
  const target = new URL(url)
  if (target.protocol !== 'wss:') return Promise.resolve(null)
  const host = target.hostname.replace(/^\[|\]$/g, '')
  const port = Number(target.port || 443)
  return new Promise((resolve) => {
    let settled = false
    const ca = deps.ca?.()
    const socket = deps.connect({
      host: deps.addressOf?.(host) ?? host,
      port,
      servername: host,
      ...(ca ? { ca: [...ca] } : {}),
      // Verification stays on: the error it raises is the explanation.
      rejectUnauthorized: true,
    })
    const finish = (problem: CertificateProblem | null) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve(problem)
    }
    const timer = setTimeout(() => finish(null), deps.timeoutMs ?? 5000)
    socket.once('secureConnect', () => finish(null))
    socket.once('error', (error: NodeJS.ErrnoException) => finish(certificateProblemOf(error.code)))
  })
}
