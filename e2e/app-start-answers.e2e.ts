import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { startUpChannels } from '../contract/channels'
import { TestApp } from './harness/app'

// The start-up answers (issue 14), with headless main, the built renderer and Kamailio: the
// bridge, in preload's place, asks main for them as the document starts, and the window's entry
// takes them without an IPC of its own, signs in with them and registers.
const pbx = inject('pbx')
let app: TestApp

beforeAll(async () => {
  app = await TestApp.start({
    name: 'start-answers',
    baseUrl: inject('baseUrl'),
    pbx,
    account: { user: '3921' },
  })
})

afterAll(async () => {
  await app?.close()
})

/**
 * Each start-up channel's asks that reached main before the phone's code was evaluated (the
 * entry asks in its first task, before that; the app may ask again later, as it likes), and
 * when the entry began (page clock).
 */
async function startUpAsks(): Promise<{ asks: Record<string, number[]>; entry: number }> {
  return app.page.evaluate((channels) => {
    const calls = (window as unknown as { __parleyIpcTimes: Array<{ channel: string; sent: number }> })
      .__parleyIpcTimes
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN
    const phone = mark('parley:phone-evaluated')
    const asks: Record<string, number[]> = {}
    for (const channel of channels)
      asks[channel] = calls
        .filter((call) => call.channel === channel && call.sent < phone)
        .map((call) => call.sent)
    return { asks, entry: mark('parley:entry') }
  }, startUpChannels)
}

async function expectAskedOnceBeforeTheEntry(): Promise<void> {
  await app.waitRegistered()
  const { asks, entry } = await startUpAsks()
  expect(entry).toBeGreaterThan(0)
  for (const channel of startUpChannels) {
    expect(asks[channel], channel).toHaveLength(1)
    expect(asks[channel]?.[0], channel).toBeLessThan(entry)
  }
}

test('main is asked each start-up answer once, before the entry runs, and the window registers with them', async () => {
  await expectAskedOnceBeforeTheEntry()
})

test('a reloaded window asks them again as its document starts', async () => {
  await app.page.reload()
  await expectAskedOnceBeforeTheEntry()
})
