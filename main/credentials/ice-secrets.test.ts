import { describe, expect, it } from 'vitest'
import { hasIceSecrets, joinIceSecrets, parseIceSecrets, splitIceSecrets } from './ice-secrets'

describe('TURN credentials split from the ICE server list', () => {
  it('keeps URLs without credentials and puts user:password aside by URL', () => {
    const split = splitIceSecrets([
      'stun:stun.example:3478',
      'turn:alice:s3cr%40t@turn.example:3478?transport=udp',
    ])
    expect(split.urls).toEqual(['stun:stun.example:3478', 'turn:turn.example:3478?transport=udp'])
    expect(split.secrets).toEqual({ 'turn:turn.example:3478?transport=udp': 'alice:s3cr%40t' })
    expect(JSON.stringify(split.urls)).not.toContain('s3cr')
  })

  it('joins them back into the same list', () => {
    const list = ['turns:bob:pw@turn.example:5349', 'stun:stun.example', 'turn:turn2.example']
    const split = splitIceSecrets(list)
    expect(joinIceSecrets(split.urls, split.secrets)).toEqual(list)
    expect(hasIceSecrets(list)).toBe(true)
    expect(hasIceSecrets(split.urls)).toBe(false)
  })

  it('reads damaged stored secrets as none', () => {
    expect(parseIceSecrets('not json')).toEqual({})
    expect(parseIceSecrets('[1]')).toEqual({})
    expect(parseIceSecrets('{"turn:x":"a:b","bad":1}')).toEqual({ 'turn:x': 'a:b' })
    expect(parseIceSecrets(null)).toEqual({})
  })
})
