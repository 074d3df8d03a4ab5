import type { Phone } from '../sip/types'
import type { EarlySignIn } from './saved-sign-in'

/**
 * When the start view has said what it has to say and the rest of the window may come (issue
 * 14: the app state and the UI are evaluated only then, never while the REGISTER round trips
 * wait): signing in by itself has an answer the indicator shows ("Registered", or a failure
 * such as a wrong password or an unreachable server, with its retry), or there is nothing to
 * wait for (no saved account or no password: the login screen is needed), or connecting threw.
 * At the latest after `timeoutMs`, so a PBX that never answers does not keep the window bare.
 */
export function whenStartAnswered(
  phone: Pick<Phone, 'on'>,
  early: EarlySignIn,
  timeoutMs = 3000,
): Promise<void> {
  return new Promise<void>((resolve) => {
    let answered = false
    let stop: (() => void) | null = null
    const answer = () => {
      if (answered) return
      answered = true
      clearTimeout(timer)
      stop?.()
      resolve()
    }
    const timer = setTimeout(answer, timeoutMs)
    void early.decided.then((outcome) => {
      if (outcome.kind !== 'connecting') answer()
      else void outcome.connected.then((failure) => failure && answer())
    })
    // The phone tells a new listener its last status at once: it may have answered already.
    const unsubscribe = phone.on('registration', (status) => {
      if (status.state === 'registered' || status.state === 'failed') answer()
    })
    if (answered) unsubscribe()
    else stop = unsubscribe
  })
}
