import { beforeEach, describe, expect, test } from 'vitest'
import { FakeClock } from '../testing/fake-clock'
import { FakeStack } from '../testing/sip-stack'
import { Publications } from './publications'
import type { PublicationNews } from './types'

const PIDF = 'application/pidf+xml'

function setup() {
  const clock = new FakeClock()
  const stack = new FakeStack()
  const ua = stack.createUserAgent({} as never)
  const logs: string[] = []
  const news: PublicationNews[] = []
  const publications = new Publications({
    stack,
    clock,
    random: () => 0.5,
    userAgent: () => ua,
    ownUri: () => stack.makeUri('sip:4600@parley.test'),
    log: (line) => logs.push(line),
    report: (item) => news.push(item),
  })
  const sent = stack.events.publishes
  return { clock, publications, sent, logs, news }
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

  test('sleep withdraws it; wake sends nothing old: the owner publishes what is true then', () => {
    bed.publications.resume(false)
    bed.publications.publish('presence', PIDF, '<lunch/>')
    bed.sent[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    bed.publications.suspend()
    expect(bed.sent[1]?.request).toEqual({ event: 'presence', expires: 0, etag: 'e1' })
    // woken before the owner could say what is true now: never the old body, at most the
    // withdrawal again (it may have been lost on the way to sleep)
    bed.publications.resume(true)
    expect(bed.sent.slice(2).map((p) => p.request)).toEqual([{ event: 'presence', expires: 0, etag: 'e1' }])
    bed.sent[2]?.answer(412)
    bed.publications.publish('presence', PIDF, '<available/>')
    expect(bed.sent[3]?.request).toEqual({
      event: 'presence',
      expires: 600,
      contentType: PIDF,
      body: '<available/>',
    })
    bed.sent[3]?.answer(200, { 'SIP-ETag': ['e2'], Expires: ['600'] })
    bed.publications.suspend()
    // the owner publishes first (registration is reported before the channels resume): the
    // kept tag is modified, in case the withdrawal did not arrive
    bed.publications.publish('presence', PIDF, '<meeting/>')
    bed.publications.resume(true)
    expect(bed.sent[5]?.request).toEqual({
      event: 'presence',
      expires: 600,
      etag: 'e2',
      contentType: PIDF,
      body: '<meeting/>',
    })
    bed.sent[5]?.answer(200, { 'SIP-ETag': ['e3'], Expires: ['600'] })
    bed.publications.stop()
    expect(bed.sent[6]?.request).toEqual({ event: 'presence', expires: 0, etag: 'e3' })
    bed.publications.resume(false)
    expect(bed.sent).toHaveLength(7)
  })

  test('the same body again while it is on its way or held sends nothing new', () => {
    bed.publications.resume(false)
    bed.publications.publish('presence', PIDF, '<lunch/>')
    bed.publications.publish('presence', PIDF, '<lunch/>')
    expect(bed.sent).toHaveLength(1)
    bed.sent[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    bed.publications.publish('presence', PIDF, '<lunch/>')
    expect(bed.sent).toHaveLength(1)
  })
})

describe('Publications: what an earlier run left at the PBX', () => {
  let bed: ReturnType<typeof setup>
  beforeEach(() => {
    bed = setup()
  })

  test('an adopted tag is modified by the first PUBLISH (If-Match with the body), not added to', () => {
    bed.publications.adopt('presence', 'old-1')
    bed.publications.publish('presence', PIDF, '<available/>')
    bed.publications.resume(false)
    expect(bed.sent.map((p) => p.request)).toEqual([
      { event: 'presence', expires: 600, etag: 'old-1', contentType: PIDF, body: '<available/>' },
    ])
  })

  test('412 for the adopted tag (it lapsed) publishes afresh', () => {
    bed.publications.resume(false)
    bed.publications.adopt('presence', 'old-1')
    expect(bed.sent).toHaveLength(0)
    bed.publications.publish('presence', PIDF, '<available/>')
    expect(bed.sent[0]?.request).toMatchObject({ etag: 'old-1', body: '<available/>' })
    bed.sent[0]?.answer(412)
    expect(bed.sent[1]?.request).toEqual({
      event: 'presence',
      expires: 600,
      contentType: PIDF,
      body: '<available/>',
    })
  })

  test('adopted and nothing to publish: removed (Expires: 0 with If-Match), reported withdrawn', () => {
    bed.publications.adopt('presence', 'old-1')
    bed.publications.resume(false)
    expect(bed.sent[0]?.request).toEqual({ event: 'presence', expires: 0, etag: 'old-1' })
    bed.sent[0]?.answer(200)
    expect(bed.news).toEqual([{ event: 'presence', state: 'withdrawn' }])
  })
})

describe('Publications: what became of them', () => {
  let bed: ReturnType<typeof setup>
  beforeEach(() => {
    bed = setup()
  })

  test('a held publication is reported with its tag and when it lapses, again on each refresh', async () => {
    bed.publications.resume(false)
    bed.publications.publish('presence', PIDF, '<lunch/>')
    const at = bed.clock.now()
    bed.sent[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['300'] })
    expect(bed.news).toEqual([{ event: 'presence', state: 'published', etag: 'e1', expiresAt: at + 300_000 }])
    await bed.clock.advance(300_000 * 0.9)
    bed.sent[1]?.answer(200, { 'SIP-ETag': ['e2'], Expires: ['300'] })
    expect(bed.news[1]).toMatchObject({ state: 'published', etag: 'e2' })
  })

  test('a refusal (403) is reported, logged once, and waits for the next change', async () => {
    bed.publications.resume(false)
    bed.publications.publish('presence', PIDF, '<lunch/>')
    bed.sent[0]?.answer(403)
    expect(bed.news).toEqual([{ event: 'presence', state: 'failed', code: 403, retrying: false }])
    await bed.clock.advance(3_600_000)
    expect(bed.sent).toHaveLength(1)
    // the same wish again (the user asks to try again) is sent again: it is not held
    bed.publications.publish('presence', PIDF, '<lunch/>')
    bed.sent[1]?.answer(489)
    expect(bed.news[1]).toEqual({ event: 'presence', state: 'failed', code: 489, retrying: false })
    expect(bed.logs.filter((l) => l.includes('failed'))).toHaveLength(1)
    bed.publications.publish('presence', PIDF, '<meeting/>')
    bed.sent[2]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    expect(bed.news[2]).toMatchObject({ state: 'published', etag: 'e1' })
  })

  test('500 and timeouts (408) are retried with backoff, reported as retrying, logged once', async () => {
    bed.publications.resume(false)
    bed.publications.publish('presence', PIDF, '<lunch/>')
    bed.sent[0]?.answer(500)
    expect(bed.news).toEqual([{ event: 'presence', state: 'failed', code: 500, retrying: true }])
    await bed.clock.advance(10_000)
    expect(bed.sent).toHaveLength(2)
    bed.sent[1]?.answer(408)
    expect(bed.news[1]).toEqual({ event: 'presence', state: 'failed', code: 408, retrying: true })
    await bed.clock.advance(20_000)
    expect(bed.sent[2]?.request).toMatchObject({ body: '<lunch/>' })
    bed.sent[2]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    expect(bed.news[2]).toMatchObject({ state: 'published' })
    expect(bed.logs.filter((l) => l.includes('failed'))).toHaveLength(1)
  })
})
