import type { Page } from 'playwright-core'
import { TestApp } from '../e2e/harness/app'
import { TestBaresip } from '../e2e/harness/baresip'
import { startTestBed } from '../e2e/harness/test-bed'
import { dial, ui } from '../e2e/harness/ui'
import { pageProbe, until } from './page-probe'
import { closeAll, median, type BenchFigure, type BenchSuite } from './suite'

/**
 * Issue 9's keypad-tone figure, on the real test bed: Parley in Chromium, baresip (a plain SIP
 * phone on UDP) behind Kamailio and rtpengine. From the click on a dialpad key (a capture-phase
 * listener stamps it with the page's wall clock) to baresip reporting the digit (its
 * CALL_DTMF_START event over ctrl_tcp, stamped on arrival in this process: same wall clock).
 * Measured both ways Parley sends tones: SIP INFO (baresip answered Opus with
 * telephone-event/8000 only) and RFC 4733 through rtpengine (baresip offered PCMU first).
 */
const runs = 11
const appUser = '7201'
const deskUser = '7202'
const keys = '1234567890*#'

type Probe = { clickAt: Array<{ at: number; label: string }> }
const clicks = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { __parleyTest: Probe }).__parleyTest)).clickAt

async function keyToTone(app: TestApp, desk: TestBaresip): Promise<number[]> {
  const samples: number[] = []
  const pad = ui.dialpad(app.page)
  for (let i = 0; i <= runs; i++) {
    const key = keys[i % keys.length] as string
    const since = desk.events.length
    await pad.getByRole('button', { name: key, exact: true }).click()
    const heard = await until('digit at baresip', async () =>
      desk.events.slice(since).find((event) => event.type === 'CALL_DTMF_START'),
    )
    // a pad key's text is its digit, then its letters ("2ABC"): the digit comes first
    const clickAt =
      (await clicks(app.page)).filter((click) => click.label.startsWith(key)).at(-1)?.at ?? Number.NaN
    // the first key of a call is not counted (first INFO transaction, first event sender use)
    if (i > 0) samples.push(heard.at - clickAt)
  }
  return samples
}

export const dtmfBench: BenchSuite = {
  name: 'keypad tones (baresip via rtpengine)',
  async run(): Promise<BenchFigure[]> {
    const bed = await startTestBed(() => undefined)
    const closers: Array<() => Promise<void>> = [() => bed.stop()]
    try {
      if (bed.rendererBuildError) throw new Error(bed.rendererBuildError)
      const pbx = bed.pbx.info
      const desk = await TestBaresip.start(deskUser, pbx)
      closers.unshift(() => desk.close())
      const app = await TestApp.start({
        name: 'bench-dtmf',
        baseUrl: bed.baseUrl,
        pbx,
        account: { user: appUser },
      })
      closers.unshift(() => app.close())
      await app.ua.context.addInitScript(pageProbe)
      await app.page.reload()
      await app.waitRegistered()

      let since = desk.events.length
      await dial(app.page, deskUser)
      await desk.waitForEvent('CALL_INCOMING', 15_000, since)
      await desk.answer()
      await app.waitForMediaFlowing()
      const info = await keyToTone(app, desk)
      await desk.hangup()
      await ui.liveCall(app.page).first().waitFor({ state: 'detached' })

      since = desk.events.length
      await desk.dial(`sip:${appUser}@${pbx.domain}`)
      await ui.liveCall(app.page).getByRole('button', { name: 'Answer' }).click()
      await desk.waitForEvent('CALL_ESTABLISHED', 10_000, since)
      await app.waitForMediaFlowing()
      const rtp = await keyToTone(app, desk)
      await desk.hangup()

      return [
        { name: 'DTMF key → tone at the far end (SIP INFO, Opus call)', ms: median(info) },
        { name: 'DTMF key → tone at the far end (RFC 4733 via rtpengine, PCMU call)', ms: median(rtp) },
      ]
    } finally {
      await closeAll(closers)
    }
  },
}
