import { FakePhone } from '../testing/fake-phone'
import { english } from '../testing/english'
import { render, type Message } from '../../contract/i18n'
import { describe, expect, it } from 'vitest'
import { DeviceManager } from '../audio/device-manager'
import { MicMeter } from '../audio/mic-meter'
import { Ringer } from '../audio/ringer'
import { FakeAudioContext, ManualTimers } from '../testing/web-audio'
import { FakeParley, mic, out, quietMeterParts } from '../testing/audio'
import { FakeMediaDevices } from '../testing/media'
import { AudioState } from './audio.svelte'

function setup(getUserMedia: (c: MediaStreamConstraints) => Promise<MediaStream> = async () => stream()) {
  const mediaDevices = new FakeMediaDevices([
    mic('default', 'Default - Built-in Microphone', 'g-b'),
    mic('builtin', 'Built-in Microphone', 'g-b'),
    mic('usb-1', 'USB Audio Device', 'g-1'),
    mic('usb-2', 'USB Audio Device', 'g-2'),
    out('builtin-out', 'Built-in Speakers', 'g-b'),
  ])
  const api = new FakeParley()
  const phone = new FakePhone()
  const contexts: FakeAudioContext[] = []
  const ringer = new Ringer({
    createContext: () => {
      const context = new FakeAudioContext()
      contexts.push(context)
      return context
    },
    timers: new ManualTimers(),
  })
  const meter = new MicMeter({ getUserMedia, ...quietMeterParts })
  const devices = new DeviceManager({ mediaDevices, api, phone, ringer })
  return { state: new AudioState(devices, ringer, meter), api, phone, mediaDevices, contexts }
}

const stream = () => ({ getTracks: () => [] }) as unknown as MediaStream

describe('AudioState', () => {
  it('lists "System default" first, names duplicates apart, and leaves pseudo-devices out', async () => {
    const { state } = setup()
    await state.start()
    expect(state.microphoneOptions.map((o) => english(o.label))).toEqual([
      'System default (Built-in Microphone)',
      'Built-in Microphone',
      'USB Audio Device',
      'USB Audio Device (2)',
    ])
    expect(state.microphone).toBe('')
  })

  it('choose() routes and remembers; "System default" forgets', async () => {
    const { state, api, phone } = setup()
    await state.start()
    await state.choose('microphone', 'usb-2')
    expect(state.microphone).toBe('usb-2')
    expect(phone.lastRouting()?.inputDeviceId).toBe('usb-2')
    expect(api.preferences.microphone?.groupId).toBe('g-2')
    await state.choose('microphone', '')
    expect(api.preferences.microphone).toBeNull()
  })

  it('shows a missing choice as "(not connected)" with the notice, and keeps it selected', async () => {
    const { state, api } = setup()
    api.preferences.speaker = { deviceId: 'jabra', label: 'Jabra Evolve2 65 (0b0e:24db)', groupId: 'g-j' }
    await state.start()
    expect(state.speaker).toBe('jabra')
    const missing = state.speakerOptions.at(-1)
    expect({ ...missing, label: english(missing?.label) }).toEqual({
      value: 'jabra',
      label: 'Jabra Evolve2 65 (not connected)',
      connected: false,
    })
    expect(render('sv', missing?.label as Message)).toBe('Jabra Evolve2 65 (inte ansluten)')
    expect(state.notices.map((notice) => render('sv', notice))).toEqual([
      'Jabra Evolve2 65 är inte ansluten – systemets standard används',
    ])
    expect(state.notices.map(english)).toEqual([
      'Jabra Evolve2 65 is not connected — using the system default',
    ])
  })

  it('says where an unchosen ringtone rings when the default output is a headset', async () => {
    const { state, mediaDevices } = setup()
    mediaDevices.devices = [
      out('default', 'Default - Jabra Evolve2 65 (0b0e:24db)', 'g-j'),
      out('jabra', 'Jabra Evolve2 65 (0b0e:24db)', 'g-j'),
      out('builtin-out', 'Built-in Speakers', 'g-b'),
    ]
    await state.start()
    expect(english(state.ringtoneOptions[0]?.label)).toBe('System default (rings on Built-in Speakers)')
    expect(english(state.speakerOptions[0]?.label)).toBe('System default (Jabra Evolve2 65)')
    expect(state.ringtone).toBe('')
  })

  it('test tone plays on the ringtone device', async () => {
    const { state, contexts } = setup()
    await state.start()
    await state.choose('ringtone', 'builtin-out')
    await state.testTone('ringtone')
    expect(contexts.at(-1)?.sinkIds).toEqual(['builtin-out'])
    expect(state.testing).toBeNull()
  })

  it('explains a refused microphone in plain words', async () => {
    const denied = Object.assign(new Error('denied'), { name: 'NotAllowedError' })
    const { state } = setup(async () => {
      throw denied
    })
    await state.start()
    await state.startMeter()
    expect(state.metering).toBe(false)
    expect(state.notices.map(english).join(' ')).toMatch(/may not use the microphone/)
  })

  it('starting the meter re-reads devices when names were hidden (permission just granted)', async () => {
    const { state, mediaDevices } = setup()
    mediaDevices.devices = [mic('', ''), out('', '')]
    await state.start()
    expect(state.snapshot.labelsKnown).toBe(false)
    mediaDevices.devices = [mic('builtin', 'Built-in Microphone'), out('o', 'Speakers')]
    await state.startMeter()
    expect(state.metering).toBe(true)
    expect(state.snapshot.labelsKnown).toBe(true)
    state.stop()
    expect(state.metering).toBe(false)
    expect(mediaDevices.listenerCount()).toBe(0)
  })
})
