import { message } from '../../contract/i18n'
import { describe, expect, it, vi } from 'vitest'
import type { Preferences, PreferencesPatch } from '../../contract/schemas'
import { render } from '../../contract/i18n'
import type { Say } from './ui.svelte'
import { DtmfMethodState } from './dtmf-method.svelte'
import { LanguageState } from './language.svelte'
import { FakeApi } from '../testing/fake-api'
import { testPreferences } from '../testing/test-app'

describe('DtmfMethodState', () => {
  it('mirrors and changes the keypad tone method, saying it in the window language', async () => {
    let stored: Preferences = { ...testPreferences, language: 'sv' }
    const api = new FakeApi()
      .handle('preferences:get', () => stored)
      .handle('preferences:update', (patch) => (stored = { ...stored, ...(patch as PreferencesPatch) }))
    const notifier = { announce: vi.fn(), alert: vi.fn() }
    const language = new LanguageState(api, notifier, [])
    language.apply(stored)
    const method = new DtmfMethodState(api, notifier, language)
    const stop = method.start()
    method.apply(stored)
    expect(method.value).toBe('auto')
    expect(await method.set('info')).toBe(true)
    expect(api.sent('preferences:update')).toEqual([{ dtmfMethod: 'info' }])
    expect(notifier.announce).toHaveBeenLastCalledWith('Knapptoner: Som SIP-meddelanden (SIP INFO).')
    api.emit('preferences-changed', { ...stored, dtmfMethod: 'rfc4733' })
    expect(method.value).toBe('rfc4733')
    stop()
  })

  it('says a refusal (locked by the admin) and keeps the value', async () => {
    const api = new FakeApi()
      .handle('preferences:get', () => testPreferences)
      .handle('preferences:update', () => ({
        ok: false,
        error: {
          code: 'locked',
          message: message('reason.locked', { setting: message('setting.dtmf-method') }),
        },
      }))
    const notifier = { announce: vi.fn(), alert: vi.fn() }
    const method = new DtmfMethodState(api, notifier, new LanguageState(api, notifier, ['en']))
    expect(await method.set('rfc4733')).toBe(false)
    expect(method.value).toBe('auto')
    const refusal = notifier.alert.mock.calls[0]?.[0] as Say
    expect(typeof refusal === 'string' ? refusal : render('en', refusal)).toMatch(
      /^Keypad tones was not changed: /,
    )
  })
})
