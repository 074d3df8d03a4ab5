import { describe, expect, it } from 'vitest'
import { CallPhase } from '../sip/types'
import { TransferStage } from './transfer.svelte'
import { createTestApp } from '../testing/test-app'
import { message } from '../../contract/i18n'

/**
 * The real app state (createTestApp) with one connected call 'a', and a search typed into the
 * contacts panel: a finished transfer clears it (that is what the app does on "transferred").
 */
async function setup() {
  const t = await createTestApp()
  t.app.contacts.setQuery('Bo')
  t.phone.addCall({
    id: 'a',
    remoteName: 'Caller',
    remoteNumber: '1001',
    phase: CallPhase.Active,
    answeredAt: 1,
  })
  t.phone.commands.length = 0
  const transferredAway = () => t.app.contacts.query === ''
  return { t, phone: t.phone, api: t.api, calls: t.app.calls, transfer: t.app.transfer, transferredAway }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('TransferController', () => {
  it('blind transfer: REFER at once, progress announced, done when the call ends transferred', async () => {
    const { phone, transfer, t, api, transferredAway } = await setup()
    await transfer.blind('a', '070-123 45 67', 'Bo Berg (mobile)')
    expect(phone.commands).toEqual([{ name: 'blindTransfer', args: ['a', '0701234567'] }])
    phone.emit('transfer-progress', { callId: 'a', target: '0701234567', progress: { state: 'ringing' } })
    expect(transfer.state).toMatchObject({ stage: TransferStage.BlindRequested, progress: 'ringing' })
    expect(t.announcements().at(-1)).toBe('Bo Berg (mobile) is ringing…')
    expect(transferredAway()).toBe(false)
    phone.update('a', { phase: CallPhase.Ended, endReason: 'transferred', endedAt: 10 })
    expect(transfer.state.stage).toBe(TransferStage.Done)
    expect(transferredAway()).toBe(true)
    await flush()
    expect(api.sent('history:record')[0]).toMatchObject({
      outcome: 'transferred',
      transferredTo: 'Bo Berg (mobile)',
    })
  })

  // Taking the caller off hold after a failed blind transfer is the adapter's (phone.test.ts,
  // 'blind transfer failure'): the state says so and never sends a second, racing resume.
  it('blind transfer failure: the message, the call back as the phone reports it, no second resume', async () => {
    const { phone, transfer, t, calls, transferredAway, api } = await setup()
    await calls.hold('a')
    await transfer.blind('a', '1002', 'Bo')
    phone.emit('transfer-progress', {
      callId: 'a',
      target: '1002',
      progress: { state: 'failed', message: message('transfer.failed-status', { code: 486 }) },
    })
    await flush()
    expect(transfer.state).toMatchObject({ stage: TransferStage.Failed, callId: 'a' })
    expect(t.alerts()).toContainEqual(expect.stringContaining('Transfer failed: busy (486)'))
    expect(phone.commandNames()).toEqual(['hold', 'blindTransfer'])
    phone.update('a', { phase: CallPhase.Active })
    expect(calls.byId('a')?.phase).toBe(CallPhase.Active)
    expect(transferredAway()).toBe(false)
    phone.update('a', { phase: CallPhase.Ended, endReason: 'remote-hangup', endedAt: 10 })
    await flush()
    expect(api.sent('history:record')[0]).toMatchObject({ outcome: 'answered', transferredTo: '' })
  })

  it('refuses to blind-transfer to a bad number', async () => {
    const { phone, transfer, t } = await setup()
    expect(await transfer.blind('a', 'abc', 'abc')).toBe(false)
    expect(phone.commandNames()).toEqual([])
    expect(t.alerts()).not.toEqual([])
    expect(transfer.state.stage).toBe(TransferStage.Idle)
  })

  it('attended: consult holds the call and dials; complete sends the attended transfer', async () => {
    const { phone, transfer } = await setup()
    await transfer.consult('1002', 'Bo')
    expect(phone.commands.map((c) => c.name)).toEqual(['dial'])
    expect(phone.calls().find((c) => c.id === 'a')?.phase).toBe(CallPhase.Held)
    expect(transfer.state).toMatchObject({
      stage: TransferStage.Consulting,
      heldCallId: 'a',
      consultCallId: 'out-1',
    })
    expect(await transfer.complete()).toBe(false) // not answered yet
    phone.update('out-1', { phase: CallPhase.Active, answeredAt: 5 })
    expect(transfer.state).toMatchObject({ answered: true })
    expect(await transfer.complete()).toBe(true)
    expect(phone.commands.at(-1)).toEqual({ name: 'attendedTransfer', args: ['a', 'out-1'] })
    phone.update('out-1', { phase: CallPhase.Ended, endReason: 'replaced' })
    expect(transfer.state.stage).toBe(TransferStage.Completing)
    phone.emit('transfer-progress', { callId: 'a', target: '1002', progress: { state: 'done' } })
    expect(transfer.state.stage).toBe(TransferStage.Done)
  })

  it('cancel during consultation hangs up the target and resumes the caller in one action', async () => {
    const { phone, transfer, calls } = await setup()
    await transfer.consult('1002', 'Bo')
    await transfer.cancel()
    expect(phone.commands.map((c) => `${c.name}:${String(c.args[0])}`)).toEqual([
      'dial:1002',
      'hangup:out-1',
      'resume:a',
    ])
    expect(calls.byId('a')?.phase).toBe(CallPhase.Active)
    expect(transfer.state.stage).toBe(TransferStage.Idle)
  })

  it('target not answering: turn into a blind transfer', async () => {
    const { phone, transfer } = await setup()
    await transfer.consult('1002', 'Bo')
    await transfer.blindInstead()
    expect(phone.commands.slice(-2)).toEqual([
      { name: 'hangup', args: ['out-1'] },
      { name: 'blindTransfer', args: ['a', '1002'] },
    ])
    expect(transfer.state.stage).toBe(TransferStage.BlindRequested)
  })

  it('target refuses the consultation: back to the caller, off hold', async () => {
    const { phone, transfer, calls, t } = await setup()
    await transfer.consult('1002', 'Bo')
    phone.update('out-1', { phase: CallPhase.Ended, endReason: 'busy' })
    await flush()
    expect(transfer.state.stage).toBe(TransferStage.Failed)
    expect(t.alerts()).toContainEqual(expect.stringMatching(/Bo did not take the call/))
    expect(calls.byId('a')?.phase).toBe(CallPhase.Active)
  })

  it('keyboard transfer starts only on a connected call', async () => {
    const { phone, transfer } = await setup()
    phone.addCall({ id: 'r' })
    expect(transfer.begin('r')).toBe(false)
    expect(transfer.begin('a')).toBe(true)
    expect(transfer.state).toEqual({ stage: TransferStage.ChoosingTarget, callId: 'a' })
  })

  it('offers "Transfer" only when one could start: not while a blind transfer is under way', async () => {
    const { phone, transfer } = await setup()
    phone.addCall({ id: 'r' })
    expect(transfer.canBegin('r')).toBe(false)
    expect(transfer.canBegin('a')).toBe(true)
    await transfer.blind('a', '1002', 'Bo')
    expect(transfer.canBegin('a')).toBe(false)
    expect(transfer.begin('a')).toBe(false)
    phone.emit('transfer-progress', {
      callId: 'a',
      target: '1002',
      progress: { state: 'failed', message: message('transfer.failed-status', { code: 486 }) },
    })
    await flush()
    expect(transfer.canBegin('a')).toBe(true)
  })
})
