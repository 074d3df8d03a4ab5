/**
 * Bounded ICE gathering. SIP.js waits for gathering "complete" (up to 5 s by default) before it
 * sends an offer or answer. With no STUN/TURN servers configured nothing but host candidates
 * can come, so once one has arrived and a short settle time passed, the SDP is good to go.
 */

export const ICE_GATHERING_TIMEOUT_MS = 500
export const ICE_SETTLE_MS = 15
/**
 * The settle time on a connection made ahead of the call (warm-peer.ts): its candidates were
 * gathered into a pool and come all together when the offer is set (measured ≤ 0.2 ms apart),
 * and host candidates still being gathered come within ~1 ms of each other.
 */
export const POOLED_ICE_SETTLE_MS = 3

export interface IceGuardOptions {
  hasIceServers: boolean
  settleMs?: number
  setTimeout: (fn: () => void, ms: number) => unknown
  clearTimeout: (handle: unknown) => void
}

/** True when this candidate means "enough gathered" for the given configuration. */
export function candidateCompletesGathering(candidateLine: string, hasIceServers: boolean): boolean {
  const type = / typ (\w+)/.exec(candidateLine)?.[1]
  if (!type) return false
  if (hasIceServers) return type === 'srflx' || type === 'relay'
  return type === 'host' && /\budp\b/i.test(candidateLine)
}

/** An onicecandidate handler that calls `complete` shortly after a sufficient candidate. */
export function createIceCandidateHandler(complete: () => void, options: IceGuardOptions) {
  let timer: unknown = undefined
  return (event: { candidate: { candidate: string } | null }): void => {
    const line = event.candidate?.candidate
    if (!line || !candidateCompletesGathering(line, options.hasIceServers)) return
    if (timer !== undefined) options.clearTimeout(timer)
    timer = options.setTimeout(() => {
      timer = undefined
      complete()
    }, options.settleMs ?? ICE_SETTLE_MS)
  }
}

/** RTCIceServer list from account strings ("stun:host:3478", "turn:user:pass@host"). */
export function iceServersFrom(urls: readonly string[] | undefined): RTCIceServer[] {
  const servers: RTCIceServer[] = []
  for (const raw of urls ?? []) {
    const url = raw.trim()
    if (!/^(stun|stuns|turn|turns):/i.test(url)) continue
    const turn = /^(turns?):([^:@/]+):([^@/]+)@(.+)$/i.exec(url)
    if (turn) {
      servers.push({
        urls: `${turn[1]}:${turn[4]}`,
        username: decodeSafe(turn[2] as string),
        credential: decodeSafe(turn[3] as string),
      })
    } else {
      servers.push({ urls: url })
    }
  }
  return servers
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
