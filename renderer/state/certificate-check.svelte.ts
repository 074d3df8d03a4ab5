import type { ParleyApi } from '../../contract/ipc'
import type { CertificateProblem } from '../../contract/schemas'
import type { RegistrationStatus } from '../sip/types'
import { request } from './api'

/**
 * Why a wss:// server is unreachable when it is its certificate. The browser reports only a
 * closed WebSocket, so after a failed connection main is asked once (`tls:explain`) to look at
 * the same host and port; the answer only explains, it never lets a refused certificate through.
 * Asked again after the phone was registered or signed out, or when the server changes.
 */
export class CertificateCheck {
  problem = $state<CertificateProblem | null>(null)
  private askedFor: string | null = null

  constructor(
    private readonly api: ParleyApi,
    private readonly wsServer: () => string,
  ) {}

  onRegistration(status: RegistrationStatus): void {
    if (status.state === 'registered' || status.state === 'unregistered') {
      this.problem = null
      this.askedFor = null
      return
    }
    if (status.state !== 'failed' || status.reason !== 'unreachable') return
    const url = this.wsServer()
    if (!url.startsWith('wss://') || this.askedFor === url) return
    this.askedFor = url
    this.problem = null
    void request(this.api, 'tls:explain', { url }).then((answer) => {
      // A failed explanation leaves the plain "Server unreachable": it was only a hint.
      if (answer.ok && this.askedFor === url) this.problem = answer.value
    })
  }
}
