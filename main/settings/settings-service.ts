import { accountSchema, preferencesSchema, type Account, type Preferences } from '../../contract/schemas'
import type { Logger } from '../log/logger'
import type { SettingsBackend } from './backend'
import { repairObject } from './field-repair'

const accountFieldLabels: Record<string, string> = {
  displayName: 'display name',
  sipAddress: 'SIP address',
  authUser: 'authentication user',
  wsServer: 'WebSocket server address',
  outboundProxy: 'outbound proxy',
  iceServers: 'ICE server list',
  voicemailNumber: 'voicemail number',
}

const preferenceLabels: Record<string, string> = {
  microphone: 'microphone choice',
  speaker: 'speaker choice',
  ringtone: 'ringtone device choice',
  closeToTray: 'close-to-tray setting',
  doNotDisturb: 'do-not-disturb setting',
  historyLimit: 'call history limit',
  language: 'language choice',
  dtmfMethod: 'keypad tone method',
  sipTrace: 'SIP trace setting',
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * Account and preferences, validated on every read. The password is deliberately absent:
 * it lives in the credential store (safeStorage), never in this file.
 */
export class SettingsService {
  private readonly loadNotices: string[] = []

  constructor(
    private readonly backend: SettingsBackend,
    private readonly logger: Logger,
  ) {}

  /** Notices about what was wrong in the file the last time it was read. */
  get notices(): readonly string[] {
    return this.loadNotices
  }

  addNotice(notice: string): void {
    if (!this.loadNotices.includes(notice)) this.loadNotices.push(notice)
  }

  /**
   * The stored account, repaired field by field. A required field that was invalid comes
   * back as '' so the login form shows it empty (and refuses to save it) while the rest is kept.
   */
  readAccount(): Account | null {
    const raw = this.backend.get('account')
    if (raw === undefined || raw === null) return null
    if (!isPlainObject(raw)) {
      this.addNotice(
        `The account in ${this.backend.path} was not readable and was ignored; please enter it again.`,
      )
      return null
    }
    const { value, repaired } = repairObject(accountSchema.shape, raw, () => '')
    for (const { field, problem } of repaired) {
      this.logger.warn(`Settings field account.${field} invalid: ${problem}`)
      this.addNotice(
        `The ${accountFieldLabels[field] ?? field} in your settings file was not valid (${problem}) and was cleared; the rest of your account was kept.`,
      )
    }
    return value
  }

  writeAccount(account: Account | null): void {
    this.backend.set('account', account === null ? null : accountSchema.parse(account))
  }

  /** `defaults` (e.g. from an admin policy) fill only fields the file does not have. */
  readPreferences(defaults: Partial<Preferences> = {}): Preferences {
    const raw = this.backend.get('preferences')
    if (raw === undefined || raw === null) return preferencesSchema.parse(defaults)
    if (!isPlainObject(raw)) {
      this.addNotice(`Your preferences in ${this.backend.path} were not readable; the defaults are used.`)
      return preferencesSchema.parse({})
    }
    const { value, repaired } = repairObject(preferencesSchema.shape, { ...defaults, ...raw }, () => null)
    for (const { field, problem } of repaired) {
      this.logger.warn(`Settings field preferences.${field} invalid: ${problem}`)
      this.addNotice(
        `The ${preferenceLabels[field] ?? field} in your settings file was not valid (${problem}); the default is used.`,
      )
    }
    return value
  }

  writePreferences(preferences: Preferences): void {
    this.backend.set('preferences', preferencesSchema.parse(preferences))
  }
}
