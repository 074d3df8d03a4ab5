import { describe, expect, it, vi } from 'vitest'
import type { Preferences, PreferencesPatch } from '../../contract/schemas'
import { CloseToTrayState } from './close-to-tray.svelte'
import { FakeApi } from '../testing/fake-api'
import { testPreferences } from '../testing/test-app'

describe('CloseToTrayState', () => {
  it('mirrors and changes closeToTray, not do not disturb', async () => {
    let stored: Preferences = { ...testPreferences, closeToTray: true, doNotDisturb: false }
    const api = new FakeApi()
      .handle('preferences:get', () => stored)
      .handle('preferences:update', (patch) => (stored = { ...stored, ...(patch as PreferencesPatch) }))
    const notifier = { announce: vi.fn(), alert: vi.fn() }
    const tray = new CloseToTrayState(api, notifier)
    const stop = tray.start()
    tray.apply(stored)
    expect(tray.enabled).toBe(true)
    expect(await tray.setEnabled(false)).toBe(true)
    expect(api.sent('preferences:update')).toEqual([{ closeToTray: false }])
    expect(stored.doNotDisturb).toBe(false)
    expect(notifier.announce).toHaveBeenLastCalledWith('Parley quits when its window is closed.')
    api.emit('preferences-changed', { ...stored, closeToTray: true })
    expect(tray.enabled).toBe(true)
    stop()
  })
})
