import { afterEach, expect, inject, test } from 'vitest'
import { TestApp } from './harness/app'
import { runSipp, type SippRun } from './harness/sipp'
import { ui } from './harness/ui'

// Registrars that do what real PBXs do, played by SIPp behind the test Kamailio (which relays
// REGISTER and OPTIONS for a 127.0.0.1:<port> domain): the registration indicator must tell the
// truth at once, obey the server's Retry-After, and notice a registrar that went silent.
const pbx = inject('pbx')
let app: TestApp | undefined
let sipp: SippRun | undefined

afterEach(async () => {
  sipp?.stop()
  await app?.close()
  app = undefined
  sipp = undefined
})

/** SIPp as the registrar of the account `user@127.0.0.1:<its port>`, then the app signed in to it. */
async function appAgainst(scenario: string, user: string): Promise<{ app: TestApp; sipp: SippRun }> {
  sipp = await runSipp(pbx, { scenario, service: 'registrar', keys: {}, timeoutS: 90 })
  app = await TestApp.start({
    name: `registrar-${user}`,
    baseUrl: inject('baseUrl'),
    pbx: { ...pbx, domain: `127.0.0.1:${sipp.sipPort}` },
    account: { user },
  })
  return { app, sipp }
}

/** Every change of the registration indicator's text, with when it was seen. */
function watchIndicator(target: TestApp): { seen: Array<{ at: number; text: string }>; stop(): void } {
  const seen: Array<{ at: number; text: string }> = []
  let running = true
  void (async () => {
    while (running) {
      const text = (
        (await ui
          .registration(target.page)
          .textContent()
          .catch(() => '')) ?? ''
      ).trim()
      if (text !== seen.at(-1)?.text) seen.push({ at: Date.now(), text })
      await new Promise((r) => setTimeout(r, 25))
    }
  })()
  return { seen, stop: () => (running = false) }
}

test('423 Interval Too Brief: the retry with Min-Expires is accepted and Registered shows at once', async () => {
  const { app, sipp } = await appAgainst('registrar-423.xml', '8101')
  const started = Date.now()
  await app.waitRegistered()
  // SIP.js retries by itself; unpatched, the app heard no answer and said "no answer" for ~16 s
  expect(Date.now() - started).toBeLessThan(5_000)
  const result = await sipp.done
  expect(result.code, result.output.slice(-2000)).toBe(0)
})

test('503 with Retry-After: 10: the next REGISTER waits 10 s (within 10%), then Registered', async () => {
  const { app, sipp } = await appAgainst('registrar-503.xml', '8102')
  const watch = watchIndicator(app)
  try {
    await expect
      .poll(() => watch.seen.find((s) => /^Not registered/.test(s.text)), { timeout: 10_000 })
      .toBeTruthy()
    // wait on the watcher itself: the indicator may say Registered between two of its reads
    await expect
      .poll(() => watch.seen.find((s) => /^Registered/.test(s.text)), { timeout: 20_000 })
      .toBeTruthy()
  } finally {
    watch.stop()
  }
  const refused = watch.seen.find((s) => /^Not registered/.test(s.text))
  const registered = watch.seen.find((s) => /^Registered/.test(s.text))
  if (!refused || !registered) throw new Error(JSON.stringify(watch.seen))
  // the indicator counts down from the server's figure (its clock ticks once a second)
  expect(refused.text).toMatch(/retrying in (9|10|11) s/)
  const waited = registered.at - refused.at
  expect(waited, JSON.stringify(watch.seen)).toBeGreaterThanOrEqual(9_000)
  expect(waited, JSON.stringify(watch.seen)).toBeLessThanOrEqual(11_000)
  const result = await sipp.done
  expect(result.code, result.output.slice(-2000)).toBe(0)
})

test('a registrar that stops answering is noticed by keepalive within 30 s, then a fresh REGISTER', async () => {
  const { app, sipp } = await appAgainst('registrar-goes-silent.xml', '8103')
  await app.waitRegistered()
  const registeredAt = Date.now()
  // the scenario ends when the second REGISTER got its 200
  const result = await Promise.race([
    sipp.done,
    new Promise<{ code: null; output: string }>((r) =>
      setTimeout(() => r({ code: null, output: 'no fresh REGISTER within 30 s' }), 30_000),
    ),
  ])
  expect(result.code, result.output.slice(-2000)).toBe(0)
  expect(Date.now() - registeredAt).toBeLessThan(30_000)
  await app.waitRegistered()
})
