import type { Phone } from '../sip/types'
import type { EarlySignIn } from './saved-sign-in'

/**
 * When the start view has said what it has to say and the rest of the window may come (issue
 * 14: the app state and the UI are evaluated only then, never while the REGISTER round trips
 * wait): signing in by itself has an answer the indicator shows ("Registered", or a failure
 * such as a wrong password or an unreachable server, with its retry), or there is nothing to
 * wait for (no saved account or no password: the login screen is needed), or connecting threw.
 * At the latest after `timeoutMs`, so a PBX that never answers does not keep the window bare.
 * Resolves true with an answer, false when the time ran out first (the window then shows the
 * answer itself, when it comes).
 */
export function whenStartAnswered(
  phone: Pick<Phone, 'on'>,
  early: EarlySignIn,
  timeoutMs = 3000,
): Promise<boolean> {
  // Settles with nothing to wait for, or when connecting threw; a connection under way is
  // answered by the phone's status.
  const decided = early.decided.then((outcome) =>
    outcome.kind === 'connecting'
      ? outcome.connected.then((failure) => (failure ? undefined : new Promise<void>(() => {})))
      : undefined,
  )
  return answerOf(phone, decided, timeoutMs)
}

/**
 * When signing in has an answer for the window's state (app-state.ts): the phone is registered
 * or refused, or loading the account settled (`signingIn`: the login form, nothing to sign in
 * with, connecting threw). Not only when `phone.connect` resolves: that waits for the work of
 * being registered, the calls code among it, which loads in an idle period after the main
 * screen, so the main screen waited for code it does not need to show the dial field.
 */
export async function whenSignInAnswered(
  phone: Pick<Phone, 'on'>,
  signingIn: Promise<unknown>,
): Promise<void> {
  await answerOf(phone, signingIn)
}

/**
 * True once the phone is registered or refused, or `settled` settles; false once `timeoutMs`
 * ran out first (never without one). Stops listening to the phone either way.
 */
function answerOf(phone: Pick<Phone, 'on'>, settled: Promise<unknown>, timeoutMs?: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    let done = false
    let stop: (() => void) | null = null
    const finish = (withAnswer: boolean) => {
      if (done) return
      done = true
      clearTimeout(timer)
      stop?.()
      resolve(withAnswer)
    }
    const answer = () => finish(true)
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish(false), timeoutMs)
    void settled.then(answer, answer)
    // The phone tells a new listener its last status at once: it may have answered already.
    const unsubscribe = phone.on('registration', (status) => {
      if (status.state === 'registered' || status.state === 'failed') answer()
    })
    if (done) unsubscribe()
    else stop = unsubscribe
  })
}
