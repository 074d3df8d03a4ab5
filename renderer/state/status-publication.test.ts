import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parsePidf } from '../../contract/presence/pidf'
import { PresenceStatus } from '../../contract/presence/status'
import type { PublicationRecord, StatusSnapshot } from '../../contract/presence/schemas'
import { SipPhone } from '../sip/phone'
import type { SipAccount } from '../sip/types'
import { english } from '../testing/english'
import { FakeApi } from '../testing/fake-api'
import { FakeClock } from '../testing/fake-clock'
import { FakeAudioElement, FakeMediaDevices } from '../testing/media'
import { FakeStack } from '../testing/sip-stack'
import { StatusState } from './status.svelte'

// "My status" on the real adapter (SipPhone on the fake SIP stack): what reaches the PBX after
// a crash (the entity tag the last run left), after sleep (never the status from before it),
// and when the PBX refuses or does not answer a PUBLISH (the user is told, the header is not
// left claiming a status the PBX lacks).

const zoneBefore = process.env.TZ
beforeEach(() => {
  process.env.TZ = 'Europe/Stockholm'
})
afterEach(() => {
  process.env.TZ = zoneBefore
})

const aor = '7301@parley.test'
const account: SipAccount = {
  displayName: 'Status',
  sipAddress: aor,
  authUser: '',
  password: 'secret',
  wsServer: 'ws://127.0.0.1:5066',
  outboundProxy: '',
  iceServers: [],
}

class FakeDnd {
  enabled = false
  async setEnabled(on: boolean) {
    await Promise.resolve()
    this.enabled = on
    return true
  }
}

async function setup(snapshot: Partial<StatusSnapshot> = {}, startAt = new Date(2026, 10, 30, 12, 0)) {
  const clock = new FakeClock()
  await clock.advance(startAt.getTime() - clock.now())
  let state: StatusSnapshot = { record: {}, schedule: [], hidden: [], scheduleLocked: false, ...snapshot }
  const api = new FakeApi()
    .handle('status:get', () => state)
    .handle('status:save', (request) => {
      const { publication, ...change } = request as Partial<StatusSnapshot> & {
        publication?: PublicationRecord | null
      }
      state = { ...state, ...change }
      if (publication === null) delete state.publication
      else if (publication) state.publication = publication
      return state
    })
  const stack = new FakeStack()
  const logs: string[] = []
  const phone = new SipPhone({
    stack,
    mediaDevices: new FakeMediaDevices(),
    createAudioElement: () => new FakeAudioElement(),
    clock,
    random: () => 0.5,
    log: (line) => logs.push(line),
  })
  const dnd = new FakeDnd()
  const status = new StatusState({
    api,
    phone,
    clock,
    sipAddress: () => aor,
    dnd,
    notifier: { announce: () => undefined, alert: () => undefined },
    log: { write: (_level, _area, text) => void logs.push(text), failed: () => () => undefined },
  })
  status.start()
  await phone.connect(account)
  await clock.advance(10)
  const sent = stack.events.publishes
  /** What each PUBLISH sent from `from` on carried: its status, or its kind when it had no body. */
  const carried = (from = 0) =>
    sent
      .slice(from)
      .map((p) =>
        p.request.body === undefined
          ? p.request.expires === 0
            ? 'withdraw'
            : 'refresh'
          : (parsePidf(p.request.body)?.status ?? '?'),
      )
  return { clock, api, phone, status, dnd, sent, carried, logs, stack, stored: () => state.publication }
}

describe('after a crash: the publication the last run left at the PBX', () => {
  it('is modified by the first PUBLISH (SIP-If-Match with the new body): never a second one', async () => {
    const left = { aor, etag: 'k.1.1', expiresAt: new Date(2026, 10, 30, 12, 5).getTime() }
    const { sent, carried, stored, clock } = await setup({ publication: left })
    expect(sent[0]?.request).toMatchObject({ etag: 'k.1.1', expires: 600 })
    expect(carried()).toEqual(['available'])
    sent[0]?.answer(200, { 'SIP-ETag': ['k.1.2'], Expires: ['600'] })
    await clock.advance(0)
    expect(stored()).toEqual({ aor, etag: 'k.1.2', expiresAt: clock.now() + 600_000 })
  })

  it('lapsed, or another account’s: not adopted, and forgotten', async () => {
    const lapsed = { aor, etag: 'k.1.1', expiresAt: new Date(2026, 10, 30, 11, 59).getTime() }
    const first = await setup({ publication: lapsed })
    expect(first.sent[0]?.request.etag).toBeUndefined()
    await first.clock.advance(0)
    expect(first.stored()).toBeUndefined()
    const other = { aor: '7309@parley.test', etag: 'k.9', expiresAt: Date.now() * 2 }
    const second = await setup({ publication: other })
    expect(second.sent[0]?.request.etag).toBeUndefined()
  })

  it('the withdrawal at sign-out forgets it', async () => {
    const { sent, phone, clock, stored } = await setup()
    sent[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    await clock.advance(0)
    expect(stored()?.etag).toBe('e1')
    await phone.disconnect()
    await clock.advance(0)
    expect(stored()).toBeUndefined()
  })
})

describe('after sleep: what is true on waking, never what was', () => {
  it('Do not disturb until 13:00, asleep until 14:30: no PUBLISH after wake says Do not disturb', async () => {
    const { status, sent, carried, phone, clock, dnd } = await setup()
    sent[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    await status.set(PresenceStatus.DoNotDisturb, { until: new Date(2026, 10, 30, 13, 0).toISOString() })
    await clock.advance(0)
    expect(carried().at(-1)).toBe(PresenceStatus.DoNotDisturb)
    sent.at(-1)?.answer(200, { 'SIP-ETag': ['e2'], Expires: ['600'] })
    await phone.suspend()
    const asleep = sent.length
    clock.jump(2.5 * 3600_000)
    await phone.wake()
    await clock.advance(10)
    // at most the withdrawal again while Do not disturb is switched off; answered, Available follows
    for (const publish of sent.slice(asleep)) publish.answer(200)
    await clock.advance(10)
    expect(dnd.enabled).toBe(false)
    expect(carried(asleep)).not.toContain(PresenceStatus.DoNotDisturb)
    expect(carried(asleep).at(-1)).toBe(PresenceStatus.Available)
  })

  it('no sleep signal, only the connection lost until 14:30: no PUBLISH after it says Do not disturb', async () => {
    const { status, sent, carried, clock, dnd, stack } = await setup()
    sent[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    await status.set(PresenceStatus.DoNotDisturb, { until: new Date(2026, 10, 30, 13, 0).toISOString() })
    await clock.advance(0)
    sent.at(-1)?.answer(200, { 'SIP-ETag': ['e2'], Expires: ['600'] })
    const before = sent.length
    stack.lastUa.drop()
    clock.jump(2.5 * 3600_000)
    await clock.advance(1_000)
    await clock.advance(10)
    expect(dnd.enabled).toBe(false)
    expect(carried(before)).not.toContain(PresenceStatus.DoNotDisturb)
    expect(carried(before)[0]).toBe(PresenceStatus.Available)
  })

  it('a status still true on waking is published again by the state (the adapter forgot it)', async () => {
    const { status, sent, carried, phone, clock } = await setup()
    await status.set(PresenceStatus.Lunch, { until: new Date(2026, 10, 30, 15, 0).toISOString() })
    sent[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    await clock.advance(0)
    sent.at(-1)?.answer(200, { 'SIP-ETag': ['e2'], Expires: ['600'] })
    await phone.suspend()
    const asleep = sent.length
    clock.jump(30 * 60_000)
    await phone.wake()
    await clock.advance(10)
    expect(carried(asleep)).toEqual([PresenceStatus.Lunch])
    expect(sent.at(-1)?.request.etag).toBe('e2')
  })
})

describe('a PUBLISH the PBX refuses or does not take', () => {
  it('403: the notice says so until a PUBLISH succeeds; "Try again" sends it again', async () => {
    const { status, sent, clock, logs } = await setup()
    sent[0]?.answer(403)
    await clock.advance(0)
    expect(english(status.publication.notice)).toBe(
      "Colleagues can't see this status: the PBX refused it (403).",
    )
    expect(logs.filter((line) => line.includes('(403)'))).toHaveLength(1)
    await clock.advance(3_600_000)
    expect(sent).toHaveLength(1)
    status.retryPublish()
    expect(sent).toHaveLength(2)
    expect(sent[1]?.request.body).toBe(sent[0]?.request.body)
    sent[1]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    await clock.advance(0)
    expect(status.publication.notice).toBeNull()
  })

  it('500 or no answer: "trying again" and retried with backoff, then cleared', async () => {
    const { status, sent, clock } = await setup()
    sent[0]?.answer(500)
    await clock.advance(0)
    expect(english(status.publication.notice)).toMatch(/the PBX didn't take it \(500\)\. Trying again/)
    await clock.advance(10_000)
    sent[1]?.answer(408)
    await clock.advance(20_000)
    sent[2]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    await clock.advance(0)
    expect(status.publication.notice).toBeNull()
  })
})
