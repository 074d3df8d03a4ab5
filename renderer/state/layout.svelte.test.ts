import { describe, expect, it } from 'vitest'
import { FakeClock } from '../testing/fake-clock'
import { springLoadMs } from './layout'
import { LayoutState } from './layout.svelte'
import { UiState } from './ui.svelte'

function setup() {
  const clock = new FakeClock()
  return { clock, layout: new LayoutState(clock) }
}

describe('LayoutState', () => {
  it('follows the measured width; a zero width (hidden window) keeps the last layout', () => {
    const { layout } = setup()
    expect(layout.layout).toBe('wide')
    layout.setWidth(420)
    expect(layout.layout).toBe('compact')
    layout.setWidth(0)
    expect(layout.layout).toBe('compact')
    layout.setWidth(800)
    expect(layout.layout).toBe('medium')
  })

  it('follows the text size: the same width is compact at 200 % text, wide again at 100 %', () => {
    const { layout } = setup()
    layout.setWidth(1100)
    expect(layout.layout).toBe('wide')
    layout.setRemPx(30)
    expect(layout.layout).toBe('compact')
    layout.setRemPx(22.5)
    expect(layout.layout).toBe('medium')
    // An unmeasurable probe (hidden, not laid out) keeps the last size.
    layout.setRemPx(0)
    expect(layout.layout).toBe('medium')
    layout.setRemPx(15)
    expect(layout.layout).toBe('wide')
  })

  it("says how much larger the text is than the app's own, for sizes set in px (list rows)", () => {
    const { layout } = setup()
    expect(layout.textScale).toBe(1)
    layout.setRemPx(30)
    expect(layout.textScale).toBe(2)
  })

  it('the header menu closes when larger text or a wider window leaves compact', () => {
    const { layout } = setup()
    layout.setWidth(1100)
    layout.setRemPx(30)
    layout.toggleMenu()
    layout.setRemPx(15)
    expect(layout.menuOpen).toBe(false)
  })

  it('an open header panel (my status) stays open through layout changes, in the menu in compact', () => {
    const { layout } = setup()
    const panel = { open: true, close: () => (panel.open = false) }
    layout.setWidth(1100)
    layout.holdsMenuOpen(panel)
    expect(layout.menuOpen).toBe(false)
    layout.setRemPx(30)
    expect([layout.layout, layout.menuOpen, panel.open]).toEqual(['compact', true, true])
    layout.setRemPx(15)
    expect([layout.layout, layout.menuOpen, panel.open]).toEqual(['wide', false, true])
    layout.setWidth(400)
    expect(layout.menuOpen).toBe(true)
    // The user closing the menu (or a ringing call) closes the panel in it.
    layout.toggleMenu(false)
    expect(panel.open).toBe(false)
    panel.open = true
    layout.toggleMenu(true)
    layout.ringing(1)
    expect([layout.menuOpen, panel.open]).toEqual([false, false])
  })

  it('a closed header panel opens no menu', () => {
    const { layout } = setup()
    layout.holdsMenuOpen({ open: false, close: () => {} })
    layout.setWidth(400)
    expect(layout.menuOpen).toBe(false)
  })

  it('the header menu closes when the window grows out of compact', () => {
    const { layout } = setup()
    layout.setWidth(420)
    layout.toggleMenu()
    expect(layout.menuOpen).toBe(true)
    layout.setWidth(1200)
    expect(layout.menuOpen).toBe(false)
  })

  it('a ringing call closes the header menu (it would cover Answer and Reject)', () => {
    const { layout } = setup()
    layout.setWidth(400)
    layout.toggleMenu(true)
    layout.ringing(0)
    expect(layout.menuOpen).toBe(true)
    layout.ringing(1)
    expect(layout.menuOpen).toBe(false)
  })

  it('keys on the tab list select the tab they move to', () => {
    const { layout } = setup()
    expect(layout.keyOnTabs('ArrowRight')).toBe('contacts')
    expect(layout.tab).toBe('contacts')
    expect(layout.keyOnTabs('x')).toBeNull()
    expect(layout.tab).toBe('contacts')
  })

  it('a dragged call resting on a tab opens it after the spring delay, not before', async () => {
    const { layout, clock } = setup()
    layout.dragEnter('contacts')
    expect(layout.springing).toBe('contacts')
    await clock.advance(springLoadMs - 1)
    expect(layout.tab).toBe('keypad')
    // Moving within the tab (dragenter on a child) does not restart the wait.
    layout.dragEnter('contacts')
    await clock.advance(1)
    expect(layout.tab).toBe('contacts')
    expect(layout.springing).toBeNull()
  })

  it('a drag that leaves the tab (or ends) before the delay opens nothing', async () => {
    const { layout, clock } = setup()
    layout.dragEnter('history')
    layout.dragLeave('history')
    layout.dragEnter('contacts')
    layout.dragLeave()
    await clock.advance(springLoadMs * 2)
    expect(layout.tab).toBe('keypad')
    expect(layout.springing).toBeNull()
    expect(clock.pending()).toEqual([])
  })

  it('leaving another tab does not cancel the one waiting; the open tab does not spring', async () => {
    const { layout, clock } = setup()
    layout.dragEnter('history')
    layout.dragLeave('contacts')
    await clock.advance(springLoadMs)
    expect(layout.tab).toBe('history')
    layout.dragEnter('history')
    expect(layout.springing).toBeNull()
    expect(clock.pending()).toEqual([])
  })
})

describe('focus requests and tabs (every shortcut the same in every layout)', () => {
  it('asking for a field shows the tab holding it before the field is focused', () => {
    const ui = new UiState()
    ui.layout.setWidth(400)
    ui.focus('contact-search')
    expect(ui.layout.tab).toBe('contacts')
    expect(ui.focusRequest?.target).toBe('contact-search')
    ui.focus('history-search')
    expect(ui.layout.tab).toBe('history')
    ui.focus('dial')
    expect(ui.layout.tab).toBe('keypad')
    ui.focus('calls')
    expect(ui.layout.tab).toBe('keypad')
  })
})
