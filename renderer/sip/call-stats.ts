import type { PeerConnectionLike } from './media'
import type { CallStats } from './types'

const numberOr = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback

/**
 * The audio statistics of one peer connection: received and lost packets and jitter from the
 * inbound RTP stream, the round trip from the far end's RTCP receiver report (remote-inbound-rtp),
 * else from the ICE candidate pair in use.
 */
export async function readCallStats(pc: PeerConnectionLike | undefined): Promise<CallStats | null> {
  if (!pc?.getStats) return null
  const report = await pc.getStats()
  let inbound: Record<string, unknown> | null = null
  let rtcpRoundTrip: number | null = null
  let pairRoundTrip: number | null = null
  report.forEach((entry) => {
    if (entry.type === 'inbound-rtp' && entry.kind === 'audio') inbound = entry
    else if (entry.type === 'remote-inbound-rtp' && entry.kind === 'audio')
      rtcpRoundTrip = numberOr(entry.roundTripTime, rtcpRoundTrip ?? Number.NaN)
    else if (entry.type === 'candidate-pair' && entry.nominated === true && entry.state === 'succeeded')
      pairRoundTrip = numberOr(entry.currentRoundTripTime, pairRoundTrip ?? Number.NaN)
  })
  const stream = inbound as Record<string, unknown> | null
  if (!stream) return null
  const known = (value: number | null) => (value === null || Number.isNaN(value) ? null : value)
  return {
    packetsReceived: numberOr(stream.packetsReceived, 0),
    packetsLost: Math.max(0, numberOr(stream.packetsLost, 0)),
    jitterS: numberOr(stream.jitter, 0),
    roundTripS: known(rtcpRoundTrip) ?? known(pairRoundTrip),
  }
}
