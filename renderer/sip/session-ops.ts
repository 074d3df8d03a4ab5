import type { Call } from './call'
import type { CallMedia } from './call-media'
import type { CallRegistry } from './call-registry'
import { assertedIdentity, headerLookup } from './caller-context'
import { logged, type PhoneContext } from './context'
import {
  chooseDtmfMethod,
  dtmfInfoBody,
  DTMF_GAP_MS,
  DTMF_TONE_MS,
  type DtmfPreference,
  type NegotiatedCodec,
} from './dtmf'
import { audioSender } from './media'
import { reinviteWithRetry, type ReinviteOutcome } from './reinvite'
import { messageOf } from '../../contract/error-message'
import { sendForAnswer } from './request-answer'
import { answeredTimer, SessionTimers, type IncomingTimer } from './session-timer'
import type { MediaOptions, SipInvitation, SipInviter, SipSession } from './stack'
import { CallPhase } from './types'
import { message, type Message } from '../../contract/i18n/message'

/**
 * What we do to an existing session: place it (initial INVITE), hold / resume / ICE restart by
 * re-INVITE (one at a time per call, 491 retried), keypad tones. Hold and resume report whether
 * they reached the asked phase.
 */
export class SessionOps {
  private readonly queues = new Map<string, Promise<unknown>>()
  private readonly timers: SessionTimers

  constructor(
    private readonly context: PhoneContext,
    private readonly calls: CallRegistry,
    private readonly media: CallMedia,
    /** Legs about to go away (replaced, transferred off): never auto-held. */
    private readonly isLeaving: (call: Call) => boolean,
    private readonly onPlaceFailed: (call: Call, text: Message) => void,
  ) {
    this.timers = new SessionTimers(context.deps.clock, {
      refresh: (call, headers) => this.refreshSession(call, headers),
      expire: (call) => this.expire(call),
    })
  }

  /**
   * Sends the initial INVITE of an outgoing call and follows its provisional and final answers.
   * Settles once the INVITE has left, or placing it failed and the call ended.
   */
  place(call: Call, inviter: SipInviter): Promise<void> {
    return inviter
      .invite({
        requestDelegate: {
          onProgress: (response) => {
            const code = response.message.statusCode ?? 0
            if ((code === 180 || code === 183) && call.phase === CallPhase.Dialing)
              call.moveTo(CallPhase.Alerting)
            // the stack plays the first early answer (its track attaches like any remote audio)
            if (code > 100 && !call.isEstablished && carriesSdp(response.message))
              call.patch({ earlyMedia: true })
          },
          onReject: (response) => {
            const code = response.message.statusCode ?? 500
            this.context.log(`call refused: ${code} ${response.message.reasonPhrase ?? ''}`)
            call.noteFailure(code)
          },
          onAccept: (response) => {
            learnRemoteName(call, response.message)
            const timer = answeredTimer(headerLookup(response.message))
            if (timer) this.timers.start(call, timer)
          },
        },
      })
      .then(
        () => undefined,
        (error: unknown) =>
          this.onPlaceFailed(
            call,
            logged(this.context.log, 'placing the call failed', error, message('call.place-failed')),
          ),
      )
  }

  /** An incoming call's session timer, agreed while it rings (RFC 4028, see session-timer.ts). */
  agreeTimer(call: Call, timer: IncomingTimer & { kind: 'agreed' }): void {
    this.timers.agree(call, timer)
  }

  /** Answers an incoming call (our 2xx carries the agreed session timer, which then runs). */
  async accept(call: Call, invitation: SipInvitation): Promise<void> {
    await invitation.accept({
      sessionDescriptionHandlerOptions: this.media.options(false),
      extraHeaders: this.timers.answerHeaders(call),
    })
    this.timers.answered(call)
  }

  /** The far end sent a re-INVITE: it refreshes the session (RFC 4028). */
  noteRefresh(call: Call, message: { getHeaders(name: string): string[] }): void {
    this.timers.refreshed(call, headerLookup(message))
  }

  /** Only one call talks at a time: every other active call goes on hold (in parallel). */
  async holdOthers(exceptId: string): Promise<void> {
    const others = this.calls
      .all()
      .filter((c) => c.id !== exceptId && c.phase === CallPhase.Active && !c.leaving && !this.isLeaving(c))
    await Promise.all(others.map((c) => this.hold(c)))
  }

  hold(call: Call): Promise<boolean> {
    return this.setHold(call, true)
  }

  resume(call: Call): Promise<boolean> {
    return this.setHold(call, false)
  }

  /** Held ⇄ Active by re-INVITE; a refused one leaves the phase and says so on the card. */
  private setHold(call: Call, hold: boolean): Promise<boolean> {
    const [from, to] = hold ? [CallPhase.Active, CallPhase.Held] : [CallPhase.Held, CallPhase.Active]
    return this.serial(call, async () => {
      if (call.phase !== from) return call.phase === to
      const outcome = await this.renegotiate(call, { hold })
      if (call.isEnded) return false
      if (outcome.ok) {
        if (hold) call.patch({ message: null })
        call.moveTo(to)
        return true
      }
      call.patch({
        message: message(hold ? 'call.hold-failed' : 'call.resume-failed', { code: outcome.code }),
      })
      return false
    })
  }

  /** A re-INVITE with ICE restart that keeps the call's hold state; undefined if it ended first. */
  restartIce(call: Call): Promise<ReinviteOutcome | undefined> {
    return this.serial(call, async () => {
      if (!call.isEstablished) return undefined
      return this.renegotiate(call, { hold: call.phase === CallPhase.Held, iceRestart: true })
    })
  }

  sendDtmf(call: Call, tone: string, preference: DtmfPreference): void {
    const sender = audioSender(this.media.peerConnectionOf(call))
    if (chooseDtmfMethod(sender?.dtmf, preference, negotiatedCodecs(sender)) === 'rfc4733' && sender?.dtmf) {
      try {
        // insertDTMF replaces the tones still queued: keys pressed faster than a tone lasts
        // would be lost, so the new one goes after them.
        sender.dtmf.insertDTMF(queuedTones(sender.dtmf) + tone, DTMF_TONE_MS, DTMF_GAP_MS)
        return
      } catch (error) {
        this.context.log(`RFC 4733 DTMF failed, using SIP INFO: ${messageOf(error)}`)
      }
    }
    call.session
      .info({
        requestOptions: {
          body: {
            contentDisposition: 'render',
            contentType: 'application/dtmf-relay',
            content: dtmfInfoBody(tone),
          },
        },
      })
      .catch((error: unknown) =>
        this.context.error(
          logged(this.context.log, 'sending keypad tones failed', error, message('dtmf.failed')),
        ),
      )
  }

  forget(call: Call): void {
    this.queues.delete(call.id)
    this.timers.stop(call)
  }

  /** Our turn to refresh the session: a re-INVITE that keeps media and hold state as they are. */
  private refreshSession(call: Call, extraHeaders: string[]): void {
    this.serial(call, async () => {
      if (!call.isEstablished) return
      const outcome = await this.renegotiate(call, { hold: call.phase === CallPhase.Held, extraHeaders })
      if (!outcome.ok) this.context.log(`session refresh refused (${outcome.code})`)
    }).catch((error: unknown) => this.context.log(`session refresh failed: ${messageOf(error)}`))
  }

  /** The far end stopped refreshing the session: it is over (RFC 4028 §10), we say goodbye. */
  private expire(call: Call): void {
    this.context.log('session expired: no refresh from the far end')
    call.expectEnd('failed', message('call.session-expired'))
    call.session.bye().catch((error: unknown) => this.context.log(`BYE failed: ${messageOf(error)}`))
  }

  private renegotiate(
    call: Call,
    options: { hold: boolean; iceRestart?: boolean; extraHeaders?: string[] },
  ): Promise<ReinviteOutcome> {
    const { deps } = this.context
    const mediaOptions: MediaOptions = {
      ...this.media.options(options.hold),
      ...(options.iceRestart ? { offerOptions: { iceRestart: true } } : {}),
    }
    const headers = options.extraHeaders ?? []
    return reinviteWithRetry(() => sendReinvite(call.session, mediaOptions, headers), {
      ownsCallId: call.direction === 'outgoing',
      random: deps.random,
      sleep: (ms) => new Promise((resolve) => deps.clock.setTimeout(resolve, ms)),
      isCancelled: () => call.isEnded,
    })
  }

  /** Runs operations on one call one after another (a re-INVITE must finish before the next). */
  private serial<T>(call: Call, operation: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(call.id) ?? Promise.resolve()
    const next = previous.then(operation, operation)
    // The caller gets `next` and handles its failure; the queue only waits for it to settle.
    this.queues.set(
      call.id,
      next.then(
        () => undefined,
        () => undefined,
      ),
    )
    return next
  }
}

function queuedTones(dtmf: { toneBuffer?: string }): string {
  return typeof dtmf.toneBuffer === 'string' ? dtmf.toneBuffer : ''
}

/** The codecs the audio sender negotiated, in the order used (the first voice codec sends). */
function negotiatedCodecs(sender: { getParameters?(): { codecs?: NegotiatedCodec[] } } | undefined) {
  try {
    return sender?.getParameters?.().codecs
  } catch {
    return undefined
  }
}

/** A response with a session description (an early answer, in a 18x). */
export function carriesSdp(message: { getHeaders(name: string): string[]; body?: string }): boolean {
  const type = message.getHeaders('Content-Type')[0] ?? ''
  return /^\s*application\/sdp\b/i.test(type) && /^v=0/m.test(message.body ?? '')
}

/** The PBX may name the answering party (connected line) in P-Asserted-Identity. */
function learnRemoteName(call: Call, message: { getHeaders(name: string): string[] } | undefined): void {
  if (call.snapshot.remoteName) return
  // only PAI: From in a response is ourselves
  const asserted = assertedIdentity(headerLookup(message))
  if (asserted?.name) call.patch({ remoteName: asserted.name })
}

function sendReinvite(
  session: SipSession,
  mediaOptions: MediaOptions,
  extraHeaders: string[],
): Promise<ReinviteOutcome> {
  return sendForAnswer(
    (requestDelegate) =>
      session.invite({
        sessionDescriptionHandlerOptions: mediaOptions,
        requestDelegate,
        ...(extraHeaders.length > 0 ? { requestOptions: { extraHeaders } } : {}),
      }),
    (error) => {
      const pending = error instanceof Error && /in progress|pending/i.test(error.message)
      return { ok: false, code: pending ? 491 : 500, reason: messageOf(error) }
    },
  )
}
