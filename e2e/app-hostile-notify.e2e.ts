import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { buildPidf, pidfContentType } from '../contract/presence/pidf'
import { PresenceStatus } from '../contract/presence/status'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { screenshot } from './harness/artifacts'
import { TestPeer } from './harness/peer'
import { runSipp } from './harness/sipp'
import {
  colleague,
  contactRow,
  expectLamp,
  expectLogged,
  lampOf,
  recordLampLabels,
  watchColleagues,
} from './lamp-board'

// A presence server that misbehaves, played by SIPp (e2e/sipp/presence-hostile.xml): Parley
// (7311) watches Hugo at sip:7313@127.0.0.1:<SIPp's port>, so the test Kamailio relays the
// SUBSCRIBEs to SIPp and SIPp's NOTIFYs back into Parley's subscription dialogs. Greta (7312,
// a SIP.js phone) is watched at Kamailio's own presence server at the same time: her lamp must
// keep working through all of it. SIPp's scenario names the answer each NOTIFY must get.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
let app: TestApp
let greta: TestPeer
const dialogs: string[] = []

beforeAll(async () => {
  greta = await TestPeer.start('7312', pbx, baseUrl, 'Greta Gran')
  app = await startApp('hostile-notify', { user: '7311', displayName: 'Olivia Operator' })
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
})

afterAll(async () => {
  await app?.close()
  await greta?.close()
})

test('hostile NOTIFYs in the subscription dialogs: each answered as RFC 6665 says, logged, shown as text only, and the other lamp keeps working', async () => {
  const sipp = await runSipp(pbx, {
    scenario: 'presence-hostile.xml',
    service: '7313',
    keys: {},
    calls: 2,
    timeoutS: 60,
  })
  try {
    await watchColleagues(app, [
      colleague('e2e-hugo', 'Hugo Hostile', `sip:7313@127.0.0.1:${sipp.sipPort}`),
      colleague('e2e-greta', 'Greta Gran', '7312'),
    ])
    const recorder = await recordLampLabels(app)
    await expectLamp(app, 'Greta Gran', /^Greta Gran: Available$/)
    // the last document SIPp sends: a meeting whose note carries markup and a bidi override
    await expectLamp(app, 'Hugo Hostile', /^Hugo Hostile: Meeting – /, 30_000)
    const result = await sipp.done
    // exit 0: every NOTIFY got the answer the scenario names (200, 489 for a bad Event,
    // 400 without Subscription-State), and nothing else came back
    expect(result.code, result.output.slice(-3000)).toBe(0)

    const hugo = lampOf(app, 'Hugo Hostile')
    expect(await hugo.getAttribute('aria-label')).toBe(
      'Hugo Hostile: Meeting – <img src=x onerror=alert(1)> gnp.exe',
    )
    // text only: no element was made from the note, and its words are isolated from the row's
    expect(await contactRow(app, 'Hugo Hostile').locator('img').count()).toBe(0)
    const text = hugo.locator('.text')
    expect(await text.textContent()).toBe('Meeting – <img src=x onerror=alert(1)> gnp.exe')
    expect(await text.evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate')

    // what the lamp showed on the way: Available, then Away for an unknown activity; never the
    // lunch of the NOTIFYs that were refused, never the huge or malformed documents
    const labels = (await recorder.labels()).filter((l) => l.startsWith('Hugo Hostile: '))
    expect(labels).toContain('Hugo Hostile: Available')
    expect(labels).toContain('Hugo Hostile: Away')
    expect(
      labels.filter((l) => /Lunch|xxxx/.test(l)),
      JSON.stringify(labels),
    ).toEqual([])

    await expectLogged(app, [
      /presence NOTIFY not readable/,
      /dialog NOTIFY not readable/,
      /NOTIFY presence for sip:7313@127\.0\.0\.1:\d+: body of \d+ dropped \(too large\)/,
      /NOTIFY \(x-parley-bogus\) answered 489/,
      /NOTIFY \(presence\) answered 400/,
    ])

    // the other lamp still follows its colleague, and the page answers at once
    expect(
      await greta.publish(
        'presence',
        pidfContentType,
        buildPidf(greta.uri, { status: PresenceStatus.Lunch }),
      ),
    ).toBe('Published')
    await expectLamp(app, 'Greta Gran', /^Greta Gran: Lunch$/)
    const started = Date.now()
    await app.page.evaluate(() => document.title)
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(dialogs).toEqual([])
    expect(app.ua.pageErrors).toEqual([])
  } catch (error) {
    await screenshot(app.page, 'hostile-notify')
    throw error
  } finally {
    sipp.stop()
  }
})

test('a NOTIFY for a presentity nobody subscribed to (out of any dialog) is answered 481 and logged; no lamp changes', async () => {
  const recorder = await recordLampLabels(app)
  const sipp = await runSipp(pbx, {
    scenario: 'notify-unsolicited.xml',
    service: '7311',
    keys: { presentity: '7312' },
  })
  try {
    const result = await sipp.done
    expect(result.code, result.output.slice(-3000)).toBe(0)
  } finally {
    sipp.stop()
  }
  await expectLogged(app, [/NOTIFY \(presence\) answered 481/])
  // Greta (7312) is watched, but this NOTIFY was not hers to give: her lamp did not move
  expect((await recorder.labels()).filter((l) => /Offline|unsolicited/.test(l))).toEqual([])
  expect(app.ua.pageErrors).toEqual([])
})
