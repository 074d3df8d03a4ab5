import type { SafeStorage } from 'electron'
import type { SafeStorageAdapter } from './safe-storage'

/**
 * Electron's safeStorage, with one refinement: on Linux without a keyring Chromium falls back
 * to 'basic_text', a fixed key that protects nothing. Parley treats that as "no encryption"
 * and keeps the password in memory only, rather than writing an obfuscated copy to disk.
 */
export function electronSafeStorage(
  safeStorage: SafeStorage,
  platform: NodeJS.Platform = process.platform,
): SafeStorageAdapter {
  return {
    isEncryptionAvailable() {
      if (!safeStorage.isEncryptionAvailable()) return false
      if (platform !== 'linux') return true
      const backend = safeStorage.getSelectedStorageBackend()
      return backend !== 'basic_text' && backend !== 'unknown'
    },
    encryptString: (plainText) => safeStorage.encryptString(plainText),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  }
}
