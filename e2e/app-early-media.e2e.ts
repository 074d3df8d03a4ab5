import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest'
import type { Page } from 'playwright-core'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { bindUserToSipp, runSipp, type SippRun } from './harness/sipp'
import { dial, textOf, ui } from './harness/ui'
import { eventually } from './harness/wait'

// Early media against real components: SIPp phones on UDP, registered at the real Kamailio,
// which anchors the calls in rtpengine (WebRTC ↔ RTP). A 183 with SDP must be heard (RTP
// counted by the app's getStats while the call still rings) instead of Parley's own ringback
// (no tone generator started), and the call must go on with the 200's media; with the user
// registered twice (a forked INVITE), the early fork is heard and the answering fork wins.
const pbx = inject('pbx')
const appUser = '4901'
let app: TestApp
const sipps: SippRun[] = []

/**
 * Watches Parley's tone output (ringback is Web Audio, its graph exists only while it sounds):
 * how many tone generators were started, and whether an audio output is open right now.
 */
function toneProbe(): void {
  const w = window as unknown as { __tones: { started: number; open: number } }
  w.__tones = { started: 0, open: 0 }
  const create = AudioContext.prototype.createOscillator
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    w.__tones.started++
    return create.call(this)
  }
  const close = AudioContext.prototype.close
  window.AudioContext = class extends AudioContext {
    constructor(options?: AudioContextOptions) {
      super(options)
      w.__tones.open++
    }
  }
  AudioContext.prototype.close = function (this: AudioContext) {
    w.__tones.open--
    return close.call(this)
  }
}

const tones = (page: Page) =>
  page.evaluate(() => (window as unknown as { __tones: { started: number; open: number } }).__tones)
const tonesStarted = async (page: Page) => (await tones(page)).started

beforeAll(async () => {
  app = await startApp(
    'early-media',
    { user: appUser },
    { beforeLoad: (ua) => ua.context.addInitScript(toneProbe) },
  )
  await app.waitRegistered()
})

afterEach(async () => {
  const cards = ui.liveCall(app.page)
  if ((await cards.count()) > 0) await cards.first().getByRole('button', { name: 'Hang up' }).click()
  for (const sipp of sipps.splice(0)) sipp.stop()
})

afterAll(async () => {
  await app?.close()
})

/** A SIPp UAS running `scenario`, bound at the PBX as `user` (again: a second registration). */
async function sippPhone(scenario: string, user: string): Promise<SippRun> {
  const sipp = await runSipp(pbx, { scenario, service: user, keys: { user }, timeoutS: 60 })
  sipps.push(sipp)
  await bindUserToSipp(pbx, user, sipp.sipPort)
  return sipp
}

/** Resolves once audio arrives while the card still rings; returns the packet count then. */
async function earlyAudioHeard(): Promise<number> {
  const card = ui.liveCall(app.page)
  const before = await app.media()
  const during = await eventually(
    'audio packets while the call still rings',
    async () => ({ media: await app.media(), card: await textOf(card) }),
    ({ media }) => media.packetsReceived > before.packetsReceived + 20,
  )
  expect(during.card).toMatch(/Ringing/)
  expect(during.card).not.toMatch(/Connected/)
  return during.media.packetsReceived
}

async function hangUpAndExpectSippPassed(...runs: SippRun[]): Promise<void> {
  await ui.liveCall(app.page).getByRole('button', { name: 'Hang up' }).click()
  for (const run of runs) {
    const result = await run.done
    expect(result.code, result.output.slice(-2000)).toBe(0)
  }
}

test('a 183 with SDP is heard instead of our ringback, and the 200 carries on with its media', async () => {
  const gateway = await sippPhone('uas-early-media.xml', '4950')
  const tonesBefore = await tonesStarted(app.page)
  await dial(app.page, '4950')
  const early = await earlyAudioHeard()
  expect(await tonesStarted(app.page)).toBe(tonesBefore)
  await expect.poll(() => textOf(ui.liveCall(app.page)), { timeout: 20_000 }).toMatch(/Connected/)
  const { after } = await app.waitForMediaFlowing()
  expect(after.packetsReceived).toBeGreaterThan(early)
  expect(await tonesStarted(app.page)).toBe(tonesBefore)
  await hangUpAndExpectSippPassed(gateway)
})

test('forked: the early fork is heard, the answering fork wins and the call goes on', async () => {
  const early = await sippPhone('uas-early-media-cancelled.xml', '4951')
  const answering = await sippPhone('uas-answers-late.xml', '4951')
  await dial(app.page, '4951')
  const heard = await earlyAudioHeard()
  // the other fork's 180 may come first and start our ringback; the early audio silences it
  expect((await tones(app.page)).open).toBe(0)
  await expect.poll(() => textOf(ui.liveCall(app.page)), { timeout: 20_000 }).toMatch(/Connected/)
  // the early fork was cancelled by the proxy (its scenario passes only then)
  const cancelled = await early.done
  expect(cancelled.code, cancelled.output.slice(-2000)).toBe(0)
  // the answering fork's audio arrives after the switch, and the call stays up
  const { after } = await app.waitForMediaFlowing()
  expect(after.packetsReceived).toBeGreaterThan(heard)
  expect(await textOf(ui.liveCall(app.page))).toMatch(/Connected/)
  await hangUpAndExpectSippPassed(answering)
})

test('a plain 180 (no SDP) gets our own ringback', async () => {
  await sippPhone('uas-answers-late.xml', '4952')
  const tonesBefore = await tonesStarted(app.page)
  await dial(app.page, '4952')
  await expect.poll(() => textOf(ui.liveCall(app.page)), { timeout: 10_000 }).toMatch(/Ringing/)
  await expect.poll(() => tonesStarted(app.page), { timeout: 10_000 }).toBeGreaterThan(tonesBefore)
  expect((await tones(app.page)).open).toBe(1)
})
