import { message } from '../../contract/i18n'
import { describe, expect, it } from 'vitest'
import type { ParleyApi } from '../../contract/ipc'
import { sipTraceLimits } from '../../contract/limits'
import { ipcSipTrace } from './sip-trace'

function recordingApi(answer: () => Promise<unknown>) {
  const sent: unknown[] = []
  const api = {
    invoke: (channel: string, request: unknown) => {
      sent.push({ channel, request })
      return answer()
    },
  } as unknown as Pick<ParleyApi, 'invoke'>
  return { api, sent }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('ipcSipTrace', () => {
  it('sends each message over sip-trace:write, cutting one past the contract limit', async () => {
    const { api, sent } = recordingApi(async () => ({ ok: true, value: true }))
    const trace = ipcSipTrace(api, () => undefined)
    trace('sent', 'OPTIONS sip:a SIP/2.0')
    trace('received', 'x'.repeat(sipTraceLimits.text + 500))
    expect(sent[0]).toEqual({
      channel: 'sip-trace:write',
      request: { direction: 'sent', text: 'OPTIONS sip:a SIP/2.0' },
    })
    const cut = (sent[1] as { request: { text: string } }).request.text
    expect(cut).toHaveLength(sipTraceLimits.text)
    expect(cut.endsWith('[… cut]')).toBe(true)
  })

  it('says once that the trace cannot be written, not on every message', async () => {
    const warnings: string[] = []
    const { api } = recordingApi(async () => ({
      ok: false,
      error: { code: 'internal', message: message('reason.internal') },
    }))
    const trace = ipcSipTrace(api, (message) => warnings.push(message))
    trace('sent', 'REGISTER')
    trace('sent', 'REGISTER')
    await settle()
    expect(warnings).toEqual(['the SIP trace could not be written: reason.internal'])
  })

  it('sends nothing while the trace is not wanted, and again once it is', () => {
    const { api, sent } = recordingApi(async () => ({ ok: true, value: true }))
    let wanted = false
    const trace = ipcSipTrace(
      api,
      () => undefined,
      () => wanted,
    )
    trace('received', 'NOTIFY sip:a SIP/2.0')
    expect(sent).toEqual([])
    wanted = true
    trace('received', 'NOTIFY sip:b SIP/2.0')
    expect(sent).toEqual([
      { channel: 'sip-trace:write', request: { direction: 'received', text: 'NOTIFY sip:b SIP/2.0' } },
    ])
  })
})
