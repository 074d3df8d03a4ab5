/**
 * TURN credentials travel in the account's ICE server list as "turn:user:password@host:3478"
 * (the form the renderer turns into an RTCIceServer). They must not sit in settings.json, so
 * the list is split before it is stored: the settings keep "turn:host:3478", the credential
 * store (safeStorage) keeps "user:password" under that URL, and reading joins them again.
 */

const withCredentials = /^(turns?):([^:@/]+:[^@/]+)@(.+)$/i

export interface SplitIceServers {
  /** The list without any credentials: safe to write to settings.json. */
  urls: string[]
  /** "user:password" by the credential-free URL it belongs to. */
  secrets: Record<string, string>
}

export function splitIceSecrets(iceServers: readonly string[]): SplitIceServers {
  const urls: string[] = []
  const secrets: Record<string, string> = {}
  for (const entry of iceServers) {
    const match = withCredentials.exec(entry.trim())
    if (!match) {
      urls.push(entry)
      continue
    }
    const url = `${match[1]}:${match[3]}`
    urls.push(url)
    secrets[url] = match[2] as string
  }
  return { urls, secrets }
}

export function joinIceSecrets(urls: readonly string[], secrets: Readonly<Record<string, string>>): string[] {
  return urls.map((url) => {
    const secret = Object.prototype.hasOwnProperty.call(secrets, url) ? secrets[url] : undefined
    if (secret === undefined) return url
    const colon = url.indexOf(':')
    return `${url.slice(0, colon)}:${secret}@${url.slice(colon + 1)}`
  })
}

export const hasIceSecrets = (iceServers: readonly string[]): boolean =>
  iceServers.some((entry) => withCredentials.test(entry.trim()))

/** The stored secrets text back into a map; anything unexpected reads as none. */
export function parseIceSecrets(text: string | null): Record<string, string> {
  if (!text) return {}
  try {
    const parsed: unknown = JSON.parse(text)
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    )
  } catch {
    return {}
  }
}
