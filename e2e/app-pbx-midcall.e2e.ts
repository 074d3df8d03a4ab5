import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Page } from 'playwright-core'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { runSipp } from './harness/sipp'
import { textOf, ui } from './harness/ui'

// What PBXs and gateways do mid-call, played by SIPp as a plain SIP caller on UDP through the
// real Kamailio (media anchored in rtpengine): hold and resume by re-INVITE, a codec change,
// an offerless re-INVITE. SIPp checks every answer it actually received (our 200s and their
// SDP); the app's card and its getStats show what the user and the network see.
const pbx = inject('pbx')
const appUser = '4902'
let app: TestApp

beforeAll(async () => {
  app = await startApp('pbx-midcall', { user: appUser })
  await app.waitRegistered()
})

afterAll(async () => {
  await app?.close()
})

/** The codec the app's audio sender uses now (from getStats), e.g. "audio/PCMU". */
function sendingCodec(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const probe = (window as unknown as { __parleyTest: { peerConnections: RTCPeerConnection[] } })
      .__parleyTest
    let codec = ''
    for (const pc of probe.peerConnections) {
      if (pc.connectionState === 'closed') continue
      const report = await pc.getStats()
      report.forEach((entry: Record<string, unknown>) => {
        if (entry.type !== 'outbound-rtp' || entry.kind !== 'audio' || !entry.codecId) return
        const found = report.get(entry.codecId as string) as { mimeType?: string } | undefined
        codec = found?.mimeType ?? codec
      })
    }
    return codec
  })
}

test('a PBX holds, resumes, changes codec and sends an offerless re-INVITE: each is answered right', async () => {
  const pbxCall = await runSipp(pbx, {
    scenario: 'uac-mid-call-reinvites.xml',
    service: appUser,
    keys: { caller: '4960' },
    timeoutS: 60,
  })
  try {
    const card = ui.liveCall(app.page)
    await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
    await card.getByRole('button', { name: 'Answer' }).click()
    await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/Connected/)
    // 1. the PBX's hold re-INVITE (a=sendonly) shows on the card, 2. its resume clears it
    await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/They put you on hold/)
    await expect.poll(() => textOf(card), { timeout: 10_000 }).not.toMatch(/They put you on hold/)
    // 3. after the PCMU-only re-INVITE the app sends PCMU
    await expect.poll(() => sendingCodec(app.page), { timeout: 10_000 }).toBe('audio/PCMU')
    // 4. the offerless re-INVITE was answered with an offer and the ACK's answer taken: the
    // scenario (which fails on any wrong or missing answer) ends with its own BYE
    const result = await pbxCall.done
    expect(result.code, result.output.slice(-3000)).toBe(0)
    await expect.poll(() => ui.liveCall(app.page).count(), { timeout: 10_000 }).toBe(0)
  } finally {
    pbxCall.stop()
  }
})

test(
  'session timers: 422 below Min-SE, the agreed timer in our 200, our refreshes keep the call past its interval',
  {
    timeout: 180_000,
  },
  async () => {
    const pbxCall = await runSipp(pbx, {
      scenario: 'uac-session-timer.xml',
      service: appUser,
      keys: { caller: '4961' },
      timeoutS: 150,
    })
    try {
      const card = ui.liveCall(app.page)
      await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
      const answeredAt = Date.now()
      await card.getByRole('button', { name: 'Answer' }).click()
      await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/Connected/)
      // SIPp got the 422 (its first INVITE), our 200 with the timer, two refreshes, and its BYE
      // was answered: the scenario passes only then
      const result = await pbxCall.done
      expect(result.code, result.output.slice(-3000)).toBe(0)
      expect(Date.now() - answeredAt).toBeGreaterThan(90_000)
      await expect.poll(() => ui.liveCall(app.page).count(), { timeout: 10_000 }).toBe(0)
    } finally {
      pbxCall.stop()
    }
  },
)

test(
  'session timers: when the PBX stops refreshing, we end the call ourselves (BYE) and say why',
  { timeout: 150_000 },
  async () => {
    const pbxCall = await runSipp(pbx, {
      scenario: 'uac-session-expires.xml',
      service: appUser,
      keys: { caller: '4962' },
      timeoutS: 120,
    })
    try {
      const card = ui.liveCall(app.page)
      await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
      const answeredAt = Date.now()
      await card.getByRole('button', { name: 'Answer' }).click()
      await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/Connected/)
      // the scenario passes only when our BYE arrives, RFC 4028 §10: 90 s - 30 s after the answer
      const result = await pbxCall.done
      expect(result.code, result.output.slice(-3000)).toBe(0)
      expect(Date.now() - answeredAt).toBeGreaterThan(55_000)
      await expect
        .poll(() => textOf(ui.call(app.page)), { timeout: 10_000 })
        .toMatch(/the other side stopped confirming it/)
    } finally {
      pbxCall.stop()
    }
  },
)
