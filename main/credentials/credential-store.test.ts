import { inEnglish, inSwedish } from '../testing/english'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemoryLogger } from '../log/logger'
import { CredentialStore } from './credential-store'
import { FakeSafeStorage } from '../testing/fake-safe-storage'
import { electronSafeStorage } from './electron-safe-storage'

let dir: string
let path: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-credentials-'))
  path = join(dir, 'credentials.json')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('CredentialStore', () => {
  it('stores base64 ciphertext, not the password, and reads it back after restart', () => {
    const store = new CredentialStore(path, new FakeSafeStorage(true), new MemoryLogger())
    store.start()
    store.setPassword('correct horse')
    const raw = readFileSync(path, 'utf8')
    expect(raw).not.toContain('correct horse')
    expect(JSON.parse(raw)).toEqual({ format: 1, password: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) })
    const again = new CredentialStore(path, new FakeSafeStorage(true), new MemoryLogger())
    again.start()
    expect(again.getPassword()).toBe('correct horse')
  })

  it('keeps the password in memory only when encryption is unavailable, and says so', () => {
    const store = new CredentialStore(path, new FakeSafeStorage(false), new MemoryLogger())
    store.start()
    store.setPassword('memory only')
    expect(store.getPassword()).toBe('memory only')
    expect(existsSync(path)).toBe(false)
    expect(inEnglish(store.notices).join(' ')).toMatch(
      /keychain is not available.*kept only until Parley closes/,
    )
    expect(inSwedish(store.notices).join(' ')).toMatch(
      /nyckelring är inte tillgänglig.*sparas bara tills Parley stängs/,
    )
  })

  it('removes an earlier encrypted file when it can no longer encrypt', () => {
    new CredentialStore(path, new FakeSafeStorage(true), new MemoryLogger()).setPassword('old')
    const store = new CredentialStore(path, new FakeSafeStorage(false), new MemoryLogger())
    store.start()
    expect(store.hasPassword()).toBe(false)
    expect(inEnglish(store.notices)[0]).toMatch(/cannot be unlocked/)
    store.setPassword('new')
    expect(existsSync(path)).toBe(false)
  })

  it('reports a password that cannot be decrypted instead of crashing', () => {
    writeFileSync(path, JSON.stringify({ format: 1, password: Buffer.from('garbage').toString('base64') }))
    const store = new CredentialStore(path, new FakeSafeStorage(true), new MemoryLogger())
    store.start()
    expect(store.hasPassword()).toBe(false)
    expect(inEnglish(store.notices)[0]).toMatch(/could not be unlocked/)
  })

  it('clear() forgets the password and deletes the file', () => {
    const store = new CredentialStore(path, new FakeSafeStorage(true), new MemoryLogger())
    store.setPassword('x')
    store.clear()
    expect(store.hasPassword()).toBe(false)
    expect(existsSync(path)).toBe(false)
  })
})

describe('electronSafeStorage', () => {
  const fake = (available: boolean, backend: string) =>
    ({
      isEncryptionAvailable: () => available,
      getSelectedStorageBackend: () => backend,
      encryptString: (text: string) => Buffer.from(text),
      decryptString: (buffer: Buffer) => buffer.toString(),
    }) as unknown as Electron.SafeStorage

  it('treats the Linux basic_text fallback as no encryption', () => {
    expect(electronSafeStorage(fake(true, 'basic_text'), 'linux').isEncryptionAvailable()).toBe(false)
    expect(electronSafeStorage(fake(true, 'gnome_libsecret'), 'linux').isEncryptionAvailable()).toBe(true)
    expect(electronSafeStorage(fake(true, 'unknown'), 'darwin').isEncryptionAvailable()).toBe(true)
    expect(electronSafeStorage(fake(false, 'kwallet5'), 'linux').isEncryptionAvailable()).toBe(false)
  })
})

describe('CredentialStore when the keychain refuses', () => {
  it('keeps the password in memory with a notice instead of failing the sign-in', () => {
    const refusing = new FakeSafeStorage(true)
    refusing.encryptString = () => {
      throw new Error('user denied keychain access')
    }
    const dir2 = mkdtempSync(join(tmpdir(), 'parley-credentials-refused-'))
    const store = new CredentialStore(join(dir2, 'credentials.json'), refusing, new MemoryLogger())
    store.setPassword('still works')
    expect(store.getPassword()).toBe('still works')
    expect(existsSync(join(dir2, 'credentials.json'))).toBe(false)
    expect(inEnglish(store.notices)[0]).toMatch(/could not be saved securely/)
    rmSync(dir2, { recursive: true, force: true })
  })
})
