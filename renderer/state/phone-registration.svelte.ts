import type { ParleyApi } from '../../contract/ipc'
import type { Speaker } from '../../contract/i18n/text-of'
import type { CertificateProblem } from '../../contract/schemas'
import type { Phone, RegistrationStatus } from '../sip/types'
import { CertificateCheck } from './certificate-check.svelte'
import { contextSlot } from './context-slot'

/**
 * The phone's registration status as the window shows it, and why a wss:// server was refused.
 * Built by the sign-in state, which sets what it knows better than the phone. Before the app
 * state exists the start view follows the phone without it (start-view.ts, plain DOM: issue 14);
 * the phone tells this its current status when it starts following.
 */
export class PhoneRegistration {
  status = $state.raw<RegistrationStatus>({ state: 'unregistered' })
  readonly certificate: CertificateCheck

  /** `wsServer`: the server whose certificate is explained (the sign-in state's account's). */
  constructor(api: ParleyApi, wsServer: () => string = () => '') {
    this.certificate = new CertificateCheck(api, wsServer)
  }

  /** Follows the phone; it tells a new listener its last status at once, so none is missed. */
  follow(phone: Pick<Phone, 'on'>): () => void {
    return phone.on('registration', (status) => {
      this.status = status
      this.certificate.onRegistration(status)
    })
  }

  /** What the sign-in state knows better than the phone: signed out, or could not connect. */
  set(status: RegistrationStatus): void {
    this.status = status
  }
}

/** What the registration indicator reads, wherever it is mounted (start view or main screen). */
export interface RegistrationView {
  readonly registration: RegistrationStatus
  /** Epoch ms, ticking once a second: the retry countdown. */
  readonly now: number
  readonly certificateProblem: CertificateProblem | null
  readonly language: Speaker
}

const registrationViewSlot = contextSlot<RegistrationView>('Registration view', 'StartView or App')

export const provideRegistrationView = registrationViewSlot.provide
export const useRegistrationView = registrationViewSlot.use
