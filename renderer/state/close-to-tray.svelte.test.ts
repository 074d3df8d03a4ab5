import { describe, expect, it, vi } from 'vitest'
import type { Preferences, PreferencesPatch } from '../../contract/schemas'
import { render, type Message } from '../../contract/i18n'
import { closeToTray } from './close-to-tray.svelte'
import { FakeApi } from '../testing/fake-api'
import { testPreferences } from '../testing/test-app'

describe('close to tray', () => {
  it('mirrors and changes closeToTray, not do not disturb', async () => {
    let stored: Preferences = { ...testPreferences, closeToTray: true, doNotDisturb: false }
    const api = new FakeApi()
      .handle('preferences:get', () => stored)
      .handle('preferences:update', (patch) => (stored = { ...stored, ...(patch as PreferencesPatch) }))
    const notifier = { announce: vi.fn(), alert: vi.fn() }
    const tray = closeToTray(api, notifier)
    const stop = tray.start()
    tray.apply(stored)
    expect(tray.enabled).toBe(true)
    expect(await tray.setEnabled(false)).toBe(true)
    expect(api.sent('preferences:update')).toEqual([{ closeToTray: false }])
    expect(stored.doNotDisturb).toBe(false)
    const said = notifier.announce.mock.lastCall?.[0] as Message
    expect(render('en', said)).toBe('Parley quits when its window is closed.')
    expect(render('sv', said)).toBe('Parley avslutas när fönstret stängs.')
    api.emit('preferences-changed', { ...stored, closeToTray: true })
    expect(tray.enabled).toBe(true)
    stop()
  })
})
