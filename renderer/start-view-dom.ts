import type { Speaker } from '../contract/i18n/text-of'
import type { RegistrationStatus } from './sip/types'
import { registrationText } from './components/registration-text'

/** What of the DOM the plain start view uses (a fake in renderer/testing/plain-dom.ts). */
export interface PlainElement<E> {
  className: string
  textContent: string | null
  setAttribute(name: string, value: string): void
  replaceChildren(...children: E[]): void
}
export interface PlainDocument<E extends PlainElement<E>> {
  createElement(tag: string): E
}

/** What the start view shows: the phone's status (while signing in by itself) and "Starting…". */
export interface StartViewContent {
  /** Signing in by itself is under way: the indicator is shown (else only "Starting…"). */
  registering: boolean
  status: RegistrationStatus
  /** Epoch ms: the retry countdown. */
  now: number
}

/**
 * The window's first view, before Svelte's runtime is loaded (issue 14: evaluating it and
 * mounting a component cost 30–40 ms before "Registered"): the markup of
 * components/Starting.svelte with components/RegistrationIndicator.svelte, in plain DOM, with
 * the same words (registrationText, the catalogue) and the same look (styles/registration.css).
 * The app's Starting replaces it in the same place. start-view-dom.test.ts compares the two.
 * Texts are set as text (textContent), never as HTML. The certificate's explanation is the
 * app's (CertificateCheck): the start view shows the plain "Server unreachable" until then.
 */
export class PlainStartView<E extends PlainElement<E>> {
  readonly root: E
  private readonly indicator: E
  private readonly label: E
  private readonly retry: E
  private readonly dot: E
  private readonly starting: E
  /** What is attached now (as the components' {#if}s): changed only when it changes. */
  private shown = { indicator: false, retry: false }

  constructor(
    document: PlainDocument<E>,
    private readonly language: Speaker,
  ) {
    const element = (tag: string, className: string) => {
      const made = document.createElement(tag)
      made.className = className
      return made
    }
    this.root = element('div', 'loading')
    this.indicator = element('div', 'registration')
    this.indicator.setAttribute('role', 'status')
    this.indicator.setAttribute('aria-label', language.t('registration.indicator'))
    this.dot = element('span', 'dot')
    this.dot.setAttribute('aria-hidden', 'true')
    this.label = element('span', 'label')
    this.retry = element('span', 'retry muted')
    this.indicator.replaceChildren(this.dot, this.label)
    this.starting = element('p', 'muted')
    this.starting.textContent = language.t('app.starting')
    this.root.replaceChildren(this.starting)
  }

  /** Updated in place: the status element stays one live region for screen readers. */
  show({ registering, status, now }: StartViewContent): void {
    const text = registrationText(status, now)
    this.indicator.className = `registration ${text.tone}`
    this.indicator.setAttribute('title', this.language.text(text.detail))
    this.label.textContent = this.language.text(text.label)
    if (text.retry) this.retry.textContent = `· ${this.language.text(text.retry)}`
    if (this.shown.retry !== !!text.retry)
      this.indicator.replaceChildren(this.dot, this.label, ...(text.retry ? [this.retry] : []))
    if (this.shown.indicator !== registering)
      this.root.replaceChildren(...(registering ? [this.indicator] : []), this.starting)
    this.shown = { indicator: registering, retry: !!text.retry }
  }
}
