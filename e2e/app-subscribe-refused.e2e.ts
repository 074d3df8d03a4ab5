import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { screenshot } from './harness/artifacts'
import { runSipp, type SippRun } from './harness/sipp'
import { sippMessages, subscribesFor, type SippMessage } from './harness/sipp-messages'
import { eventually } from './harness/wait'
import { colleague, expectLamp, expectLogged, lampLabel, watchColleagues } from './lamp-board'

// A presence server that refuses or ends subscriptions, played by SIPp (e2e/sipp/subscribe-*.xml)
// behind the test Kamailio, which relays SUBSCRIBEs for sip:7315@127.0.0.1:<SIPp's port> there.
// Parley (7314) watches that colleague by the star; what it did is read from what SIPp really
// received (its message file: each SUBSCRIBE's time and Expires).
const pbx = inject('pbx')
const folder = mkdtempSync(join(tmpdir(), 'parley-e2e-subscribe-refused-'))
let app: TestApp
let sipp: SippRun | undefined
let run = 0

beforeAll(async () => {
  app = await startApp('subscribe-refused', { user: '7314', displayName: 'Olivia Operator' })
  await app.waitRegistered()
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(app.page, `subscribe-refused-${run}`)
  sipp?.stop()
  sipp = undefined
})

afterAll(async () => {
  await app?.close()
  rmSync(folder, { recursive: true, force: true })
})

/** SIPp as the colleague's presence server, then the colleague watched; its message file. */
async function watchAt(scenario: string, keys: Record<string, string>): Promise<string> {
  const messageFile = join(folder, `sipp-${++run}.log`)
  sipp = await runSipp(pbx, { scenario, service: '7315', keys, calls: 50, timeoutS: 120, messageFile })
  await watchColleagues(app, [colleague('e2e-hanna', 'Hanna Hall', `sip:7315@127.0.0.1:${sipp.sipPort}`)])
  return messageFile
}

async function waitForSubscribes(file: string, event: string, count: number, timeoutMs = 20_000) {
  return eventually(
    `${count} SUBSCRIBE ${event} at SIPp`,
    async () => subscribesFor(file, event),
    (s) => s.length >= count,
    timeoutMs,
  )
}

const gaps = (messages: SippMessage[]) =>
  messages.slice(1).map((m, i) => m.at - (messages[i] as SippMessage).at)

/** Lets the app run for `ms` so a retry it should not send would arrive (absence needs a window). */
const watchFor = (ms: number) => new Promise((r) => setTimeout(r, ms))

test('503 with Retry-After: 4: every retry of each SUBSCRIBE comes at least 4 s after the last, never in a burst', async () => {
  const file = await watchAt('subscribe-503.xml', { retry: '4' })
  await waitForSubscribes(file, 'presence', 3)
  await waitForSubscribes(file, 'dialog', 3)
  for (const event of ['presence', 'dialog']) {
    const subscribes = subscribesFor(file, event)
    for (const gap of gaps(subscribes))
      expect(gap, `${event}: ${gaps(subscribes).join(', ')} ms`).toBeGreaterThanOrEqual(4_000)
  }
  // no burst: within any 4 s, at most one SUBSCRIBE per event reached the server
  const all = sippMessages(file).filter(
    (m) => m.direction === 'received' && m.startLine.startsWith('SUBSCRIBE '),
  )
  for (const subscribe of all) {
    const window = all.filter((m) => m.at <= subscribe.at && m.at > subscribe.at - 3_900)
    expect(
      window.length,
      all.map((m) => `${m.header('Event')}@${Math.round(m.at)}`).join(' '),
    ).toBeLessThanOrEqual(2)
  }
  expect(await lampLabel(app, 'Hanna Hall')).toBe('Hanna Hall: Status unknown')
  await expectLogged(app, [/SUBSCRIBE presence to sip:7315@127\.0\.0\.1:\d+ answered 503: again in 4 s/])
})

test('423 Interval Too Brief with Min-Expires: 1800: the next SUBSCRIBE asks for 1800 s at once and is accepted', async () => {
  const file = await watchAt('subscribe-423.xml', {})
  await expectLamp(app, 'Hanna Hall', /^Hanna Hall: Available$/)
  for (const event of ['presence', 'dialog']) {
    const subscribes = await waitForSubscribes(file, event, 2)
    expect(subscribes.map((s) => s.header('Expires'))).toEqual(['600', '1800'])
    expect(gaps(subscribes)[0]).toBeLessThan(2_000)
  }
})

test('489 Bad Event: the watch gives up after one SUBSCRIBE per event, says so in the log, the lamp shows Status unknown', async () => {
  const file = await watchAt('subscribe-489.xml', {})
  await waitForSubscribes(file, 'presence', 1)
  await waitForSubscribes(file, 'dialog', 1)
  await expectLogged(app, [/SUBSCRIBE presence to sip:7315@127\.0\.0\.1:\d+ refused \(489\)/])
  await watchFor(6_000)
  expect(subscribesFor(file, 'presence')).toHaveLength(1)
  expect(subscribesFor(file, 'dialog')).toHaveLength(1)
  expect(await lampLabel(app, 'Hanna Hall')).toBe('Hanna Hall: Status unknown')
})

/** The terminating NOTIFY SIPp sent for `event`, and the SUBSCRIBEs that came after it. */
function afterTermination(file: string, event: string): { endedAt: number; later: SippMessage[] } {
  const ended = sippMessages(file).find(
    (m) =>
      m.direction === 'sent' &&
      m.startLine.startsWith('NOTIFY ') &&
      m.header('Event') === event &&
      /^terminated/.test(m.header('Subscription-State') ?? ''),
  )
  if (!ended) throw new Error(`SIPp sent no terminating NOTIFY for ${event}`)
  return { endedAt: ended.at, later: subscribesFor(file, event).filter((s) => s.at > ended.at) }
}

for (const reason of ['deactivated', 'timeout']) {
  test(`NOTIFY terminated;reason=${reason}: a new SUBSCRIBE at once (RFC 6665 §4.1.3), and the lamp is back`, async () => {
    const file = await watchAt('subscribe-terminated.xml', { reason, retry: '' })
    for (const event of ['presence', 'dialog']) {
      await waitForSubscribes(file, event, 2)
      const { endedAt, later } = afterTermination(file, event)
      expect(later).toHaveLength(1)
      expect((later[0] as SippMessage).at - endedAt).toBeLessThan(2_000)
    }
    await expectLamp(app, 'Hanna Hall', /^Hanna Hall: Available$/)
  })
}

test('NOTIFY terminated;reason=probation;retry-after=3: the new SUBSCRIBE waits at least 3 s', async () => {
  const file = await watchAt('subscribe-terminated.xml', { reason: 'probation', retry: ';retry-after=3' })
  for (const event of ['presence', 'dialog']) {
    await waitForSubscribes(file, event, 2)
    const { endedAt, later } = afterTermination(file, event)
    expect((later[0] as SippMessage).at - endedAt).toBeGreaterThanOrEqual(3_000)
  }
  await expectLamp(app, 'Hanna Hall', /^Hanna Hall: Available$/)
})

for (const reason of ['rejected', 'noresource']) {
  test(`NOTIFY terminated;reason=${reason}: no new SUBSCRIBE, logged, the lamp shows Status unknown`, async () => {
    const file = await watchAt('subscribe-terminated.xml', { reason, retry: '' })
    await expectLamp(app, 'Hanna Hall', /^Hanna Hall: Status unknown$/)
    await expectLogged(app, [
      new RegExp(`sip:7315@127\\.0\\.0\\.1:\\d+: presence watch terminated \\(${reason}\\)`),
    ])
    await watchFor(5_000)
    for (const event of ['presence', 'dialog']) {
      expect(afterTermination(file, event).later).toEqual([])
      expect(subscribesFor(file, event)).toHaveLength(1)
    }
    expect(await lampLabel(app, 'Hanna Hall')).toBe('Hanna Hall: Status unknown')
  })
}
