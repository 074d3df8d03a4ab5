import type { SipPhoneDeps } from './context'
import type { PhoneEmitter } from './emitter'
import { Registration, type RegistrationDeps } from './registration'
import type { RegistrationStatus } from './types'

/** What follows the registration: the calls part (phone-calls.ts), through the phone. */
export interface RegistrationFollowers {
  /** Every status, before the UI hears it. */
  onStatus(status: RegistrationStatus): void
  /** The work of being registered, in the task after "Registered" is shown. */
  onRegistered(recovered: boolean): Promise<void>
  onTransportLost(): void
}

export interface PhoneRegistrationInput {
  deps: SipPhoneDeps
  emitter: PhoneEmitter
  followers: RegistrationFollowers
  userAgentConfig: RegistrationDeps['userAgentConfig']
  log: (message: string) => void
}

/**
 * The phone's registration, wired to what follows it: each status is emitted at once (the UI
 * shows it), while the work of being registered (keepalive, loading the calls part, queued
 * PUBLISH/SUBSCRIBEs, call recovery, a connection made ready) waits for `deps.later` (see
 * Registration).
 */
export function phoneRegistration(input: PhoneRegistrationInput): Registration {
  const { deps, emitter, followers } = input
  return new Registration({
    stack: deps.stack,
    clock: deps.clock,
    random: deps.random,
    later: deps.later,
    emitStatus: (status) => {
      followers.onStatus(status)
      emitter.emit('registration', status)
    },
    userAgentConfig: input.userAgentConfig,
    onRegistered: (recovered) => followers.onRegistered(recovered),
    onTransportLost: () => followers.onTransportLost(),
    log: input.log,
  })
}
