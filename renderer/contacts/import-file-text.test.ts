import { describe, expect, it } from 'vitest'
import { decodeImportFile } from './import-file-text'

const utf16le = (text: string) => {
  const bytes = new Uint8Array(2 + text.length * 2)
  bytes.set([0xff, 0xfe])
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    bytes[2 + index * 2] = code & 0xff
    bytes[3 + index * 2] = code >> 8
  }
  return bytes
}

describe('decodeImportFile', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeImportFile(new TextEncoder().encode('Name\nÅsa Östlund'))).toBe('Name\nÅsa Östlund')
    expect(decodeImportFile(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Åsa')]))).toBe(
      'Åsa',
    )
  })

  it('reads UTF-16 with a byte-order mark (Outlook "Unicode" CSV)', () => {
    expect(decodeImportFile(utf16le('First Name,Last Name\r\nÅsa,Östlund'))).toBe(
      'First Name,Last Name\r\nÅsa,Östlund',
    )
  })

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    // "Åsa Östlund – AB" in Windows-1252 (0x96 is the en dash there).
    const bytes = new Uint8Array([
      0xc5, 0x73, 0x61, 0x20, 0xd6, 0x73, 0x74, 0x6c, 0x75, 0x6e, 0x64, 0x20, 0x96, 0x20, 0x41, 0x42,
    ])
    expect(decodeImportFile(bytes)).toBe('Åsa Östlund – AB')
  })
})
