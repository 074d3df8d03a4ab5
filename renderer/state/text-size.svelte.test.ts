import { describe, expect, it, vi } from 'vitest'
import { message } from '../../contract/i18n'
import type { Preferences, PreferencesPatch } from '../../contract/schemas'
import { FakeApi } from '../testing/fake-api'
import { testPreferences } from '../testing/test-app'
import { LanguageState } from './language.svelte'
import { TextSizeState, textSizeAfter } from './text-size.svelte'

function setup(language: 'en' | 'sv' = 'sv') {
  let stored: Preferences = { ...testPreferences, language }
  const api = new FakeApi()
    .handle('preferences:get', () => stored)
    .handle('preferences:update', (patch) => (stored = { ...stored, ...(patch as PreferencesPatch) }))
  const notifier = { announce: vi.fn(), alert: vi.fn() }
  const languageState = new LanguageState(api, notifier, [])
  languageState.apply(stored)
  const root = { style: { fontSize: '' } }
  const textSize = new TextSizeState(api, notifier, languageState, root)
  return { api, notifier, root, textSize, stored: () => stored }
}

describe('textSizeAfter', () => {
  it('steps through the sizes Settings offers and stops at either end', () => {
    expect(textSizeAfter(100, 'larger')).toBe(125)
    expect(textSizeAfter(150, 'larger')).toBe(200)
    expect(textSizeAfter(200, 'larger')).toBe(200)
    expect(textSizeAfter(125, 'smaller')).toBe(100)
    expect(textSizeAfter(100, 'smaller')).toBe(100)
    expect(textSizeAfter(200, 'normal')).toBe(100)
  })
})

describe('TextSizeState', () => {
  it('leaves the root alone at 100 % on start, sets 15 px × the factor once a size is stored', () => {
    const { root, textSize } = setup()
    textSize.apply({ ...testPreferences })
    expect(root.style.fontSize).toBe('')
    root.style.fontSize = '19px' // someone else's size (a test's) is not overwritten by an unrelated change
    textSize.apply({ ...testPreferences, doNotDisturb: true })
    expect(root.style.fontSize).toBe('19px')
    textSize.apply({ ...testPreferences, textSize: 200 })
    expect(root.style.fontSize).toBe('30px')
  })

  it('keeps a choice in main, shows it and says it; the shortcuts step and return to 100 %', async () => {
    const { api, notifier, root, textSize, stored } = setup()
    const stop = textSize.start()
    expect(await textSize.set(200)).toBe(true)
    expect(api.sent('preferences:update')).toEqual([{ textSize: 200 }])
    expect(stored().textSize).toBe(200)
    expect(root.style.fontSize).toBe('30px')
    expect(notifier.announce).toHaveBeenLastCalledWith('Textstorlek: 200 %.')
    expect(await textSize.step('larger'), 'already the largest: nothing sent').toBe(false)
    expect(api.sent('preferences:update')).toHaveLength(1)
    expect(await textSize.step('smaller')).toBe(true)
    expect(root.style.fontSize).toBe('22.5px')
    expect(await textSize.step('normal')).toBe(true)
    expect(stored().textSize).toBe(100)
    expect(root.style.fontSize, 'the stylesheet holds at 100 %').toBe('')
    // changed elsewhere (another window's Settings, a policy): followed
    api.emit('preferences-changed', { ...stored(), textSize: 125 })
    expect(root.style.fontSize).toBe('18.75px')
    stop()
  })

  it('a refused change (locked by the admin) leaves the size as it was and says why', async () => {
    const { notifier, root } = setup('en')
    const api = new FakeApi().handle('preferences:update', () => ({
      ok: false,
      error: { code: 'locked', message: message('reason.locked', { setting: message('setting.text-size') }) },
    }))
    const locked = new TextSizeState(api, notifier, new LanguageState(api, notifier, ['en']), root)
    expect(await locked.set(200)).toBe(false)
    expect(locked.value).toBe(100)
    expect(root.style.fontSize).toBe('')
    expect(notifier.alert).toHaveBeenCalledTimes(1)
  })
})
