import type { Log } from '../log/log'
import { sipServerUrl } from '../sip/server-url'
import { EarlySocket } from '../sip/stack/early-socket'
import type { SavedAccount } from './saved-account'
import { savedSignIn } from './saved-sign-in'

/**
 * The window's entry opens the saved account's SIP WebSocket as soon as main has answered the
 * account and its password, when the account signs in by itself (`savedSignIn`, the same rule
 * the phone connects by), to the server the phone will connect to (`sipServerUrl`): its
 * handshake then overlaps the phone's code being evaluated, and the phone's first connection
 * adopts it (docs/architecture.md "Start-up order", issue 14). No sign-in by itself (no
 * password, an incomplete account, the login screen): no socket. Imports neither SIP.js nor
 * zod: it is part of the entry.
 *
 * Main's answer already there (preload asked for it): the socket is opened in the entry's first
 * microtasks, before the phone's code is evaluated; not yet there: as soon as it comes, with
 * nothing waiting for it.
 */
export function openSavedAccountSocket(
  saved: Promise<SavedAccount>,
  log: Pick<Log, 'write' | 'failed'>,
  early = new EarlySocket({ log: (message) => log.write('warn', 'sip', message) }),
): EarlySocket {
  saved
    .then((answer) => {
      const decision = savedSignIn(answer)
      if (decision.kind !== 'connecting') return
      early.open(sipServerUrl(decision.account))
      // in a start trace (the bench): when the early socket was asked for, next to parley:entry
      performance.mark('parley:early-socket')
    })
    .catch(log.failed('sip', 'the early SIP connection could not be opened'))
  return early
}
