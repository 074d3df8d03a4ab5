import type { ParleyApi } from '../../contract/ipc'
import type { Preferences } from '../../contract/schemas'
import { textSizes, type TextSize } from '../../contract/text-size'
import type { LanguageState } from './language.svelte'
import { appRemPx } from './layout'
import { PreferenceValue } from './preference-switch.svelte'

type Notifier = ConstructorParameters<typeof PreferenceValue>[1]

/** Ctrl + "+" / "-" / "0": one step up or down the sizes Settings offers, or back to 100 %. */
export type TextSizeStep = 'larger' | 'smaller' | 'normal'

/** The size a step leads to; the same size at either end of the list. */
export function textSizeAfter(size: TextSize, step: TextSizeStep): TextSize {
  if (step === 'normal') return 100
  const at = textSizes.indexOf(size)
  const next = at + (step === 'larger' ? 1 : -1)
  return textSizes[Math.min(textSizes.length - 1, Math.max(0, next))] ?? size
}

/** The element whose font size every rem follows (the document's root). */
export interface TextRoot {
  style: { fontSize: string }
}

/**
 * The text size, the `textSize` preference kept by main (an admin may preset or lock it): the
 * root element's font size, the app's 15 px times the factor, so every rem grows with it and
 * the layout (chosen by width in rem, LayoutState) follows. At 100 % the stylesheet's size holds.
 */
export class TextSizeState extends PreferenceValue<'textSize'> {
  private shown: TextSize = 100

  constructor(
    api: ParleyApi,
    notifier: Notifier,
    language: LanguageState,
    private readonly root: TextRoot,
  ) {
    super(
      api,
      notifier,
      'textSize',
      {
        get name() {
          return language.t('settings.text-size')
        },
        said: (percent) => language.t('settings.text-size-changed', { percent }),
      },
      100,
    )
  }

  override apply(preferences: Preferences): void {
    super.apply(preferences)
    this.show()
  }

  override async set(size: TextSize): Promise<boolean> {
    const changed = await super.set(size)
    this.show()
    return changed
  }

  /** A shortcut's step; nothing is sent when the size is already at that end. */
  async step(step: TextSizeStep): Promise<boolean> {
    const size = textSizeAfter(this.value, step)
    return size === this.value ? false : this.set(size)
  }

  /** Writes the root's font size only on a change: the start with 100 % touches nothing. */
  private show(): void {
    if (this.value === this.shown) return
    this.shown = this.value
    this.root.style.fontSize = this.value === 100 ? '' : `${(appRemPx * this.value) / 100}px`
  }
}
