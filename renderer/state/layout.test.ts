import { describe, expect, it } from 'vitest'
import { CallPhase } from '../sip/types'
import { appRemPx, callsInView, layoutFor, partShown, tabAfterKey, tabForFocus } from './layout'

describe('layoutFor', () => {
  const atAppTextSize = (px: number) => layoutFor(px / appRemPx)

  it("at the app's own text size: wide from 1000 px, medium from 700 px, compact below", () => {
    expect(atAppTextSize(1280)).toBe('wide')
    expect(atAppTextSize(1000)).toBe('wide')
    expect(atAppTextSize(999)).toBe('medium')
    expect(atAppTextSize(800)).toBe('medium')
    expect(atAppTextSize(700)).toBe('medium')
    expect(atAppTextSize(699)).toBe('compact')
    expect(atAppTextSize(400)).toBe('compact')
    expect(atAppTextSize(360)).toBe('compact')
  })

  it('counts in rem: 200 % text in 1100 px is compact, as 550 px would be', () => {
    expect(layoutFor(1100 / (2 * appRemPx))).toBe('compact')
    expect(layoutFor(550 / appRemPx)).toBe('compact')
    expect(layoutFor(1100 / appRemPx)).toBe('wide')
    // 150 % text: 1100 px holds what 733 px holds, the medium layout.
    expect(layoutFor(1100 / (1.5 * appRemPx))).toBe('medium')
  })

  it('an unmeasured screen (no width yet) is wide, as before', () => {
    expect(layoutFor(Number.POSITIVE_INFINITY)).toBe('wide')
    expect(layoutFor(Number.NaN)).toBe('wide')
  })
})

describe('tabs', () => {
  it('a focus request opens the tab holding its field; the calls are never behind a tab', () => {
    expect(tabForFocus('dial')).toBe('keypad')
    expect(tabForFocus('contact-search')).toBe('contacts')
    expect(tabForFocus('history-search')).toBe('history')
    expect(tabForFocus('calls')).toBeNull()
  })

  it('arrow keys move round the tab list, Home and End go to the ends, other keys are not ours', () => {
    expect(tabAfterKey('keypad', 'ArrowRight')).toBe('contacts')
    expect(tabAfterKey('history', 'ArrowRight')).toBe('keypad')
    expect(tabAfterKey('keypad', 'ArrowLeft')).toBe('history')
    expect(tabAfterKey('contacts', 'ArrowLeft')).toBe('keypad')
    expect(tabAfterKey('contacts', 'Home')).toBe('keypad')
    expect(tabAfterKey('keypad', 'End')).toBe('history')
    expect(tabAfterKey('keypad', 'Enter')).toBeNull()
    expect(tabAfterKey('keypad', 'ArrowDown')).toBeNull()
  })

  it('every part shows in wide and medium; only the chosen tab in compact', () => {
    for (const layout of ['wide', 'medium'] as const) {
      expect(partShown(layout, 'keypad', 'history')).toBe(true)
      expect(partShown(layout, 'keypad', 'contacts')).toBe(true)
    }
    expect(partShown('compact', 'keypad', 'keypad')).toBe(true)
    expect(partShown('compact', 'keypad', 'contacts')).toBe(false)
    expect(partShown('compact', 'history', 'history')).toBe(true)
  })
})

describe('callsInView', () => {
  const calls = [
    { id: 'a', phase: CallPhase.Active },
    { id: 'b', phase: CallPhase.Held },
    { id: 'r', phase: CallPhase.Ringing },
  ]

  it('compact puts ringing calls first, so Answer and Reject are in view', () => {
    expect(callsInView('compact', calls).map((call) => call.id)).toEqual(['r', 'a', 'b'])
  })

  it('wide and medium keep the order the calls came in', () => {
    expect(callsInView('wide', calls).map((call) => call.id)).toEqual(['a', 'b', 'r'])
    expect(callsInView('medium', calls).map((call) => call.id)).toEqual(['a', 'b', 'r'])
  })
})
