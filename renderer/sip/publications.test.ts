import { beforeEach, describe, expect, test } from 'vitest'
import { FakeClock } from '../testing/fake-clock'
import { FakeStack } from '../testing/sip-stack'
import { Publications } from './publications'

const PIDF = 'application/pidf+xml'

function setup() {
  const clock = new FakeClock()
  const stack = new FakeStack()
  const ua = stack.createUserAgent({} as never)
  const logs: string[] = []
  const publications = new Publications({
    stack,
    clock,
    random: () => 0.5,
    userAgent: () => ua,
    ownUri: () => stack.makeUri('sip:4600@parley.test'),
    log: (line) => logs.push(line),
  })
  const sent = stack.events.publishes
  return { clock, publications, sent, logs }
}

describe('Publications', () => {
  let bed: ReturnType<typeof setup>
  beforeEach(() => {
    bed = setup()
  })

  test('waits for registration, then PUBLISHes the body to our own address', () => {
    bed.publications.publish('presence', PIDF, '<lunch/>')
    expect(bed.sent).toHaveLength(0)
    bed.publications.resume(false)
    expect(bed.sent.map((p) => [p.target, p.request])).toEqual([
      ['sip:4600@parley.test', { event: 'presence', expires: 600, contentType: PIDF, body: '<lunch/>' }],
    ])
  })

  test('refreshes with SIP-If-Match and no body before it expires', async () => {
    bed.publications.resume(false)
    bed.publications.publish('presence', PIDF, '<lunch/>')
    bed.sent[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['300'] })
    await bed.clock.advance(300_000 * 0.84)
    expect(bed.sent).toHaveLength(1)
    await bed.clock.advance(300_000 * 0.02)
    expect(bed.sent[1]?.request).toEqual({ event: 'presence', expires: 600, etag: 'e1' })
    bed.sent[1]?.answer(200, { 'SIP-ETag': ['e2'], Expires: ['300'] })
    await bed.clock.advance(300_000 * 0.86)
    expect(bed.sent[2]?.request).toEqual({ event: 'presence', expires: 600, etag: 'e2' })
  })

  test('a change modifies the publication (If-Match with the new body); the newest wish wins', () => {
    bed.publications.resume(false)
    bed.publications.publish('presence', PIDF, '<lunch/>')
    bed.publications.publish('presence', PIDF, '<meeting/>')
    bed.publications.publish('presence', PIDF, '<away/>')
    expect(bed.sent).toHaveLength(1)
    bed.sent[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    expect(bed.sent).toHaveLength(2)
    expect(bed.sent[1]?.request).toEqual({
      event: 'presence',
      expires: 600,
      etag: 'e1',
      contentType: PIDF,
      body: '<away/>',
    })
  })

  test('412 publishes the body afresh, without If-Match', () => {
    bed.publications.resume(false)
    bed.publications.publish('presence', PIDF, '<lunch/>')
    bed.sent[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    bed.publications.publish('presence', PIDF, '<meeting/>')
    bed.sent[1]?.answer(412)
    expect(bed.sent[2]?.request).toEqual({
      event: 'presence',
      expires: 600,
      contentType: PIDF,
      body: '<meeting/>',
    })
  })

  test('423 raises Expires to Min-Expires; 503 retries after Retry-After', async () => {
    bed.publications.resume(false)
    bed.publications.publish('presence', PIDF, '<lunch/>')
    bed.sent[0]?.answer(423, { 'Min-Expires': ['1800'] })
    expect(bed.sent[1]?.request.expires).toBe(1800)
    bed.sent[1]?.answer(503, { 'Retry-After': ['20'] })
    await bed.clock.advance(19_000)
    expect(bed.sent).toHaveLength(2)
    await bed.clock.advance(1_000)
    expect(bed.sent[2]?.request).toMatchObject({ expires: 1800, body: '<lunch/>' })
  })

  test('a refused PUBLISH is logged and not retried', async () => {
    bed.publications.resume(false)
    bed.publications.publish('presence', PIDF, '<lunch/>')
    bed.sent[0]?.answer(403)
    await bed.clock.advance(3_600_000)
    expect(bed.sent).toHaveLength(1)
    expect(bed.logs.some((l) => l.includes('403'))).toBe(true)
  })

  test('undefined body withdraws it (Expires: 0 with If-Match)', () => {
    bed.publications.resume(false)
    bed.publications.publish('presence', PIDF, '<lunch/>')
    bed.sent[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    bed.publications.publish('presence', PIDF, undefined)
    expect(bed.sent[1]?.request).toEqual({ event: 'presence', expires: 0, etag: 'e1' })
  })

  test('after a reconnect the body is sent again (the PBX may have let it go)', () => {
    bed.publications.resume(false)
    bed.publications.publish('presence', PIDF, '<lunch/>')
    bed.sent[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    bed.publications.pause()
    bed.publications.resume(true)
    expect(bed.sent[1]?.request).toEqual({
      event: 'presence',
      expires: 600,
      etag: 'e1',
      contentType: PIDF,
      body: '<lunch/>',
    })
  })

  test('sleep withdraws it and wake publishes it again; sign-out withdraws and forgets', () => {
    bed.publications.resume(false)
    bed.publications.publish('presence', PIDF, '<lunch/>')
    bed.sent[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    bed.publications.suspend()
    expect(bed.sent[1]?.request).toEqual({ event: 'presence', expires: 0, etag: 'e1' })
    bed.publications.resume(false)
    expect(bed.sent[2]?.request).toEqual({
      event: 'presence',
      expires: 600,
      contentType: PIDF,
      body: '<lunch/>',
    })
    bed.sent[2]?.answer(200, { 'SIP-ETag': ['e2'], Expires: ['600'] })
    bed.publications.stop()
    expect(bed.sent[3]?.request).toEqual({ event: 'presence', expires: 0, etag: 'e2' })
    bed.publications.resume(false)
    expect(bed.sent).toHaveLength(4)
  })
})
