import { message } from '../../contract/i18n'
import { describe, expect, it, vi } from 'vitest'
import type { Preferences } from '../../contract/schemas'
import { defaultPreferences } from '../testing/audio'
import { LanguageState } from './language.svelte'
import { FakeApi } from '../testing/fake-api'

describe('LanguageState', () => {
  const setup = (locales: string[], locked = false) => {
    const api = new FakeApi()
    let stored: Preferences = { ...defaultPreferences }
    api.handle('preferences:get', () => stored)
    api.handle('preferences:update', (patch) => {
      if (locked)
        return {
          ok: false,
          error: {
            code: 'locked',
            message: message('reason.locked', { setting: message('setting.language') }),
          },
        }
      stored = { ...stored, ...(patch as Partial<Preferences>) }
      return stored
    })
    const notifier = { announce: vi.fn(), alert: vi.fn() }
    const state = new LanguageState(api, notifier, locales)
    return { api, state, notifier }
  }

  it('follows the system language until one is chosen, then speaks it', async () => {
    const { api, state, notifier } = setup(['sv-SE', 'en-US'])
    const stored = await api.invoke('preferences:get')
    if (stored.ok) state.apply(stored.value)
    expect(state.language).toBe('sv')
    expect(state.t('settings.title')).toBe('Inställningar')
    expect(await state.choose('en')).toBe(true)
    expect(state.language).toBe('en')
    expect(notifier.announce).toHaveBeenLastCalledWith('Language: English.')
  })

  it('takes a change made elsewhere (policy, another window)', () => {
    const { api, state } = setup(['en-GB'])
    const stop = state.start()
    api.emit('preferences-changed', { ...defaultPreferences, language: 'sv' })
    expect(state.text({ key: 'settings.close' })).toBe('Stäng')
    stop()
  })

  it('a locked language is refused in words and stays', async () => {
    const { state, notifier } = setup(['sv-SE'], true)
    expect(await state.choose('en')).toBe(false)
    expect(state.language).toBe('sv')
    expect(notifier.alert).toHaveBeenCalledWith(expect.stringContaining('Språk ändrades inte'))
  })
})
