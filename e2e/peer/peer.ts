/**
 * A second (third…) phone for the e2e suite: SIP.js used directly, not Parley's adapter, so a
 * bug in the adapter cannot hide itself on both ends. Node drives it through `window.peer`
 * with page.evaluate; every method returns plain data.
 */
import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  SessionState,
  SIPExtension,
  UserAgent,
  type Info,
  type Referral,
  type Session,
  type Web,
} from 'sip.js'

import { presencePeer } from './presence'

type SessionDescriptionHandler = Web.SessionDescriptionHandler

export interface PeerAccount {
  wsUrl: string
  user: string
  domain: string
  password: string
  displayName?: string
}

export interface PeerCallView {
  id: number
  direction: 'incoming' | 'outgoing'
  state: string
  remoteUser: string
  remoteDisplayName: string
  /** Digits received as SIP INFO (application/dtmf-relay or application/dtmf). */
  infoDtmf: string
  /** Digits this peer sent as RFC 4733 through its RTCDTMFSender (the browser hides received ones). */
  sentRtpDtmf: string
  held: boolean
  referredBy: string
  /** Final status code of a rejected/failed outgoing call. */
  finalStatus: number | null
  /** The a= direction of the last remote SDP (sendrecv / sendonly / recvonly / inactive). */
  remoteDirection: string
  incomingHeaders: Record<string, string>
}

export interface PeerMediaStats {
  bytesReceived: number
  bytesSent: number
  packetsReceived: number
  packetsSent: number
}

/**
 * Who is on the other end of a call's media: the DTLS certificate fingerprints of this call's
 * peer connection once DTLS is connected (each connection makes its own certificate, and DTLS
 * only connects to the certificate the remote SDP named), so two calls talk to each other
 * exactly when one's remote fingerprint is the other's local one.
 */
export interface PeerMediaIdentity {
  localFingerprint: string
  remoteFingerprint: string
}

interface CallRecord {
  view: PeerCallView
  session: Session
}

const calls = new Map<number, CallRecord>()
const events: string[] = []
let nextId = 1
let userAgent: UserAgent | null = null
let registerer: Registerer | null = null
let autoAnswer = false
let autoAnswerDelayMs = 0
let rejectIncomingWith: number | null = null
let stripTelephoneEvent = false
const presence = presencePeer(() => userAgent, log)

function log(line: string): void {
  events.push(`${new Date().toISOString()} ${line}`)
  const pre = document.getElementById('log')
  if (pre) pre.textContent += `${line}\n`
}

/** Removes RFC 4733 telephone-event from an SDP, so the other side must fall back to SIP INFO. */
function withoutTelephoneEvent(sdp: string): string {
  const lines = sdp.split('\r\n')
  const types = new Set(
    lines.flatMap((line) => /^a=rtpmap:(\d+) telephone-event\//i.exec(line)?.slice(1, 2) ?? []),
  )
  return lines
    .filter((line) => {
      const pt = /^a=(?:rtpmap|fmtp|rtcp-fb):(\d+)/.exec(line)?.[1]
      return pt === undefined || !types.has(pt)
    })
    .map((line) =>
      line.startsWith('m=audio')
        ? line
            .split(' ')
            .filter((part, index) => index < 3 || !types.has(part))
            .join(' ')
        : line,
    )
    .join('\r\n')
}

// Chromium puts telephone-event back when a munged description is applied, so strip it from
// what SIP.js reads and sends (pc.localDescription) instead: the other side never sees it.
const localDescription = Object.getOwnPropertyDescriptor(RTCPeerConnection.prototype, 'localDescription')
Object.defineProperty(RTCPeerConnection.prototype, 'localDescription', {
  configurable: true,
  get(this: RTCPeerConnection) {
    const description = localDescription?.get?.call(this) as RTCSessionDescription | null
    if (!description || !stripTelephoneEvent) return description
    return new RTCSessionDescription({ type: description.type, sdp: withoutTelephoneEvent(description.sdp) })
  },
})

function sdhOptions(hold = false) {
  return { constraints: { audio: true, video: false }, iceGatheringTimeout: 500, hold }
}

function remoteDirectionOf(sdp: string | undefined): string {
  const match = /a=(sendrecv|sendonly|recvonly|inactive)/.exec(sdp ?? '')
  return match?.[1] ?? 'sendrecv'
}

function track(session: Session, direction: 'incoming' | 'outgoing', referredBy = ''): number {
  const id = nextId++
  const remote = session.remoteIdentity
  const incomingHeaders: Record<string, string> = {}
  if (session instanceof Invitation) {
    for (const name of ['Diversion', 'History-Info', 'P-Asserted-Identity', 'Replaces', 'Referred-By']) {
      const value = session.request.getHeader(name)
      if (value) incomingHeaders[name] = value
    }
  }
  const view: PeerCallView = {
    id,
    direction,
    state: session.state,
    remoteUser: remote.uri.user ?? '',
    remoteDisplayName: remote.displayName,
    infoDtmf: '',
    sentRtpDtmf: '',
    held: false,
    referredBy,
    finalStatus: null,
    remoteDirection: 'sendrecv',
    incomingHeaders,
  }
  calls.set(id, { view, session })
  session.stateChange.addListener((state) => {
    view.state = state
    log(`call ${id} ${state}`)
    if (state === SessionState.Established) attachAudio(session)
  })
  session.delegate = {
    onInfo(info: Info) {
      const body = info.request.body ?? ''
      const signal =
        /Signal\s*=\s*([0-9A-D#*])/i.exec(body)?.[1] ?? /^([0-9A-D#*])$/i.exec(body.trim())?.[1] ?? ''
      view.infoDtmf += signal
      log(`call ${id} INFO ${JSON.stringify(body)}`)
      void info.accept()
    },
    onInvite(request) {
      view.remoteDirection = remoteDirectionOf(request.body)
      log(`call ${id} re-INVITE ${view.remoteDirection}`)
    },
    onRefer(referral: Referral) {
      log(`call ${id} REFER to ${referral.referTo.uri.toString()}`)
      void referral.accept().then(() => {
        const inviter = referral.makeInviter({ sessionDescriptionHandlerOptions: sdhOptions() })
        track(inviter, 'outgoing', referral.referredBy ?? 'unknown')
        return inviter.invite()
      })
    },
  }
  return id
}

function attachAudio(session: Session): void {
  const sdh = session.sessionDescriptionHandler as SessionDescriptionHandler | undefined
  const stream = sdh?.remoteMediaStream
  if (!stream) return
  const audio = new Audio()
  audio.autoplay = true
  audio.srcObject = stream
  void audio.play().catch(() => undefined)
}

function record(id?: number): CallRecord {
  const found = id === undefined ? [...calls.values()].at(-1) : calls.get(id)
  if (!found) throw new Error(`peer has no call ${id ?? '(latest)'}`)
  return found
}

async function register(account: PeerAccount): Promise<void> {
  const uri = UserAgent.makeURI(`sip:${account.user}@${account.domain}`)
  if (!uri) throw new Error('bad peer uri')
  userAgent = new UserAgent({
    uri,
    displayName: account.displayName ?? account.user,
    authorizationUsername: account.user,
    authorizationPassword: account.password,
    transportOptions: { server: account.wsUrl },
    sessionDescriptionHandlerFactoryOptions: {
      peerConnectionConfiguration: { iceServers: [] },
      iceGatheringTimeout: 500,
    },
    sipExtensionReplaces: SIPExtension.Supported,
    logBuiltinEnabled: false,
    delegate: {
      onInvite(invitation: Invitation) {
        const id = track(invitation, 'incoming')
        const record = calls.get(id)
        if (record) record.view.remoteDirection = remoteDirectionOf(invitation.request.body)
        log(`call ${id} incoming from ${invitation.remoteIdentity.uri.user ?? ''}`)
        const replaced = invitation.replacee
        if (replaced instanceof Inviter && replaced.state === SessionState.Establishing) {
          // A pickup of our ringing call (RFC 3891, early-only): SIP.js matched our early dialog
          // but its own clean-up (a BYE) fails on an early dialog, so as the caller we take the
          // new call and CANCEL the ringing one ourselves, as a caller's phone should.
          log(`call ${id} replaces our ringing call: accepted, the ringing one cancelled`)
          void invitation
            .accept({ sessionDescriptionHandlerOptions: sdhOptions() })
            .then(() => replaced.cancel())
          return
        }
        if (rejectIncomingWith !== null) {
          void invitation.reject({ statusCode: rejectIncomingWith })
        } else if (autoAnswer) {
          setTimeout(
            () => void invitation.accept({ sessionDescriptionHandlerOptions: sdhOptions() }),
            autoAnswerDelayMs,
          )
        } else {
          void invitation.progress()
        }
      },
    },
  })
  await userAgent.start()
  registerer = new Registerer(userAgent, { expires: 300 })
  await new Promise<void>((resolve, reject) => {
    registerer?.stateChange.addListener((state) => {
      if (state === RegistererState.Registered) resolve()
    })
    void registerer?.register({
      requestDelegate: {
        onReject: (response) => reject(new Error(`REGISTER rejected: ${response.message.statusCode}`)),
      },
    })
  })
  log(`registered as ${account.user}`)
}

const peer = {
  register,
  /** After the PBX went away and came back: a new WebSocket and a new REGISTER. */
  async reconnect(): Promise<void> {
    if (!userAgent || !registerer) throw new Error('peer not registered')
    await userAgent.reconnect()
    await registerer.register()
    log('reconnected')
  },
  async unregister(): Promise<void> {
    // SIP.js's Subscriber.dispose() (run by stop()) never settles for an active subscription
    presence.endSubscriptions()
    await registerer?.unregister().catch(() => undefined)
    await userAgent?.stop()
    userAgent = null
  },
  setAutoAnswer(on: boolean, delayMs = 0): void {
    autoAnswer = on
    autoAnswerDelayMs = delayMs
  },
  /** Offer/answer without telephone-event from now on: the other side must send DTMF as SIP INFO. */
  setStripTelephoneEvent(on: boolean): void {
    stripTelephoneEvent = on
  },
  /** Answer every later incoming call with this final status (e.g. 486 Busy Here); null to stop. */
  setRejectIncoming(statusCode: number | null): void {
    rejectIncomingWith = statusCode
  },
  async call(target: string, extraHeaders: string[] = []): Promise<number> {
    if (!userAgent) throw new Error('peer not registered')
    const uri = UserAgent.makeURI(target)
    if (!uri) throw new Error(`bad target ${target}`)
    const inviter = new Inviter(userAgent, uri, {
      extraHeaders,
      sessionDescriptionHandlerOptions: sdhOptions(),
    })
    const id = track(inviter, 'outgoing')
    const view = record(id).view
    void inviter.invite({
      requestDelegate: {
        onAccept: (response) => {
          view.remoteDirection = remoteDirectionOf(response.message.body)
        },
        onReject: (response) => {
          view.finalStatus = response.message.statusCode ?? null
        },
      },
    })
    return id
  },
  async answer(id?: number): Promise<void> {
    const { session } = record(id)
    if (!(session instanceof Invitation)) throw new Error('not an incoming call')
    await session.accept({
      sessionDescriptionHandlerOptions: sdhOptions(),
    })
  },
  async reject(id?: number, statusCode = 486): Promise<void> {
    const { session } = record(id)
    if (!(session instanceof Invitation)) throw new Error('not an incoming call')
    await session.reject({ statusCode })
  },
  async hangup(id?: number): Promise<void> {
    const { session } = record(id)
    if (session.state === SessionState.Established) await session.bye()
    else if (session instanceof Inviter) await session.cancel()
    else if (session instanceof Invitation) await session.reject()
  },
  async hold(id: number | undefined, on: boolean): Promise<void> {
    const rec = record(id)
    const options = sdhOptions(on)
    rec.session.sessionDescriptionHandlerOptionsReInvite = options
    await new Promise<void>((resolve, reject) => {
      void rec.session.invite({
        requestDelegate: {
          onAccept: (response) => {
            rec.view.held = on
            rec.view.remoteDirection = remoteDirectionOf(response.message.body)
            resolve()
          },
          onReject: (response) => reject(new Error(`re-INVITE rejected ${response.message.statusCode}`)),
        },
      })
    })
  },
  async sendDtmfInfo(id: number | undefined, digits: string): Promise<void> {
    const { session } = record(id)
    for (const digit of digits) {
      await session.info({
        requestOptions: {
          body: {
            contentDisposition: 'render',
            contentType: 'application/dtmf-relay',
            content: `Signal=${digit}\r\nDuration=160\r\n`,
          },
        },
      })
    }
  },
  sendDtmfRtp(id: number | undefined, digits: string): boolean {
    const rec = record(id)
    const sdh = rec.session.sessionDescriptionHandler as SessionDescriptionHandler | undefined
    const sent = sdh?.sendDtmf(digits) ?? false
    if (sent) rec.view.sentRtpDtmf += digits
    return sent
  },
  /** REFERs the call to `target`; resolves with the final status of the REFER (202, 603 …). */
  async blindTransfer(id: number | undefined, target: string): Promise<number> {
    const uri = UserAgent.makeURI(target)
    if (!uri) throw new Error(`bad target ${target}`)
    return new Promise<number>((resolve, reject) => {
      record(id)
        .session.refer(uri, {
          requestDelegate: {
            onAccept: (response) => resolve(response.message.statusCode ?? 0),
            onReject: (response) => resolve(response.message.statusCode ?? 0),
          },
        })
        .catch(reject)
    })
  },
  /** REFER the call `heldId` to the party of `consultId` (Refer-To with Replaces). */
  async attendedTransfer(heldId: number, consultId: number): Promise<void> {
    await record(heldId).session.refer(record(consultId).session)
  },
  /** This peer's view of a call's dialog (for a third party that tries to Replace it). */
  dialogIds(id?: number): { callId: string; localTag: string; remoteTag: string } | null {
    const dialog = record(id).session.dialog
    return dialog ? { callId: dialog.callId, localTag: dialog.localTag, remoteTag: dialog.remoteTag } : null
  },
  async stats(id?: number): Promise<PeerMediaStats> {
    const sdh = record(id).session.sessionDescriptionHandler as SessionDescriptionHandler | undefined
    const pc = sdh?.peerConnection
    const result: PeerMediaStats = { bytesReceived: 0, bytesSent: 0, packetsReceived: 0, packetsSent: 0 }
    if (!pc) return result
    const report = await pc.getStats()
    report.forEach(
      (entry: {
        type: string
        kind?: string
        bytesReceived?: number
        bytesSent?: number
        packetsReceived?: number
        packetsSent?: number
      }) => {
        if (entry.type === 'inbound-rtp' && entry.kind === 'audio') {
          result.bytesReceived += entry.bytesReceived ?? 0
          result.packetsReceived += entry.packetsReceived ?? 0
        }
        if (entry.type === 'outbound-rtp' && entry.kind === 'audio') {
          result.bytesSent += entry.bytesSent ?? 0
          result.packetsSent += entry.packetsSent ?? 0
        }
      },
    )
    return result
  },
  /** Empty until DTLS is up: the SDP fingerprints are then the ones DTLS verified. */
  mediaIdentity(id?: number): PeerMediaIdentity {
    const sdh = record(id).session.sessionDescriptionHandler as SessionDescriptionHandler | undefined
    const pc = sdh?.peerConnection
    if (!pc || pc.connectionState !== 'connected') return { localFingerprint: '', remoteFingerprint: '' }
    const fingerprint = (sdp: string | undefined) => /^a=fingerprint:\S+ (\S+)/m.exec(sdp ?? '')?.[1] ?? ''
    return {
      localFingerprint: fingerprint(pc.localDescription?.sdp),
      remoteFingerprint: fingerprint(pc.remoteDescription?.sdp),
    }
  },
  calls(): PeerCallView[] {
    return [...calls.values()].map((c) => ({ ...c.view }))
  },
  events(): string[] {
    return [...events]
  },
  ...presence,
}

export type PeerApi = typeof peer
;(window as unknown as { peer: PeerApi }).peer = peer
