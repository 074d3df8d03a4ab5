/**
 * The plain-event face of the SIP adapter. Everything outside `renderer/sip/` sees calls
 * through these types only and never imports SIP.js.
 */

import type { DtmfPreference } from './dtmf'

export type { DtmfPreference }

export interface SipAccount {
  displayName: string
  /** user@domain */
  sipAddress: string
  authUser: string
  password: string
  wsServer: string
  outboundProxy: string
  iceServers: string[]
}

import type { Message } from '../../contract/i18n/message'

export type RegistrationFailure = 'auth' | 'unreachable' | 'closed' | 'rejected' | 'other'

export type RegistrationStatus =
  | { state: 'unregistered' }
  | { state: 'connecting'; attempt: number }
  | { state: 'registered'; since: number }
  | {
      state: 'failed'
      reason: RegistrationFailure
      message: Message
      /** Epoch ms of the next automatic try; absent when the phone will not retry by itself. */
      retryAt?: number
    }

/** A call's life, as the UI sees it; the diagram and its one guarded transition: call-phase.ts. */
export enum CallPhase {
  Dialing = 'dialing', // our INVITE is out, no answer from the far end yet
  Alerting = 'alerting', // the far end rings (18x); early media may be playing
  Ringing = 'ringing', // an incoming INVITE waits for answer or reject
  Active = 'active', // established, and the one call that talks
  Held = 'held', // established, on hold (by us, or waiting while another call talks)
  Ended = 'ended', // terminal: the card lingers, then leaves
}

export type CallDirection = 'incoming' | 'outgoing'

export type CallEndReason =
  | 'local-hangup'
  | 'remote-hangup'
  | 'rejected'
  | 'busy'
  | 'no-answer'
  | 'cancelled'
  | 'failed'
  | 'transferred'
  | 'replaced'
  | 'network'

export interface CallSnapshot {
  id: string
  direction: CallDirection
  phase: CallPhase
  /** Display name as received: plain text, never HTML. */
  remoteName: string
  remoteNumber: string
  /** Switchboard, forward or hunt group the call came through (Diversion, History-Info…). */
  via: string
  muted: boolean
  /** The far end put us on hold (our own hold is phase Held). */
  remoteHold: boolean
  /**
   * Before the answer, the far end plays its own audio (a 183 with SDP: announcement, the PBX's
   * ringback, queue music): we hear it instead of our own ringback.
   */
  earlyMedia: boolean
  createdAt: number
  answeredAt: number | null
  endedAt: number | null
  endReason: CallEndReason | null
  /** Set when this call was placed because someone transferred us (incoming REFER). */
  transferredBy: string
  /** The last failure on this call (a catalogue message: code and parameters); null when none. */
  message: Message | null
}

export type TransferProgress =
  | { state: 'requested' }
  | { state: 'trying' }
  | { state: 'ringing' }
  | { state: 'done' }
  | { state: 'failed'; message: Message }

/** A REFER asking us to call someone else (we are being transferred), as the user would see it. */
export interface TransferRequest {
  requestId: string
  callId: string
  /** The Refer-To URI (plain text, clipped). */
  target: string
  /** Its user part (the number), and its host (the SIP domain, lower case, no port). */
  targetNumber: string
  targetDomain: string
  /** Who asks: the Referred-By name or number, else the party we talk to. */
  by: string
}

/** What to do with a transfer request: call the target now, or ask the user first. */
export type TransferDecision = 'follow' | 'ask'

/**
 * A call ringing at a colleague, as their dialog-info named it, to answer here instead (pickup).
 * Tags as the colleague's phone sees the dialog: `calleeTag` theirs, `callerTag` the caller's.
 */
export interface PickupTarget {
  /** The caller's SIP address (the dialog's remote identity), where the INVITE goes. */
  caller: string
  callerName?: string
  callId: string
  callerTag: string
  calleeTag: string
}

/** The event packages the phone can watch (RFC 3856 presence, RFC 4235 dialog, RFC 3842 MWI). */
export type WatchEvent = 'presence' | 'dialog' | 'message-summary'

/**
 * A watch's subscription: `pending` until the notifier accepts (or while it says pending),
 * `active` while NOTIFYs flow, `terminated` when the notifier ended it for good (reason from
 * Subscription-State, or `signed-out`), `failed` when the SUBSCRIBE was refused (reason: the
 * status code, e.g. `404`) and will not be retried. Retries (503, timeouts, reconnects) stay
 * `pending` and are not reported again.
 */
export type WatchState = 'pending' | 'active' | 'terminated' | 'failed'

/** A NOTIFY's body for one watch, as received (size-limited, never parsed here; render as text). */
export interface WatchNotify {
  /** The target exactly as given to `watch`. */
  target: string
  event: WatchEvent
  contentType: string
  body: string
}

/** The event packages the phone publishes our own state for (PUBLISH, RFC 3903). */
export type PublishEvent = 'presence'

/**
 * What became of our publication of an event: the PBX holds it (its SIP-ETag, and when it
 * lapses unless refreshed), it was withdrawn, or a PUBLISH failed (`retrying`: the adapter tries
 * again by itself; else only the next change, re-registration or `publish` again will).
 */
export type PublicationNews =
  | { event: PublishEvent; state: 'published'; etag: string; expiresAt: number }
  | { event: PublishEvent; state: 'withdrawn' }
  | { event: PublishEvent; state: 'failed'; code: number; retrying: boolean }

export interface WatchStateChange {
  target: string
  event: WatchEvent
  state: WatchState
  reason?: string
}

export interface PhoneEvents {
  /** A state, not only news: a new listener is told the last status at once (emitter.ts). */
  registration: RegistrationStatus
  'call-added': CallSnapshot
  'call-updated': CallSnapshot
  'call-ended': CallSnapshot
  'transfer-progress': { callId: string; target: string; progress: TransferProgress }
  /** A REFER the decider said to ask about; answer with `answerTransferRequest`. */
  'transfer-request': TransferRequest
  /** A request that was asked about is over (answered, timed out, or its call ended). */
  'transfer-request-ended': { requestId: string }
  /** A dial string or other request was refused before anything was sent. */
  error: { message: Message }
  /** A NOTIFY for a watch (see `watch`); oversized bodies are dropped (logged), not emitted. */
  notify: WatchNotify
  'watch-state': WatchStateChange
  publication: PublicationNews
}

export type PhoneEventName = keyof PhoneEvents

/** A call's audio statistics as the browser counts them (cumulative), for the quality estimate. */
export interface CallStats {
  packetsReceived: number
  packetsLost: number
  /** Interarrival jitter of the received audio, in seconds. */
  jitterS: number
  /** Round trip (RTCP, else the ICE pair) in seconds; null when not known yet. */
  roundTripS: number | null
}

export interface AudioRouting {
  /** Preferred microphone deviceId; '' for system default. */
  inputDeviceId: string
  /** Call audio sink id; '' for system default. */
  outputDeviceId: string
}

/** Commands the rest of the renderer may give the phone. All are safe to call in any state. */
export interface Phone {
  on<E extends PhoneEventName>(event: E, listener: (payload: PhoneEvents[E]) => void): () => void
  connect(account: SipAccount): Promise<void>
  /** Drops the transport and registers again from scratch (resume, network back). */
  reconnect(reason: string): Promise<void>
  /** Sign-out: ends calls, unregisters and forgets the account. */
  disconnect(): Promise<void>
  /** Sleep: like disconnect() but the account is kept for wake(). */
  suspend(): Promise<void>
  /** Wake-up after suspend(): registers the same account on a new connection; else nothing. */
  wake(): Promise<void>
  dial(target: string): Promise<string | null>
  /**
   * Answers a colleague's ringing call here: an INVITE with `Replaces` (early-only) to the
   * caller, which replaces its ringing dialog with this call (RFC 3891). The call id, or null
   * (not signed in, or the dialog's identifiers are unusable: an `error` event says so).
   */
  pickup(target: PickupTarget): Promise<string | null>
  answer(callId: string): Promise<void>
  /** 486 Busy Here by default; 'decline' sends 603 Decline. */
  reject(callId: string, kind?: 'busy' | 'decline'): Promise<void>
  hangup(callId: string): Promise<void>
  hold(callId: string): Promise<void>
  resume(callId: string): Promise<void>
  setMuted(callId: string, muted: boolean): void
  /** `preference` (default auto): RFC 4733 where the far end will understand it, else SIP INFO. */
  sendDtmf(callId: string, tone: string, preference?: DtmfPreference): void
  blindTransfer(callId: string, target: string): Promise<void>
  attendedTransfer(heldCallId: string, consultationCallId: string): Promise<void>
  setAudioRouting(routing: AudioRouting): Promise<void>
  /**
   * Who decides about incoming REFERs (the state's policy). Without one every REFER is followed.
   * A request decided 'ask' is emitted as `transfer-request` and waits for the answer below
   * (declined: 603; unanswered after 25 s: 603).
   */
  setTransferDecider?(decide: (request: TransferRequest, followedBefore: boolean) => TransferDecision): void
  answerTransferRequest?(requestId: string, accept: boolean): void
  calls(): CallSnapshot[]
  /**
   * Our own state for `event` (PUBLISH, RFC 3903) from now on: `body` of `contentType`, kept
   * published (refreshed before it expires, sent again after a reconnect) until it is replaced,
   * or withdrawn with `body` undefined; `publication` events say what became of it. Sleep
   * withdraws it and forgets the body (what was true before sleeping may not be on waking: the
   * owner publishes again once registered); sign-out withdraws and forgets it all.
   */
  publish(event: PublishEvent, contentType: string, body: string | undefined): void
  /**
   * A publication an earlier run left at the PBX (its persisted SIP-ETag, not yet expired): the
   * next `publish` modifies it (SIP-If-Match with the body) instead of adding a second one, and
   * withdraws it if nothing is published; 412 (the PBX no longer has it) publishes afresh.
   */
  adoptPublication(event: PublishEvent, etag: string): void
  /**
   * Keeps a subscription to `event` of `target` (a SIP address, `user@domain` or a number in the
   * account's domain) until `unwatch` or sign-out: NOTIFYs arrive as `notify` events, its state
   * as `watch-state`. Idempotent; may be called before signing in (it starts once registered).
   * New SUBSCRIBEs are paced; 503/Retry-After, 423 and expiry refreshes are handled here.
   */
  watch(target: string, event: WatchEvent): void
  /** Ends the watch (SUBSCRIBE Expires: 0); unknown watches are ignored. */
  unwatch(target: string, event: WatchEvent): void
  /** The call's audio statistics now; null when it has no media (yet) or is gone. */
  callStats?(callId: string): Promise<CallStats | null>
  /** Opens the microphone ahead of the first call (the first open costs a few hundred ms);
   *  keepOpen=false opens and closes it at once (later opens are still cheap). */
  prepareMicrophone?(keepOpen?: boolean): Promise<void>
  /** Closes a microphone kept open by prepareMicrophone. */
  releaseMicrophone?(): void
  /** The user is about to dial: get what a call needs ready ahead (never the microphone). */
  prepareToDial?(): void
}
