import { message, type Message } from '../../contract/i18n'

export interface JsonSyntaxProblem {
  line: number
  column: number
  /** What was wrong there, worded by the catalogue (the IT admin reads the user's language too). */
  problem: Message
}

/**
 * Where a JSON text first goes wrong, as line and column (1-based). V8's own messages only
 * sometimes carry a position, and an admin editing a policy file by hand needs the line.
 * A small strict scanner; only run after JSON.parse has already failed.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  let index = 0

  class Stop extends Error {
    constructor(
      readonly at: number,
      readonly what: Message,
    ) {
      super(what.key)
    }
  }

  const describe = (at: number) =>
    at >= text.length ? message('policy.json-found-end') : JSON.stringify(text[at])
  const unexpected = (expected: Message | string): never => {
    throw new Stop(index, message('policy.json-expected', { expected, found: describe(index) }))
  }
  const skipSpace = () => {
    while (index < text.length && ' \t\n\r'.includes(text[index] as string)) index++
  }
  const literal = (word: string) => {
    if (text.startsWith(word, index)) index += word.length
    else unexpected(message('policy.json-a-value'))
  }
  const string = () => {
    index++ // opening quote
    while (index < text.length) {
      const char = text[index] as string
      if (char === '"') {
        index++
        return
      }
      if (char === '\\') {
        const next = text[index + 1]
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) index += 6
        else if (next !== undefined && '"\\/bfnrt'.includes(next)) index += 2
        else throw new Stop(index, message('policy.json-bad-escape'))
        continue
      }
      if (char.charCodeAt(0) < 0x20) throw new Stop(index, message('policy.json-control-in-string'))
      index++
    }
    throw new Stop(index, message('policy.json-unclosed-string'))
  }
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(index))
    if (!match) unexpected(message('policy.json-a-value'))
    index += (match as RegExpExecArray)[0].length
  }
  const scalar = () => {
    const char = text[index]
    if (char === '"') return string()
    if (char === 't') return literal('true')
    if (char === 'f') return literal('false')
    if (char === 'n') return literal('null')
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number()
    unexpected(message('policy.json-a-value'))
  }
  const key = () => {
    skipSpace()
    if (text[index] !== '"') unexpected(message('policy.json-property-name'))
    string()
    skipSpace()
    if (text[index] !== ':') unexpected("':'")
    index++
  }
  /**
   * The whole document, with the open objects and arrays on an explicit stack rather than the
   * call stack: a file nested 20,000 levels deep gets its line, not a stack overflow.
   */
  const document = () => {
    const open: ('object' | 'array')[] = []
    let expectValue = true
    for (;;) {
      skipSpace()
      if (expectValue) {
        const char = text[index]
        if (char === '{' || char === '[') {
          index++
          skipSpace()
          if (text[index] === (char === '{' ? '}' : ']')) {
            index++
            expectValue = false
            continue
          }
          open.push(char === '{' ? 'object' : 'array')
          if (char === '{') key()
          continue
        }
        scalar()
        expectValue = false
        continue
      }
      const container = open.at(-1)
      if (!container) {
        if (index < text.length) unexpected(message('policy.json-nothing-more'))
        return
      }
      const close = container === 'object' ? '}' : ']'
      if (text[index] === ',') {
        index++
        skipSpace()
        if (text[index] === close)
          unexpected(
            container === 'object'
              ? message('policy.json-another-property')
              : message('policy.json-another-value'),
          )
        if (container === 'object') key()
        expectValue = true
      } else if (text[index] === close) {
        index++
        open.pop()
      } else
        unexpected(
          message(container === 'object' ? 'policy.json-comma-or-brace' : 'policy.json-comma-or-bracket'),
        )
    }
  }

  try {
    if (text.charCodeAt(0) === 0xfeff) index = 1 // byte order mark from Windows editors
    document()
    return null
  } catch (error) {
    if (!(error instanceof Stop)) throw error
    const before = text.slice(0, error.at)
    const lines = before.split(/\r\n|\r|\n/)
    return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, problem: error.what }
  }
}
