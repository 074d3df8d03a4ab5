import { ipcLog, type Log } from '../log/log'
import { contextSlot } from './context-slot'
import type { ParleyApi } from '../../contract/ipc'
import type { Phone } from '../sip/types'
import { request } from './api'
import { prefetchMainScreen as prefetchMainScreenFiles } from './prefetch'
import { afterNextFrame, nextTask } from './tasks'
import type { EarlySignIn } from './saved-sign-in'
import { whenSignInAnswered } from './start-answer'
import type { AudioState } from './audio.svelte'
import { CallsState } from './calls.svelte'
import { CallQualityState } from './call-quality.svelte'
import { ContactsState } from './contacts.svelte'
import { closeToTray as closeToTraySwitch } from './close-to-tray.svelte'
import { ColleaguesState } from './colleagues.svelte'
import { watcherOf } from '../lamps/watch-port'
import { SipTraceState } from './sip-trace.svelte'
import type { CertificateCheck } from './certificate-check.svelte'
import type { RegistrationView } from './phone-registration.svelte'
import type { Preferences } from '../../contract/schemas'
import type { Outcome } from './api'
import { keepOnTopSwitch } from './keep-on-top.svelte'
import type { CataloguedSwitch } from './preference-switch.svelte'
import { DiagnosticsState } from './diagnostics.svelte'
import { doNotDisturb } from './dnd.svelte'
import type { PreferenceSwitch } from './preference-switch.svelte'
import { DtmfMethodState } from './dtmf-method.svelte'
import { downloadText, HistoryState } from './history.svelte'
import { LanguageState } from './language.svelte'
import { SignInState } from './sign-in.svelte'
import { TextSizeState, type TextRoot } from './text-size.svelte'
import { TransferController } from './transfer.svelte'
import { TransferRequestsState } from './transfer-requests.svelte'
import { UiState } from './ui.svelte'
import { defaultRegion } from '../../contract/region'
import type { Clock } from '../sip/registration'
import { StatusState } from './status.svelte'
import { VoicemailWaitingState } from './voicemail-waiting.svelte'

/** All renderer state, built once in boot.ts and handed to components through context. */
export interface AppState {
  ui: UiState
  /** The language the window speaks, and the catalogue in it. */
  language: LanguageState
  session: SignInState
  /** Why a wss:// server is unreachable when its certificate is refused (explained by main). */
  certificate: CertificateCheck
  /** What the registration indicator reads (the same status the start view showed). */
  registrationView: RegistrationView
  calls: CallsState
  /** Each talking call's quality (Good / Fair / Poor) and its average for the history. */
  quality: CallQualityState
  transfer: TransferController
  /** Transfers we are asked to follow (incoming REFER) and the policy deciding them. */
  transferRequests: TransferRequestsState
  contacts: ContactsState
  /** Colleagues' lamps: who is watched, their lamps, pickup. */
  colleagues: ColleaguesState
  history: HistoryState
  dnd: PreferenceSwitch
  /** My status: set by hand or by the weekly schedule, published to the PBX. */
  status: StatusState
  /** New voicemail in the account's mailbox (RFC 3842), for the Voicemail button, tray and badge. */
  voicemailWaiting: VoicemailWaitingState
  closeToTray: PreferenceSwitch
  sipTrace: SipTraceState
  /** The window stays above other windows. */
  keepOnTop: CataloguedSwitch
  /** How keypad tones are sent (auto / RFC 4733 / SIP INFO). */
  dtmfMethod: DtmfMethodState
  /** The text size (100 to 200 %), set on the root element. */
  textSize: TextSizeState
  /** "Save diagnostics…" in Settings. */
  diagnostics: DiagnosticsState
  /** Device choices and ringer (audio engineer's state); null where no media devices exist. */
  audio: AudioState | null
  /**
   * Settles once signing in has an answer (registered, refused, or no account), at the latest
   * after `dataDelayMs`: parts of the window not needed to register (contacts, history) load
   * their code and data then, so none of it runs while "Registered" is on its way.
   */
  afterSignIn: Promise<void>
  /**
   * Settles when the main screen may render, in a task of its own: signing in has an answer and
   * the frame showing it is drawn, by the start view already (`answerShown`) or else by this
   * window's next frame, so the main screen, the largest render, never holds the answer up.
   */
  mainScreenAfter: Promise<void>
  /**
   * Settles once the main screen's first frame is drawn (the dial field is on the screen), at
   * the latest after `dataDelayMs`: the contacts and history panels load their code then, and
   * the address book and the history their data, so none of it runs while the main screen is
   * fetched and rendered (issue 14). A window that shows the login form instead loads the data
   * once signing in has an answer.
   */
  afterMainScreen: Promise<void>
  /** Called by the main screen once its first frame is drawn. */
  mainScreenShown(): void
  /** Subscribes everything, loads the account; returns the function that stops it all. */
  start(): () => void
}

export interface AppStateOptions {
  audio?: AudioState | null
  /** Longest wait for signing in before contacts and history load anyway (default 3 s). */
  dataDelayMs?: number
  /** The system's preferred locales (navigator.languages); English when none is given. */
  systemLocales?: readonly string[]
  /** Main's log; defaults to one over `api`. */
  log?: Log
  /** Signing in by itself as the start-up began it (phone-start.ts), for the sign-in state to adopt. */
  signIn?: EarlySignIn
  /** Main's answer to `preferences:get` when the window's entry asked it already; else asked at start. */
  preferences?: Promise<Outcome<Preferences>>
  /**
   * Settles once the window's first render is on the screen (boot.ts). The start-up may have
   * registered before the window rendered: contacts and history then still wait for it, so
   * their code and data never come before "Registered" is shown.
   */
  firstRender?: Promise<void>
  /**
   * The start view has drawn signing in's answer ("Registered", a failure, or that there is
   * nothing to sign in with) before this window rendered (start-view.ts): nothing then waits for
   * a frame of this window to show it, and the main screen comes in the next task.
   */
  answerShown?: boolean
  /**
   * Asks for the main screen's files (fetched, not run) the first time the phone is
   * registered, once "Registered" is drawn (prefetch.ts by default).
   */
  prefetchMainScreen?: () => void
  /** Time for the status schedule; the page's own clock by default. */
  clock?: Clock
  /** Where the text size is set: the document's root element by default. */
  textRoot?: TextRoot
}

const pageClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** The document's root element; a detached stand-in where there is no document (Node tests). */
const pageRoot = (): TextRoot =>
  typeof document === 'undefined' ? { style: { fontSize: '' } } : document.documentElement

export function createAppState(phone: Phone, api: ParleyApi, options: AppStateOptions = {}): AppState {
  const ui = new UiState()
  const language = new LanguageState(api, ui, options.systemLocales ?? [])
  const log = options.log ?? ipcLog(api)
  const session = new SignInState(phone, api, log, options.signIn)
  const certificate = session.certificate
  const contacts = new ContactsState(api, ui, () => session.account?.account?.region ?? defaultRegion)
  session.onAccount(() => void contacts.regionMayHaveChanged())
  const dnd = doNotDisturb(api, ui)
  const status = new StatusState({
    api,
    phone,
    clock: options.clock ?? pageClock,
    sipAddress: () =>
      session.registration.state === 'registered' ? (session.account?.account?.sipAddress ?? '') : '',
    dnd,
    notifier: ui,
    log,
  })
  session.beforeSignOut(() => status.signedOut())
  const voicemailWaiting = new VoicemailWaitingState({
    phone,
    api,
    account: () => session.account?.account,
    log,
  })
  const closeToTray = closeToTraySwitch(api, ui)
  const dtmfMethod = new DtmfMethodState(api, ui, language)
  const sipTrace = new SipTraceState(api, ui, language)
  const textSize = new TextSizeState(api, ui, language, options.textRoot ?? pageRoot())
  const keepOnTop = keepOnTopSwitch(api, ui, language)
  let transfer: TransferController | null = null
  let history: HistoryState | null = null
  const quality = new CallQualityState(phone, undefined, (what) => log.failed('quality', what))
  const calls = new CallsState({
    phone,
    api,
    log,
    notifier: ui,
    doNotDisturb: () => dnd.enabled,
    dtmfMethod: () => dtmfMethod.value,
    transferTargetOf: (callId) => transfer?.transferredTo(callId) ?? '',
    qualityOf: (callId) => quality.averageOf(callId),
    onHistoryRecorded: (entry) => history?.recorded(entry),
    nameForNumber: (number) => contacts.nameForNumber(number),
  })
  transfer = new TransferController(phone, calls, ui, {
    onTransferred: () => contacts.setQuery(''),
    failed: (what) => log.failed('transfer', what),
  })
  history = new HistoryState({
    api,
    notifier: ui,
    dial: (number, name) => calls.dial(number, name),
    download: downloadText,
  })
  const transferController = transfer
  const transferRequests = new TransferRequestsState(phone, {
    sipAddress: () => session.account?.account?.sipAddress ?? '',
    // The admin's allowlist, validated by main and delivered with the account (policy).
    allowlist: () => session.account?.transferAllowlist ?? [],
  })
  const historyState = history
  let signInAnswered = () => {}
  const afterSignIn = new Promise<void>((resolve) => (signInAnswered = resolve))
  const mainScreenAfter = afterSignIn.then(() => (options.answerShown ? nextTask() : afterNextFrame()))
  let mainScreenShown = () => {}
  const afterMainScreen = new Promise<void>((resolve) => (mainScreenShown = resolve))
  const colleagues = new ColleaguesState({
    api,
    watcher: watcherOf(phone),
    phone,
    notifier: ui,
    log,
    contacts: () => contacts.contacts,
    onContactsChanged: (listener) => contacts.onListChanged(listener),
    showOnly: (ids) => contacts.showOnly(ids),
    dial: (target) => calls.dial(target),
    pickupCode: () => session.account?.pickupCode ?? '',
    locked: () => session.account?.locked.includes('watchedContacts') ?? false,
  })

  return {
    ui,
    language,
    session,
    certificate,
    registrationView: {
      get registration() {
        return session.registration
      },
      get now() {
        return ui.now
      },
      get certificateProblem() {
        return certificate.problem
      },
      language,
    },
    calls,
    quality,
    transfer: transferController,
    transferRequests,
    contacts,
    colleagues,
    history: historyState,
    dnd,
    status,
    voicemailWaiting,
    closeToTray,
    sipTrace,
    keepOnTop,
    dtmfMethod,
    textSize,
    diagnostics: new DiagnosticsState(api, ui),
    audio: options.audio ?? null,
    afterSignIn,
    mainScreenAfter,
    afterMainScreen,
    mainScreenShown: () => mainScreenShown(),
    start() {
      const stops = [language.start(), session.start()]
      // Signing in comes first: a connection the start-up began is adopted at once when its
      // outcome is known, so the account is set before the states below hear the phone's
      // registration status (told to each new listener).
      const signingIn = session.load()
      stops.push(
        calls.start(),
        transferController.start(),
        transferRequests.start(),
        dnd.start(),
        status.start(),
        voicemailWaiting.start(),
        closeToTray.start(),
        sipTrace.start(),
        keepOnTop.start(),
        dtmfMethod.start(),
        textSize.start(),
        quality.start(),
        colleagues.start(),
      )
      const ticker = setInterval(() => ui.tick(), 1000)
      // One read of the preferences for every state that shows one (the entry's, when it asked).
      void (options.preferences ?? request(api, 'preferences:get')).then((preferences) => {
        if (preferences.ok)
          for (const state of [
            language,
            dnd,
            closeToTray,
            sipTrace,
            keepOnTop,
            dtmfMethod,
            textSize,
            colleagues,
          ])
            state.apply(preferences.value)
      })
      // The address book and the history are not needed to register nor to dial: signing in
      // has its answer first (registered, refused, or no account; and the window's first render
      // is on the screen, when the start-up registered earlier), then the main screen renders,
      // then they load once its first frame is drawn (the login form: at once), so their code,
      // transfers and indexing never run while "Registered" or the dial field is on its way;
      // everything at the latest after dataDelayMs.
      let dataLoading = false
      const loadData = () => {
        if (dataLoading) return
        dataLoading = true
        clearTimeout(dataTimer)
        signInAnswered()
        mainScreenShown()
        void contacts.load()
        void historyState.refresh()
      }
      const dataTimer = setTimeout(loadData, options.dataDelayMs ?? 3000)
      // The main screen follows "Registered": its files are asked for (not run) the first time
      // the phone is registered, never before "Registered" is in the document, and before
      // signing in settles (after the registration's follow-up work) and the main screen is
      // imported: a registration reached before the window's first render (the start view
      // showed it) once that render is drawn; one reached later after the frame that paints it.
      const prefetchMainScreen = options.prefetchMainScreen ?? (() => void prefetchMainScreenFiles())
      let windowRendered = !options.firstRender
      void options.firstRender?.then(() => (windowRendered = true))
      let prefetched = false
      stops.push(
        phone.on('registration', (status) => {
          if (prefetched || status.state !== 'registered') return
          prefetched = true
          void (windowRendered ? afterNextFrame() : options.firstRender)?.then(prefetchMainScreen)
        }),
      )
      // (The window's first render is not waited for when the start view showed the answer.)
      void Promise.allSettled([
        whenSignInAnswered(phone, signingIn),
        options.answerShown ? undefined : options.firstRender,
      ])
        .then(() => {
          signInAnswered()
          return session.stage === 'signed-out' ? undefined : afterMainScreen
        })
        .then(loadData)
      return () => {
        clearTimeout(dataTimer)
        clearInterval(ticker)
        stops.forEach((stop) => stop())
      }
    },
  }
}

const appStateSlot = contextSlot<AppState>('App state', 'App')

export const provideAppState = appStateSlot.provide
export const useAppState = appStateSlot.use
