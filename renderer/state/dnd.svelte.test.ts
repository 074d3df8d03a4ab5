import { message } from '../../contract/i18n'
import { describe, expect, it, vi } from 'vitest'
import type { Preferences, PreferencesPatch } from '../../contract/schemas'
import { doNotDisturb } from './dnd.svelte'
import { FakeApi } from '../testing/fake-api'
import { defaultPreferences } from '../testing/audio'
import { inEnglish } from '../testing/in-english'

const preferences = (doNotDisturb: boolean): Preferences => ({ ...defaultPreferences, doNotDisturb })

function setup(initial = false) {
  let stored = preferences(initial)
  const api = new FakeApi()
    .handle('preferences:get', () => stored)
    .handle('preferences:update', (patch) => (stored = { ...stored, ...(patch as PreferencesPatch) }))
  const notifier = { announce: vi.fn(), alert: vi.fn() }
  const dnd = doNotDisturb(api, inEnglish(notifier))
  const stop = dnd.start()
  return { api, notifier, dnd, stop }
}

describe('do not disturb', () => {
  it('loads the stored preference', async () => {
    const { api, dnd } = setup(true)
    expect(dnd.enabled).toBe(false)
    const stored = await api.invoke('preferences:get')
    if (stored.ok) dnd.apply(stored.value)
    expect(dnd.enabled).toBe(true)
  })

  it('turns on and off through main and says so', async () => {
    const { api, dnd, notifier } = setup()
    expect(await dnd.setEnabled(true)).toBe(true)
    expect(dnd.enabled).toBe(true)
    expect(api.sent('preferences:update')).toEqual([{ doNotDisturb: true }])
    expect(notifier.announce).toHaveBeenLastCalledWith(
      expect.stringMatching(/on: incoming calls are turned away/),
    )
    await dnd.setEnabled(false)
    expect(dnd.enabled).toBe(false)
    expect(notifier.announce).toHaveBeenLastCalledWith('Do not disturb is off.')
  })

  it('keeps the old value and says why when main refuses (admin lock)', async () => {
    const { api, dnd, notifier } = setup()
    api.handle('preferences:update', () => ({
      ok: false,
      error: {
        code: 'locked',
        message: message('reason.locked', { setting: message('setting.do-not-disturb') }),
      },
    }))
    expect(await dnd.setEnabled(true)).toBe(false)
    expect(dnd.enabled).toBe(false)
    expect(notifier.alert).toHaveBeenCalledWith(expect.stringContaining('administrator has locked'))
  })

  it('follows changes made elsewhere until stopped', () => {
    const { api, dnd, stop } = setup()
    api.emit('preferences-changed', preferences(true))
    expect(dnd.enabled).toBe(true)
    stop()
    api.emit('preferences-changed', preferences(false))
    expect(dnd.enabled).toBe(true)
  })
})
