import { FakePhone } from '../testing/fake-phone'
import { describe, expect, it } from 'vitest'
import { CallPhase, type CallSnapshot } from '../sip/types'
import { AudioOutput, type AudioContextLike, type AudioElementLike } from './audio-output'
import { followCallsWithRinger, ringerModeFor } from './ring-follower'
import { Ringer, RingerMode } from './ringer'
import { FakeAudioContext, ManualTimers } from '../testing/web-audio'
import { FakeAudioElement } from '../testing/media'
import { settle } from '../testing/audio'
import { callWaitingCycle, ringbackCycle, ringCycle } from './tones'

function setup(withSinkId = true) {
  const contexts: FakeAudioContext[] = []
  const elements: FakeAudioElement[] = []
  const timers = new ManualTimers()
  const ringer = new Ringer({
    createContext: () => {
      const context = new FakeAudioContext(withSinkId)
      contexts.push(context)
      return context
    },
    createAudioElement: () => {
      const element = new FakeAudioElement()
      elements.push(element)
      return element
    },
    timers,
  })
  return { ringer, contexts, elements, timers }
}

describe('Ringer', () => {
  it('rings on the ringtone device and repeats each cycle until stopped', async () => {
    const { ringer, contexts, timers } = setup()
    await ringer.setRingtoneSink('speakers-id')
    await ringer.setCallSink('headset-id')
    await ringer.ring()
    expect(ringer.mode).toBe(RingerMode.Ringing)
    const context = contexts[0]!
    expect(context.sinkIds).toEqual(['speakers-id'])
    expect(context.played.length).toBe(ringCycle.bursts.length)
    expect([...timers.intervals.values()][0]?.ms).toBe(ringCycle.period * 1000)
    timers.tickIntervals()
    expect(context.played.length).toBe(2 * ringCycle.bursts.length)

    await ringer.stop()
    expect(ringer.mode).toBe(RingerMode.Silent)
    expect(context.closed).toBe(true)
    expect(timers.intervals.size).toBe(0)
  })

  it('moves a ring in progress when the ringtone device changes', async () => {
    const { ringer, contexts } = setup()
    await ringer.ring()
    await ringer.setRingtoneSink('usb-speaker')
    expect(contexts[0]!.sinkIds).toEqual(['', 'usb-speaker'])
  })

  it('plays call waiting softly on the call device, not the ringtone device', async () => {
    const { ringer, contexts } = setup()
    await ringer.setRingtoneSink('speakers-id')
    await ringer.setCallSink('headset-id')
    await ringer.ring()
    await ringer.callWaiting()
    expect(contexts[0]!.closed).toBe(true)
    const waiting = contexts[1]!
    expect(waiting.sinkIds).toEqual(['headset-id'])
    expect(waiting.played.map((tone) => tone.frequency)).toEqual([425, 425])
    expect(Math.max(...callWaitingCycle.bursts.map((burst) => burst.gain))).toBeLessThanOrEqual(0.1)
  })

  it('plays a quiet European ringback (425 Hz, 1 s on, 4 s off) on the call device', async () => {
    const { ringer, contexts, timers } = setup()
    await ringer.setRingtoneSink('speakers-id')
    await ringer.setCallSink('headset-id')
    await ringer.ringback()
    expect(ringer.mode).toBe(RingerMode.Ringback)
    const context = contexts[0]!
    expect(context.sinkIds).toEqual(['headset-id'])
    expect(context.played).toHaveLength(1)
    expect(context.played[0]!.frequency).toBe(425)
    expect(context.played[0]!.stop - context.played[0]!.start).toBeCloseTo(1, 1)
    expect([...timers.intervals.values()][0]?.ms).toBe(5000)
    expect(Math.max(...ringbackCycle.bursts.map((burst) => burst.gain))).toBeLessThanOrEqual(0.1)
    timers.tickIntervals()
    expect(context.played).toHaveLength(2)

    await ringer.setCallSink('usb-headset')
    expect(context.sinkIds).toEqual(['headset-id', 'usb-headset'])
    await ringer.ringback()
    expect(contexts).toHaveLength(1)
    await ringer.stop()
    expect(context.closed).toBe(true)
    expect(timers.intervals.size).toBe(0)
  })

  it('stop() during a slow start leaves nothing playing', async () => {
    const { ringer, contexts, timers } = setup()
    const ringing = ringer.ring()
    await ringer.stop()
    await ringing
    expect(ringer.mode).toBe(RingerMode.Silent)
    expect(contexts.every((context) => context.closed)).toBe(true)
    expect(timers.intervals.size).toBe(0)
  })

  it('test tone plays once on the chosen output and closes afterwards', async () => {
    const { ringer, contexts, timers } = setup()
    await ringer.setCallSink('headset-id')
    await ringer.testTone('speaker')
    expect(contexts[0]!.sinkIds).toEqual(['headset-id'])
    expect(contexts[0]!.played.map((tone) => tone.frequency)).toEqual([440, 660])
    timers.runTimeouts()
    await settle()
    expect(contexts[0]!.closed).toBe(true)
  })

  it('without AudioContext.setSinkId routes through an <audio> element', async () => {
    const { ringer, elements } = setup(false)
    await ringer.setRingtoneSink('speakers-id')
    await ringer.ring()
    expect(elements[0]!.sinkIds).toEqual(['speakers-id'])
    expect(elements[0]!.playing).toBe(true)
    expect(elements[0]!.srcObject).not.toBeNull()
  })
})

describe('AudioOutput', () => {
  it('falls back to the default output when the chosen device is gone', async () => {
    const context = new FakeAudioContext()
    context.failingSinks.add('unplugged')
    const output = new AudioOutput({ createContext: () => context })
    await output.open('unplugged')
    expect(output.activeSinkId).toBe('')
    expect(context.sinkIds).toEqual([''])
  })
})

const call = (id: string, phase: CallPhase): CallSnapshot => ({
  id,
  direction: 'incoming',
  phase,
  remoteName: '',
  remoteNumber: '100',
  via: '',
  muted: false,
  remoteHold: false,
  earlyMedia: false,
  createdAt: 0,
  answeredAt: null,
  endedAt: null,
  endReason: null,
  transferredBy: '',
  message: null,
})

describe('ringerModeFor', () => {
  it('rings alone, beeps during a call, is silent otherwise', () => {
    expect(ringerModeFor([call('a', CallPhase.Ringing)])).toBe(RingerMode.Ringing)
    expect(ringerModeFor([call('a', CallPhase.Active), call('b', CallPhase.Ringing)])).toBe(
      RingerMode.CallWaiting,
    )
    expect(ringerModeFor([call('a', CallPhase.Held), call('b', CallPhase.Ringing)])).toBe(
      RingerMode.CallWaiting,
    )
    expect(ringerModeFor([call('a', CallPhase.Active)])).toBe(RingerMode.Silent)
    expect(ringerModeFor([call('a', CallPhase.Ended)])).toBe(RingerMode.Silent)
  })
})

const outgoing = (id: string, phase: CallPhase): CallSnapshot => ({
  ...call(id, phase),
  direction: 'outgoing',
})

describe('ringerModeFor ringback', () => {
  it('plays ringback while an outgoing call alerts and no call is talking', () => {
    expect(ringerModeFor([outgoing('a', CallPhase.Dialing)])).toBe(RingerMode.Silent)
    expect(ringerModeFor([outgoing('a', CallPhase.Alerting)])).toBe(RingerMode.Ringback)
    // Consulting before a transfer: the first call is on hold, the second rings at the far end.
    expect(ringerModeFor([call('a', CallPhase.Held), outgoing('b', CallPhase.Alerting)])).toBe(
      RingerMode.Ringback,
    )
    expect(ringerModeFor([call('a', CallPhase.Active), outgoing('b', CallPhase.Alerting)])).toBe(
      RingerMode.Silent,
    )
    expect(ringerModeFor([outgoing('a', CallPhase.Active)])).toBe(RingerMode.Silent)
    expect(ringerModeFor([outgoing('a', CallPhase.Ended)])).toBe(RingerMode.Silent)
  })

  it('plays no ringback while the far end plays its own audio (early media)', () => {
    const early = { ...outgoing('a', CallPhase.Alerting), earlyMedia: true }
    expect(ringerModeFor([early])).toBe(RingerMode.Silent)
    expect(ringerModeFor([early, outgoing('b', CallPhase.Alerting)])).toBe(RingerMode.Ringback)
  })

  it('an incoming call ringing meanwhile gets the call-waiting beep, not ringback', () => {
    expect(ringerModeFor([outgoing('a', CallPhase.Alerting), call('b', CallPhase.Ringing)])).toBe(
      RingerMode.CallWaiting,
    )
  })

  it('makes no sound for incoming calls do-not-disturb turns away', () => {
    expect(ringerModeFor([call('a', CallPhase.Ringing)], { silenceIncoming: true })).toBe(RingerMode.Silent)
    expect(
      ringerModeFor([outgoing('a', CallPhase.Alerting), call('b', CallPhase.Ringing)], {
        silenceIncoming: true,
      }),
    ).toBe(RingerMode.Ringback)
  })
})

/** A ringer that only writes down what it was told. */
function recordingRinger() {
  const log: string[] = []
  const ringer = {
    ring: async () => void log.push('ring'),
    callWaiting: async () => void log.push('call-waiting'),
    ringback: async () => void log.push('ringback'),
    stop: async () => void log.push('stop'),
  }
  return { log, ringer }
}

describe('followCallsWithRinger', () => {
  it('plays ringback while an outgoing call alerts and stops on answer or end', () => {
    const calls: CallSnapshot[] = []
    const phone = Object.assign(new FakePhone(), { calls: () => calls })
    const { log, ringer } = recordingRinger()
    const stop = followCallsWithRinger(phone, ringer)
    calls.push(outgoing('a', CallPhase.Dialing))
    phone.emit('call-added', calls[0]!)
    calls[0] = outgoing('a', CallPhase.Alerting)
    phone.emit('call-updated', calls[0])
    phone.emit('call-updated', calls[0])
    calls[0] = outgoing('a', CallPhase.Active)
    phone.emit('call-updated', calls[0])
    calls[0] = outgoing('a', CallPhase.Held)
    calls.push(outgoing('b', CallPhase.Alerting))
    phone.emit('call-added', calls[1]!)
    calls.splice(1, 1)
    phone.emit('call-ended', { ...outgoing('b', CallPhase.Ended), endReason: 'busy' })
    expect(log).toEqual(['ringback', 'stop', 'ringback', 'stop'])
    stop()
  })

  it('starts the ring only once the call was shown, and not at all when it stopped ringing meanwhile', () => {
    const calls: CallSnapshot[] = [call('a', CallPhase.Ringing)]
    const phone = Object.assign(new FakePhone(), { calls: () => calls })
    const { log, ringer } = recordingRinger()
    const shown: Array<() => void> = []
    const stop = followCallsWithRinger(phone, ringer, { afterCallShown: (start) => shown.push(start) })
    expect(log).toEqual([])
    shown.shift()?.()
    expect(log).toEqual(['ring'])
    calls[0] = call('a', CallPhase.Ended)
    phone.emit('call-ended', { ...calls[0], endReason: 'remote-hangup' })
    expect(log).toEqual(['ring', 'stop'])
    calls[0] = call('b', CallPhase.Ringing)
    phone.emit('call-added', calls[0])
    calls[0] = call('b', CallPhase.Ended)
    phone.emit('call-ended', { ...calls[0], endReason: 'cancelled' })
    shown.shift()?.()
    expect(log).toEqual(['ring', 'stop', 'stop'])
    stop()
  })

  it('stays silent for an incoming call while do-not-disturb is on', () => {
    const calls: CallSnapshot[] = [call('a', CallPhase.Ringing)]
    const phone = Object.assign(new FakePhone(), { calls: () => calls })
    const { log, ringer } = recordingRinger()
    let dnd = true
    const stop = followCallsWithRinger(phone, ringer, { silenceIncoming: () => dnd })
    phone.emit('call-added', calls[0]!)
    expect(log).toEqual([])
    dnd = false
    phone.emit('call-updated', calls[0]!)
    expect(log).toEqual(['ring'])
    stop()
  })

  it('follows call events and stops when told', async () => {
    const calls: CallSnapshot[] = []
    const phone = Object.assign(new FakePhone(), { calls: () => calls })
    const { log, ringer } = recordingRinger()
    const stop = followCallsWithRinger(phone, ringer)
    calls.push(call('a', CallPhase.Ringing))
    phone.emit('call-added', calls[0]!)
    calls[0] = call('a', CallPhase.Active)
    phone.emit('call-updated', calls[0])
    calls.push(call('b', CallPhase.Ringing))
    phone.emit('call-added', calls[1]!)
    phone.emit('call-updated', calls[1]!)
    expect(log).toEqual(['ring', 'stop', 'call-waiting'])
    stop()
    expect(log.at(-1)).toBe('stop')
    expect(phone.listenerCount()).toBe(0)
  })
})

// Compile-time checks that the real browser objects fit the ports the ringer is given.
export const contextFits = (real: AudioContext): AudioContextLike => real
export const elementFits = (real: HTMLAudioElement): AudioElementLike => real
