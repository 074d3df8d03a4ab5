/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'svelte/compiler'
import { describe, expect, it } from 'vitest'

/**
 * Every word a component shows comes from the catalogue (contract/i18n): a text node or a
 * user-facing attribute with a letter outside `{…}` fails here. Symbols (✕, ·, digits) are fine.
 */
const userFacingAttributes = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
])
const letter = /\p{L}/u

/** Components still being moved to the catalogue; the list may only shrink. */
const notYetConverted = new Set<string>([])

interface Node {
  type: string
  name?: string
  data?: string
  value?: unknown
  [key: string]: unknown
}

/** The literal words in a component's markup (script and style are not markup). */
export function literalTexts(source: string): string[] {
  const ast = parse(source, { modern: true })
  const found: string[] = []
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    if (Array.isArray(node)) return node.forEach(visit)
    const current = node as Node
    if (current.type === 'Text' && current.data && letter.test(current.data)) found.push(current.data.trim())
    if (current.type === 'Attribute' && current.name && userFacingAttributes.has(current.name)) {
      const parts = Array.isArray(current.value) ? (current.value as Node[]) : []
      for (const part of parts)
        if (part.type === 'Text' && part.data && letter.test(part.data))
          found.push(`${current.name}="${part.data}"`)
      return
    }
    // Other attributes and directives (style:, class:) hold no words a user reads.
    if (current.type === 'Attribute' || String(current.type).endsWith('Directive')) return
    for (const [key, child] of Object.entries(current)) {
      if (key === 'parent' || key === 'metadata') continue
      if (child && typeof child === 'object') visit(child)
    }
  }
  visit(ast.fragment)
  return found
}

const folder = import.meta.dirname
const components = readdirSync(folder).filter((name) => name.endsWith('.svelte'))
// The window's root (the start view before it is plain DOM: start-view-dom.test.ts).
const roots = ['App.svelte'].map((name) => join(folder, '..', name))

describe('components read every text from the catalogue', () => {
  it('finds literal words (the check itself can fail)', () => {
    expect(literalTexts('<p>Hello {name}</p><button aria-label="Close">✕</button>')).toEqual([
      'Hello',
      'aria-label="Close"',
    ])
    expect(literalTexts('<p>{t("a")} · 3</p><button aria-label={t("close")}>✕</button>')).toEqual([])
  })

  for (const file of [...components.map((name) => join(folder, name)), ...roots]) {
    const name = file.split('/').at(-1) ?? file
    it(`${name} ${notYetConverted.has(name) ? 'is still listed as not converted' : 'has no literal text'}`, () => {
      const texts = literalTexts(readFileSync(file, 'utf8'))
      // A listed file that became clean must leave the list, so the list only ever shrinks.
      if (notYetConverted.has(name)) expect(texts.length).toBeGreaterThan(0)
      else expect(texts).toEqual([])
    })
  }
})
