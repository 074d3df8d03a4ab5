import { existsSync, readFileSync, rmSync } from 'node:fs'
import { message, render, type Message } from '../../contract/i18n'
import type { Logger } from '../log/logger'
import { writeFileAtomic } from '../settings/backend'
import type { SafeStorageAdapter } from './safe-storage'

/** What the store can say about its secret; each takes the secret's name. */
type NoticeKey =
  | 'notice.keychain-locked'
  | 'notice.secret-unreadable'
  | 'notice.secret-memory-only'
  | 'notice.secret-not-saved'

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
  private readonly storeNotices: Message[] = []

  constructor(
    private readonly path: string,
    private readonly safeStorage: SafeStorageAdapter,
    private readonly logger: Logger,
    /** Told every password this store holds, so the log can keep it out (main/log/redact.ts). */
    private readonly onSecret: (secret: string) => void = () => undefined,
    /** What the notices call the secret: "password", "TURN server password". */
    private readonly subject: Message = message('notice.secret-password'),
  ) {}

  get notices(): readonly Message[] {
    return this.storeNotices
  }

  private notice(key: NoticeKey): void {
    if (!this.storeNotices.some((known) => known.key === key))
      this.storeNotices.push(message(key, { secret: this.subject }))
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
        this.notice('notice.keychain-locked')
        return
      }
      this.password = this.safeStorage.decryptString(Buffer.from(file.password, 'base64'))
      this.onSecret(this.password)
    } catch (error) {
      this.logger.warn(`Stored ${render('en', this.subject)} could not be read`, error)
      this.notice('notice.secret-unreadable')
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
      this.notice('notice.secret-memory-only')
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
      this.notice('notice.secret-not-saved')
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
