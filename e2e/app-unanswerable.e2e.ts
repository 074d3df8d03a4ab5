import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { runSipp } from './harness/sipp'
import { eventually } from './harness/wait'
import { storedHistory } from './history-app'

// Every request gets an answer: INVITEs Parley cannot take, crafted with SIPp and sent through
// the real Kamailio, get a final response at once (SIPp fails by timeout otherwise), and the
// user sees a missed call from the caller.
const pbx = inject('pbx')
const appUser = '8201'
let app: TestApp

beforeAll(async () => {
  app = await startApp('unanswerable', { user: appUser })
  await app.waitRegistered()
})

afterAll(async () => {
  await app?.close()
})

async function missedFrom(number: string) {
  const entries = await eventually(
    `a missed call from ${number} in the history`,
    () => storedHistory(app),
    (list) => list.some((entry) => entry.remoteNumber === number),
  )
  return entries.find((entry) => entry.remoteNumber === number)
}

/** Runs a SIPp INVITE scenario that passes only if the app answers it finally; returns how long. */
async function sendUntilAnswered(scenario: string, caller: string, display: string): Promise<number> {
  const started = Date.now()
  const sipp = await runSipp(pbx, { scenario, service: appUser, keys: { caller, display }, timeoutS: 10 })
  try {
    const result = await sipp.done
    expect(result.code, result.output.slice(-2000)).toBe(0)
    return Date.now() - started
  } finally {
    sipp.stop()
  }
}

test('an INVITE with an unparsable Contact gets 400 at once, and shows as a missed call', async () => {
  // at once: not after the proxy's 30 s timeout
  expect(await sendUntilAnswered('invite-bad-contact.xml', '8291', 'Broken Gateway')).toBeLessThan(5_000)
  expect(await missedFrom('8291')).toMatchObject({
    direction: 'incoming',
    outcome: 'missed',
    remoteName: 'Broken Gateway',
  })
})

test('an INVITE offering no audio gets 488 with a reason, and shows as a missed call', async () => {
  await sendUntilAnswered('invite-no-audio.xml', '8292', 'Video Only')
  expect(await missedFrom('8292')).toMatchObject({
    direction: 'incoming',
    outcome: 'missed',
    remoteName: 'Video Only',
  })
})
