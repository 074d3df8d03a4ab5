/**
 * RFC 3842 `application/simple-message-summary`, read defensively: the body comes from the
 * network (a PBX, or anyone who can PUBLISH for the mailbox), so every line is bounded, unknown
 * lines are skipped, counts are clipped, and a body without the one mandatory line
 * (`Messages-Waiting: yes|no`) is not a summary at all.
 *
 *   Messages-Waiting: yes
 *   Message-Account: sip:4600@parley.test
 *   Voice-Message: 2/8 (0/2)          ← new/old (urgent new/urgent old)
 */

export interface MessageCounts {
  newCount: number
  oldCount: number
  urgentNew: number
  urgentOld: number
}

export interface MessageSummary {
  /** The notifier says messages wait (for any message class). */
  waiting: boolean
  /** Voice message counts; null when the summary gives none (waiting may still be true). */
  voice: MessageCounts | null
}

/** More than any mailbox holds; larger figures are clipped to it. */
export const MAX_COUNT = 9999
const MAX_BODY = 16 * 1024
const MAX_LINES = 64

const COUNTS = /^(\d{1,9})\s*\/\s*(\d{1,9})(?:\s*\(\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*\))?\s*$/

const clip = (text: string | undefined) => Math.min(MAX_COUNT, Number.parseInt(text ?? '0', 10) || 0)

/** The summary in `body`, or null when it is not one (missing or unreadable Messages-Waiting). */
export function parseMessageSummary(body: string): MessageSummary | null {
  if (typeof body !== 'string' || body.length > MAX_BODY) return null
  let waiting: boolean | null = null
  let voice: MessageCounts | null = null
  for (const line of body.split(/\r?\n/, MAX_LINES)) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    if (name === 'messages-waiting') {
      const answer = value.toLowerCase()
      if (answer === 'yes' || answer === 'no') waiting ??= answer === 'yes'
    } else if (name === 'voice-message' && voice === null) {
      const match = COUNTS.exec(value)
      if (match) {
        voice = {
          newCount: clip(match[1]),
          oldCount: clip(match[2]),
          urgentNew: clip(match[3]),
          urgentOld: clip(match[4]),
        }
      }
    }
  }
  if (waiting === null) return null
  return { waiting, voice }
}
