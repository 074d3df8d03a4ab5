import { EventEmitter } from 'node:events'
import type { ConnectionOptions, TLSSocket } from 'node:tls'
import { describe, expect, it } from 'vitest'
import { certificateProblemOf, explainTlsFailure } from './tls-explain'

/** A TLS socket that fails its handshake with `code` (or succeeds with null). */
function fakeConnect(code: string | null, seen: ConnectionOptions[] = []) {
  return (options: ConnectionOptions) => {
    seen.push(options)
    const socket = Object.assign(new EventEmitter(), {
      destroyed: false,
      destroy: () => (socket.destroyed = true),
    })
    setImmediate(() => {
      if (code === null) socket.emit('secureConnect')
      else socket.emit('error', Object.assign(new Error(code), { code }))
    })
    return socket as unknown as TLSSocket
  }
}

describe('certificateProblemOf', () => {
  it('names each certificate problem and nothing else', () => {
    expect(certificateProblemOf('CERT_HAS_EXPIRED')).toBe('expired')
    expect(certificateProblemOf('CERT_NOT_YET_VALID')).toBe('not-yet-valid')
    expect(certificateProblemOf('ERR_TLS_CERT_ALTNAME_INVALID')).toBe('wrong-host')
    expect(certificateProblemOf('DEPTH_ZERO_SELF_SIGNED_CERT')).toBe('self-signed')
    expect(certificateProblemOf('UNABLE_TO_VERIFY_LEAF_SIGNATURE')).toBe('untrusted')
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', undefined])
      expect(certificateProblemOf(code)).toBeNull()
  })
})

describe('explainTlsFailure', () => {
  it('shakes hands with the same host and port, verification on, with the CAs it is given', async () => {
    const seen: ConnectionOptions[] = []
    const problem = await explainTlsFailure('wss://pbx.corp.example:8089/ws', {
      connect: fakeConnect('CERT_HAS_EXPIRED', seen),
      ca: () => ['---test CA---'],
      addressOf: () => '127.0.0.1',
    })
    expect(problem).toBe('expired')
    expect(seen).toEqual([
      {
        host: '127.0.0.1',
        port: 8089,
        servername: 'pbx.corp.example',
        ca: ['---test CA---'],
        rejectUnauthorized: true,
      },
    ])
  })

  it('says nothing when the certificate is fine, the server is down, or it does not answer', async () => {
    expect(await explainTlsFailure('wss://pbx.example/ws', { connect: fakeConnect(null) })).toBeNull()
    expect(
      await explainTlsFailure('wss://pbx.example/ws', { connect: fakeConnect('ECONNREFUSED') }),
    ).toBeNull()
    const silent = () =>
      Object.assign(new EventEmitter(), { destroy: () => undefined }) as unknown as TLSSocket
    expect(await explainTlsFailure('wss://pbx.example/ws', { connect: silent, timeoutMs: 20 })).toBeNull()
  })

  it('never probes anything but wss://', async () => {
    const seen: ConnectionOptions[] = []
    expect(await explainTlsFailure('ws://127.0.0.1:5066/', { connect: fakeConnect(null, seen) })).toBeNull()
    expect(seen).toEqual([])
  })
})
