import { message, type Message, type MessageKey } from '../../contract/i18n/catalogue'
import { accountSchema, preferencesSchema } from '../../contract/schemas'
import type { Account, Preferences, PreferencesPatch } from '../../contract/schemas'
import type { AdminPolicy, LockableSetting } from '../policy/admin-policy'

const accountFieldsFromPolicy = [
  'wsServer',
  'voicemailNumber',
  'mailbox',
  'voicemailWatch',
  'outboundProxy',
  'iceServers',
  'region',
] as const

/** How a locked setting is named inside "Your administrator has locked …", in the user's language. */
const settingLabels: Record<LockableSetting, MessageKey> = {
  displayName: 'setting.display-name',
  sipAddress: 'setting.sip-address',
  sipDomain: 'setting.sip-domain',
  authUser: 'setting.auth-user',
  wsServer: 'setting.ws-server',
  outboundProxy: 'setting.outbound-proxy',
  iceServers: 'setting.ice-servers',
  voicemailNumber: 'setting.voicemail-number',
  mailbox: 'setting.mailbox',
  voicemailWatch: 'setting.voicemail-watch',
  region: 'setting.region',
  closeToTray: 'setting.close-to-tray',
  dtmfMethod: 'setting.dtmf-method',
  language: 'setting.language',
  doNotDisturb: 'setting.do-not-disturb',
  historyLimit: 'setting.history-limit',
  sipTrace: 'setting.sip-trace',
  keepOnTop: 'setting.keep-on-top',
  microphone: 'setting.microphone',
  speaker: 'setting.speaker',
  ringtone: 'setting.ringtone',
  watchedContacts: 'setting.watched-contacts',
  textSize: 'setting.text-size',
  autoUpdate: 'setting.auto-update',
  statusSchedule: 'setting.status-schedule',
}

/** "Your administrator has locked the language." (and how many more), for the settings refused. */
export function lockedMessage(settings: readonly string[]): Message {
  const first = message(settingLabels[settings[0] as LockableSetting] ?? 'setting.other')
  return settings.length > 1
    ? message('reason.locked-more', { setting: first, count: settings.length - 1 })
    : message('reason.locked', { setting: first })
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

const schemaFields: Record<string, { safeParse(value: unknown): { success: boolean; data?: unknown } }> = {
  ...accountSchema.shape,
  ...preferencesSchema.shape,
}

/**
 * What a locked setting is held at: the admin's value, else Parley's built-in default (a lock
 * without a value). Applied on every read, so editing settings.json cannot undo a lock; the
 * user's own current value is never the reference, because it lives in a file the user can
 * write. `undefined`: the setting has no built-in default (sipAddress, wsServer, sipDomain).
 */
export function lockedValue(setting: LockableSetting, policy: AdminPolicy): unknown {
  const policyValue = (policy.values as Record<string, unknown>)[setting]
  if (policyValue !== undefined) return policyValue
  const fallback = schemaFields[setting]?.safeParse(undefined)
  return fallback?.success ? fallback.data : undefined
}

/** `target` with every locked field of `fields` set to its locked value. */
function holdLocked<T extends object>(target: T, fields: readonly string[], policy: AdminPolicy): T {
  const held: Record<string, unknown> = { ...(target as Record<string, unknown>) }
  for (const setting of policy.locked) {
    if (!fields.includes(setting)) continue
    const value = lockedValue(setting, policy)
    if (value !== undefined) held[setting] = value
  }
  return held as T
}

/** The host part with any port: a locked domain "pbx.example" is not "pbx.example:5070". */
const hostOf = (sipAddress: string): string => (sipAddress.split('@')[1] ?? '').toLowerCase()

function withDomain(sipAddress: string, domain: string): string {
  const user = sipAddress.split('@')[0] ?? ''
  return user ? `${user}@${domain}` : sipAddress
}

/** The account as the app should use it: locked policy values always win over the file. */
export function applyPolicyToAccount(account: Account, policy: AdminPolicy): Account {
  const effective = holdLocked(account, Object.keys(accountSchema.shape), policy)
  const locked = new Set<string>(policy.locked)
  const domain = policy.values.sipDomain
  if (
    domain &&
    locked.has('sipDomain') &&
    effective.sipAddress &&
    hostOf(effective.sipAddress) !== domain.toLowerCase()
  ) {
    effective.sipAddress = withDomain(effective.sipAddress, domain)
  }
  return effective
}

/** Values the admin pre-set (locked or not) for a login form that has nothing saved yet. */
export function accountPresets(policy: AdminPolicy): Partial<Account> & { sipDomain?: string } {
  const presets: Partial<Account> & { sipDomain?: string } = {}
  for (const field of accountFieldsFromPolicy) {
    const value = policy.values[field]
    if (value !== undefined) (presets as Record<string, unknown>)[field] = value
  }
  if (policy.values.sipDomain) presets.sipDomain = policy.values.sipDomain
  return presets
}

/**
 * Which locked settings a save would change. The reference for each is the admin's value
 * when the policy sets one, otherwise what the user had before (a lock freezes the current value).
 */
export function lockedAccountChanges(
  requested: Account,
  current: Account | null,
  blank: Account,
  policy: AdminPolicy,
): string[] {
  const violations: string[] = []
  const before = current ?? blank
  for (const setting of policy.locked) {
    if (setting === 'sipDomain') {
      // The whole host part, port included: another port on the locked domain is another server.
      const expected =
        policy.values.sipDomain?.toLowerCase() ?? (current ? hostOf(current.sipAddress) : undefined)
      if (expected !== undefined && hostOf(requested.sipAddress) !== expected) violations.push(setting)
      continue
    }
    if (!(setting in requested)) continue
    const reference = lockedValue(setting, policy) ?? (before as Record<string, unknown>)[setting]
    if (!sameValue((requested as Record<string, unknown>)[setting], reference)) violations.push(setting)
  }
  return violations
}

/** Preferences an admin policy can set a value for (a preset, or fixed when also locked). */
export const preferencesFromPolicy = [
  'closeToTray',
  'language',
  'dtmfMethod',
  'sipTrace',
  'keepOnTop',
  'textSize',
] as const

/** What the policy presets for preferences the user has not set yet. */
export function preferencePresets(policy: AdminPolicy): Partial<Preferences> {
  const presets: Partial<Preferences> = {}
  for (const field of preferencesFromPolicy) {
    const value = policy.values[field]
    if (value !== undefined) (presets as Record<string, unknown>)[field] = value
  }
  return presets
}

export function applyPolicyToPreferences(preferences: Preferences, policy: AdminPolicy): Preferences {
  return holdLocked(preferences, Object.keys(preferencesSchema.shape), policy)
}

export function lockedPreferenceChanges(
  patch: PreferencesPatch,
  current: Preferences,
  policy: AdminPolicy,
): string[] {
  return policy.locked.filter(
    (setting) =>
      setting in patch &&
      !sameValue((patch as Record<string, unknown>)[setting], (current as Record<string, unknown>)[setting]),
  )
}
