import { message } from '../../contract/i18n'
import { describe, expect, it, vi } from 'vitest'
import type { Preferences, PreferencesPatch } from '../../contract/schemas'
import { keepOnTopSwitch } from './keep-on-top.svelte'
import { LanguageState } from './language.svelte'
import { FakeApi } from '../testing/fake-api'
import { testPreferences } from '../testing/test-app'
import { UiState } from './ui.svelte'

describe('keepOnTopSwitch', () => {
  it('changes keepOnTop alone and says so in the window language', async () => {
    let stored: Preferences = { ...testPreferences, keepOnTop: false, language: 'sv' }
    const api = new FakeApi()
      .handle('preferences:get', () => stored)
      .handle('preferences:update', (patch) => (stored = { ...stored, ...(patch as PreferencesPatch) }))
    const language = new LanguageState(api, new UiState(), ['sv-SE'])
    language.apply(stored)
    const notifier = { announce: vi.fn(), alert: vi.fn() }
    const onTop = keepOnTopSwitch(api, notifier, language)
    onTop.apply(stored)
    expect(onTop.enabled).toBe(false)
    expect(await onTop.setEnabled(true)).toBe(true)
    expect(api.sent('preferences:update')).toEqual([{ keepOnTop: true }])
    expect(notifier.announce).toHaveBeenLastCalledWith('Parley ligger nu överst.')
  })

  it('snaps back and says why when the administrator locked it', async () => {
    const api = new FakeApi().handle('preferences:update', () => ({
      ok: false,
      error: {
        code: 'locked',
        message: message('reason.locked', { setting: message('setting.keep-on-top') }),
      },
    }))
    const language = new LanguageState(api, new UiState(), ['en-GB'])
    const notifier = { announce: vi.fn(), alert: vi.fn() }
    const onTop = keepOnTopSwitch(api, notifier, language)
    expect(await onTop.setEnabled(true)).toBe(false)
    expect(onTop.enabled).toBe(false)
    expect(notifier.alert).toHaveBeenCalledTimes(1)
  })
})
