import { accountSchema, preferencesSchema, type Account, type Preferences } from '../../contract/schemas'
import { message, type Message, type MessageKey } from '../../contract/i18n'
import type { Logger } from '../log/logger'
import type { SettingsBackend } from './backend'
import { repairObject } from './field-repair'

/** A field named in a notice by the label the user knows from the form or Settings. */
const fieldLabels: Record<string, MessageKey> = {
  displayName: 'login.display-name',
  sipAddress: 'login.sip-address',
  authUser: 'login.auth-user',
  wsServer: 'login.ws-server',
  outboundProxy: 'login.outbound-proxy',
  iceServers: 'notice.field-ice-servers',
  voicemailNumber: 'notice.field-voicemail',
  mailbox: 'mwi.field-mailbox',
  voicemailWatch: 'mwi.field-watch',
  microphone: 'audio.microphone',
  speaker: 'audio.speaker',
  ringtone: 'audio.ringtone-device',
  closeToTray: 'settings.close-to-tray',
  doNotDisturb: 'main.dnd',
  historyLimit: 'notice.field-history-limit',
  language: 'settings.language',
  dtmfMethod: 'settings.dtmf',
  sipTrace: 'settings.sip-trace',
  keepOnTop: 'settings.keep-on-top',
  watchedContacts: 'lamp.watched-list',
  textSize: 'settings.text-size',
}

/** The field's label as a message; an unknown field (a newer version's) by its own name. */
const fieldLabel = (field: string) => {
  const key = fieldLabels[field]
  return key ? { key } : field
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * Account and preferences, validated on every read. The password is deliberately absent:
 * it lives in the credential store (safeStorage), never in this file.
 */
export class SettingsService {
  private readonly loadNotices: Message[] = []

  constructor(
    private readonly backend: SettingsBackend,
    private readonly logger: Logger,
  ) {}

  /** Notices about what was wrong in the file the last time it was read. */
  get notices(): readonly Message[] {
    return this.loadNotices
  }

  addNotice(notice: Message): void {
    const text = JSON.stringify(notice)
    if (!this.loadNotices.some((known) => JSON.stringify(known) === text)) this.loadNotices.push(notice)
  }

  /**
   * The stored account, repaired field by field. A required field that was invalid comes
   * back as '' so the login form shows it empty (and refuses to save it) while the rest is kept.
   */
  readAccount(): Account | null {
    const raw = this.backend.get('account')
    if (raw === undefined || raw === null) return null
    if (!isPlainObject(raw)) {
      this.addNotice(message('notice.account-unreadable', { path: this.backend.path }))
      return null
    }
    const { value, repaired } = repairObject(accountSchema.shape, raw, () => '')
    for (const { field, problem } of repaired) {
      this.logger.warn(`Settings field account.${field} invalid: ${problem}`)
      this.addNotice(message('notice.account-field-cleared', { field: fieldLabel(field) }))
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
      this.addNotice(message('notice.preferences-unreadable', { path: this.backend.path }))
      return preferencesSchema.parse({})
    }
    const { value, repaired } = repairObject(preferencesSchema.shape, { ...defaults, ...raw }, () => null)
    for (const { field, problem } of repaired) {
      this.logger.warn(`Settings field preferences.${field} invalid: ${problem}`)
      this.addNotice(message('notice.preference-reset', { field: fieldLabel(field) }))
    }
    return value
  }

  writePreferences(preferences: Preferences): void {
    this.backend.set('preferences', preferencesSchema.parse(preferences))
  }
}
