import { describe, expect, it } from 'vitest'
import { createSipPhone } from './index'
import { PhoneEmitter } from './emitter'
import { message, render } from '../../contract/i18n'

describe('createSipPhone', () => {
  it('builds with browser defaults even where there is no browser, and refuses calls while signed out', async () => {
    const logs: string[] = []
    const phone = createSipPhone({ log: (m) => logs.push(m) })
    const errors: string[] = []
    phone.on('error', ({ message }) => errors.push(render('en', message)))
    expect(await phone.dial('1001')).toBeNull()
    expect(errors).toEqual(['Not signed in: sign in before calling'])
    expect(phone.calls()).toEqual([])
  })

  it('reports a SIP address that is not user@domain as a failed registration', async () => {
    const phone = createSipPhone({ log: () => undefined })
    const statuses: string[] = []
    phone.on('registration', (s) => statuses.push(s.state === 'failed' ? `${s.state}:${s.reason}` : s.state))
    await phone.connect({
      displayName: '',
      sipAddress: 'not-an-address',
      authUser: '',
      password: '',
      wsServer: 'wss://pbx.example',
      outboundProxy: '',
      iceServers: [],
    })
    expect(statuses).toEqual(['failed:other'])
  })
})

describe('PhoneEmitter', () => {
  it('delivers to every listener even when one throws, and unsubscribes', () => {
    const reported: unknown[] = []
    const emitter = new PhoneEmitter((e) => reported.push(e))
    const got: string[] = []
    emitter.on('error', () => {
      throw new Error('bad listener')
    })
    const off = emitter.on('error', ({ message }) => got.push(message.key))
    emitter.emit('error', { message: message('call.gone') })
    off()
    emitter.emit('error', { message: message('call.failed') })
    expect(got).toEqual(['call.gone'])
    expect(reported).toHaveLength(2)
  })
})
