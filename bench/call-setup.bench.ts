import type { Page } from 'playwright-core'
import { TestApp } from '../e2e/harness/app'
import { TestPeer } from '../e2e/harness/peer'
import { progressTaps } from '../e2e/harness/pbx'
import { bindUserToSipp, runSipp } from '../e2e/harness/sipp'
import { startTestBed } from '../e2e/harness/test-bed'
import { dial, ui } from '../e2e/harness/ui'
import { pageMarks as marks, pageProbe, until } from './page-probe'
import { closeAll, median, type BenchFigure, type BenchSuite } from './suite'

/**
 * Issue 2's call-setup figures, on the real test bed (Kamailio on loopback, the built renderer
 * in Chromium, SIP.js peers). Where the times come from:
 * - page load → registered: the page's navigation start (performance.timeOrigin) to the moment
 *   the Registration status first reads "Registered" (a MutationObserver in the page).
 * - dial click → INVITE on the wire: the click on "Call" (a capture-phase listener stamps it
 *   with the page's wall clock) to the PBX receiving the first INVITE from the app: Kamailio
 *   logs a "PARLEY-TAP rx INVITE t=<sec.usec>" line for each INVITE it receives
 *   (e2e/pbx/kamailio.cfg), same wall clock, microsecond resolution.
 * - INVITE arrives → ringing visible: Kamailio's "PARLEY-TAP tx INVITE" line (the moment it
 *   sends the INVITE to the app) to the first DOM mutation showing "Incoming call" in the
 *   Calls list.
 * - dial click → media flowing: the click to the first RTP from the auto-answering peer
 *   (the app's remote audio track unmutes). The first call of a page opens the fake
 *   microphone (a few hundred ms once); it is reported on its own line.
 * - 183 → early audio heard: a SIPp gateway answers 183 with SDP and plays A-law RTP through
 *   rtpengine; from Kamailio relaying the 183 ("PARLEY-TAP rx 183") to the app's remote audio
 *   track unmuting (ICE and DTLS with rtpengine happen in between). The call is then cancelled.
 */
const runs = 11
const appUser = '7101'
const calleeUser = '7102'
const callerUser = '7103'
const gatewayUser = '7104'

type Probe = {
  clickAt: Array<{ at: number; label: string }>
  remoteMediaAt: number[]
  microphoneOpenedAt: number[]
  iceGatheredAt: number[]
}
const probe = (page: Page) => page.evaluate(() => (window as unknown as { __parleyTest: Probe }).__parleyTest)

export const callSetupBench: BenchSuite = {
  name: 'call setup (loopback)',
  async run(): Promise<BenchFigure[]> {
    const bed = await startTestBed(() => undefined)
    const closers: Array<() => Promise<void>> = [() => bed.stop()]
    try {
      if (bed.rendererBuildError) throw new Error(bed.rendererBuildError)
      const pbx = bed.pbx.info
      const callee = await TestPeer.start(calleeUser, pbx, bed.baseUrl)
      closers.unshift(() => callee.close())
      await callee.setAutoAnswer(true)
      const caller = await TestPeer.start(callerUser, pbx, bed.baseUrl)
      closers.unshift(() => caller.close())
      const app = await TestApp.start({
        name: 'bench-app',
        baseUrl: bed.baseUrl,
        pbx,
        account: { user: appUser },
      })
      closers.unshift(() => app.close())
      await app.ua.context.addInitScript(pageProbe)
      const page = app.page

      // Page load → registered (the first load also warms caches; it is not counted).
      const loads: number[] = []
      for (let i = 0; i <= runs; i++) {
        await page.reload()
        const registeredAt = await until(
          'registered',
          async () => (await marks(page))?.registeredAt ?? undefined,
        )
        const origin = await page.evaluate(() => performance.timeOrigin)
        if (i > 0) loads.push(registeredAt - origin)
      }

      // Dial click → INVITE on the wire, and → media flowing with an auto-answering peer.
      const toWire: number[] = []
      const toMedia: number[] = []
      const toMicrophone: number[] = []
      const toIceGathered: number[] = []
      let firstCallMedia = Number.NaN
      for (let i = 0; i <= runs; i++) {
        const mediaBefore = (await probe(page)).remoteMediaAt.length
        await dial(page, calleeUser)
        const mediaAt = await until('media', async () => (await probe(page)).remoteMediaAt[mediaBefore])
        const clickAt = (await probe(page)).clickAt.filter((c) => c.label === 'Call').at(-1)?.at ?? Number.NaN
        const tap = await until('INVITE tap', async () =>
          bed.pbx.inviteTaps().find((t) => t.way === 'rx' && t.fromUser === appUser && t.at >= clickAt - 1),
        )
        const after = await probe(page)
        const firstAfterClick = (times: number[]) => times.find((t) => t >= clickAt) ?? Number.NaN
        if (i === 0) firstCallMedia = mediaAt - clickAt
        else {
          toWire.push(tap.at - clickAt)
          toMedia.push(mediaAt - clickAt)
          toMicrophone.push(firstAfterClick(after.microphoneOpenedAt) - clickAt)
          toIceGathered.push(firstAfterClick(after.iceGatheredAt) - clickAt)
        }
        await ui.call(page).getByRole('button', { name: 'Hang up' }).click()
        await ui.call(page).getByRole('button', { name: 'Hang up' }).waitFor({ state: 'detached' })
      }

      // INVITE arrives (leaves the PBX towards the app) → "Incoming call" in the DOM.
      const toRinging: number[] = []
      for (let i = 0; i <= runs; i++) {
        const shownBefore = (await marks(page)).incomingAt.length
        const startedAt = Date.now()
        const id = await caller.call(`sip:${appUser}@${pbx.domain}`)
        const shownAt = await until('ringing', async () => (await marks(page)).incomingAt[shownBefore])
        const tap = await until('INVITE tap', async () =>
          bed.pbx
            .inviteTaps()
            .find((t) => t.way === 'tx' && t.fromUser === callerUser && t.at >= startedAt - 1),
        )
        if (i > 0) toRinging.push(shownAt - tap.at)
        await caller.hangup(id)
        await ui.call(page).getByRole('button', { name: 'Answer' }).waitFor({ state: 'detached' })
      }

      // 183 with SDP → the far end's early audio heard (no answer: each call is cancelled).
      const gateway = await runSipp(pbx, {
        scenario: 'uas-early-media-cancelled.xml',
        service: gatewayUser,
        keys: { user: gatewayUser },
        calls: runs + 1,
        timeoutS: 600,
      })
      closers.unshift(async () => gateway.stop())
      await bindUserToSipp(pbx, gatewayUser, gateway.sipPort)
      const toEarlyAudio: number[] = []
      for (let i = 0; i <= runs; i++) {
        const mediaBefore = (await probe(page)).remoteMediaAt.length
        const startedAt = Date.now()
        await dial(page, gatewayUser)
        const heardAt = await until('early audio', async () => (await probe(page)).remoteMediaAt[mediaBefore])
        const tap = await until('183 tap', async () =>
          progressTaps(bed.pbx.logText()).find((t) => t.at >= startedAt - 1),
        )
        if (i > 0) toEarlyAudio.push(heardAt - tap.at)
        await ui.call(page).getByRole('button', { name: 'Hang up' }).click()
        await ui.call(page).getByRole('button', { name: 'Hang up' }).waitFor({ state: 'detached' })
      }

      return [
        { name: 'page load → registered', ms: median(loads), target: 300 },
        { name: 'dial click → INVITE on the wire', ms: median(toWire), target: 50 },
        // Where that time goes, measured in the page. The adapter bounds ICE gathering, so the
        // INVITE may leave before gathering is complete; the second line shows by how much.
        { name: '  of which dial click → microphone open (getUserMedia resolved)', ms: median(toMicrophone) },
        {
          name: '  dial click → ICE gathering complete (the INVITE need not wait for it)',
          ms: median(toIceGathered),
        },
        { name: 'INVITE arrives → ringing visible', ms: median(toRinging), target: 50 },
        { name: 'dial click → media flowing (auto-answer peer)', ms: median(toMedia), target: 200 },
        {
          name: 'first call of a page: dial click → media flowing (incl. first microphone open)',
          ms: firstCallMedia,
        },
        { name: '183 → early audio heard (SIPp gateway via rtpengine)', ms: median(toEarlyAudio) },
      ]
    } finally {
      await closeAll(closers)
    }
  },
}
