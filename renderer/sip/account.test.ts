import { describe, expect, it } from 'vitest'
import { dialUriText, outboundRoute, parseSipAddress } from './account'
import { realSipStack } from './stack'

describe('parseSipAddress', () => {
  it('splits user@domain and tolerates a sip: prefix', () => {
    expect(parseSipAddress('alice@pbx.example')).toEqual({ user: 'alice', domain: 'pbx.example' })
    expect(parseSipAddress('sip:1001@10.0.0.1:5060')).toEqual({ user: '1001', domain: '10.0.0.1:5060' })
  })
  it('refuses unusable addresses', () => {
    for (const bad of ['', 'alice', '@pbx', 'alice@', 'a b@pbx', 'alice@pbx example', 'alice@<x>']) {
      expect(parseSipAddress(bad)).toBeNull()
    }
  })
})

describe('dialUriText', () => {
  it('puts bare numbers in the account domain', () => {
    expect(dialUriText('555', 'pbx.example')).toBe('sip:555@pbx.example')
    expect(dialUriText('+46812010064', 'pbx.example')).toBe('sip:+46812010064@pbx.example')
    expect(dialUriText('*97#', 'pbx.example')).toBe('sip:*97%23@pbx.example')
  })
  it('keeps sip URIs and accepts user@host and tel:', () => {
    expect(dialUriText('sip:bob@pbx.example', 'x')).toBe('sip:bob@pbx.example')
    expect(dialUriText('bob@other.example', 'x')).toBe('sip:bob@other.example')
    expect(dialUriText('tel:+4681234', 'pbx.example')).toBe('sip:+4681234@pbx.example')
  })
  it('refuses garbage', () => {
    expect(dialUriText('', 'x')).toBeNull()
    expect(dialUriText('a b c', 'x')).toBeNull()
    expect(dialUriText('<script>', 'x')).toBeNull()
  })
  it('produces URIs SIP.js can parse', () => {
    for (const target of ['555', '+46812010064', '*97#', 'bob@other.example']) {
      const text = dialUriText(target, 'pbx.example')
      expect(text && realSipStack.makeUri(text)).toBeTruthy()
    }
  })
})

describe('outboundRoute', () => {
  it('makes a loose route', () => {
    expect(outboundRoute('')).toBeNull()
    expect(outboundRoute('proxy.example')).toBe('<sip:proxy.example;lr>')
    expect(outboundRoute('sip:proxy.example;lr')).toBe('<sip:proxy.example;lr>')
  })
})
