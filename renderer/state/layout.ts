import { CallPhase } from '../sip/types'
import type { FocusTarget } from './ui.svelte'
import { indexAfterKey } from '../keyboard/list-keys'

/**
 * Which layout the main screen takes for its width, and how the compact layout's tabs answer
 * focus requests, keys and drags. Pure: the rune class (layout.svelte.ts) holds the values and
 * components render what these functions decide.
 *
 * The width counts in text units (rem), not pixels: the columns are sized in rem, so with 200 %
 * text a 1100 px window holds what a 550 px one holds at the app's own text size. In pixels at
 * that size (15 px a rem, app.css):
 *
 *   width ≥ 1000 → wide    (contacts | calls + keypad | history)
 *   700 ≤ width  → medium  (contacts | calls + keypad over history)
 *   width < 700  → compact (calls on top, then one of keypad / contacts / history by tabs)
 */
export type Layout = 'wide' | 'medium' | 'compact'

/** CSS pixels in a rem at the app's own text size (app.css `:root`). */
export const appRemPx = 15

/** Where each layout starts, in rem (700 and 1000 px at the app's own text size). */
export const layoutBreakpoints = { medium: 700 / appRemPx, wide: 1000 / appRemPx } as const

/** The layout for a width in rem (the width in px divided by the px in a rem). */
export function layoutFor(widthRem: number): Layout {
  if (!Number.isFinite(widthRem) || widthRem >= layoutBreakpoints.wide) return 'wide'
  return widthRem >= layoutBreakpoints.medium ? 'medium' : 'compact'
}

/** The compact layout's tabs, in the order they are shown. */
export const compactTabs = ['keypad', 'contacts', 'history'] as const
export type CompactTab = (typeof compactTabs)[number]

/**
 * The tab a focus request needs shown (a shortcut, T for transfer, a tel: link): the part
 * holding that field. The calls are never behind a tab.
 */
export function tabForFocus(target: FocusTarget): CompactTab | null {
  switch (target) {
    case 'dial':
      return 'keypad'
    case 'contact-search':
      return 'contacts'
    case 'history-search':
      return 'history'
    case 'calls':
      return null
  }
}

/** The tab a key pressed on the tab list moves to (the ARIA tabs pattern); null: not ours. */
export function tabAfterKey(current: CompactTab, key: string): CompactTab | null {
  const next = indexAfterKey(key, compactTabs.indexOf(current), compactTabs.length, {
    direction: 'row',
    wrap: true,
  })
  return next === null ? null : (compactTabs[next] ?? null)
}

/** Whether a part of the screen is shown: every part outside compact, only the chosen tab in it. */
export function partShown(layout: Layout, current: CompactTab, part: CompactTab): boolean {
  return layout !== 'compact' || current === part
}

/** How long a dragged call hovers over a tab before the tab opens (spring-loaded). */
export const springLoadMs = 500

/**
 * The calls in the order the call area shows them. In compact the area is short, so a ringing
 * call comes first: its Answer and Reject are then in view without scrolling.
 */
export function callsInView<T extends { phase: CallPhase }>(layout: Layout, calls: readonly T[]): T[] {
  if (layout !== 'compact') return [...calls]
  const ringing = (call: T) => call.phase === CallPhase.Ringing
  return [...calls.filter(ringing), ...calls.filter((call) => !ringing(call))]
}
