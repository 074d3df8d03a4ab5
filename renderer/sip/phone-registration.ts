import type { CallMedia } from './call-media'
import type { SipPhoneDeps } from './context'
import type { PhoneEmitter } from './emitter'
import type { EventChannels } from './event-channels'
import type { NetworkRecovery } from './recovery'
import { Registration, type RegistrationDeps } from './registration'

/** The phone's parts that follow the registration (built after it: read when needed). */
export interface RegistrationFollowers {
  recovery: NetworkRecovery
  channels: EventChannels
  callMedia: CallMedia
}

export interface PhoneRegistrationInput {
  deps: SipPhoneDeps
  emitter: PhoneEmitter
  followers: () => RegistrationFollowers
  userAgentConfig: RegistrationDeps['userAgentConfig']
  log: (message: string) => void
}

/**
 * The phone's registration, wired to what follows it: each status is emitted at once (the UI
 * shows it), while the work of being registered (keepalive, queued PUBLISH/SUBSCRIBEs, call
 * recovery, a connection made ready) waits for `deps.later` (see Registration).
 */
export function phoneRegistration(input: PhoneRegistrationInput): Registration {
  const { deps, emitter, followers } = input
  return new Registration({
    stack: deps.stack,
    clock: deps.clock,
    random: deps.random,
    later: deps.later,
    emitStatus: (status) => {
      const { recovery, channels, callMedia } = followers()
      // a reconnect that cannot reach the server leaves calls without signalling too
      if (status.state === 'failed' && (status.reason === 'closed' || status.reason === 'unreachable'))
        recovery.onTransportLost()
      // nothing is published or subscribed until registered (again); a network that may have
      // changed leaves no connection gathered on the old one
      if (status.state !== 'registered') {
        channels.pause()
        callMedia.dropPrepared()
      }
      emitter.emit('registration', status)
    },
    userAgentConfig: input.userAgentConfig,
    onRegistered: (recovered) => {
      const { recovery, channels, callMedia } = followers()
      recovery.onRegistered(recovered)
      channels.onRegistered(recovered)
      callMedia.prepareNextCall()
    },
    onTransportLost: () => followers().recovery.onTransportLost(),
    log: input.log,
  })
}
