/**
 * A small, strict, namespace-aware XML scanner for presence documents from the network (PIDF,
 * later dialog-info): linear in the input, bounded in size, depth and element count, and
 * refusing DOCTYPE (no entity expansion) instead of trying to be a general XML parser. It never
 * builds markup: the caller receives names, attributes and decoded text. Pure, runs in Node.
 */

export interface XmlName {
  /** The namespace URI the prefix resolved to ('' when none). */
  ns: string
  local: string
}

export interface XmlHandler {
  open(name: XmlName, attribute: (local: string) => string | undefined): void
  close(name: XmlName): void
  text(text: string): void
}

export const xmlLimits = {
  /** Characters of a whole document: a presence document is a few hundred bytes. */
  chars: 64_000,
  elements: 2_000,
  depth: 32,
} as const

interface Frame {
  qname: string
  name: XmlName
  prefixes: Map<string, string>
}

const entity = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g
const named: Partial<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decode(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(entity, (_, ref: string) => {
    const known = named[ref]
    if (known !== undefined) return known
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    return valid ? String.fromCodePoint(code) : '\ufffd'
  })
}

const attributePattern = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
const namePattern = /^[^\s/>]+/

function parseAttributes(source: string): Map<string, string> | undefined {
  const attributes = new Map<string, string>()
  for (const match of source.matchAll(attributePattern)) {
    attributes.set(match[1] ?? '', decode(match[2] ?? match[3] ?? ''))
  }
  // anything but whitespace between the attributes is not XML
  return source.replace(attributePattern, '').trim() === '' ? attributes : undefined
}

function resolve(qname: string, prefixes: Map<string, string>, isAttribute: boolean): XmlName | undefined {
  const colon = qname.indexOf(':')
  if (colon < 0) return { ns: isAttribute ? '' : (prefixes.get('') ?? ''), local: qname }
  const ns = prefixes.get(qname.slice(0, colon))
  return ns === undefined ? undefined : { ns, local: qname.slice(colon + 1) }
}

/** Scans `xml`, calling `handler` per element and text; false when the document is not acceptable. */
export function scanXml(xml: string, handler: XmlHandler): boolean {
  if (xml.length > xmlLimits.chars) return false
  const stack: Frame[] = []
  let elements = 0
  let rootSeen = false
  let at = 0
  while (at < xml.length) {
    const lt = xml.indexOf('<', at)
    const textEnd = lt < 0 ? xml.length : lt
    if (textEnd > at) {
      const text = xml.slice(at, textEnd)
      if (stack.length > 0) handler.text(decode(text))
      else if (text.trim() !== '') return false
    }
    if (lt < 0) break
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2)
      if (end < 0) return false
      at = end + 2
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4)
      if (end < 0) return false
      at = end + 3
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9)
      if (end < 0 || stack.length === 0) return false
      handler.text(xml.slice(lt + 9, end))
      at = end + 3
    } else if (xml.startsWith('<!', lt)) {
      return false // DOCTYPE and other declarations: refused (entity expansion, external loads)
    } else {
      const gt = xml.indexOf('>', lt + 1)
      if (gt < 0) return false
      const ok = xml[lt + 1] === '/' ? closeTag(xml.slice(lt + 2, gt).trim()) : openTag(xml.slice(lt + 1, gt))
      if (!ok) return false
      at = gt + 1
    }
  }
  return rootSeen && stack.length === 0

  function closeTag(qname: string): boolean {
    const frame = stack.pop()
    if (!frame || frame.qname !== qname) return false
    handler.close(frame.name)
    return true
  }

  function openTag(inner: string): boolean {
    const selfClosing = inner.endsWith('/')
    const body = selfClosing ? inner.slice(0, -1) : inner
    const qname = namePattern.exec(body)?.[0]
    if (!qname) return false
    if (stack.length === 0 && rootSeen) return false // a second root
    if (++elements > xmlLimits.elements || stack.length >= xmlLimits.depth) return false
    rootSeen = true
    const attributes = parseAttributes(body.slice(qname.length))
    if (!attributes) return false
    const prefixes = new Map(stack.at(-1)?.prefixes)
    for (const [key, value] of attributes) {
      if (key === 'xmlns') prefixes.set('', value)
      else if (key.startsWith('xmlns:')) prefixes.set(key.slice(6), value)
    }
    const name = resolve(qname, prefixes, false)
    if (!name) return false
    const attribute = (local: string) => {
      for (const [key, value] of attributes) {
        if (key.startsWith('xmlns')) continue
        if (resolve(key, prefixes, true)?.local === local) return value
      }
      return undefined
    }
    handler.open(name, attribute)
    if (selfClosing) handler.close(name)
    else stack.push({ qname, name, prefixes })
    return true
  }
}
