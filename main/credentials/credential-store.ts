import { existsSync, readFileSync, rmSync } from 'node:fs'
import type { Logger } from '../log/logger'
import { writeFileAtomic } from '../settings/backend'
import type { SafeStorageAdapter } from './safe-storage'

interface CredentialFile {
  format: 1
  /** base64 of safeStorage ciphertext. */
  password: string
}

/**
 * One secret (the SIP password; with another file and subject, the TURN credentials),
 * encrypted with the OS keychain through safeStorage, in its own file next to the settings. Without encryption it is kept in memory for this run only: never plain
 * text on disk. Every problem becomes a notice, never a crash.
 */
export class CredentialStore {
  private password: string | null = null
  private readonly storeNotices: string[] = []

  constructor(
    private readonly path: string,
    private readonly safeStorage: SafeStorageAdapter,
    private readonly logger: Logger,
    /** Told every password this store holds, so the log can keep it out (main/log/redact.ts). */
    private readonly onSecret: (secret: string) => void = () => undefined,
    /** What the notices call the secret: "password", "TURN server password". */
    private readonly subject = 'password',
  ) {}

  get notices(): readonly string[] {
    return this.storeNotices
  }

  private notice(text: string): void {
    if (!this.storeNotices.includes(text)) this.storeNotices.push(text)
  }

  /** Read and decrypt the stored password, if any. Call once the OS keychain is usable. */
  start(): void {
    this.password = null
    if (!existsSync(this.path)) return
    try {
      const file = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<CredentialFile>
      if (file.format !== 1 || typeof file.password !== 'string')
        throw new Error('unexpected credential file shape')
      if (!this.safeStorage.isEncryptionAvailable()) {
        this.notice(
          `Your saved ${this.subject} cannot be unlocked because the system keychain is not available. Please enter it again; it will be kept only until Parley closes.`,
        )
        return
      }
      this.password = this.safeStorage.decryptString(Buffer.from(file.password, 'base64'))
      this.onSecret(this.password)
    } catch (error) {
      this.logger.warn(`Stored ${this.subject} could not be read`, error)
      this.notice(
        `Your saved ${this.subject} could not be unlocked (the system keychain may have changed). Please enter it again.`,
      )
    }
  }

  hasPassword(): boolean {
    return this.password !== null
  }

  getPassword(): string | null {
    return this.password
  }

  /** Keep the password; encrypted on disk when possible, otherwise in memory with a notice. */
  setPassword(password: string): void {
    this.password = password
    this.onSecret(password)
    if (!this.safeStorage.isEncryptionAvailable()) {
      this.removeFile()
      this.notice(
        `The system keychain is not available, so your ${this.subject} is kept only until Parley closes and you will be asked again next time.`,
      )
      return
    }
    try {
      const encrypted = this.safeStorage.encryptString(password)
      const file: CredentialFile = { format: 1, password: encrypted.toString('base64') }
      writeFileAtomic(this.path, `${JSON.stringify(file)}\n`)
    } catch (error) {
      // Keychain locked or refused, disk full: the sign-in still works for this run.
      this.logger.warn('Password could not be stored encrypted', error)
      this.removeFile()
      this.notice(
        `Your ${this.subject} could not be saved securely, so it is kept only until Parley closes and you will be asked again next time.`,
      )
    }
  }

  clear(): void {
    this.password = null
    this.removeFile()
  }

  private removeFile(): void {
    rmSync(this.path, { force: true })
  }
}
