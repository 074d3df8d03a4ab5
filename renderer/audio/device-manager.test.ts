import { FakePhone } from '../testing/fake-phone'
import { english } from '../testing/english'
import { render } from '../../contract/i18n'
import { describe, expect, it } from 'vitest'
import { DeviceManager } from './device-manager'
import { FakeParley, FakeRingerSinks, mic, out, settle } from '../testing/audio'
import { FakeMediaDevices } from '../testing/media'

const builtinMic = mic('builtin-mic', 'Built-in Microphone', 'g-builtin')
const builtinSpeakers = out('builtin-out', 'Built-in Speakers', 'g-builtin')
const jabraMic = (id = 'jabra-mic') => mic(id, 'Jabra Evolve2 65 (0b0e:24db)', 'g-jabra')
const jabraOut = (id = 'jabra-out') => out(id, 'Jabra Evolve2 65 (0b0e:24db)', 'g-jabra')

function setup(devices = [builtinMic, builtinSpeakers, jabraMic(), jabraOut()]) {
  const mediaDevices = new FakeMediaDevices(devices)
  const api = new FakeParley()
  api.preferences.microphone = {
    deviceId: 'jabra-mic',
    label: 'Jabra Evolve2 65 (0b0e:24db)',
    groupId: 'g-jabra',
  }
  api.preferences.speaker = {
    deviceId: 'jabra-out',
    label: 'Jabra Evolve2 65 (0b0e:24db)',
    groupId: 'g-jabra',
  }
  api.preferences.ringtone = { deviceId: 'builtin-out', label: 'Built-in Speakers', groupId: 'g-builtin' }
  const phone = new FakePhone()
  const ringer = new FakeRingerSinks()
  const logged: string[] = []
  const failed = (what: string) => (error: unknown) => logged.push(`${what}: ${String(error)}`)
  const manager = new DeviceManager({ mediaDevices, api, phone, ringer, failed })
  return { mediaDevices, api, phone, ringer, manager, logged }
}

describe('DeviceManager', () => {
  it('applies the saved choices on start: headset for the call, speakers for the ring', async () => {
    const { manager, phone, ringer } = setup()
    await manager.start()
    expect(phone.lastRouting()).toEqual({ inputDeviceId: 'jabra-mic', outputDeviceId: 'jabra-out' })
    expect(ringer.ringtoneSinks.at(-1)).toBe('builtin-out')
    expect(ringer.callSinks.at(-1)).toBe('jabra-out')
    expect(manager.snapshot().notices.map(english)).toEqual([])
  })

  it('moves to the default when the headset disappears mid-call, and back when it returns', async () => {
    const { manager, phone, mediaDevices } = setup()
    await manager.start()

    mediaDevices.change([builtinMic, builtinSpeakers])
    await settle()
    expect(phone.lastRouting()).toEqual({ inputDeviceId: '', outputDeviceId: '' })
    expect(manager.snapshot().notices.map(english)).toEqual([
      'Jabra Evolve2 65 is not connected — using the system default',
    ])

    // Replugged: Chromium hands out new ids, the label still matches.
    mediaDevices.change([builtinMic, builtinSpeakers, jabraMic('jabra-mic-2'), jabraOut('jabra-out-2')])
    await settle()
    expect(phone.lastRouting()).toEqual({ inputDeviceId: 'jabra-mic-2', outputDeviceId: 'jabra-out-2' })
    expect(manager.snapshot().notices.map(english)).toEqual(['Jabra Evolve2 65 is back — using it again'])
  })

  it('switches only the microphone when only the microphone goes', async () => {
    const { manager, phone, mediaDevices, ringer } = setup()
    await manager.start()
    const ringtoneCalls = ringer.ringtoneSinks.length
    mediaDevices.change([builtinMic, builtinSpeakers, jabraOut()])
    await settle()
    expect(phone.lastRouting()).toEqual({ inputDeviceId: '', outputDeviceId: 'jabra-out' })
    expect(ringer.ringtoneSinks.length).toBe(ringtoneCalls)
  })

  it('does not touch the routing when a devicechange changes nothing for us', async () => {
    const { manager, phone, mediaDevices } = setup()
    await manager.start()
    const before = phone.routings.length
    mediaDevices.change([...mediaDevices.devices, mic('webcam', 'Webcam Microphone')])
    await settle()
    expect(phone.routings.length).toBe(before)
  })

  it('re-applies unchanged routing when asked (after sleep a track may be dead)', async () => {
    const { manager, phone } = setup()
    await manager.start()
    const before = phone.routings.length
    await manager.refresh({ reapply: true })
    expect(phone.routings.length).toBe(before + 1)
  })

  it('folds a burst of devicechange events into at most one follow-up read', async () => {
    const { manager, mediaDevices } = setup()
    await manager.start()
    const before = mediaDevices.enumerations
    for (let i = 0; i < 5; i += 1) mediaDevices.change(mediaDevices.devices)
    await settle()
    expect(mediaDevices.enumerations - before).toBe(2)
  })

  it('the ringer sink follows the ringtone choice, which is saved', async () => {
    const { manager, ringer, api, phone } = setup()
    await manager.start()
    const routingCalls = phone.routings.length
    await manager.choose('ringtone', jabraOut())
    expect(ringer.ringtoneSinks.at(-1)).toBe('jabra-out')
    expect(api.updates.at(-1)).toEqual({
      ringtone: { deviceId: 'jabra-out', label: 'Jabra Evolve2 65 (0b0e:24db)', groupId: 'g-jabra' },
    })
    expect(phone.routings.length).toBe(routingCalls)

    await manager.choose('ringtone', null)
    expect(ringer.ringtoneSinks.at(-1)).toBe('')
    expect(api.preferences.ringtone).toBeNull()
  })

  it('choosing a microphone mid-call routes it at once', async () => {
    const { manager, phone } = setup()
    await manager.start()
    await manager.choose('microphone', builtinMic)
    expect(phone.lastRouting()).toEqual({ inputDeviceId: 'builtin-mic', outputDeviceId: 'jabra-out' })
  })

  it('keeps the choice in use and says so when it cannot be saved', async () => {
    const { manager, phone, api } = setup()
    await manager.start()
    api.failing.add('preferences:update')
    await manager.choose('microphone', builtinMic)
    expect(phone.lastRouting()?.inputDeviceId).toBe('builtin-mic')
    expect(manager.snapshot().notices.map(english).join(' ')).toMatch(
      /could not be saved: Your settings could not be saved \(ENOSPC\)/,
    )
  })

  it('falls back to the defaults with a message when the saved choices cannot be read', async () => {
    const { manager, phone, api } = setup()
    api.failing.add('preferences:get')
    await manager.start()
    expect(phone.lastRouting()).toEqual({ inputDeviceId: '', outputDeviceId: '' })
    expect(manager.snapshot().notices.map(english).join(' ')).toMatch(/could not be loaded/)
  })

  it('reports a routing failure as text instead of throwing; the browser’s words go to the log', async () => {
    const { manager, phone, logged } = setup()
    phone.failRouting = new Error('Requested device not found')
    await expect(manager.start()).resolves.toBeUndefined()
    const notices = manager.snapshot().notices
    expect(notices.map(english)).toContain('Parley could not switch the call audio.')
    expect(notices.map((notice) => render('sv', notice))).toContain(
      'Parley kunde inte byta enhet för samtalsljudet.',
    )
    expect(notices.map(english).join(' ')).not.toContain('Requested device')
    expect(logged.join('\n')).toMatch(/switching the call audio failed: .*Requested device not found/)
  })

  it('follows preferences changed elsewhere', async () => {
    const { manager, phone, api } = setup()
    await manager.start()
    api.emit('preferences-changed', { ...api.preferences, microphone: null })
    await settle()
    expect(phone.lastRouting()?.inputDeviceId).toBe('')
  })

  it('with no ringtone choice, rings on the computer speakers while a headset is the default output', async () => {
    const { manager, api, ringer, mediaDevices } = setup([
      builtinMic,
      out('default', 'Default - Jabra Evolve2 65 (0b0e:24db)', 'g-jabra'),
      builtinSpeakers,
      jabraOut(),
    ])
    api.preferences.ringtone = null
    await manager.start()
    expect(ringer.ringtoneSinks.at(-1)).toBe('builtin-out')
    mediaDevices.change([
      builtinMic,
      out('default', 'Default - Built-in Speakers', 'g-builtin'),
      builtinSpeakers,
    ])
    await settle()
    expect(ringer.ringtoneSinks.at(-1)).toBe('')
  })

  it('re-opens the system default on a call when the OS default device changes (headset unplugged)', async () => {
    const { manager, api, phone, mediaDevices } = setup([
      mic('default', 'Default - Jabra Evolve2 65 (0b0e:24db)', 'g-jabra'),
      jabraMic(),
      builtinMic,
      builtinSpeakers,
    ])
    api.preferences.microphone = null
    api.preferences.speaker = null
    await manager.start()
    expect(phone.lastRouting()).toEqual({ inputDeviceId: '', outputDeviceId: '' })

    mediaDevices.change([
      mic('default', 'Default - Built-in Microphone', 'g-builtin'),
      builtinMic,
      builtinSpeakers,
    ])
    await settle()
    expect(phone.lastRouting()).toEqual({ inputDeviceId: 'default', outputDeviceId: '' })
    const count = phone.routings.length

    // Unrelated change: no new routing.
    mediaDevices.change([...mediaDevices.devices, mic('cam', 'Webcam Microphone')])
    await settle()
    expect(phone.routings.length).toBe(count)

    // After sleep the default is re-opened again (the other spelling).
    await manager.refresh({ reapply: true })
    expect(phone.lastRouting()).toEqual({ inputDeviceId: '', outputDeviceId: '' })
  })

  it('publishes snapshots and leaves no listeners after stop', async () => {
    const { manager, mediaDevices, api } = setup()
    const seen: number[] = []
    manager.subscribe((snapshot) => seen.push(snapshot.inputs.length))
    await manager.start()
    expect(seen.at(-1)).toBe(2)
    manager.stop()
    expect(mediaDevices.listenerCount()).toBe(0)
    expect(api.listenerCount()).toBe(0)
  })

  it('keeps the last list when enumerateDevices fails', async () => {
    const { manager, mediaDevices } = setup()
    await manager.start()
    mediaDevices.enumerateDevices = async () => {
      throw new Error('gone')
    }
    await manager.refresh()
    expect(manager.snapshot().inputs.length).toBe(2)
    expect(manager.snapshot().notices.map(english).join(' ')).toMatch(/could not list the audio devices/)
  })
})
