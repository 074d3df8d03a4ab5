import {
  appRemPx,
  compactTabs,
  layoutFor,
  springLoadMs,
  tabAfterKey,
  tabForFocus,
  type CompactTab,
  type Layout,
} from './layout'
import type { FocusTarget } from './ui.svelte'

export interface LayoutTimers {
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** A panel opened from the header's controls (my status's): in compact it lives in the menu. */
export interface HeaderPanel {
  readonly open: boolean
  close(): void
}

const realTimers: LayoutTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * The main screen's layout: fed the screen's width and the size of a rem (ResizeObservers in
 * MainScreen: a window resized or the text made larger), it says which layout shows and, in
 * compact, which tab. Focus requests open the tab holding their
 * field, so every shortcut does the same in every layout; a dragged call hovering over a tab
 * opens it (spring-loaded), so a call can be dropped on a contact behind a closed tab.
 */
export class LayoutState {
  /** The main screen's width in CSS px. */
  width = $state(Number.POSITIVE_INFINITY)
  /** CSS px in a rem: the app's own size until the user's text size says otherwise. */
  remPx = $state(appRemPx)
  tab = $state<CompactTab>('keypad')
  /** The tab a dragged call hovers over, waiting to open (highlighted meanwhile). */
  springing = $state<CompactTab | null>(null)
  /** The header's menu in compact (status, settings, sign out). */
  menuOpen = $state(false)
  readonly layout: Layout = $derived(layoutFor(this.width / this.remPx))
  /**
   * The text's size against the app's own (2 at 200 % text): what sizes set in px at the app's
   * text size (a virtual list's row heights) are multiplied by, so larger text gets taller rows.
   */
  readonly textScale: number = $derived(this.remPx / appRemPx)
  readonly tabs = compactTabs

  private springTimer: unknown = null
  private readonly timers: LayoutTimers
  private headerPanel: HeaderPanel | null = null

  constructor(timers: LayoutTimers = realTimers) {
    this.timers = timers
  }

  setWidth(width: number): void {
    if (width > 0) this.width = width
    this.layoutMayHaveChanged()
  }

  /** The text size changed (the user's 200 % text, say): px in a rem, as measured. */
  setRemPx(px: number): void {
    if (px > 0 && Number.isFinite(px)) this.remPx = px
    this.layoutMayHaveChanged()
  }

  /**
   * The header panel that keeps the compact menu open: a window made narrow (or text made
   * larger) with the panel open shows it in the menu; the menu closed by the user closes it.
   */
  holdsMenuOpen(panel: HeaderPanel): void {
    this.headerPanel = panel
    this.layoutMayHaveChanged()
  }

  select(tab: CompactTab): void {
    this.tab = tab
    this.cancelSpring()
  }

  /** A focus request (shortcut, T, a link) shows the part holding its field first. */
  reveal(target: FocusTarget): void {
    const tab = tabForFocus(target)
    if (tab) this.select(tab)
  }

  /** Arrow keys, Home and End on the tab list; the tab to focus, or null when the key is not ours. */
  keyOnTabs(key: string): CompactTab | null {
    const next = tabAfterKey(this.tab, key)
    if (next) this.select(next)
    return next
  }

  /** A dragged call entered a tab: it opens when the call stays a moment. */
  dragEnter(tab: CompactTab): void {
    if (tab === this.tab) return this.cancelSpring()
    if (this.springing === tab) return
    this.cancelSpring()
    this.springing = tab
    this.springTimer = this.timers.setTimeout(() => {
      this.springTimer = null
      this.select(tab)
    }, springLoadMs)
  }

  /** The drag left the tab (or ended) before it opened. */
  dragLeave(tab: CompactTab | null = null): void {
    if (tab === null || this.springing === tab) this.cancelSpring()
  }

  /** Fed the number of ringing calls: the menu closes so it never covers Answer and Reject. */
  ringing(count: number): void {
    if (count > 0 && this.menuOpen) this.toggleMenu(false)
  }

  /** The menu button, Escape or a click elsewhere; a panel in the closing menu closes with it. */
  toggleMenu(open = !this.menuOpen): void {
    this.menuOpen = open
    if (!open) this.headerPanel?.close()
  }

  /**
   * Only compact has the header's menu; the other layouts show its controls in the header (an
   * open header panel stays open there, and opens the menu when the layout becomes compact).
   */
  private layoutMayHaveChanged(): void {
    if (this.layout !== 'compact') this.menuOpen = false
    else if (this.headerPanel?.open) this.menuOpen = true
  }

  private cancelSpring(): void {
    if (this.springTimer !== null) this.timers.clearTimeout(this.springTimer)
    this.springTimer = null
    this.springing = null
  }
}
