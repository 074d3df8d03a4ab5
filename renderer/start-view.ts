import { mount, unmount } from 'svelte'
import type { ParleyApi } from '../contract/ipc'
import type { Language } from '../contract/i18n/language'
import type { Catalogue } from '../contract/i18n/message'
import { speakerOf } from '../contract/i18n/text-of'
import type { SipPhone } from './sip'
import StartView from './StartView.svelte'
import { speakInDocument } from './state/document-language'
import { PhoneRegistration } from './state/phone-registration.svelte'
import { prefetchAfterStartAnswer, prefetchWhileRegistering } from './state/prefetch'
import type { EarlySignIn } from './state/saved-sign-in'
import { whenStartAnswered } from './state/start-answer'
import { StartViewState } from './state/start-view.svelte'
import { afterNextFrame, whenIdle } from './state/tasks'
import './styles/app.css'

// This module and what it imports (Svelte's runtime, the indicator, the small state) are evaluated.
performance.mark('parley:start-view-evaluated')

export interface StartViewDeps {
  api: ParleyApi
  phone: SipPhone
  signIn: EarlySignIn
  /** The language the window starts in and its catalogue (the only one loaded yet). */
  language: Language
  catalogue: Catalogue
}

export interface ShownStartView {
  /** The phone's registration status the view follows, for the app state to use (not copy). */
  registration: PhoneRegistration
  /**
   * Settles once signing in has an answer and the frame showing it is drawn (whenStartAnswered):
   * true then; false when the answer was not in by the time limit (nothing new was drawn).
   */
  answered: Promise<boolean>
  /** Takes the view away; the app mounts in its place in the same task. */
  close(): void
}

/**
 * The start-up's third step (issue 14): the registration indicator, the same component and
 * wording as in the main screen, in a first view of its own, with a state that follows the
 * phone. The app state, the rest of the UI and the other language's catalogue are loaded only
 * once this has shown the answer (boot.ts), so none of them runs while REGISTER waits.
 */
export function showStartView({ api, phone, signIn, language, catalogue }: StartViewDeps): ShownStartView {
  // Until the sign-in state knows the account: the one signing in by itself is under way with.
  const registration = new PhoneRegistration(api, () => {
    const known = signIn.known
    return known?.kind === 'connecting' ? (known.state.account?.wsServer ?? '') : ''
  })
  // For the window's lifetime: the app state reads this status from now on.
  registration.follow(phone)
  const view = new StartViewState(registration, speakerOf(catalogue))
  const stopView = view.start(signIn)
  speakInDocument(language)
  const target = document.getElementById('app')
  if (!target) throw new Error('#app is missing from index.html')
  const shown = mount(StartView, { target, props: { view } })
  performance.mark('parley:start-view-mounted')
  // While the first REGISTER is under way, the app's files are fetched (not run), in an idle
  // period after this mount (the page waits for the PBX then) so their hints never hold the view
  // or the REGISTER's answer up; still connecting then (prefetch.ts).
  const stopPrefetch = phone.on('registration', (status) => {
    if (status.state === 'connecting')
      void whenIdle(1000).then(() => prefetchWhileRegistering(registration.status))
  })
  const answered = whenStartAnswered(phone, signIn)
  void answered.then(stopPrefetch)
  return {
    registration,
    // Once "Registered" is painted, the main screen's files are asked for (fetched, not run),
    // and the app's unless asked for while registering, with the app's own import, instead of
    // after the app's first render: the dial field would otherwise wait for two fetches one
    // after the other (prefetch.ts; it hints once per document, so the app state's own hint for
    // a later sign-in does nothing then). True: the answer is on the screen (not timed out).
    answered: answered.then(async (shown) => {
      await afterNextFrame()
      prefetchAfterStartAnswer(registration.status)
      return shown
    }),
    close() {
      stopView()
      void unmount(shown)
    },
  }
}
