import { ipcLog, type Log } from '../log/log'
import type { AccountState, ParleyApi } from '../../contract/ipc'
import type { Account } from '../../contract/schemas'
import type { Phone, RegistrationStatus } from '../sip/types'
import type { FieldErrors } from './account-form'
import { request } from './api'
import { readSavedAccount } from './saved-account'
import {
  connectPhone,
  startSignIn,
  type ConnectFailure,
  type EarlySignIn,
  type SavedSignIn,
} from './saved-sign-in'
import { afterNextFrame, nextTask } from './tasks'
import { message, render } from '../../contract/i18n'
import type { Say } from './ui.svelte'
import type { CertificateCheck } from './certificate-check.svelte'
import { PhoneRegistration } from './phone-registration.svelte'

export type SessionStage = 'loading' | 'signed-out' | 'signed-in'

/**
 * The account and the phone's registration: loads the saved account, signs in (save + connect)
 * and out, and mirrors the registration status so the indicator always tells the truth.
 */
export class SignInState {
  stage = $state<SessionStage>('loading')
  account = $state.raw<AccountState | null>(null)
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
  /** The phone's status as shown, and why a wss:// server was refused. */
  private readonly phoneRegistration: PhoneRegistration

  /** Signing in by itself as the start-up began it (phone-start.ts), taken by the first load(). */
  private early: EarlySignIn | null

  constructor(phone: Phone, api: ParleyApi, log: Log = ipcLog(api), early?: EarlySignIn) {
    this.phone = phone
    this.api = api
    this.log = log
    this.early = early ?? null
    // The server whose certificate is explained: until load() takes the account, the one signing
    // in by itself is under way with (the phone may have failed to reach it before this existed).
    const known = this.early?.known
    const earlyServer = known?.kind === 'connecting' ? (known.state.account?.wsServer ?? '') : ''
    this.phoneRegistration = new PhoneRegistration(api, () => this.account?.account?.wsServer ?? earlyServer)
  }

  /** The phone's registration status, or what this state knows better (signed out, no connection). */
  get registration(): RegistrationStatus {
    return this.phoneRegistration.status
  }

  private set registration(status: RegistrationStatus) {
    this.phoneRegistration.set(status)
  }

  /** Why a wss:// server is unreachable when its certificate was refused (explained by main). */
  get certificate(): CertificateCheck {
    return this.phoneRegistration.certificate
  }

  start(): () => void {
    const stops = [
      this.phoneRegistration.follow(this.phone),
      // The phone tells a new listener its current status at once: one emitted before this
      // state existed (the start-up connects first) is shown too.
      this.phone.on('registration', (status) => {
        this.logRegistration(status)
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
   * Reads the saved account; signs in by itself when main found it complete with a stored
   * password (the rule: saved-sign-in.ts). The first load adopts what the start-up began with
   * the answer the window's entry asked for (phone-start.ts): the connection already under way,
   * at once when the outcome is known (so the account is set before the other states hear the
   * phone's status). The form's rules (zod, in their own chunk) load only when there is
   * something to word: an account a repaired file left incomplete.
   */
  async load(): Promise<void> {
    this.stage = 'loading'
    const early = this.early ?? startSignIn(this.phone, readSavedAccount(this.api))
    this.early = null
    const outcome: SavedSignIn = early.known ?? (await early.decided)
    if (outcome.kind === 'unreadable') {
      this.error = outcome.message
      this.stage = 'signed-out'
      return
    }
    this.setAccount(outcome.state)
    this.fieldErrors = {}
    if (outcome.kind === 'connecting') {
      this.stage = 'signed-in'
      await this.connected(outcome.connected)
      return
    }
    const { account, complete } = outcome.state
    // A repaired settings file can leave '' in a required field: registering with it would only
    // fail obscurely, so ask for the missing detail on the form instead.
    if (account && !complete) {
      this.fieldErrors = (await import('./account-form')).accountFieldErrors(account)
      if (Object.keys(this.fieldErrors).length > 0) this.error = message('login.check-fields')
    } else if (outcome.passwordRefused) this.error = outcome.passwordRefused
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
    await this.connected(connectPhone(this.phone, account, password))
  }

  /** Waits for connecting to settle; an exception is logged, and the user reads the catalogue's sentence. */
  private async connected(connecting: Promise<ConnectFailure>): Promise<void> {
    const failure = await connecting
    if (!failure) return
    this.log.failed('session', 'connecting failed')(failure.error)
    this.registration = {
      state: 'failed',
      reason: 'other',
      message: message('registration.could-not-connect'),
    }
  }
}
