import type { Speaker } from '../../contract/i18n/text-of'
import type { PhoneRegistration, RegistrationView } from './phone-registration.svelte'
import type { EarlySignIn } from './saved-sign-in'

/**
 * The start view's state (start-view.ts): what the indicator reads before the app state exists
 * (issue 14), in the one language loaded so far. The status is the phone's, in `registration`,
 * which the app state then takes over; this adds only the clock of the retry countdown and
 * whether signing in by itself is under way (else there is no status to show yet).
 */
export class StartViewState implements RegistrationView {
  now = $state(Date.now())
  registering = $state(false)

  constructor(
    private readonly phoneRegistration: PhoneRegistration,
    readonly language: Speaker,
  ) {}

  get registration() {
    return this.phoneRegistration.status
  }

  get certificateProblem() {
    return this.phoneRegistration.certificate.problem
  }

  /** Follows signing in by itself and ticks the clock; returns the function that stops it. */
  start(early: EarlySignIn): () => void {
    const known = early.known
    if (known) this.registering = known.kind === 'connecting'
    else void early.decided.then((outcome) => (this.registering = outcome.kind === 'connecting'))
    const ticker = setInterval(() => (this.now = Date.now()), 1000)
    return () => clearInterval(ticker)
  }
}
