import { SipPhone, type SipPhoneDeps } from './phone'
import { realSipStack } from './stack'
import type { AudioElementLike } from './media'
import { afterNextFrame, whenIdle } from '../state/tasks'

export { SipPhone } from './phone'
export type { SipPhoneDeps, RejectKind } from './phone'
export type { SipStack } from './stack'
export type { AudioElementLike, MediaDevicesLike } from './media'
export * from './types'

/**
 * The phone for the renderer. Every dependency has a browser default; tests inject fakes.
 *
 *   const phone = createSipPhone()
 *   phone.on('registration', (s) => …)
 *   await phone.connect(account)
 */
export function createSipPhone(deps: Partial<SipPhoneDeps> = {}): SipPhone {
  return new SipPhone({
    stack: deps.stack ?? realSipStack,
    mediaDevices:
      deps.mediaDevices ?? (typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined),
    createAudioElement: deps.createAudioElement ?? defaultAudioElement,
    clock: deps.clock ?? {
      now: () => Date.now(),
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    random: deps.random ?? Math.random,
    iceGatheringTimeoutMs: deps.iceGatheringTimeoutMs,
    networkGraceMs: deps.networkGraceMs,
    transferTimeoutMs: deps.transferTimeoutMs,
    trace: deps.trace,
    openedSocket: deps.openedSocket,
    // "Registered" is painted before the work that follows it (issue 14)
    later: deps.later ?? (() => afterNextFrame()),
    idle: deps.idle ?? (() => whenIdle(1000)),
    log: deps.log ?? ((message) => console.warn(`[sip] ${message}`)),
  })
}

function defaultAudioElement(): AudioElementLike {
  const element = document.createElement('audio')
  element.autoplay = true
  // kept out of the layout; some engines only play media elements attached to the document
  element.hidden = true
  document.body.appendChild(element)
  return element
}
