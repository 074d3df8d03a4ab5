import { render } from 'svelte/server'
import { describe, expect, it } from 'vitest'
import { en } from '../contract/i18n/en'
import { message } from '../contract/i18n/message'
import { sv } from '../contract/i18n/sv'
import { speakerOf } from '../contract/i18n/text-of'
import type { CertificateProblem } from '../contract/schemas'
import type { RegistrationStatus } from './sip/types'
import { PlainStartView } from './start-view-dom'
import { escaped, FakeDocument } from './testing/plain-dom'
import StartingWithView from './testing/StartingWithView.svelte'

const now = 1_000_000
const statuses: Record<string, RegistrationStatus> = {
  registered: { state: 'registered', since: 1 },
  'connecting, first attempt': { state: 'connecting', attempt: 1 },
  'connecting, third attempt': { state: 'connecting', attempt: 3 },
  'not connected': { state: 'unregistered' },
  'wrong password, retry in 4 s': {
    state: 'failed',
    reason: 'auth',
    message: message('registration.label-wrong-password'),
    retryAt: now + 3500,
  },
  'unreachable, retrying now': {
    state: 'failed',
    reason: 'unreachable',
    message: message('registration.unreachable'),
    retryAt: now - 10,
  },
  'closed, no retry': { state: 'failed', reason: 'closed', message: message('registration.closed') },
  'hostile text from the server': {
    state: 'failed',
    reason: 'rejected',
    // a hostile text from the server, shown in the title: text, never HTML
    message: message('reason.invalid-input', { problem: '<img src=x onerror=alert(1)> "quoted"' }),
  },
}

/** The HTML without Svelte's hydration comments and the white space between elements, attributes sorted. */
function normalized(html: string): string {
  return html
    .replaceAll(/<!--[^>]*-->/g, '')
    .replaceAll(/>\s+</g, '><')
    .replaceAll(/<(\w+)((?:\s+[\w-]+="[^"]*")*)\s*>/g, (_, tag: string, attributes: string) => {
      const sorted = [...attributes.matchAll(/([\w-]+)="([^"]*)"/g)]
        .map(([, name, value = '']) => ` ${name}="${escaped(unescaped(value))}"`)
        .sort()
        .join('')
      return `<${tag}${sorted}>`
    })
}

/** Svelte escapes `<` in attributes, not `>`: both spelled as the fake document does (plain-dom.ts). */
const unescaped = (value: string) =>
  value.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&')

/** What components/Starting.svelte renders for the same status (the app's rendering). */
function components(status: RegistrationStatus, registering: boolean, language = en): string {
  const speaker = speakerOf(language)
  const view = {
    registration: status,
    now,
    certificateProblem: null as CertificateProblem | null,
    language: speaker,
  }
  return normalized(
    render(StartingWithView, { props: { view, registering, text: speaker.t('app.starting') } }).body,
  )
}

function plain(status: RegistrationStatus, registering: boolean, language = en) {
  const view = new PlainStartView(new FakeDocument(), speakerOf(language))
  view.show({ registering, status, now })
  return view
}

describe('the plain start view (before Svelte is loaded) renders what the app renders', () => {
  for (const [name, status] of Object.entries(statuses))
    it(`${name}: the same markup as Starting with RegistrationIndicator`, () => {
      expect(plain(status, true).root.markup).toBe(components(status, true))
      expect(plain(status, true, sv).root.markup).toBe(components(status, true, sv))
    })

  it('shows only "Starting…" while not signing in by itself (the login screen follows)', () => {
    const html = plain(statuses.registered as RegistrationStatus, false).root.markup
    expect(html).toBe(`<div class="loading"><p class="muted">${en['app.starting']}</p></div>`)
    expect(html).toBe(components(statuses.registered as RegistrationStatus, false))
  })

  it('says who it is and why in the catalogue’s words (role, aria-label, title), text never HTML', () => {
    const view = plain(statuses['hostile text from the server'] as RegistrationStatus, true)
    const [indicator] = view.root.children
    expect(indicator?.attributes.get('role')).toBe('status')
    expect(indicator?.attributes.get('aria-label')).toBe(en['registration.indicator'])
    expect(indicator?.attributes.get('title')).toBe(
      'Some details were not valid: <img src=x onerror=alert(1)> "quoted"',
    )
    expect(indicator?.children.map((child) => child.tag)).toEqual(['span', 'span'])
    expect(plain(statuses.registered as RegistrationStatus, true, sv).root.markup).toContain(
      'aria-label="Registrering"',
    )
  })

  it('updates in place: the status element stays one live region; the countdown ticks', () => {
    const view = new PlainStartView(new FakeDocument(), speakerOf(en))
    const failed = statuses['wrong password, retry in 4 s'] as RegistrationStatus
    view.show({ registering: true, status: { state: 'connecting', attempt: 1 }, now })
    const [indicator] = view.root.children
    view.show({ registering: true, status: failed, now })
    expect(view.root.markup).toContain('retrying in 4 s')
    view.show({ registering: true, status: failed, now: now + 2000 })
    expect(view.root.markup).toContain('retrying in 2 s')
    view.show({ registering: true, status: statuses.registered as RegistrationStatus, now })
    expect(view.root.markup).not.toContain('retry')
    expect(view.root.children[0]).toBe(indicator)
    // attached once for the start, once for the indicator: not rebuilt per update
    expect(view.root.replaced).toBe(2)
  })
})
