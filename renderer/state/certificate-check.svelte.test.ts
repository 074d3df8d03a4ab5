import { describe, expect, it, vi } from 'vitest'
import { render } from '../../contract/i18n'
import { message } from '../../contract/i18n'
import { registrationText } from '../components/registration-text'
import { FakeApi } from '../testing/fake-api'
import { CertificateCheck } from './certificate-check.svelte'

const unreachable = {
  state: 'failed',
  reason: 'unreachable',
  message: message('registration.unreachable'),
} as const

describe('CertificateCheck', () => {
  it('asks main once per failure why a wss:// server is refused, and the indicator says it', async () => {
    const api = new FakeApi().handle('tls:explain', () => 'expired')
    const check = new CertificateCheck(api, () => 'wss://pbx.corp.example/ws')
    check.onRegistration(unreachable)
    check.onRegistration(unreachable)
    await vi.waitFor(() => expect(check.problem).toBe('expired'))
    expect(api.sent('tls:explain')).toEqual([{ url: 'wss://pbx.corp.example/ws' }])
    const text = registrationText(unreachable, 0, check.problem)
    expect(render('en', text.label)).toBe("The server's certificate has expired")
    expect(render('sv', text.label)).toBe('Serverns certifikat har gått ut')
    // Registered again: the reason is gone, and the next failure is asked about anew.
    check.onRegistration({ state: 'registered', since: 0 })
    expect(check.problem).toBeNull()
    check.onRegistration(unreachable)
    expect(api.sent('tls:explain')).toHaveLength(2)
  })

  it('keeps "Server unreachable" for ws://, another failure, or no explanation', async () => {
    const api = new FakeApi().handle('tls:explain', () => null)
    new CertificateCheck(api, () => 'ws://127.0.0.1:5066').onRegistration(unreachable)
    const check = new CertificateCheck(api, () => 'wss://pbx.corp.example/ws')
    check.onRegistration({ ...unreachable, reason: 'auth' })
    expect(api.sent('tls:explain')).toEqual([])
    check.onRegistration(unreachable)
    await vi.waitFor(() => expect(api.sent('tls:explain')).toHaveLength(1))
    expect(check.problem).toBeNull()
    expect(render('en', registrationText(unreachable, 0, check.problem).label)).toBe('Server unreachable')
  })
})
