import type { Page } from 'playwright-core'
import { catalogues, type MessageKey } from '../../contract/i18n/catalogue'

/**
 * English that must not show in the Swedish product: every English catalogue text that differs
 * from its Swedish counterpart. A text with parameters counts by its fixed words (rendered with
 * markers for the parameters, split at them). Texts too short to mean anything, and any that
 * also occur inside a Swedish text (a product name, "SIP", "Via"), are left out.
 */
const marker = '\u0000'
const minimumLength = 6

/** A parameter object whose every field reads as the marker (numbers as NaN: plural "other"). */
const markers = new Proxy({}, { get: (_target, field) => (field === 'count' ? Number.NaN : marker) })

function fixedPieces(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry]
  if (typeof entry !== 'function') return []
  try {
    return String((entry as (params: unknown) => string)(markers)).split(marker)
  } catch (error) {
    // A text that cannot be rendered with markers is left out of the check: say which, so the
    // gap is seen rather than silent.
    console.warn('[english-leaks] a catalogue text could not be rendered with markers', error)
    return []
  }
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim()
const meaningful = (text: string) => text.length >= minimumLength && /[A-Za-z]{3}/.test(text)

export function englishOnlyTexts(): string[] {
  const swedish = Object.values(catalogues.sv).flatMap(fixedPieces).map(words)
  const swedishAll = swedish.join('\n')
  const found = new Set<string>()
  for (const key of Object.keys(catalogues.en) as MessageKey[]) {
    const sv = fixedPieces(catalogues.sv[key]).map(words)
    for (const piece of fixedPieces(catalogues.en[key]).map(words)) {
      // Punctuation at the edges of a piece ("…: ", " (") says nothing by itself.
      const text = piece.replace(/^[\s:;,.()“”"'–-]+|[\s:;,(“”"'–-]+$/g, '')
      if (!meaningful(text) || sv.includes(text) || swedishAll.includes(text)) continue
      found.add(text)
    }
  }
  return [...found]
}

/**
 * What a person sees or hears on the page now: the visible text (and what a screen reader
 * reads of visually hidden text), every accessible name and description given by attribute,
 * placeholders, tooltips and the options of every list box. Key caps (<kbd>) are left out:
 * they name keys as the keyboard prints them ("Delete", "Esc").
 */
export function pageTexts(page: Page): Promise<string> {
  return page.evaluate(() => {
    // Hidden through the CSSOM for one reading (the page's CSP refuses a <style> element).
    const keyCaps = [...document.querySelectorAll('kbd')].map((kbd) => [kbd, kbd.style.display] as const)
    for (const [kbd] of keyCaps) kbd.style.display = 'none'
    const shown = document.body.innerText
    for (const [kbd, display] of keyCaps) kbd.style.display = display
    const parts = [document.title, shown]
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of [
        'aria-label',
        'aria-description',
        'aria-valuetext',
        'aria-roledescription',
        'title',
        'placeholder',
        'alt',
      ]) {
        const value = element.getAttribute(attribute)
        if (value) parts.push(value)
      }
      if (element instanceof HTMLOptionElement) parts.push(element.text)
    }
    return parts.join('\n')
  })
}

/** The English texts in `text`, each matched as whole words (never inside a longer word). */
export function englishIn(text: string, english: readonly string[]): string[] {
  const flat = words(text)
  return english.filter((candidate) => {
    let at = flat.indexOf(candidate)
    while (at !== -1) {
      const before = flat[at - 1] ?? ' '
      const after = flat[at + candidate.length] ?? ' '
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true
      at = flat.indexOf(candidate, at + 1)
    }
    return false
  })
}

/**
 * Records every text that appears on the page from now on (added nodes, changed text, changed
 * names and tooltips), so what only flashes by (a toast, the live region) is searched too.
 */
export async function recordTexts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __textsSeen: string[] }).__textsSeen = seen
    const keep = (text: string | null | undefined) => {
      const trimmed = (text ?? '').trim()
      if (trimmed) seen.push(trimmed)
    }
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') keep(record.target.textContent)
        else if (record.type === 'attributes' && record.attributeName)
          keep((record.target as Element).getAttribute(record.attributeName))
        else
          for (const node of record.addedNodes)
            if (!(node instanceof HTMLStyleElement || node instanceof HTMLScriptElement))
              keep(node.textContent)
      }
    }).observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'aria-valuetext'],
    })
  })
}

/** Every text recorded since recordTexts. */
export function recordedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __textsSeen?: string[] }).__textsSeen ?? [])
}
