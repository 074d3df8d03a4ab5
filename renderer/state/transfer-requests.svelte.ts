import type { Phone, TransferDecision, TransferRequest } from '../sip/types'

export interface TransferPolicyContext {
  /** The account's SIP domain (lower case, no port). */
  accountDomain: string
  /** Domains an admin allows transfers to without asking (policy). */
  allowlist: readonly string[]
  /** A transfer on this call was followed already. */
  followedBefore: boolean
}

/**
 * Whether to follow a REFER at once or ask the user: at once only towards our own SIP domain
 * (or one the admin allowed), and only once per call. Anything else (another domain, a second
 * request on the same call, an unreadable target) is asked about.
 */
export function decideTransferRequest(
  request: TransferRequest,
  context: TransferPolicyContext,
): TransferDecision {
  if (context.followedBefore || !request.targetDomain) return 'ask'
  const domain = request.targetDomain.toLowerCase()
  const trusted = [context.accountDomain, ...context.allowlist]
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean)
  return trusted.includes(domain) ? 'follow' : 'ask'
}

/** `user@host:port` → `host`. */
export function domainOfAddress(sipAddress: string): string {
  const at = sipAddress.lastIndexOf('@')
  const host = at >= 0 ? sipAddress.slice(at + 1) : ''
  return host.replace(/:\d+$/, '').trim().toLowerCase()
}

export interface TransferRequestsOptions {
  /** The signed-in account's SIP address. */
  sipAddress: () => string
  allowlist?: () => readonly string[]
}

/**
 * Transfers we are asked to follow (incoming REFER): decides by the policy above and keeps the
 * requests waiting for the user ("Bob wants to transfer you to …: Accept / Decline"), one per
 * call card.
 */
export class TransferRequestsState {
  pending = $state.raw<TransferRequest[]>([])

  constructor(
    private readonly phone: Phone,
    private readonly options: TransferRequestsOptions,
  ) {}

  start(): () => void {
    this.phone.setTransferDecider?.((request, followedBefore) =>
      decideTransferRequest(request, {
        accountDomain: domainOfAddress(this.options.sipAddress()),
        allowlist: this.options.allowlist?.() ?? [],
        followedBefore,
      }),
    )
    const stops = [
      this.phone.on('transfer-request', (request) => {
        this.pending = [...this.pending.filter((r) => r.callId !== request.callId), request]
      }),
      this.phone.on('transfer-request-ended', ({ requestId }) => this.forget(requestId)),
      this.phone.on('call-ended', (call) => {
        this.pending = this.pending.filter((r) => r.callId !== call.id)
      }),
    ]
    return () => stops.forEach((stop) => stop())
  }

  forCall(callId: string): TransferRequest | undefined {
    return this.pending.find((request) => request.callId === callId)
  }

  accept(requestId: string): void {
    this.forget(requestId)
    this.phone.answerTransferRequest?.(requestId, true)
  }

  decline(requestId: string): void {
    this.forget(requestId)
    this.phone.answerTransferRequest?.(requestId, false)
  }

  private forget(requestId: string): void {
    this.pending = this.pending.filter((request) => request.requestId !== requestId)
  }
}
