import { describe, expect, it } from 'vitest'
import { CallPhase } from '../sip/types'
import { hookButtonAction } from './hook-button'
import type { FakePhone } from '../testing/fake-phone'
import { createTestApp, type TestApp } from '../testing/test-app'

const call = (id: string, phase: CallPhase) => ({ id, phase })

describe('hookButtonAction', () => {
  describe('play-pause', () => {
    it('answers the first ringing call', () => {
      const calls = [call('r1', CallPhase.Ringing), call('r2', CallPhase.Ringing)]
      expect(hookButtonAction('play-pause', calls)).toEqual({ kind: 'answer', callId: 'r1' })
    })

    it('answers a waiting call even while another is active (answer holds the active one)', () => {
      const calls = [call('a', CallPhase.Active), call('r', CallPhase.Ringing)]
      expect(hookButtonAction('play-pause', calls)).toEqual({ kind: 'answer', callId: 'r' })
    })

    it('hangs up the active call when nothing rings, even with held calls around', () => {
      const calls = [call('h', CallPhase.Held), call('a', CallPhase.Active)]
      expect(hookButtonAction('play-pause', calls)).toEqual({ kind: 'hangup', callId: 'a' })
    })

    it('cancels an outgoing call that is still dialling or ringing at the far end', () => {
      expect(hookButtonAction('play-pause', [call('o', CallPhase.Dialing)])).toEqual({
        kind: 'hangup',
        callId: 'o',
      })
      expect(hookButtonAction('play-pause', [call('o', CallPhase.Alerting)])).toEqual({
        kind: 'hangup',
        callId: 'o',
      })
    })

    it('resumes the held call when it is the only live one (ended cards do not count)', () => {
      const calls = [call('gone', CallPhase.Ended), call('h', CallPhase.Held)]
      expect(hookButtonAction('play-pause', calls)).toEqual({ kind: 'resume', callId: 'h' })
    })

    it('does nothing with several held calls, or with no calls', () => {
      const held = [call('h1', CallPhase.Held), call('h2', CallPhase.Held)]
      expect(hookButtonAction('play-pause', held)).toEqual({ kind: 'none', callId: null })
      expect(hookButtonAction('play-pause', [])).toEqual({ kind: 'none', callId: null })
      expect(hookButtonAction('play-pause', [call('e', CallPhase.Ended)])).toEqual({
        kind: 'none',
        callId: null,
      })
    })
  })

  describe('stop', () => {
    it('hangs up the active call, even while another rings', () => {
      const calls = [call('r', CallPhase.Ringing), call('a', CallPhase.Active)]
      expect(hookButtonAction('stop', calls)).toEqual({ kind: 'hangup', callId: 'a' })
    })

    it('cancels an outgoing call in progress', () => {
      expect(hookButtonAction('stop', [call('o', CallPhase.Alerting)])).toEqual({
        kind: 'hangup',
        callId: 'o',
      })
    })

    it('rejects the ringing call when nothing is active', () => {
      const calls = [call('h', CallPhase.Held), call('r', CallPhase.Ringing)]
      expect(hookButtonAction('stop', calls)).toEqual({ kind: 'reject', callId: 'r' })
    })

    it('never ends or resumes a held call', () => {
      expect(hookButtonAction('stop', [call('h', CallPhase.Held)])).toEqual({ kind: 'none', callId: null })
      expect(hookButtonAction('stop', [])).toEqual({ kind: 'none', callId: null })
    })
  })
})

/** The real app state (createTestApp): the headset button reaches the calls through main's event. */
async function setup() {
  const t = await createTestApp()
  t.phone.commands.length = 0
  return { phone: t.phone, api: t.api, notifier: t, calls: t.app.calls, stop: t.stop }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const commandsOf = (phone: FakePhone) => phone.commands.map((c) => `${c.name}:${String(c.args[0])}`)
const lastAnnouncement = (app: TestApp) => app.announcements().at(-1)

describe('CallsState and the headset-button event', () => {
  it('play-pause answers a ringing call and says so in the live region', async () => {
    const { phone, api, notifier, calls } = await setup()
    phone.addCall({ id: 'in-1', remoteName: 'Åsa Ek', remoteNumber: '1001' })
    api.emit('headset-button', { button: 'play-pause' })
    await flush()
    expect(commandsOf(phone)).toEqual(['answer:in-1'])
    expect(calls.active?.id).toBe('in-1')
    expect(lastAnnouncement(notifier)).toBe('Headset button: answering Åsa Ek')
  })

  it('play-pause on a waiting call answers it (the phone holds the active one)', async () => {
    const { phone, api, calls } = await setup()
    phone.addCall({ id: 'a', phase: CallPhase.Active, answeredAt: 1 })
    phone.addCall({ id: 'b' })
    api.emit('headset-button', { button: 'play-pause' })
    await flush()
    expect(commandsOf(phone)).toEqual(['answer:b'])
    expect(calls.byId('a')?.phase).toBe(CallPhase.Held)
    expect(calls.active?.id).toBe('b')
  })

  it('play-pause hangs up the active call', async () => {
    const { phone, api, notifier } = await setup()
    phone.addCall({ id: 'a', phase: CallPhase.Active, remoteNumber: '1002', answeredAt: 1 })
    api.emit('headset-button', { button: 'play-pause' })
    await flush()
    expect(commandsOf(phone)).toEqual(['hangup:a'])
    expect(lastAnnouncement(notifier)).toBe('Headset button: hanging up the call with 1002')
  })

  it('play-pause resumes the only call when it is held', async () => {
    const { phone, api, calls, notifier } = await setup()
    phone.addCall({ id: 'h', phase: CallPhase.Held, remoteName: 'Bo', answeredAt: 1 })
    api.emit('headset-button', { button: 'play-pause' })
    await flush()
    expect(commandsOf(phone)).toEqual(['resume:h'])
    expect(calls.active?.id).toBe('h')
    expect(lastAnnouncement(notifier)).toBe('Headset button: resuming the call with Bo')
  })

  it('stop hangs up the active call, or rejects the ringing one when nothing is active', async () => {
    const { phone, api, notifier } = await setup()
    phone.addCall({ id: 'a', phase: CallPhase.Active, answeredAt: 1 })
    phone.addCall({ id: 'r', remoteName: 'Cia' })
    api.emit('headset-button', { button: 'stop' })
    await flush()
    expect(commandsOf(phone)).toEqual(['hangup:a'])
    phone.update('a', { phase: CallPhase.Ended, endedAt: 2, endReason: 'local-hangup' })
    api.emit('headset-button', { button: 'stop' })
    await flush()
    expect(commandsOf(phone)).toEqual(['hangup:a', 'reject:r'])
    expect(lastAnnouncement(notifier)).toBe('Headset button: rejecting the call from Cia')
  })

  it('does nothing to the phone when no call fits, and says so', async () => {
    const { phone, api, notifier, calls } = await setup()
    phone.addCall({ id: 'h1', phase: CallPhase.Held, answeredAt: 1 })
    phone.addCall({ id: 'h2', phase: CallPhase.Held, answeredAt: 1 })
    const action = await calls.pressHeadsetButton('play-pause')
    expect(action.kind).toBe('none')
    api.emit('headset-button', { button: 'stop' })
    await flush()
    expect(phone.commands).toEqual([])
    expect(lastAnnouncement(notifier)).toBe('Headset button: no call to answer, hang up or resume')
  })

  it('stops listening to the headset button once stopped', async () => {
    const { phone, api, stop } = await setup()
    phone.addCall({ id: 'r' })
    stop()
    api.emit('headset-button', { button: 'play-pause' })
    await flush()
    expect(phone.commands).toEqual([])
  })
})
