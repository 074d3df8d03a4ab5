import { describe, expect, it } from 'vitest'
import { keyGroups, shortcutFor, type KeyLike } from './shortcuts'

const key = (name: string, modifiers: Partial<KeyLike> = {}): KeyLike => ({
  key: name,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
})

describe('shortcutFor', () => {
  it('maps single keys when not typing', () => {
    expect(shortcutFor(key('t'), false)).toBe('start-transfer')
    expect(shortcutFor(key('H'), false)).toBe('toggle-hold')
    expect(shortcutFor(key('m'), false)).toBe('toggle-mute')
    expect(shortcutFor(key('/'), false)).toBe('focus-dial')
    expect(shortcutFor(key('?', { shiftKey: true }), false)).toBe('open-help')
    expect(shortcutFor(key('c'), false)).toBe('focus-calls')
  })
  it('leaves letters alone while typing in a field', () => {
    expect(shortcutFor(key('t'), true)).toBeNull()
    expect(shortcutFor(key('h'), true)).toBeNull()
    expect(shortcutFor(key('/'), true)).toBeNull()
    expect(shortcutFor(key('?'), true)).toBeNull()
  })
  it('keeps modifier and function keys working while typing', () => {
    expect(shortcutFor(key('F1'), true)).toBe('open-help')
    expect(shortcutFor(key('Escape'), true)).toBe('close-or-cancel')
    expect(shortcutFor(key('Enter', { ctrlKey: true }), true)).toBe('complete-transfer')
    expect(shortcutFor(key('d', { ctrlKey: true }), true)).toBe('focus-dial')
    expect(shortcutFor(key('f', { metaKey: true }), true)).toBe('focus-contacts')
  })
  it('Ctrl/Cmd with "+" (or "="), "-" and "0" change the text size, also while typing', () => {
    expect(shortcutFor(key('+', { ctrlKey: true }), true)).toBe('text-larger')
    expect(shortcutFor(key('=', { metaKey: true }), false)).toBe('text-larger')
    expect(shortcutFor(key('-', { ctrlKey: true }), false)).toBe('text-smaller')
    expect(shortcutFor(key('0', { metaKey: true }), true)).toBe('text-normal')
    expect(shortcutFor(key('0'), false)).toBeNull()
  })
  it('ignores Alt combinations and plain Enter', () => {
    expect(shortcutFor(key('t', { altKey: true }), false)).toBeNull()
    expect(shortcutFor(key('Enter'), false)).toBeNull()
    expect(shortcutFor(key('t', { ctrlKey: true }), false)).toBeNull()
  })
  it('documents every action the handler knows', () => {
    const documented = keyGroups.flatMap((group) => group.keys.flatMap((entry) => entry.keys))
    for (const name of [
      'Ctrl+D',
      '/',
      'F1',
      '?',
      'T',
      'H',
      'M',
      'C',
      'Y',
      'Ctrl+Enter',
      'Shift+Enter',
      'Escape',
      'Ctrl+F',
      'Ctrl++',
      'Ctrl+-',
      'Ctrl+0',
    ]) {
      expect(documented).toContain(name)
    }
  })
})
