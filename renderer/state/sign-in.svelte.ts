import { ipcLog, type Log } from '../log/log'
import type { AccountState, ParleyApi } from '../../contract/ipc'
import type { Account } from '../../contract/schemas'
import type { Phone, RegistrationStatus, SipAccount } from '../sip/types'
import type { FieldErrors } from './account-form'
import { request } from './api'
import { readSavedAccount, type SavedAccount } from './saved-account'
import { afterNextFrame, nextTask } from './tasks'
import { message, render } from '../../contract/i18n'
import type { Say } from './ui.svelte'

export type SessionStage = 'loading' | 'signed-out' | 'signed-in'

/**
 * The account and the phone's registration: loads the saved account, signs in (save + connect)
 * and out, and mirrors the registration status so the indicator always tells the truth.
 */
export class SignInState {
  stage = $state<SessionStage>('loading')
  account = $state.raw<AccountState | null>(null)
  registration = $state.raw<RegistrationStatus>({ state: 'unregistered' })
  /** Form-level message on the login screen (role="alert"). */
  error = $state<Say>('')
  /** Field messages for the login form, e.g. a stored account a repaired file left incomplete. */
  fieldErrors = $state.raw<FieldErrors>({})
  busy = $state(false)

  private readonly phone: Phone
  private readonly api: ParleyApi
  private readonly log: Log
  private lastLoggedRegistration = 'unregistered'
  /** The microphone is warmed once per run, after the first registration (see start()). */
  private microphoneWarmed = false
  private readonly signOutHooks: (() => void)[] = []
  private readonly accountListeners: ((account: AccountState) => void)[] = []

  /** The saved account the entry already asked for, taken by the first load(). */
  private early: Promise<SavedAccount> | null

  constructor(phone: Phone, api: ParleyApi, log: Log = ipcLog(api), savedAccount?: Promise<SavedAccount>) {
    this.phone = phone
    this.api = api
    this.log = log
    this.early = savedAccount ?? null
  }

  start(): () => void {
    const stops = [
      this.phone.on('registration', (status) => {
        this.logRegistration(status)
        this.registration = status
        // After the frame that shows "Registered": opening the device holds the window for a
        // moment (up to ~45 ms seen under load), and a task of its own may still come before
        // that frame (issue 14).
        if (status.state === 'registered') void afterNextFrame().then(() => this.warmMicrophone())
      }),
    ]
    return () => stops.forEach((stop) => stop())
  }

  /** Each change of registration state, once, for support (not every retry of the same failure). */
  private logRegistration(status: RegistrationStatus): void {
    if (status.state === 'connecting') return
    const key = status.state === 'failed' ? `failed:${status.reason}` : status.state
    if (key === this.lastLoggedRegistration) return
    this.lastLoggedRegistration = key
    if (status.state === 'failed') {
      // The log is read by support: in English whatever the window speaks.
      this.log.write('warn', 'session', `registration failed: ${render('en', status.message)}`)
    } else this.log.write('info', 'session', `registration ${status.state}`)
  }

  /**
   * Reads the saved account; signs in by itself when a password is stored and main found the
   * account complete. The first load takes the answer the window's entry asked for before the
   * rest of the renderer loaded (see saved-account.ts). The form's rules (zod, in their own
   * chunk) load only when there is something to word: an account a repaired file left incomplete.
   */
  async load(): Promise<void> {
    this.stage = 'loading'
    const early = this.early
    this.early = null
    const [result, password] = await (early ?? readSavedAccount(this.api))
    if (!result.ok) {
      this.error = result.message
      this.stage = 'signed-out'
      return
    }
    this.setAccount(result.value)
    const { account, hasPassword, complete } = result.value
    // A repaired settings file can leave '' in a required field: registering with it would only
    // fail obscurely, so ask for the missing detail on the form instead.
    this.fieldErrors =
      account && !complete ? (await import('./account-form')).accountFieldErrors(account) : {}
    if (Object.keys(this.fieldErrors).length > 0) {
      this.error = message('login.check-fields')
      this.stage = 'signed-out'
      return
    }
    if (account && hasPassword) {
      if (password.ok) {
        await this.connectThenShow(account, password.value)
        return
      }
      this.error = password.message
    }
    this.stage = 'signed-out'
  }

  /** Saves the account (password through main's safeStorage) and registers. */
  async signIn(account: Account, password: string | undefined): Promise<boolean> {
    this.busy = true
    this.error = ''
    this.fieldErrors = {}
    try {
      const saved = await request(this.api, 'account:save', password ? { account, password } : { account })
      if (!saved.ok) {
        this.error = saved.message
        return false
      }
      this.setAccount(saved.value)
      const stored = password ?? (await this.storedPassword())
      if (stored === null) return false
      await this.connectThenShow(saved.value.account ?? account, stored)
      return true
    } finally {
      this.busy = false
    }
  }

  /** Told each account main answers with (loaded, saved, signed out), e.g. to follow its region. */
  onAccount(listener: (account: AccountState) => void): void {
    this.accountListeners.push(listener)
  }

  private setAccount(account: AccountState): void {
    this.account = account
    this.accountListeners.forEach((listener) => listener(account))
  }

  /** Runs before the phone disconnects on sign-out (e.g. withdrawing the published status). */
  beforeSignOut(hook: () => void): void {
    this.signOutHooks.push(hook)
  }

  async signOut(): Promise<void> {
    this.signOutHooks.forEach((hook) => hook())
    await this.phone.disconnect()
    const result = await request(this.api, 'account:sign-out')
    if (result.ok) this.setAccount(result.value)
    this.registration = { state: 'unregistered' }
    this.stage = 'signed-out'
  }

  /** Wrong password or server: back to the form, filled in, without forgetting the account. */
  async editAccount(): Promise<void> {
    this.signOutHooks.forEach((hook) => hook())
    await this.phone.disconnect()
    this.registration = { state: 'unregistered' }
    this.error = ''
    this.stage = 'signed-out'
  }

  /**
   * The first microphone open costs a few hundred ms; paying it now, not on the first call,
   * keeps "Answer" instant. Not kept open: the OS mic indicator must not stay lit when idle.
   */
  private warmMicrophone(): void {
    if (this.microphoneWarmed) return
    this.microphoneWarmed = true
    this.phone.prepareMicrophone?.(false).catch(this.log.failed('session', 'warming the microphone failed'))
  }

  private async storedPassword(): Promise<string | null> {
    const result = await request(this.api, 'account:password')
    if (result.ok && result.value) return result.value
    this.error = result.ok ? message('login.enter-password') : result.message
    return null
  }

  /**
   * The WebSocket opens first; the signed-in screen follows in the next task, while the socket
   * connects, instead of holding the socket's open event behind a render.
   */
  private async connectThenShow(account: Account, password: string): Promise<void> {
    const connecting = this.connect(account, password)
    await nextTask()
    this.stage = 'signed-in'
    await connecting
  }

  private async connect(account: Account, password: string): Promise<void> {
    const sipAccount: SipAccount = {
      displayName: account.displayName,
      sipAddress: account.sipAddress,
      authUser: account.authUser,
      password,
      wsServer: account.wsServer,
      outboundProxy: account.outboundProxy,
      iceServers: account.iceServers,
    }
    try {
      await this.phone.connect(sipAccount)
    } catch (error) {
      // The exception's own words are for support; the user reads the catalogue's sentence.
      this.log.failed('session', 'connecting failed')(error)
      this.registration = {
        state: 'failed',
        reason: 'other',
        message: message('registration.could-not-connect'),
      }
    }
  }
}
