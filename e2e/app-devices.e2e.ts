import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { TestPeer } from './harness/peer'
import { dial, ui } from './harness/ui'
import { eventually } from './harness/wait'

/**
 * Audio devices and self-healing, through the UI and the real Kamailio.
 *
 * What is simulated, exactly:
 * - Devices: Chromium's fake devices are real to the page ("Fake Audio Input 1/2", "Fake
 *   Audio Output 1/2"). To make one "disappear", an init script filters it out of
 *   navigator.mediaDevices.enumerateDevices() and fires `devicechange` on
 *   navigator.mediaDevices; "reappear" puts it back and fires `devicechange` again. Nothing
 *   else is touched: getUserMedia, replaceTrack and setSinkId are Chromium's own.
 * - Sleep and wake: the `power` events main's power service sends ({kind:'suspend'} then
 *   {kind:'resume'}) are delivered to the page as webContents.send would.
 * - Network: `offline` then `online` window events, as Chromium fires them.
 * AudioContext.setSinkId calls are logged by the init script so the ringer's device is visible.
 */
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
const appUser = '4011'
let app: TestApp
let bob: TestPeer
let carol: TestPeer

function deviceSimulation(): void {
  const hidden = new Set<string>()
  const contextSinks: string[] = []
  const nativeEnumerate = MediaDevices.prototype.enumerateDevices
  MediaDevices.prototype.enumerateDevices = async function (this: MediaDevices) {
    const list = await nativeEnumerate.call(this)
    return list.filter((device) => !hidden.has(device.label))
  }
  const nativeSetSinkId = (AudioContext.prototype as AudioContext & { setSinkId?(id: string): Promise<void> })
    .setSinkId
  if (nativeSetSinkId) {
    ;(AudioContext.prototype as AudioContext & { setSinkId(id: string): Promise<void> }).setSinkId =
      function (this: AudioContext, id: string) {
        contextSinks.push(id)
        return nativeSetSinkId.call(this, id)
      }
  }
  const change = () => navigator.mediaDevices.dispatchEvent(new Event('devicechange'))
  ;(window as unknown as { __devices: unknown }).__devices = {
    hide(label: string) {
      hidden.add(label)
      change()
    },
    show(label: string) {
      hidden.delete(label)
      change()
    },
    contextSinks,
  }
}

type DeviceSim = { hide(label: string): void; show(label: string): void; contextSinks: string[] }

const hide = (page: Page, label: string) =>
  page.evaluate((l) => (window as unknown as { __devices: DeviceSim }).__devices.hide(l), label)
const show = (page: Page, label: string) =>
  page.evaluate((l) => (window as unknown as { __devices: DeviceSim }).__devices.show(l), label)
const contextSinks = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { __devices: DeviceSim }).__devices.contextSinks])

/** Device ids by label, read from Chromium itself (ids are per profile). */
async function deviceId(page: Page, label: string): Promise<string> {
  const id = await page.evaluate(async (l) => {
    const devices = await navigator.mediaDevices.enumerateDevices()
    return devices.find((device) => device.label === l)?.deviceId ?? ''
  }, label)
  if (!id) throw new Error(`no device labelled ${label}`)
  return id
}

/** What the live call really uses: the microphone behind the sender, the sink of the call audio. */
async function callRouting(page: Page): Promise<{ microphone: string; sinks: string[]; trackState: string }> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __parleyTest: { peerConnections: RTCPeerConnection[] } })
      .__parleyTest
    const pc = probe.peerConnections.filter((p) => p.connectionState !== 'closed').at(-1)
    const track = pc?.getSenders().find((s) => s.track?.kind === 'audio')?.track
    const sinks = [...document.querySelectorAll('audio')].map(
      (a) => (a as HTMLAudioElement & { sinkId: string }).sinkId,
    )
    return { microphone: track?.getSettings().deviceId ?? '', sinks, trackState: track?.readyState ?? 'none' }
  })
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click()
  return page.getByRole('dialog', { name: 'Settings' })
}

beforeAll(async () => {
  bob = await TestPeer.start('4012', pbx, baseUrl, 'Bob Berg')
  carol = await TestPeer.start('4013', pbx, baseUrl, 'Carol Dahl')
  app = await startApp('devices', { user: appUser, displayName: 'Alice Andersson' })
  await app.ua.context.addInitScript(deviceSimulation)
  await app.page.reload()
  await app.waitRegistered()
})

afterAll(async () => {
  await app?.close()
  await bob?.close()
  await carol?.close()
})

test('the chosen microphone and speaker are used mid-call, left when unplugged and taken back when replugged', async () => {
  const page = app.page
  const input1 = await deviceId(page, 'Fake Audio Input 1')
  const output1 = await deviceId(page, 'Fake Audio Output 1')

  const settings = await openSettings(page)
  await settings.getByLabel('Microphone', { exact: true }).selectOption({ label: 'Fake Audio Input 1' })
  await settings.getByLabel('Speaker', { exact: true }).selectOption({ label: 'Fake Audio Output 1' })
  await expect.poll(() => settings.getByRole('meter', { name: 'Microphone level' }).count()).toBe(1)
  await settings.getByRole('button', { name: 'Close' }).click()

  await bob.setAutoAnswer(true)
  await dial(page, '4012')
  const card = ui.call(page).first()
  await expect.poll(() => card.textContent(), { timeout: 15_000 }).toMatch(/Connected/)
  await app.waitForMediaFlowing()
  await expect.poll(() => callRouting(page)).toMatchObject({ microphone: input1, sinks: [output1] })

  // Unplugged (gone from the device list): the call moves to the system default.
  await hide(page, 'Fake Audio Input 1')
  await hide(page, 'Fake Audio Output 1')
  await expect
    .poll(() => callRouting(page))
    .toMatchObject({ microphone: 'default', sinks: [''], trackState: 'live' })
  const notices = await openSettings(page)
  await expect
    .poll(() => notices.textContent())
    .toMatch(/Fake Audio Input 1 is not connected — using the system default/)
  await notices.getByRole('button', { name: 'Close' }).click()

  // Replugged: back to the chosen devices by itself, same call.
  await show(page, 'Fake Audio Input 1')
  await show(page, 'Fake Audio Output 1')
  await expect
    .poll(() => callRouting(page))
    .toMatchObject({ microphone: input1, sinks: [output1], trackState: 'live' })
  expect(await card.textContent()).toMatch(/Connected/)
  await app.waitForMediaFlowing()

  await card.getByRole('button', { name: 'Hang up' }).click()
  await bob.setAutoAnswer(false)
  await eventually(
    'call ended',
    () => card.getByRole('button').count(),
    (n) => n === 0,
  )
})

test('the ring plays on the chosen ringtone device', async () => {
  const page = app.page
  const output2 = await deviceId(page, 'Fake Audio Output 2')
  const settings = await openSettings(page)
  await settings.getByLabel('Ringtone device', { exact: true }).selectOption({ label: 'Fake Audio Output 2' })
  await settings.getByRole('button', { name: 'Close' }).click()

  const id = await carol.call(`sip:${appUser}@${pbx.domain}`)
  const card = ui.call(page, 'Carol Dahl')
  await expect.poll(() => card.textContent(), { timeout: 15_000 }).toMatch(/Incoming call/)
  await expect.poll(() => contextSinks(page)).toContain(output2)
  await carol.hangup(id)
  await eventually(
    'ringing card gone',
    () => card.getByRole('button', { name: 'Answer' }).count(),
    (n) => n === 0,
  )
})

test('sleep and wake: unregistered on suspend, registered again on resume and reachable', async () => {
  const page = app.page
  await app.deliver('power', { kind: 'suspend', at: Date.now() })
  await expect.poll(() => ui.registration(page).textContent()).not.toMatch(/^\s*Registered/)
  await app.deliver('power', { kind: 'resume', at: Date.now() })
  await expect.poll(() => ui.registration(page).textContent(), { timeout: 5_000 }).toMatch(/^\s*Registered/)

  // Reachable again through the PBX: a call rings the app.
  const id = await carol.call(`sip:${appUser}@${pbx.domain}`)
  const card = ui.call(page, 'Carol Dahl')
  await expect.poll(() => card.textContent(), { timeout: 15_000 }).toMatch(/Incoming call/)
  await carol.hangup(id)
  await eventually(
    'ringing card gone',
    () => card.getByRole('button', { name: 'Answer' }).count(),
    (n) => n === 0,
  )
})

test('network drop and return: a fresh registration without user action', async () => {
  const page = app.page
  const seen: string[] = []
  await page.exposeFunction('__registrationSeen', (text: string) => void seen.push(text))
  await page.evaluate(() => {
    const status = document.querySelector('[role="status"][aria-label="Registration"]')
    if (!status) return
    new MutationObserver(() =>
      (window as unknown as { __registrationSeen(t: string): void }).__registrationSeen(
        status.textContent ?? '',
      ),
    ).observe(status, { subtree: true, childList: true, characterData: true })
  })
  await page.evaluate(() => window.dispatchEvent(new Event('offline')))
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
  await eventually(
    're-registered',
    async () => seen.slice(),
    (texts) => texts.some((t) => !/^\s*Registered/.test(t)) && /^\s*Registered/.test(texts.at(-1) ?? ''),
  )
  const id = await carol.call(`sip:${appUser}@${pbx.domain}`)
  const card = ui.call(page, 'Carol Dahl')
  await expect.poll(() => card.textContent(), { timeout: 15_000 }).toMatch(/Incoming call/)
  await carol.hangup(id)
})

test('close to tray is a setting the user can turn off, stored by main', async () => {
  const page = app.page
  const dialog = await openSettings(page)
  const keep = dialog.getByRole('checkbox', { name: 'Keep running in the tray when the window is closed' })
  await expect.poll(() => keep.isChecked()).toBe(true)
  await keep.uncheck()
  const stored = async () => {
    const result = await app.main.dispatch('preferences:get')
    return result.ok ? (result.value as { closeToTray: boolean }).closeToTray : null
  }
  await expect.poll(stored).toBe(false)
  await keep.check()
  await expect.poll(stored).toBe(true)
  await dialog.getByRole('button', { name: 'Close' }).click()
})
