import { message, type Message } from '../../contract/i18n'
import type { AccountState } from '../../contract/ipc'
import {
  accountSchema,
  preferencesSchema,
  type Account,
  type Preferences,
  type PreferencesPatch,
} from '../../contract/schemas'
import type { CredentialStore } from '../credentials/credential-store'
import { hasIceSecrets, joinIceSecrets, parseIceSecrets, splitIceSecrets } from '../credentials/ice-secrets'
import { defineHandlers, HandlerError, type ParsedRequest } from '../ipc/handlers'
import type { EventSink } from '../ipc/event-bus'
import type { AdminPolicy } from '../policy/admin-policy'
import type { SettingsService } from '../settings/settings-service'
import {
  accountPresets,
  applyPolicyToAccount,
  applyPolicyToPreferences,
  preferencePresets,
  lockedMessage,
  lockedAccountChanges,
  lockedPreferenceChanges,
} from './policy-enforcement'

const blankAccount: Account = {
  displayName: '',
  sipAddress: '',
  authUser: '',
  wsServer: '',
  outboundProxy: '',
  iceServers: [],
  voicemailNumber: '555',
  region: 'SE',
}

/** A failed write (disk full, no permission) is a storage error the user can act on, not a crash. */
function storing(write: () => void): void {
  try {
    write()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
    throw new HandlerError('storage', message('reason.settings-not-saved', { code }))
  }
}

export interface AccountServiceDeps {
  settings: SettingsService
  credentials: CredentialStore
  /** The TURN credentials of the ICE server list (safeStorage too), kept out of settings.json. */
  turnCredentials: CredentialStore
  policy: AdminPolicy
  events: EventSink
  /** Notices from start-up that are not the settings' own (a policy file refused, ...). */
  startupNotices?: readonly Message[]
}

/** Account, password and preferences, with the admin policy enforced on every read and write. */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  start(): void {
    this.deps.credentials.start()
    this.deps.turnCredentials.start()
    // Settings written before TURN credentials moved to safeStorage: move them now.
    const stored = this.deps.settings.readAccount()
    if (stored && hasIceSecrets(stored.iceServers)) this.writeAccount(stored)
  }

  /** The account to settings.json, its TURN credentials to the credential store. */
  private writeAccount(account: Account): void {
    const { urls, secrets } = splitIceSecrets(account.iceServers)
    if (Object.keys(secrets).length > 0) this.deps.turnCredentials.setPassword(JSON.stringify(secrets))
    else this.deps.turnCredentials.clear()
    this.deps.settings.writeAccount({ ...account, iceServers: urls })
  }

  private readAccount(): Account | null {
    const stored = this.deps.settings.readAccount()
    if (!stored) return null
    const secrets = parseIceSecrets(this.deps.turnCredentials.getPassword())
    return { ...stored, iceServers: joinIceSecrets(stored.iceServers, secrets) }
  }

  stop(): void {}

  state(): AccountState {
    const { settings, credentials, policy, turnCredentials } = this.deps
    const stored = this.readAccount()
    const account = stored ? applyPolicyToAccount(stored, policy) : null
    return {
      account,
      hasPassword: credentials.hasPassword(),
      complete: account !== null && accountSchema.safeParse(account).success,
      locked: [...policy.locked],
      notices: [
        ...(this.deps.startupNotices ?? []),
        ...settings.notices,
        ...credentials.notices,
        ...turnCredentials.notices,
      ],
      presets: accountPresets(policy),
      ...(policy.values.voicemailKeys ? { voicemailKeys: policy.values.voicemailKeys } : {}),
      ...(policy.values.transferAllowlist
        ? { transferAllowlist: policy.values.transferAllowlist.map((domain) => domain.toLowerCase()) }
        : {}),
      ...(policy.values.pickupCode ? { pickupCode: policy.values.pickupCode } : {}),
    }
  }

  save(request: ParsedRequest<'account:save'>): AccountState {
    const { credentials, policy } = this.deps
    const current = this.readAccount()
    const violations = lockedAccountChanges(request.account, current, blankAccount, policy)
    if (violations.length > 0) {
      throw new HandlerError('locked', lockedMessage(violations))
    }
    storing(() => this.writeAccount(request.account))
    // An empty password field means "unchanged", like an omitted one: forms send '' untouched.
    if (request.password) credentials.setPassword(request.password)
    return this.state()
  }

  password(): string {
    const password = this.deps.credentials.getPassword()
    if (password === null) throw new HandlerError('not-found', message('reason.no-password'))
    return password
  }

  /** Forget the password; the account details stay so signing in again is quick. */
  signOut(): AccountState {
    this.deps.credentials.clear()
    return this.state()
  }

  preferences(): Preferences {
    const defaults = preferencePresets(this.deps.policy)
    return applyPolicyToPreferences(this.deps.settings.readPreferences(defaults), this.deps.policy)
  }

  updatePreferences(patch: PreferencesPatch): Preferences {
    patch = Object.fromEntries(
      Object.entries(patch).filter(([, value]) => value !== undefined),
    ) as PreferencesPatch
    const current = this.preferences()
    const violations = lockedPreferenceChanges(patch, current, this.deps.policy)
    if (violations.length > 0) {
      throw new HandlerError('locked', lockedMessage(violations))
    }
    const next = preferencesSchema.parse({ ...current, ...patch })
    storing(() => this.deps.settings.writePreferences(next))
    const effective = this.preferences()
    this.deps.events.emit('preferences-changed', effective)
    return effective
  }

  handlers() {
    return defineHandlers({
      'account:get': () => this.state(),
      'account:save': (request) => this.save(request),
      'account:password': () => this.password(),
      'account:sign-out': () => this.signOut(),
      'preferences:get': () => this.preferences(),
      'preferences:update': (patch) => this.updatePreferences(patch),
    })
  }
}
