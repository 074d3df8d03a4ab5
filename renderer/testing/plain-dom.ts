import type { PlainDocument, PlainElement } from '../start-view-dom'

/** An element of FakeDocument: what the plain start view sets, written out as HTML. */
export class FakeElement implements PlainElement<FakeElement> {
  className = ''
  textContent: string | null = null
  children: FakeElement[] = []
  readonly attributes = new Map<string, string>()
  /** How often the children were replaced (a live region should not be rebuilt each update). */
  replaced = 0

  constructor(readonly tag: string) {}

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value)
  }

  replaceChildren(...children: FakeElement[]): void {
    this.children = children
    this.replaced++
  }

  /** The element as HTML, attributes in name order, text escaped as textContent would be. */
  get markup(): string {
    const attributes = [...(this.className ? [['class', this.className] as const] : []), ...this.attributes]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => ` ${name}="${escaped(value)}"`)
      .join('')
    const inner =
      this.textContent !== null
        ? escaped(this.textContent)
        : this.children.map((child) => child.markup).join('')
    return `<${this.tag}${attributes}>${inner}</${this.tag}>`
  }
}

export class FakeDocument implements PlainDocument<FakeElement> {
  createElement(tag: string): FakeElement {
    return new FakeElement(tag)
  }
}

export function escaped(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}
