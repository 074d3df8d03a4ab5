import { afterAll, beforeAll, expect, test } from 'vitest'
import { inject } from 'vitest'
import { TestPeer } from './harness/peer'

// The test PBX's presence service on its own, with plain SIP.js peers (no Parley): PUBLISH of
// presence and message-summary is accepted and reaches watchers as NOTIFY, and a call through
// the proxy produces dialog-info (with Call-ID and tags, what a pickup needs) for its watchers.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
let watcher: TestPeer
let caller: TestPeer
let callee: TestPeer

beforeAll(async () => {
  watcher = await TestPeer.start('4600', pbx, baseUrl)
  caller = await TestPeer.start('4601', pbx, baseUrl)
  callee = await TestPeer.start('4602', pbx, baseUrl)
})

afterAll(async () => {
  await watcher?.close()
  await caller?.close()
  await callee?.close()
})

const pidf = (entity: string, note: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid"
  xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" entity="${entity}">
  <tuple id="t1"><status><basic>open</basic></status></tuple>
  <dm:person id="p1"><rpid:activities><rpid:lunch/></rpid:activities><dm:note>${note}</dm:note></dm:person>
</presence>`

test('a published status reaches a watcher of that presentity', async () => {
  await watcher.subscribe(caller.uri, 'presence')
  expect(
    await caller.publish('presence', 'application/pidf+xml', pidf(caller.uri, 'Lunch until 13:00')),
  ).toBe('Published')
  const notify = await watcher.waitForNotify(
    (n) => n.event === 'presence' && n.body.includes('Lunch until 13:00'),
    'with the published note',
  )
  expect(notify.contentType).toContain('application/pidf+xml')
  expect(notify.subscriptionState).toMatch(/^active/)
  expect(notify.body).toContain('rpid:lunch')
})

test('a call through the proxy shows as early, then confirmed, then terminated dialog-info', async () => {
  await watcher.subscribe(callee.uri, 'dialog')
  await watcher.waitForNotify((n) => n.event === 'dialog' && n.target === callee.uri, 'first dialog NOTIFY')
  await callee.setAutoAnswer(false)
  const id = await caller.call(callee.uri)
  await callee.waitForCall((c) => c.state === 'Initial' || c.state === 'Establishing', 'ringing at callee')
  const early = await watcher.waitForNotify(
    (n) => n.target === callee.uri && /<state[^>]*>early</.test(n.body),
    'with an early dialog',
  )
  expect(early.contentType).toContain('application/dialog-info+xml')
  // what a pickup needs to build Replaces: the dialog's Call-ID and both tags
  expect(early.body).toMatch(/call-id="[^"]+"/)
  expect(early.body).toMatch(/local-tag="[^"]*"/)
  expect(early.body).toMatch(/remote-tag="[^"]+"/)
  expect(early.body).toMatch(/direction="recipient"/)

  await callee.answer()
  await caller.waitForCall((c) => c.id === id && c.state === 'Established', 'call established')
  await watcher.waitForNotify(
    (n) => n.target === callee.uri && /<state[^>]*>confirmed</.test(n.body),
    'confirmed',
  )
  await caller.hangup(id)
  await watcher.waitForNotify(
    (n) => n.target === callee.uri && /<state[^>]*>terminated</.test(n.body),
    'terminated',
  )
})

test('a message summary published for a mailbox reaches its subscriber, and its update too', async () => {
  const mailbox = `sip:4603@${pbx.domain}`
  await watcher.subscribe(mailbox, 'message-summary')
  const summary = (news: number) =>
    `Messages-Waiting: ${news > 0 ? 'yes' : 'no'}\r\nMessage-Account: ${mailbox}\r\nVoice-Message: ${news}/1 (0/0)\r\n`
  expect(
    await caller.publish('message-summary', 'application/simple-message-summary', summary(2), mailbox),
  ).toBe('Published')
  const waiting = await watcher.waitForNotify(
    (n) => n.event === 'message-summary' && n.body.includes('Voice-Message: 2/1'),
    'with 2 new messages',
  )
  expect(waiting.contentType).toContain('application/simple-message-summary')
  await caller.publish('message-summary', 'application/simple-message-summary', summary(0), mailbox)
  await watcher.waitForNotify(
    (n) => n.event === 'message-summary' && n.body.includes('Voice-Message: 0/1'),
    'cleared',
  )
})
