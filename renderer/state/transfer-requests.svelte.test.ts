import { describe, expect, it, vi } from 'vitest'
import type { TransferRequest } from '../sip/types'
import { FakePhone } from '../testing/fake-phone'
import { createTestApp } from '../testing/test-app'
import { decideTransferRequest, domainOfAddress, TransferRequestsState } from './transfer-requests.svelte'

const request = (over: Partial<TransferRequest> = {}): TransferRequest => ({
  requestId: 'refer-1',
  callId: 'call-1',
  target: 'sip:3000@pbx.example',
  targetNumber: '3000',
  targetDomain: 'pbx.example',
  by: 'Bob',
  ...over,
})

describe('decideTransferRequest', () => {
  const context = { accountDomain: 'pbx.example', allowlist: [], followedBefore: false }
  it('follows a transfer within our own SIP domain at once', () => {
    expect(decideTransferRequest(request(), context)).toBe('follow')
    expect(decideTransferRequest(request({ targetDomain: 'PBX.Example' }), context)).toBe('follow')
  })
  it('asks for another domain, unless the admin allowed it', () => {
    const premium = request({ targetDomain: 'premium.example', targetNumber: '+19005550100' })
    expect(decideTransferRequest(premium, context)).toBe('ask')
    expect(decideTransferRequest(premium, { ...context, allowlist: ['premium.example'] })).toBe('follow')
  })
  it('follows at most once per call, and asks when the target has no domain', () => {
    expect(decideTransferRequest(request(), { ...context, followedBefore: true })).toBe('ask')
    expect(decideTransferRequest(request({ targetDomain: '' }), context)).toBe('ask')
  })
  it('reads the domain of an account address', () => {
    expect(domainOfAddress('alice@PBX.example:5061')).toBe('pbx.example')
    expect(domainOfAddress('nonsense')).toBe('')
  })
})

describe('TransferRequestsState', () => {
  function started() {
    const phone = new FakePhone()
    let decider: ((r: TransferRequest, f: boolean) => string) | undefined
    const answers: Array<[string, boolean]> = []
    Object.assign(phone, {
      setTransferDecider: (d: typeof decider) => (decider = d),
      answerTransferRequest: (id: string, accept: boolean) => answers.push([id, accept]),
    })
    const state = new TransferRequestsState(phone, { sipAddress: () => 'alice@pbx.example' })
    const stop = state.start()
    return { phone, state, answers, decide: (r: TransferRequest) => decider?.(r, false), stop }
  }

  it('installs the policy as the phone decider', () => {
    const { decide } = started()
    expect(decide(request())).toBe('follow')
    expect(decide(request({ targetDomain: 'premium.example' }))).toBe('ask')
  })

  it('keeps a request for its call card until the user answers it', () => {
    const { phone, state, answers } = started()
    phone.emit('transfer-request', request({ targetDomain: 'premium.example' }))
    expect(state.forCall('call-1')?.requestId).toBe('refer-1')
    state.decline('refer-1')
    expect(answers).toEqual([['refer-1', false]])
    expect(state.forCall('call-1')).toBeUndefined()
    phone.emit('transfer-request', request({ requestId: 'refer-2' }))
    state.accept('refer-2')
    expect(answers).toEqual([
      ['refer-1', false],
      ['refer-2', true],
    ])
  })

  it('drops a request whose call ended or that the phone closed', () => {
    const { phone, state } = started()
    phone.emit('transfer-request', request())
    phone.emit('transfer-request-ended', { requestId: 'refer-1' })
    expect(state.pending).toEqual([])
    phone.emit('transfer-request', request({ requestId: 'refer-3' }))
    phone.emit('call-ended', phone.addCall({ id: 'call-1' }))
    expect(state.pending).toEqual([])
  })
})

describe("the admin's transfer allowlist, from main's policy", () => {
  it('follows a transfer to an allowed domain at once and still asks for any other', async () => {
    const { app, phone, stop } = await createTestApp({
      account: { transferAllowlist: ['branch.corp.example'] },
    })
    await vi.waitFor(() => expect(app.session.account?.transferAllowlist).toEqual(['branch.corp.example']))
    expect(phone.transferDecider?.(request({ targetDomain: 'branch.corp.example' }), false)).toBe('follow')
    expect(phone.transferDecider?.(request({ targetDomain: 'premium.example' }), false)).toBe('ask')
    stop()
  })
})
