import { describe, expect, it } from 'vitest'
import { readCallStats } from './call-stats'

const pcWith = (entries: Array<Record<string, unknown>>) => ({
  getSenders: () => [],
  getStats: async () => new Map(entries.map((entry, index) => [String(index), entry])),
})

describe('readCallStats', () => {
  it('reads received and lost packets and jitter from the inbound audio, RTT from RTCP first', async () => {
    const pc = pcWith([
      { type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.002 },
      { type: 'inbound-rtp', kind: 'audio', packetsReceived: 500, packetsLost: 5, jitter: 0.004 },
      { type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.031 },
      { type: 'outbound-rtp', kind: 'audio', packetsSent: 490 },
    ])
    expect(await readCallStats(pc)).toEqual({
      packetsReceived: 500,
      packetsLost: 5,
      jitterS: 0.004,
      roundTripS: 0.031,
    })
  })

  it('takes the ICE pair round trip when no RTCP report came yet, and none when neither is known', async () => {
    const inbound = { type: 'inbound-rtp', kind: 'audio', packetsReceived: 10, packetsLost: -1, jitter: 0 }
    expect(
      await readCallStats(
        pcWith([
          inbound,
          { type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.01 },
        ]),
      ),
    ).toEqual({ packetsReceived: 10, packetsLost: 0, jitterS: 0, roundTripS: 0.01 })
    expect((await readCallStats(pcWith([inbound])))?.roundTripS).toBeNull()
  })

  it('is null without inbound audio or without a connection', async () => {
    expect(await readCallStats(pcWith([{ type: 'outbound-rtp', kind: 'audio' }]))).toBeNull()
    expect(await readCallStats(undefined)).toBeNull()
  })
})
