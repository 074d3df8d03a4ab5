import type { ParleyApi } from '../contract/ipc'
import type { Language } from '../contract/i18n/language'
import type { Catalogue } from '../contract/i18n/message'
import { speakerOf } from '../contract/i18n/text-of'
import type { SipPhone } from './sip'
import type { RegistrationStatus } from './sip/types'
import { PlainStartView } from './start-view-dom'
import { speakInDocument } from './state/document-language'
import { prefetchAfterStartAnswer, prefetchWhileRegistering } from './state/prefetch'
import type { EarlySignIn } from './state/saved-sign-in'
import { whenStartAnswered } from './state/start-answer'
import { afterNextFrame, whenIdle } from './state/tasks'
import './styles/app.css'
import './styles/registration.css'

// This module and what it imports (the plain view, the words, no Svelte) are evaluated.
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
  /**
   * Settles once signing in has an answer and the frame showing it is drawn (whenStartAnswered):
   * true then; false when the answer was not in by the time limit (nothing new was drawn).
   */
  answered: Promise<boolean>
  /** Takes the view away; the app mounts in its place in the same task. */
  close(): void
}

/**
 * The start-up's third step (issue 14): the registration indicator, the same markup, words and
 * look as in the app, in plain DOM (start-view-dom.ts: Svelte's runtime is not needed before
 * "Registered"), following the phone. The app state, Svelte, the rest of the UI and the other
 * language's catalogue are loaded only once this has shown the answer (boot.ts), so none of them
 * runs while REGISTER waits. The app state then follows the phone itself: the phone tells a new
 * listener its current status at once, so no change between the two is lost.
 */
export function showStartView({ phone, signIn, language, catalogue }: StartViewDeps): ShownStartView {
  const view = new PlainStartView<HTMLElement>(document, speakerOf(catalogue))
  let status: RegistrationStatus = { state: 'unregistered' }
  let registering = signIn.known?.kind === 'connecting'
  const show = () => view.show({ registering, status, now: Date.now() })
  if (!signIn.known)
    void signIn.decided.then((outcome) => {
      registering = outcome.kind === 'connecting'
      show()
    })
  const stopFollowing = phone.on('registration', (now) => {
    status = now
    show()
  })
  // The retry countdown's clock.
  const ticker = setInterval(show, 1000)
  speakInDocument(language)
  const target = document.getElementById('app')
  if (!target) throw new Error('#app is missing from index.html')
  show()
  target.replaceChildren(view.root)
  performance.mark('parley:start-view-mounted')
  // While the first REGISTER is under way, the app's files are fetched (not run), in an idle
  // period after this mount (the page waits for the PBX then) so their hints never hold the view
  // or the REGISTER's answer up; still connecting then (prefetch.ts).
  const stopPrefetch = phone.on('registration', (now) => {
    if (now.state === 'connecting') void whenIdle(1000).then(() => prefetchWhileRegistering(status))
  })
  const answered = whenStartAnswered(phone, signIn)
  void answered.then(stopPrefetch)
  return {
    // Once "Registered" is painted, the main screen's files are asked for (fetched, not run),
    // and the app's unless asked for while registering, with the app's own import, instead of
    // after the app's first render: the dial field would otherwise wait for two fetches one
    // after the other (prefetch.ts; it hints once per document, so the app state's own hint for
    // a later sign-in does nothing then). True: the answer is on the screen (not timed out).
    answered: answered.then(async (shown) => {
      await afterNextFrame()
      prefetchAfterStartAnswer(status)
      return shown
    }),
    close() {
      stopFollowing()
      clearInterval(ticker)
      target.replaceChildren()
    },
  }
}
