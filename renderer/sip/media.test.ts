import { describe, expect, it } from 'vitest'
import { MediaController, micConstraints, type PeerConnectionLike } from './media'
import {
  FakeAudioElement,
  FakeMediaDevices,
  FakePeerConnection,
  FakeStream,
  FakeTrack,
} from '../testing/media'

function setup() {
  const devices = new FakeMediaDevices()
  const elements: FakeAudioElement[] = []
  const reports: string[] = []
  const media = new MediaController({
    mediaDevices: devices,
    createAudioElement: () => {
      const element = new FakeAudioElement()
      elements.push(element)
      return element
    },
    report: (message) => reports.push(message),
  })
  return { devices, elements, reports, media }
}

const stream = () => new FakeStream([new FakeTrack('')]) as unknown as MediaStream
const pc = (p: FakePeerConnection) => p as unknown as PeerConnectionLike

describe('MediaController', () => {
  it('opens the chosen microphone with an exact deviceId', async () => {
    const { devices, media } = setup()
    await media.setRouting({ inputDeviceId: 'headset', outputDeviceId: '' }, [])
    await media.acquireMicrophone()
    expect(devices.requests.at(-1)).toEqual(micConstraints('headset'))
    expect(micConstraints('')).toEqual({ audio: true, video: false })
  })

  it('falls back to the system default when the chosen microphone is gone', async () => {
    const { devices, media, reports } = setup()
    devices.missing.add('gone')
    await media.setRouting({ inputDeviceId: 'gone', outputDeviceId: '' }, [])
    const result = await media.acquireMicrophone()
    expect(result.getAudioTracks()).toHaveLength(1)
    expect(devices.requests.map((r) => r.audio)).toEqual([{ deviceId: { exact: 'gone' } }, true])
    expect(reports.join()).toMatch(/system default/)
  })

  it('switching the input mid-call replaces the sender track on every call, keeping mute', async () => {
    const { devices, media } = setup()
    const first = new FakePeerConnection()
    const second = new FakePeerConnection()
    const oldFirst = first.senders[0]?.track
    await media.setRouting({ inputDeviceId: 'usb', outputDeviceId: '' }, [
      { callId: 'a', peerConnection: pc(first), muted: false },
      { callId: 'b', peerConnection: pc(second), muted: true },
    ])
    expect(devices.requests).toEqual([micConstraints('usb')])
    const a = first.senders[0]
    const b = second.senders[0]
    expect(a?.replaced).toHaveLength(1)
    expect(b?.replaced).toHaveLength(1)
    expect(a?.track?.deviceId).toBe('usb')
    expect(b?.track?.deviceId).toBe('usb')
    // each call gets its own track, so ending one call cannot silence the other
    expect(a?.track).not.toBe(b?.track)
    expect(a?.track?.enabled).toBe(true)
    expect(b?.track?.enabled).toBe(false)
    expect(oldFirst?.readyState).toBe('ended')
  })

  it('re-opens a microphone that died under the same device id (replug, sleep)', async () => {
    const { devices, media } = setup()
    const call = new FakePeerConnection(new FakeTrack('headset'))
    const calls = [{ callId: 'a', peerConnection: pc(call), muted: false }]
    await media.setRouting({ inputDeviceId: 'headset', outputDeviceId: '' }, calls)
    expect(devices.requests).toHaveLength(1)
    await media.setRouting({ inputDeviceId: 'headset', outputDeviceId: '' }, calls)
    expect(devices.requests).toHaveLength(1)
    call.senders[0]?.track?.stop()
    await media.setRouting({ inputDeviceId: 'headset', outputDeviceId: '' }, calls)
    expect(devices.requests).toHaveLength(2)
    expect(call.senders[0]?.track?.readyState).toBe('live')
  })

  it('re-points an audio element whose sink drifted back to default', async () => {
    const { elements, media } = setup()
    await media.setRouting({ inputDeviceId: '', outputDeviceId: 'usb-out' }, [])
    media.attachRemoteAudio('a', stream())
    await Promise.resolve()
    const element = elements[0]
    if (!element) throw new Error('no element')
    element.sinkId = ''
    await media.setRouting({ inputDeviceId: '', outputDeviceId: 'usb-out' }, [])
    expect(element.sinkId).toBe('usb-out')
  })

  it('switches every call from one microphone open when the mic is kept warm', async () => {
    const { devices, media } = setup()
    await media.prepareMicrophone()
    const calls = [
      { callId: 'a', peerConnection: pc(new FakePeerConnection()), muted: false },
      { callId: 'b', peerConnection: pc(new FakePeerConnection()), muted: false },
    ]
    await media.setRouting({ inputDeviceId: 'usb', outputDeviceId: '' }, calls)
    expect(devices.requests).toEqual([micConstraints(''), micConstraints('usb')])
  })

  it('does not touch calls when only the output changes', async () => {
    const { devices, media } = setup()
    const call = new FakePeerConnection()
    await media.setRouting({ inputDeviceId: '', outputDeviceId: 'speaker' }, [
      { callId: 'a', peerConnection: pc(call), muted: false },
    ])
    expect(devices.requests).toHaveLength(0)
    expect(call.senders[0]?.replaced).toHaveLength(0)
  })

  it('applies setSinkId to every call audio element on an output switch', async () => {
    const { elements, media } = setup()
    media.attachRemoteAudio('a', stream())
    media.attachRemoteAudio('b', stream())
    expect(elements).toHaveLength(2)
    expect(elements.every((e) => e.playing && e.autoplay)).toBe(true)
    await media.setRouting({ inputDeviceId: '', outputDeviceId: 'headset-out' }, [])
    expect(elements.map((e) => e.sinkId)).toEqual(['headset-out', 'headset-out'])
  })

  it('points new calls at the chosen output, and falls back to default when the sink fails', async () => {
    const { elements, media, reports } = setup()
    await media.setRouting({ inputDeviceId: '', outputDeviceId: 'usb-out' }, [])
    media.attachRemoteAudio('a', stream())
    await Promise.resolve()
    expect(elements[0]?.sinkIds).toEqual(['usb-out'])
    const element = elements[0]
    if (!element) throw new Error('no element')
    element.failSink = true
    await media.setRouting({ inputDeviceId: '', outputDeviceId: 'unplugged' }, [])
    expect(element.sinkIds.slice(-2)).toEqual(['unplugged', ''])
    expect(reports.join()).toMatch(/Speaker could not be switched/)
  })

  it('reuses one element per call and releases it at the end', () => {
    const { elements, media } = setup()
    const s = stream()
    media.attachRemoteAudio('a', s)
    media.attachRemoteAudio('a', s)
    expect(elements).toHaveLength(1)
    media.detachRemoteAudio('a')
    expect(elements[0]?.srcObject).toBeNull()
    expect(elements[0]?.removed).toBe(true)
    expect(media.hasRemoteAudio('a')).toBe(false)
    media.detachRemoteAudio('unknown')
  })

  it('serves new calls from a warmed microphone without another getUserMedia', async () => {
    const { devices, media } = setup()
    await media.prepareMicrophone()
    expect(devices.requests).toHaveLength(1)
    const a = await media.acquireMicrophone()
    const b = await media.acquireMicrophone()
    expect(devices.requests).toHaveLength(1)
    expect(a.getAudioTracks()[0]).not.toBe(b.getAudioTracks()[0])
    media.releaseMicrophone()
    await media.acquireMicrophone()
    expect(devices.requests).toHaveLength(2)
  })

  it('can warm up without keeping the microphone open', async () => {
    const { devices, media } = setup()
    await media.prepareMicrophone(false)
    expect(devices.requests).toHaveLength(1)
    await media.acquireMicrophone()
    expect(devices.requests).toHaveLength(2)
  })

  it('reports instead of throwing when there is no media access at all', async () => {
    const reports: string[] = []
    const media = new MediaController({
      mediaDevices: undefined,
      createAudioElement: () => new FakeAudioElement(),
      report: (m) => reports.push(m),
    })
    await expect(media.acquireMicrophone()).rejects.toThrow(/microphone/)
    await media.setRouting({ inputDeviceId: 'x', outputDeviceId: '' }, [
      { callId: 'a', peerConnection: pc(new FakePeerConnection()), muted: false },
    ])
    expect(reports.join()).toMatch(/could not be switched/)
  })
})
