import type { SafeStorageAdapter } from '../credentials/safe-storage'

/**
 * For tests and the headless harness only: a reversible transform that is NOT plain text
 * (so a test can prove the password never reaches disk readable) and NOT real encryption.
 */
export class FakeSafeStorage implements SafeStorageAdapter {
  constructor(private readonly available = true) {}

  isEncryptionAvailable(): boolean {
    return this.available
  }

  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available')
    const bytes = Buffer.from(plainText, 'utf8')
    return Buffer.concat([
      Buffer.from('FAKE1:'),
      Buffer.from(bytes.map((byte, index) => byte ^ ((0x5a + index) % 256))),
    ])
  }

  decryptString(encrypted: Buffer): string {
    if (!this.available) throw new Error('Encryption is not available')
    const prefix = Buffer.from('FAKE1:')
    if (!encrypted.subarray(0, prefix.length).equals(prefix))
      throw new Error('Not produced by FakeSafeStorage')
    const body = encrypted.subarray(prefix.length)
    return Buffer.from(body.map((byte, index) => byte ^ ((0x5a + index) % 256))).toString('utf8')
  }
}
