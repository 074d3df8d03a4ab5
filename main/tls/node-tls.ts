import { readFileSync } from 'node:fs'
import * as tls from 'node:tls'
import type { TlsExplainDeps } from './tls-explain'

type WithSystemStore = typeof tls & { getCACertificates?: (store: 'system') => string[] }

/**
 * node:tls for the explanation, trusting what the window trusts: Node's own list plus the
 * operating system's store where this Node can read it (a company CA the OS trusts must not
 * be reported as "untrusted"), plus any extra CA file (the e2e test CA).
 */
export function nodeTlsExplain(
  extra: { caFile?: string; hosts?: Record<string, string> } = {},
): TlsExplainDeps {
  const system = (tls as WithSystemStore).getCACertificates
  return {
    connect: (options) => tls.connect(options),
    ca: () => [
      ...tls.rootCertificates,
      ...(system ? system('system') : []),
      ...(extra.caFile ? [readFileSync(extra.caFile, 'utf8')] : []),
    ],
    addressOf: (host) => extra.hosts?.[host] ?? host,
  }
}
