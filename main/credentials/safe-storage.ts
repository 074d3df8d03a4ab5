/** The part of Electron's safeStorage Parley uses; tests and headless runs pass a fake (main/testing). */
export interface SafeStorageAdapter {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}
