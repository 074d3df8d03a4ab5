import { afterEach, expect, inject, test } from 'vitest'
import type { StatusSnapshot } from '../contract/presence/schemas'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { TestPbx } from './harness/pbx'
import { TestPeer } from './harness/peer'
import { eventually } from './harness/wait'

// What the real Kamailio (presence, presence_xml) holds of "My status" when things go wrong:
// - the app dies with "Lunch" published and starts again: the new status replaces that
//   publication (SIP-If-Match with the entity tag the last run kept), so a watching colleague
//   sees one status, the new one, not "Lunch" beside it until it lapses;
// - the PBX refuses a PUBLISH (its route refuses "lunch" from 7309 with 403): the header says
//   the colleagues cannot see it, and the notice goes once a status is accepted again.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
const controller = new TestPbx(pbx)
const opened: { close(): Promise<void> }[] = []

afterEach(async () => {
  for (const closable of opened.splice(0).reverse()) await closable.close()
})

async function open(user: string, watcherUser: string) {
  const app = await startApp(`status-publication-${user}`, { user, displayName: `Status ${user}` })
  opened.push(app)
  const watcher = await TestPeer.start(watcherUser, pbx, baseUrl)
  opened.push(watcher)
  await app.waitRegistered()
  const me = `sip:${user}@${pbx.domain}`
  await watcher.subscribe(me, 'presence')
  return { app, watcher, me }
}

const statusButton = (app: TestApp) => app.page.getByRole('button', { name: /^My status:/ })
const panel = (app: TestApp) => app.page.getByRole('dialog', { name: 'Set my status' })

async function choose(app: TestApp, status: string) {
  if (!(await panel(app).isVisible())) await statusButton(app).click()
  await panel(app).getByRole('button', { name: status, exact: true }).click()
}

/** The newest presence NOTIFY body for `me` the watcher has, once `matches` holds for it. */
async function notifiedBody(watcher: TestPeer, me: string, what: string, matches: (body: string) => boolean) {
  const notifies = await eventually(
    `a NOTIFY with ${what}`,
    () => watcher.notifies(),
    (all) => {
      const last = all.filter((n) => n.event === 'presence' && n.target === me).at(-1)
      return last !== undefined && matches(last.body)
    },
    20_000,
  )
  return notifies.filter((n) => n.event === 'presence' && n.target === me).at(-1)?.body ?? ''
}

/** A new subscription's first NOTIFY body: what the PBX puts together from all it holds for `me`. */
async function resubscribe(watcher: TestPeer, me: string): Promise<string> {
  await watcher.unsubscribe(me, 'presence')
  const seen = (await watcher.notifies()).length
  await watcher.subscribe(me, 'presence')
  const fresh = await eventually(
    'the first NOTIFY of a new subscription',
    async () =>
      (await watcher.notifies()).slice(seen).filter((n) => n.event === 'presence' && n.target === me),
    (notifies) => notifies.length > 0,
    20_000,
  )
  return fresh.map((n) => n.body).join('\n')
}

const tuples = (body: string) => body.match(/<(\w+:)?tuple[\s>]/g)?.length ?? 0
const publishesFrom = (user: string) =>
  controller.presenceTaps().filter((tap) => tap.method === 'PUBLISH' && tap.fromUser === user)

test('killed with "Lunch" published, started again, set Available: the colleague sees one status, Available', async () => {
  const { app, watcher, me } = await open('7301', '7302')
  await choose(app, 'Lunch')
  await notifiedBody(watcher, me, 'lunch', (body) => body.includes('lunch'))
  // main keeps the entity tag the PBX gave for the last PUBLISH (status.json): a new one, not the
  // tag that PUBLISH named
  const kept = await eventually(
    'the publication kept by main',
    async () => {
      const answer = await app.main.dispatch('status:get', {})
      return answer.ok ? (answer.value as StatusSnapshot).publication : undefined
    },
    (publication) => publication !== undefined && publication.etag !== publishesFrom('7301').at(-1)?.ifMatch,
  )
  expect(kept?.aor).toBe(`7301@${pbx.domain}`)

  // killed: the page goes without a word to the PBX (no un-PUBLISH, no un-REGISTER), and starts again
  const before = publishesFrom('7301').length
  await app.restart()
  await app.waitRegistered()
  await choose(app, 'Available')
  const body = await notifiedBody(watcher, me, 'Available alone', (text) => !text.includes('lunch'))
  expect(body).toContain('<basic>open</basic>')
  expect(tuples(body)).toBe(1)
  // a colleague who starts watching now gets everything the PBX holds for 7301: Available alone
  const fresh = await resubscribe(watcher, me)
  expect(fresh).not.toContain('lunch')
  expect(tuples(fresh)).toBe(1)

  // signing out withdraws the one publication: a colleague who looks now (a new SUBSCRIBE, so
  // the PBX puts together everything it holds for 7301) finds nothing of "Lunch" left over
  await app.page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect.poll(() => publishesFrom('7301').at(-1)?.expires, { timeout: 10_000 }).toBe('0')
  expect(await resubscribe(watcher, me)).not.toContain('lunch')

  // the first PUBLISH of the new run named the old publication (RFC 3903 modify), none started a second one
  const after = publishesFrom('7301').slice(before)
  expect(after.length).toBeGreaterThan(0)
  expect(after[0]?.ifMatch).toBe(kept?.etag)
  expect(after.every((tap) => tap.ifMatch !== undefined)).toBe(true)
}, 120_000)

test('a PUBLISH the PBX refuses (403): said beside the status; gone once a status is accepted', async () => {
  const { app, watcher, me } = await open('7309', '7308')
  await notifiedBody(watcher, me, 'Available first', (body) => body.includes('<basic>open</basic>'))
  await choose(app, 'Lunch')
  const notice = app.page.getByRole('status').filter({ hasText: "Colleagues can't see this status" })
  await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toContain('the PBX refused it (403)')
  // the button says which status, and the notice is its description
  expect(await statusButton(app).getAttribute('aria-describedby')).toBe(await notice.getAttribute('id'))
  expect(publishesFrom('7309').length).toBeGreaterThanOrEqual(2)

  // "Try again" sends it again: refused again, still said
  const sent = publishesFrom('7309').length
  await notice.getByRole('button', { name: 'Try again' }).click()
  await expect.poll(() => publishesFrom('7309').length, { timeout: 10_000 }).toBeGreaterThan(sent)
  await expect.poll(() => notice.count()).toBe(1)
  // the colleague never saw lunch
  expect((await watcher.notifies()).some((n) => n.target === me && n.body.includes('lunch'))).toBe(false)

  await choose(app, 'Available')
  await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(0)
  await notifiedBody(watcher, me, 'Available', (body) => body.includes('<basic>open</basic>'))
}, 120_000)
