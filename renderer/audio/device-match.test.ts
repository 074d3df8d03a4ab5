import { english } from '../testing/english'
import { describe, expect, it } from 'vitest'
import {
  automaticRingtoneDevice,
  displayName,
  preferenceFor,
  resolvePreference,
  systemDefaultName,
  type AudioDevice,
} from './device-match'

const input = (deviceId: string, label: string, groupId = `g-${deviceId}`): AudioDevice => ({
  deviceId,
  label,
  groupId,
  kind: 'audioinput',
})
const output = (deviceId: string, label: string, groupId = `g-${deviceId}`): AudioDevice => ({
  deviceId,
  label,
  groupId,
  kind: 'audiooutput',
})

const jabraPref = { deviceId: 'jabra-old-id', label: 'Jabra Evolve2 65 (0b0e:24db)', groupId: 'g-jabra' }

describe('resolvePreference', () => {
  it('matches by device id first, even when a same-named device comes earlier', () => {
    const devices = [input('other', 'Jabra Evolve2 65 (0b0e:24db)', 'g-x'), input('jabra-old-id', 'Renamed')]
    const result = resolvePreference(jabraPref, devices, 'microphone')
    expect(result.device?.deviceId).toBe('jabra-old-id')
    expect(result.matchedBy).toBe('id')
    expect(result.notice).toBeNull()
  })

  it('falls back on the exact label when the id changed after a replug', () => {
    const devices = [
      input('builtin', 'Built-in Microphone'),
      input('jabra-new-id', 'Jabra Evolve2 65 (0b0e:24db)', 'g-new'),
    ]
    const result = resolvePreference(jabraPref, devices, 'microphone')
    expect(result.device?.deviceId).toBe('jabra-new-id')
    expect(result.matchedBy).toBe('label')
  })

  it('matches a label once the "Default - " prefix and the USB id suffix are set aside', () => {
    const devices = [input('builtin', 'Built-in Microphone'), input('jabra-2', 'jabra  evolve2 65')]
    const result = resolvePreference(
      { deviceId: 'gone', label: 'Default - Jabra Evolve2 65 (0b0e:24db)', groupId: 'g-old' },
      devices,
      'microphone',
    )
    expect(result.device?.deviceId).toBe('jabra-2')
    expect(result.matchedBy).toBe('normalised-label')
  })

  it('matches a "Communications - " label against the plain device', () => {
    const devices = [
      output('spk', 'Speakers (Realtek(R) Audio)'),
      output('hs', 'Poly Blackwire 3325 (047f:c056)'),
    ]
    const result = resolvePreference(
      { deviceId: 'x', label: 'Communications - Poly Blackwire 3325 (047f:c056)', groupId: '' },
      devices,
      'speaker',
    )
    expect(result.device?.deviceId).toBe('hs')
  })

  it('falls back on the group id when the label differs too', () => {
    const devices = [output('a', 'Speakers'), output('b', 'Headset Earphone', 'g-jabra')]
    const result = resolvePreference(jabraPref, devices, 'speaker')
    expect(result.device?.deviceId).toBe('b')
    expect(result.matchedBy).toBe('group')
  })

  it('uses the system default and says so in plain words when the device is missing', () => {
    const devices = [
      input('default', 'Default - Built-in Microphone'),
      input('builtin', 'Built-in Microphone'),
    ]
    const result = resolvePreference(jabraPref, devices, 'microphone')
    expect(result.device).toBeNull()
    expect(result.missing).toBe(true)
    expect(english(result.notice)).toBe('Jabra Evolve2 65 is not connected — using the system default')
  })

  it('switches back by itself when the device returns (the preference is never rewritten)', () => {
    const without = [input('builtin', 'Built-in Microphone')]
    const withJabra = [...without, input('jabra-3', 'Jabra Evolve2 65 (0b0e:24db)')]
    expect(resolvePreference(jabraPref, without, 'microphone').device).toBeNull()
    expect(resolvePreference(jabraPref, withJabra, 'microphone').device?.deviceId).toBe('jabra-3')
  })

  it('only looks at devices of the right kind', () => {
    const devices = [
      input('jabra-old-id', 'Jabra Evolve2 65 (0b0e:24db)', 'g-jabra'),
      output('spk', 'Speakers'),
    ]
    const result = resolvePreference(jabraPref, devices, 'ringtone')
    expect(result.device).toBeNull()
    expect(result.missing).toBe(true)
  })

  it('stays quiet on the default while labels are hidden (no permission yet)', () => {
    const devices = [input('', ''), output('', '')]
    const result = resolvePreference(jabraPref, devices, 'microphone')
    expect(result.device).toBeNull()
    expect(result.missing).toBe(false)
    expect(result.notice).toBeNull()
  })

  it('still matches by id while labels are hidden', () => {
    const devices = [input('jabra-old-id', '')]
    expect(resolvePreference(jabraPref, devices, 'microphone').device?.deviceId).toBe('jabra-old-id')
  })

  it('prefers the same physical device among duplicate labels', () => {
    const devices = [
      input('first', 'USB Audio Device', 'g-first'),
      input('second', 'USB Audio Device', 'g-second'),
    ]
    const result = resolvePreference(
      { deviceId: 'old', label: 'USB Audio Device', groupId: 'g-second' },
      devices,
      'microphone',
    )
    expect(result.device?.deviceId).toBe('second')
  })

  it('never picks a pseudo-device for a physical preference', () => {
    const devices = [
      input('default', 'Default - Jabra Evolve2 65 (0b0e:24db)', 'g-jabra'),
      input('builtin', 'Built-in'),
    ]
    const result = resolvePreference(jabraPref, devices, 'microphone')
    expect(result.device).toBeNull()
    expect(result.missing).toBe(true)
  })

  it('treats no preference and the "default" pseudo-device as the system default, silently', () => {
    const devices = [input('default', 'Default - Built-in'), input('builtin', 'Built-in')]
    expect(resolvePreference(null, devices, 'microphone')).toMatchObject({
      device: null,
      missing: false,
      notice: null,
    })
    expect(
      resolvePreference(
        { deviceId: 'default', label: 'Default - Built-in', groupId: '' },
        devices,
        'microphone',
      ),
    ).toMatchObject({ device: null, missing: false })
  })

  it('honours a remembered "communications" pseudo-device while it exists', () => {
    const pref = { deviceId: 'communications', label: 'Communications - Headset', groupId: '' }
    const withIt = [output('communications', 'Communications - Headset'), output('hs', 'Headset')]
    expect(resolvePreference(pref, withIt, 'speaker').device?.deviceId).toBe('communications')
    expect(resolvePreference(pref, [output('hs', 'Headset')], 'speaker').device).toBeNull()
  })

  it('names the device kind when the remembered label is empty', () => {
    const result = resolvePreference(
      { deviceId: 'gone', label: '', groupId: '' },
      [output('a', 'Speakers')],
      'ringtone',
    )
    expect(english(result.notice)).toBe(
      'The chosen ringtone device is not connected — using the system default',
    )
  })
})

describe('helpers', () => {
  it('displayName strips OS decorations', () => {
    expect(displayName('Default - Jabra Evolve2 65 (0b0e:24db)')).toBe('Jabra Evolve2 65')
    expect(displayName('Speakers (Realtek(R) Audio)')).toBe('Speakers (Realtek(R) Audio)')
  })

  it('preferenceFor remembers id, label and group, and "System default" as null', () => {
    expect(preferenceFor(input('a', 'Mic', 'g'))).toEqual({ deviceId: 'a', label: 'Mic', groupId: 'g' })
    expect(preferenceFor(null)).toBeNull()
    expect(preferenceFor(input('default', 'Default - Mic'))).toBeNull()
  })

  it('systemDefaultName reads the default pseudo-device', () => {
    expect(systemDefaultName([output('default', 'Default - Speakers (0000:0001)')], 'audiooutput')).toBe(
      'Speakers',
    )
    expect(systemDefaultName([], 'audiooutput')).toBe('')
  })
})

describe('automaticRingtoneDevice', () => {
  it('rings on the computer speakers when the default output is a headset', () => {
    const devices = [
      output('default', 'Default - Jabra Evolve2 65 (0b0e:24db)'),
      output('jabra', 'Jabra Evolve2 65 (0b0e:24db)'),
      output('spk', 'Speakers (Realtek(R) Audio)'),
    ]
    expect(automaticRingtoneDevice(devices)?.deviceId).toBe('spk')
  })

  it('keeps the system default when it is not a headset, or when there are no speakers', () => {
    expect(
      automaticRingtoneDevice([output('default', 'Default - Speakers'), output('spk', 'Speakers')]),
    ).toBeNull()
    expect(
      automaticRingtoneDevice([
        output('default', 'Default - Poly Blackwire 3325'),
        output('hs', 'Poly Blackwire 3325'),
      ]),
    ).toBeNull()
    expect(automaticRingtoneDevice([])).toBeNull()
  })
})
