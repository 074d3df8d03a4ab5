import { existsSync, readFileSync } from 'node:fs'

/** One message in a SIPp message file (`-trace_msg`): when, which way, and its text. */
export interface SippMessage {
  /** Milliseconds since the epoch, as SIPp stamped it (microseconds kept as a fraction). */
  at: number
  direction: 'sent' | 'received'
  startLine: string
  header(name: string): string | undefined
}

const stamp = /^-{20,} (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})\.(\d{6})$/m

/**
 * Every message SIPp wrote to its message file so far (what it really sent and received, with
 * its own clock's times). SIPp stamps local time; this machine's e2e runs in UTC or local time
 * alike, because only differences between stamps are compared.
 */
export function sippMessages(file: string): SippMessage[] {
  if (!existsSync(file)) return []
  const blocks = readFileSync(file, 'utf8').split(/^(?=-{20,} \d{4}-)/m)
  const messages: SippMessage[] = []
  for (const block of blocks) {
    const time = stamp.exec(block)
    const lines = block.split(/\r?\n/)
    const kind = /message (sent|received)/.exec(lines[1] ?? '')?.[1]
    if (!time || !kind) continue
    const text = lines.slice(2).join('\n').replace(/^\s+/, '')
    const [startLine = '', ...rest] = text.split('\n')
    const headers = rest.slice(0, Math.max(0, rest.indexOf('')))
    messages.push({
      at: Date.parse(`${time[1]}T${time[2]}`) + Number(time[3]) / 1000,
      direction: kind as 'sent' | 'received',
      startLine: startLine.trim(),
      header: (name) => {
        const prefix = `${name.toLowerCase()}:`
        const line = headers.find((h) => h.toLowerCase().startsWith(prefix))
        return line?.slice(prefix.length).trim()
      },
    })
  }
  return messages
}

/** The SUBSCRIBEs SIPp received for one event package, in order. */
export function subscribesFor(file: string, event: string): SippMessage[] {
  return sippMessages(file).filter(
    (m) => m.direction === 'received' && m.startLine.startsWith('SUBSCRIBE ') && m.header('Event') === event,
  )
}
