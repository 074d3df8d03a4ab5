import { describe, expect, it } from 'vitest'
import { english } from '../testing/english'
import { parseDialString } from './dial-string'

const target = (input: string) => {
  const parsed = parseDialString(input)
  if (!parsed.ok) throw new Error(`refused ${JSON.stringify(input)}: ${english(parsed.message)}`)
  return parsed.target
}
const refusal = (input: string) => {
  const parsed = parseDialString(input)
  if (parsed.ok) throw new Error(`accepted ${JSON.stringify(input)} as ${parsed.target}`)
  return english(parsed.message)
}

describe('parseDialString accepts what people type', () => {
  it.each([
    ['+46 8-120 100 64', '+46812010064'],
    ['0812010064', '0812010064'],
    ['555', '555'],
    ['*72', '*72'],
    ['#31#0701234567', '#31#0701234567'],
    ['(08) 120 100 64', '0812010064'],
    ['+46 (0)8 120 100 64', '+46812010064'],
    ['  08.120.100.64 ', '0812010064'],
    ['08/120 10064', '0812010064'],
    ['tel:+46-8-120-100-64', '+46812010064'],
    ['callto://0812010064', '0812010064'],
    ['sip:bob@pbx.example', 'sip:bob@pbx.example'],
    ['SIP:bob@PBX.Example', 'sip:bob@pbx.example'],
    ['bob@pbx.example', 'sip:bob@pbx.example'],
    ['sip:1001@127.0.0.1:5060', 'sip:1001@127.0.0.1:5060'],
    ['sips:alice@pbx.example;transport=ws', 'sips:alice@pbx.example'],
    ['sip:bob@[::1]', 'sip:bob@[::1]'],
  ])('%s → %s', (input, expected) => {
    expect(target(input)).toBe(expected)
  })
})

describe('parseDialString refuses garbage with a message', () => {
  it('refuses empty input', () => {
    expect(refusal('')).toMatch(/Type a number/)
    expect(refusal('   ')).toMatch(/Type a number/)
    expect(refusal(' - ( ) ')).toMatch(/Type a number/)
  })
  it('refuses letters in a number and names the letter', () => {
    expect(refusal('08-120 ABC')).toMatch(/letters.*“A”/)
    expect(refusal('bob')).toMatch(/letters/)
  })
  it('refuses stray symbols and a misplaced plus', () => {
    expect(refusal('0812!0064')).toMatch(/“!”/)
    expect(refusal('08+12')).toMatch(/“\+”/)
    expect(refusal('***')).toMatch(/digit/)
  })
  it('refuses numbers that are too long', () => {
    expect(refusal('1'.repeat(33))).toMatch(/too long/)
    expect(target('1'.repeat(32))).toHaveLength(32)
    expect(refusal('1'.repeat(300))).toMatch(/too long/)
  })
  it('refuses control and bidirectional characters', () => {
    expect(refusal('0812\u202e010064')).toMatch(/hidden/)
    expect(refusal('555\u0000')).toMatch(/hidden/)
    expect(refusal('\u200f555')).toMatch(/hidden/)
    expect(refusal('555\n')).toMatch(/hidden/)
  })
  it('refuses SIP addresses with a bad host or user', () => {
    expect(refusal('sip:bob@')).toMatch(/no server/)
    expect(refusal('sip:bob@bad_host')).toMatch(/host name/)
    expect(refusal('sip:bob@-pbx.example')).toMatch(/host name/)
    expect(refusal('sip:bob@pbx..example')).toMatch(/host name/)
    expect(refusal('sip:bob@999.1.1.1')).toMatch(/IP address/)
    expect(refusal('sip:bob@pbx.example:99999')).toMatch(/port/)
    expect(refusal('sip:@pbx.example')).toMatch(/name before/)
    expect(refusal('sip:bo b@pbx.example')).toMatch(/characters/)
    expect(refusal('sip:')).toMatch(/no number/)
  })
})
